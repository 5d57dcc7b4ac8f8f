#pragma once

// The session the bench records into: the one place the bench's panels go
// through to reach the session engine. Each call is one short committed
// transaction on the UI thread's own lab connection; a failure is reported
// with problem() and never loses what was recorded before.

#include "sessions/capture/sessionengine.h"
#include "sessions/store/records.h"
#include "ui/bench/wording.h"

#include <QObject>

#include <memory>
#include <optional>

namespace devzero {
class LabDatabase;
}
namespace devzero::capture {
class Clock;
}

namespace devzero::ui {

struct TaskSummary
{
    QString number;
    QString title;
    std::optional<store::Outcome> outcome; // none: not attempted
    std::optional<qint64> activeMs;
    std::optional<int> seq;
};

struct SessionSummary
{
    QString pseudonym;
    QString planTitle;
    QList<TaskSummary> tasks;
    int notes = 0;
    int lookups = 0;
    int searches = 0;
    int commands = 0;
    qint64 activeMs = 0; // sum over the attempts
};

class BenchSession : public QObject
{
    Q_OBJECT
public:
    // Opens the lab and an existing session of it. With resumeInterrupted,
    // takes over a session whose recording process died (the gap is recorded).
    static std::unique_ptr<BenchSession> open(const QString &labPath, qint64 sessionId, bool resumeInterrupted,
                                              const capture::Clock &clock, QString *error);
    ~BenchSession() override;

    QString labPath() const;
    const capture::Clock &clock() const { return m_clock; }
    // After a resume of an interrupted session: how long it lay dead.
    std::optional<qint64> resumedGapMs() const { return m_gapMs; }
    const store::SessionRow &session() const { return m_session; }
    const QList<store::TaskRow> &tasks() const { return m_tasks; }

    // The task the tester works on: the one in progress, else the next one.
    int currentTaskIndex() const { return m_current; }
    std::optional<store::TaskRow> currentTask() const;
    bool hasTaskLeft() const { return m_current < m_tasks.size(); }
    const std::optional<store::AttemptRow> &openAttempt() const { return m_open; }
    bool isPaused() const { return m_session.state == store::SessionState::Paused; }
    bool isOpen() const { return m_session.isOpen(); }
    // Active time of the task in progress, pauses excluded.
    qint64 activeMs() const;

    bool startTask();
    // Ends the task in progress; emits taskEnded.
    bool endTask(store::Outcome outcome);
    // Skips the current task, starting it first when it was not started.
    bool skipTask();
    bool togglePause();
    bool marker(const QString &text);
    bool note(const capture::NoteInput &note);
    qint64 openLookup(const QString &page, const QString &anchor, const QString &how, const QString &revision);
    void closeLookup(qint64 lookupId);
    bool search(const QString &query, int results, const QString &clickedPage = {}, const QString &clickedAnchor = {});
    bool answerSeq(qint64 attemptId, int value);
    bool answerSus(const QList<int> &answers);
    // Ends the session; a task still in progress is recorded as given up.
    bool end();

    SessionSummary summary();

signals:
    // Before a task ends, the session pauses or ends: panels record what
    // they hold (a pending search) so it lands in the right task.
    void aboutToChangeState();
    void changed();
    void taskEnded(qint64 attemptId, store::Outcome outcome, const QString &taskTitle);
    void recorded(const QString &what);
    void problem(const QString &message);

private:
    BenchSession(std::unique_ptr<LabDatabase> lab, const capture::Clock &clock);
    bool reload();
    bool check(const Result<capture::Recorded> &result, const QString &what);

    std::unique_ptr<LabDatabase> m_lab;
    const capture::Clock &m_clock;
    std::unique_ptr<capture::SessionEngine> m_engine;
    store::SessionRow m_session;
    QList<store::TaskRow> m_tasks;
    std::optional<store::AttemptRow> m_open;
    int m_current = 0;
    std::optional<qint64> m_gapMs;
};

} // namespace devzero::ui
