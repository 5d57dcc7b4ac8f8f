#include "ui/bench/recoverydialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace devzero::ui {

namespace {

QString localTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

RecoveryDialog::RecoveryDialog(const QList<InterruptedSession> &sessions, QWidget *parent)
    : QDialog(parent), m_sessions(sessions), m_list(new QListWidget(this)), m_resume(new QPushButton(tr("&Resume session"), this)),
      m_abandon(new QPushButton(tr("&Close it as abandoned"), this))
{
    setObjectName(QStringLiteral("recoveryDialog"));
    setWindowTitle(tr("Resume an interrupted session?"));
    auto *explanation = new QLabel(
        tr("<p><b>A session stopped without being ended.</b> The app that recorded it closed unexpectedly "
           "(a crash, a kill, or the computer restarted).</p>"
           "<p><b>Resume</b> goes on where it stopped. The time in between is recorded as a gap and is not "
           "counted as work on the task.<br><b>Close it as abandoned</b> ends it at the last thing it recorded.</p>"),
        this);
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::RichText);
    m_list->setObjectName(QStringLiteral("interruptedSessions"));
    for (const InterruptedSession &s : sessions) {
        auto *item = new QListWidgetItem(tr("%1 on “%2”\nstarted %3, last recorded %4")
                                             .arg(s.session.pseudonym, s.session.planTitle, localTime(s.session.startedAtMs),
                                                  localTime(s.lastEventMs)),
                                         m_list);
        item->setData(Qt::UserRole, s.session.id);
    }
    m_list->setCurrentRow(0);
    m_list->setStyleSheet(QStringLiteral("QListWidget::item { padding: 4px; }"));
    // As tall as its sessions (up to four), not an empty box under one.
    const int rows = std::clamp(int(sessions.size()), 1, 4);
    const int rowHeight = std::max(m_list->sizeHintForRow(0), fontMetrics().lineSpacing() * 2 + 8);
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth() + 2);

    auto *buttons = new QDialogButtonBox(this);
    m_resume->setObjectName(QStringLiteral("recoveryResume"));
    m_abandon->setObjectName(QStringLiteral("recoveryAbandon"));
    m_resume->setDefault(true);
    buttons->addButton(m_resume, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_abandon, QDialogButtonBox::DestructiveRole);
    QPushButton *later = buttons->addButton(tr("Not now"), QDialogButtonBox::RejectRole);
    connect(m_resume, &QPushButton::clicked, this, [this] { choose(Choice::Resume); });
    connect(m_abandon, &QPushButton::clicked, this, [this] { choose(Choice::Abandon); });
    connect(later, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, [this] { choose(Choice::Resume); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 4, 16, 12); // the text brings its own top margin
    layout->setSpacing(10);
    layout->addWidget(explanation);
    layout->addWidget(m_list);
    layout->addSpacing(6);
    layout->addWidget(buttons);
    resize(580, sizeHint().height());
    m_list->setFocus();
}

qint64 RecoveryDialog::sessionId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void RecoveryDialog::choose(Choice choice)
{
    if (sessionId() <= 0)
        return;
    m_choice = choice;
    accept();
}

} // namespace devzero::ui
