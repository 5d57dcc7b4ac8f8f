#pragma once

// After a crash, a kill or a reboot: the sessions whose recording process
// died, and the choice to resume one where it stopped (the time in between
// is recorded as a gap, not as work) or to close it as abandoned. The
// dialog only asks; the caller acts (see benchlauncher.h).

#include "sessions/store/records.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace devzero::ui {

struct InterruptedSession
{
    store::SessionRow session;
    qint64 lastEventMs = 0; // when the last thing was recorded
};

class RecoveryDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { Later, Resume, Abandon };

    explicit RecoveryDialog(const QList<InterruptedSession> &sessions, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    qint64 sessionId() const; // the chosen session
    QListWidget *list() const { return m_list; }
    QPushButton *resumeButton() const { return m_resume; }
    QPushButton *abandonButton() const { return m_abandon; }

private:
    void choose(Choice choice);

    QList<InterruptedSession> m_sessions;
    QListWidget *m_list;
    QPushButton *m_resume;
    QPushButton *m_abandon;
    Choice m_choice = Choice::Later;
};

} // namespace devzero::ui
