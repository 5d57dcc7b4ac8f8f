#include "ui/bench/susquestionnaire.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace devzero::ui {

QStringList SusQuestionnaire::statements()
{
    // Brooke's wording, unchanged: scores are comparable only with it.
    return {
        tr("I think that I would like to use this system frequently."),
        tr("I found the system unnecessarily complex."),
        tr("I thought the system was easy to use."),
        tr("I think that I would need the support of a technical person to be able to use this system."),
        tr("I found the various functions in this system were well integrated."),
        tr("I thought there was too much inconsistency in this system."),
        tr("I would imagine that most people would learn to use this system very quickly."),
        tr("I found the system very cumbersome to use."),
        tr("I felt very confident using the system."),
        tr("I needed to learn a lot of things before I could get going with this system."),
    };
}

SusQuestionnaire::SusQuestionnaire(QWidget *parent)
    : QWidget(parent), m_progress(new QLabel(this)), m_submit(new QPushButton(tr("Submit answers"), this))
{
    setObjectName(QStringLiteral("susQuestionnaire"));
    setFocusPolicy(Qt::StrongFocus);
    auto *title = new QLabel(tr("Last questions: the platform as a whole"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    f.setBold(true);
    title->setFont(f);
    auto *intro = new QLabel(tr("“The system” means the platform you just worked with: its docs, tools and services, "
                                "not this window. Give your first reaction to each statement.\nKeys 1 to 5 answer the "
                                "highlighted statement and move on; Up and Down choose another one."),
                             this);
    intro->setWordWrap(true);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(8);
    auto *disagree = new QLabel(tr("Strongly\ndisagree"), this);
    auto *agree = new QLabel(tr("Strongly\nagree"), this);
    disagree->setAlignment(Qt::AlignCenter);
    agree->setAlignment(Qt::AlignCenter);
    grid->addWidget(disagree, 0, 1, 1, 2, Qt::AlignLeft | Qt::AlignBottom);
    grid->addWidget(agree, 0, 4, 1, 2, Qt::AlignRight | Qt::AlignBottom);
    const QStringList items = statements();
    for (int i = 0; i < items.size(); ++i) {
        auto *text = new QLabel(QStringLiteral("%1. %2").arg(i + 1).arg(items.at(i)), this);
        text->setWordWrap(true);
        text->setMinimumWidth(220);
        text->setMargin(3);
        m_labels << text;
        grid->addWidget(text, i + 1, 0);
        auto *group = new QButtonGroup(this);
        for (int v = 1; v <= 5; ++v) {
            auto *button = new QRadioButton(QString::number(v), this);
            button->setObjectName(QStringLiteral("sus%1_%2").arg(i + 1).arg(v));
            button->setAccessibleName(QStringLiteral("%1: %2").arg(items.at(i)).arg(v));
            button->installEventFilter(this);
            group->addButton(button, v);
            grid->addWidget(button, i + 1, v, Qt::AlignCenter);
        }
        connect(group, &QButtonGroup::idClicked, this, [this] { updateProgress(); });
        m_groups << group;
    }
    grid->setColumnStretch(0, 1);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(title);
    contentLayout->addWidget(intro);
    contentLayout->addLayout(grid);
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll = scroll;

    m_submit->setObjectName(QStringLiteral("susSubmit"));
    m_submit->setAutoDefault(true); // Enter on the focused button submits, as in a dialog
    connect(m_submit, &QPushButton::clicked, this, &SusQuestionnaire::submit);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_progress, 1);
    footer->addWidget(m_submit);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(scroll, 1);
    layout->addLayout(footer);
    updateProgress();
}

void SusQuestionnaire::ask()
{
    for (QButtonGroup *group : std::as_const(m_groups)) {
        group->setExclusive(false);
        for (QAbstractButton *b : group->buttons())
            b->setChecked(false);
        group->setExclusive(true);
    }
    updateProgress();
    setCurrent(0);
    // The questionnaire has the focus, not a button: a focused "3" would look
    // like a suggested answer.
    setFocus(Qt::OtherFocusReason);
}

QList<int> SusQuestionnaire::answers() const
{
    QList<int> values;
    for (const QButtonGroup *group : m_groups)
        values << std::max(0, group->checkedId());
    return values;
}

bool SusQuestionnaire::complete() const
{
    return !answers().contains(0);
}

void SusQuestionnaire::answer(int item, int value)
{
    m_groups.at(item)->button(value)->setChecked(true);
    updateProgress();
    // On to the next statement still open, else stay for Enter.
    for (int next = item + 1; next < m_groups.size(); ++next) {
        if (m_groups.at(next)->checkedId() < 0) {
            setCurrent(next);
            setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    if (complete())
        m_submit->setFocus(Qt::OtherFocusReason);
}

void SusQuestionnaire::setCurrent(int item)
{
    m_current = std::clamp(item, 0, int(m_labels.size()) - 1);
    for (int i = 0; i < m_labels.size(); ++i) {
        m_labels.at(i)->setStyleSheet(i == m_current ? QStringLiteral("QLabel { background: #e3ecfa; border-left: 3px solid #3b6fd8; }")
                                                     : QString());
    }
    m_scroll->ensureWidgetVisible(m_labels.at(m_current), 0, 40);
}

void SusQuestionnaire::submit()
{
    if (complete())
        emit answered(answers());
}

void SusQuestionnaire::updateProgress()
{
    const int done = int(std::count_if(m_groups.cbegin(), m_groups.cend(), [](const QButtonGroup *g) { return g->checkedId() > 0; }));
    m_progress->setText(tr("%1 of 10 answered").arg(done));
    m_submit->setEnabled(done == m_groups.size());
}

bool SusQuestionnaire::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn) {
        for (int i = 0; i < m_groups.size(); ++i) {
            if (m_groups.at(i)->buttons().contains(static_cast<QAbstractButton *>(watched)))
                setCurrent(i);
        }
    }
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        int item = -1;
        for (int i = 0; i < m_groups.size(); ++i) {
            if (m_groups.at(i)->buttons().contains(static_cast<QAbstractButton *>(watched)))
                item = i;
        }
        if (item >= 0 && key >= Qt::Key_1 && key <= Qt::Key_5) {
            answer(item, key - Qt::Key_0);
            return true;
        }
        if (item >= 0 && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
            submit();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace devzero::ui

namespace devzero::ui {

void SusQuestionnaire::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key >= Qt::Key_1 && key <= Qt::Key_5) {
        answer(m_current, key - Qt::Key_0);
        return;
    }
    if (key == Qt::Key_Down || key == Qt::Key_Up) {
        setCurrent(m_current + (key == Qt::Key_Down ? 1 : -1));
        return;
    }
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        submit();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace devzero::ui
