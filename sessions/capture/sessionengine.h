#pragma once

// The session engine: everything a tester does becomes an event with UTC
// wall time (ms) and monotonic time since the session started (ns). An
// event is durable when the call returns: each call is one committed
// transaction. Secrets are redacted before anything is stored.
//
// Several processes may record into one session (the bench, the shell hook,
// `devzero note` in a terminal): every call re-reads the session's state
// inside its transaction, so they never step on each other.

#include "sessions/common/result.h"
#include "sessions/store/records.h"

#include <QJsonObject>

#include <functional>

namespace devzero {
class LabDatabase;
}

namespace devzero::capture {

class Clock;

struct StartRequest
{
    qint64 planId = 0;
    QString pseudonym;
    store::Experience experience = store::Experience::Novice;
    bool consent = false;      // required: no session records without it
    QString docsRevision;      // optional commit id of the docs the tester reads
    QJsonObject environment;   // the snapshot the tester saw and accepted
    bool ownedByThisProcess = false; // a long-running recorder (the bench): lets a crash be detected
};

struct NoteInput
{
    QString text;
    int severity = 2;                    // 1..4
    QString category = QStringLiteral("other");
    QString page;                        // optional docs page path
    QString anchor;                      // optional section anchor
    QByteArray screenshotPng;            // optional
};

struct Recorded
{
    qint64 eventId = 0;
    qint64 detailId = 0; // the note, lookup, search, command or attempt row created, if any
    qint64 wallMs = 0;
    qint64 monoNs = 0;
};

class SessionEngine
{
public:
    explicit SessionEngine(LabDatabase &lab);
    SessionEngine(LabDatabase &lab, const Clock &clock);

    // Starts a session and makes it the lab's current session.
    Result<store::SessionRow> start(const StartRequest &request);
    // Works on an existing session (any state; recording needs it open).
    Result<store::SessionRow> open(qint64 sessionId);
    // Opens the lab's current session (set by start or `session use`).
    Result<store::SessionRow> openCurrent();
    Result<void> makeCurrent(qint64 sessionId);

    qint64 sessionId() const { return m_sessionId; }
    Result<store::SessionRow> session();

    // Tasks.
    Result<Recorded> startTask(const QString &keyOrNumber);
    Result<Recorded> endTask(store::Outcome outcome);
    Result<Recorded> answerSeq(int value, std::optional<qint64> attemptId = std::nullopt); // default: the last ended task
    Result<Recorded> answerSus(const QList<int> &tenAnswers);

    // Flow.
    Result<Recorded> pause();
    Result<Recorded> resume();
    Result<Recorded> marker(const QString &text);
    Result<Recorded> end(bool endOpenTaskAsGaveUp = false);

    // What the tester noticed, read, searched and ran.
    Result<Recorded> note(const NoteInput &note);
    Result<Recorded> openLookup(const QString &page, const QString &anchor, const QString &how,
                                const QString &docsRevision = {});
    Result<Recorded> closeLookup(qint64 lookupId);
    Result<Recorded> lookup(const QString &page, const QString &anchor, const QString &how, qint64 dwellMs,
                            const QString &docsRevision = {});
    Result<Recorded> search(const QString &query, int resultCount, const QString &clickedPage = {},
                            const QString &clickedAnchor = {});
    Result<Recorded> command(const QString &text, std::optional<int> exitStatus, std::optional<qint64> durationMs,
                             const QString &cwd);

    // Recovery: sessions whose owning process died (crash, kill, reboot).
    static Result<QList<store::SessionRow>> interruptedSessions(LabDatabase &lab, const Clock &clock);
    // Takes over an interrupted session; the time it lay dead is recorded as
    // a "gap" event and excluded from active time, never invented as work.
    Result<Recorded> resumeInterrupted(qint64 sessionId);
    // Closes an interrupted session as abandoned at its last recorded event.
    Result<Recorded> abandon(qint64 sessionId);

private:
    struct Context;
    struct Steps {
        // Runs before the event is written: validates against the fresh
        // state, may create the attempt the event belongs to, fill the payload.
        std::function<Result<void>(Context &)> before;
        // Runs after: writes the detail row that references the event.
        std::function<Result<qint64>(Context &)> after;
        bool requireOpen = true;
    };
    // One committed transaction: re-reads the session, checks it is open,
    // stamps the event, writes it and its detail.
    Result<Recorded> record(const QString &kind, QJsonObject payload, const Steps &steps);
    qint64 sessionNs(const store::SessionRow &session, qint64 wallMs) const;

    LabDatabase &m_lab;
    const Clock &m_clock;
    qint64 m_sessionId = 0;
};

} // namespace devzero::capture
