#include "ui/bench/taskpanel.h"

#include "ui/bench/benchsession.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace devzero::ui {

namespace {

QLabel *wrappingLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

class MarkerLine : public QLineEdit
{
public:
    using QLineEdit::QLineEdit;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Escape) {
            clear();
            hide();
            return;
        }
        QLineEdit::keyPressEvent(event);
    }
};

} // namespace

TaskPanel::TaskPanel(BenchSession *session, const Actions &actions, QWidget *parent)
    : QWidget(parent), m_session(session), m_actions(actions), m_journey(wrappingLabel(this, QStringLiteral("taskJourney"))),
      m_task(wrappingLabel(this, QStringLiteral("taskTitle"))), m_goal(wrappingLabel(this, QStringLiteral("taskGoal"))),
      m_doneWhen(wrappingLabel(this, QStringLiteral("taskDoneWhen"))), m_state(new QLabel(this)), m_timer(new QLabel(this)),
      m_markerLine(new MarkerLine(this)), m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("taskPanel"));
    m_journey->setStyleSheet(QStringLiteral("color: #5f6368;"));
    QFont titleFont = m_task->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_task->setFont(titleFont);
    m_state->setObjectName(QStringLiteral("taskState"));
    m_timer->setObjectName(QStringLiteral("taskTimer"));
    QFont timerFont = m_timer->font();
    timerFont.setBold(true);
    m_timer->setFont(timerFont);
    m_timer->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *goalCaption = new QLabel(tr("Goal"), this);
    auto *doneCaption = new QLabel(tr("Done when"), this);
    for (QLabel *caption : {goalCaption, doneCaption}) {
        QFont f = caption->font();
        f.setBold(true);
        caption->setFont(f);
        caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    }
    auto *texts = new QGridLayout;
    texts->setHorizontalSpacing(12);
    texts->addWidget(goalCaption, 0, 0);
    texts->addWidget(m_goal, 0, 1);
    texts->addWidget(doneCaption, 1, 0);
    texts->addWidget(m_doneWhen, 1, 1);
    texts->setColumnStretch(1, 1);

    auto *status = new QHBoxLayout;
    status->addWidget(m_state, 1);
    status->addWidget(m_timer);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    buttons->addWidget(button(actions.start, true));
    buttons->addWidget(button(actions.done, true));
    buttons->addWidget(button(actions.failed));
    buttons->addWidget(button(actions.gaveUp));
    buttons->addWidget(button(actions.skip));
    buttons->addStretch(1);
    buttons->addWidget(button(actions.pause));
    buttons->addWidget(button(actions.marker));

    m_markerLine->setObjectName(QStringLiteral("markerLine"));
    m_markerLine->setPlaceholderText(tr("Marker: what just happened? Enter records it, Esc cancels"));
    m_markerLine->setToolTip(tr("A marker is a moment in the timeline with a few words, e.g. \"switched to the web console\""));
    m_markerLine->hide();
    connect(m_markerLine, &QLineEdit::returnPressed, this, [this] {
        if (m_markerLine->text().trimmed().isEmpty())
            return;
        if (m_session->marker(m_markerLine->text())) {
            m_markerLine->clear();
            m_markerLine->hide();
        }
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_journey);
    layout->addWidget(m_task);
    layout->addLayout(texts);
    layout->addLayout(status);
    layout->addLayout(buttons);
    layout->addWidget(m_markerLine);

    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &TaskPanel::tick);
    m_ticker->start();
    connect(session, &BenchSession::changed, this, &TaskPanel::refresh);
    refresh();
}

QToolButton *TaskPanel::button(QAction *action, bool primary)
{
    auto *b = new QToolButton(this);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setFocusPolicy(Qt::StrongFocus);
    b->setAutoRaise(false);
    if (primary) {
        QFont f = b->font();
        f.setBold(true);
        b->setFont(f);
    }
    return b;
}

void TaskPanel::askMarker()
{
    m_markerLine->show();
    m_markerLine->setFocus(Qt::ShortcutFocusReason);
}

void TaskPanel::refresh()
{
    const std::optional<store::TaskRow> task = m_session->currentTask();
    const bool inProgress = m_session->openAttempt().has_value();
    const bool open = m_session->isOpen();
    const bool paused = m_session->isPaused();
    const int count = int(m_session->tasks().size());
    if (task) {
        m_journey->setText(task->journeyOutcome.isEmpty()
                               ? tr("Journey %1: %2").arg(task->journeyPosition).arg(task->journeyTitle)
                               : tr("Journey %1: %2\n%3").arg(task->journeyPosition).arg(task->journeyTitle, task->journeyOutcome));
        m_task->setText(tr("Task %1 of %2: %3").arg(m_session->currentTaskIndex() + 1).arg(count).arg(task->title));
        m_goal->setText(task->goal);
        m_doneWhen->setText(task->doneWhen);
    } else {
        m_journey->clear();
        m_task->setText(tr("Every task has been attempted"));
        m_goal->clear();
        m_doneWhen->clear();
    }
    if (!open)
        m_state->setText(tr("The session has ended."));
    else if (paused)
        m_state->setText(tr("Paused: the clock is stopped. Resume with Ctrl+Shift+P."));
    else if (inProgress)
        m_state->setText(tr("In progress. Work in your own terminal and browser."));
    else
        m_state->setText(task ? tr("Not started. Read the goal, then start the task (Ctrl+Return).") : QString());

    m_actions.start->setEnabled(open && !paused && !inProgress && task.has_value());
    for (QAction *a : {m_actions.done, m_actions.failed, m_actions.gaveUp})
        a->setEnabled(open && inProgress);
    m_actions.skip->setEnabled(open && !paused && task.has_value());
    m_actions.pause->setEnabled(open);
    m_actions.pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_actions.marker->setEnabled(open);
    tick();
}

void TaskPanel::tick()
{
    const std::optional<store::TaskRow> task = m_session->currentTask();
    if (!m_session->openAttempt()) {
        m_timer->setText(task && task->budgetSeconds ? tr("Budget %1").arg(formatActiveTime(*task->budgetSeconds * 1000)) : QString());
        m_timer->setStyleSheet({});
        return;
    }
    const qint64 active = m_session->activeMs();
    QString text = formatActiveTime(active);
    bool over = false;
    if (task && task->budgetSeconds) {
        text += QStringLiteral(" / ") + formatActiveTime(*task->budgetSeconds * 1000);
        over = active > *task->budgetSeconds * 1000;
    }
    m_timer->setText(text);
    m_timer->setToolTip(over ? tr("Over the time budget: keep going, or give up when you would in real life.")
                             : tr("Active time on this task (pauses excluded)"));
    // Over budget is information, not an alarm: a muted amber, no popup.
    m_timer->setStyleSheet(over ? QStringLiteral("color: #9a5b00;") : QString());
}

} // namespace devzero::ui
