#include "sessions/capture/sessionengine.h"

#include "sessions/capture/clock.h"
#include "sessions/capture/enginecontext.h"
#include "sessions/common/logging.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"

#include <QCoreApplication>
#include <QUuid>

#include <csignal>
#include <cerrno>
#include <unistd.h>

// Session lifecycle: start, tasks, pause/resume, end, recovery, and the
// transaction every recording goes through. What is recorded inside a task
// (notes, lookups, searches, commands) is in sessionrecording.cpp.

namespace devzero::capture {

using namespace devzero::store;

namespace {

const QString kCurrentSessionKey = QStringLiteral("current_session");

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

} // namespace

SessionEngine::SessionEngine(LabDatabase &lab) : SessionEngine(lab, systemClock()) {}

SessionEngine::SessionEngine(LabDatabase &lab, const Clock &clock) : m_lab(lab), m_clock(clock) {}

qint64 SessionEngine::sessionNs(const SessionRow &session, qint64 wallMs) const
{
    // The monotonic clock only compares within one boot; after a reboot the
    // wall clock is the best we have (and the event says so).
    if (session.bootId == m_clock.bootId())
        return m_clock.monotonicNs() - session.monoOriginNs;
    return (wallMs - session.startedAtMs) * 1'000'000;
}

Result<Recorded> SessionEngine::record(const QString &kind, QJsonObject payload, const Steps &steps)
{
    if (m_sessionId <= 0)
        return makeError(QStringLiteral("no session is open; start one with `devzero session start` or choose one with `devzero session use ID`"));
    Recorded recorded;
    SessionStore sessions(m_lab);
    Result<void> written = m_lab.write(
        [&]() -> Result<void> {
            Result<SessionRow> session = sessions.session(m_sessionId);
            if (!session)
                return session.error();
            if (steps.requireOpen && !session->isOpen())
                return makeError(QStringLiteral("session %1 has %2; nothing more can be recorded in it")
                                     .arg(session->uuid.left(8), session->state == SessionState::Ended ? QStringLiteral("ended")
                                                                                                      : QStringLiteral("been abandoned")));
            Result<std::optional<AttemptRow>> open = sessions.openAttempt(m_sessionId);
            if (!open)
                return open.error();

            Context ctx{sessions, *session, *open, m_clock.wallMs(), 0, 0, std::nullopt, payload};
            ctx.nowNs = sessionNs(ctx.session, ctx.wallMs);
            if (ctx.session.bootId != m_clock.bootId())
                ctx.payload.insert(QStringLiteral("clock"), QStringLiteral("wall"));
            if (ctx.openAttempt)
                ctx.attemptId = ctx.openAttempt->id;
            if (steps.before) {
                if (Result<void> ok = steps.before(ctx); !ok)
                    return ok;
            }
            EventRow event;
            event.sessionId = m_sessionId;
            event.wallMs = ctx.wallMs;
            event.monoNs = ctx.nowNs;
            event.kind = kind;
            event.attemptId = ctx.attemptId;
            event.payload = ctx.payload;
            Result<qint64> eventId = sessions.insertEvent(event);
            if (!eventId)
                return eventId.error();
            ctx.eventId = *eventId;
            if (steps.after) {
                Result<qint64> detail = steps.after(ctx);
                if (!detail)
                    return detail.error();
                ctx.detailId = *detail;
            }
            recorded = {ctx.eventId, ctx.detailId, ctx.wallMs, ctx.nowNs};
            return {};
        },
        QStringLiteral("recording %1").arg(kind));
    if (!written)
        return written.error();
    return recorded;
}

Result<SessionRow> SessionEngine::start(const StartRequest &request)
{
    if (!request.consent)
        return makeError(QStringLiteral("the participant has not consented; a session records nothing without consent"));
    const QString pseudonym = request.pseudonym.trimmed();
    if (pseudonym.isEmpty())
        return makeError(QStringLiteral("a participant pseudonym is required"));
    PlanStore plans(m_lab);
    if (Result<PlanRow> plan = plans.plan(request.planId); !plan)
        return plan.error();

    SessionStore sessions(m_lab);
    SessionRow row;
    Result<void> written = m_lab.write(
        [&]() -> Result<void> {
            const qint64 now = m_clock.wallMs();
            Result<qint64> participant = sessions.ensureParticipant(pseudonym, request.experience, now, now);
            if (!participant)
                return participant.error();
            row.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
            row.planId = request.planId;
            row.participantId = *participant;
            row.docsRevision = request.docsRevision;
            row.environment = request.environment;
            row.state = SessionState::Running;
            row.startedAtMs = now;
            row.monoOriginNs = m_clock.monotonicNs();
            row.bootId = m_clock.bootId();
            if (request.ownedByThisProcess) {
                row.ownerPid = QCoreApplication::applicationPid();
                row.ownerBootId = m_clock.bootId();
            }
            Result<qint64> id = sessions.insertSession(row);
            if (!id)
                return id.error();
            row.id = *id;
            EventRow event{0, row.id, 0, now, 0, QStringLiteral("session_start"), std::nullopt,
                           QJsonObject{{QStringLiteral("plan_id"), request.planId},
                                       {QStringLiteral("participant"), pseudonym}}};
            if (Result<qint64> e = sessions.insertEvent(event); !e)
                return e.error();
            return m_lab.setMeta(kCurrentSessionKey, QString::number(row.id));
        },
        QStringLiteral("starting a session"));
    if (!written)
        return written.error();
    m_sessionId = row.id;
    qCInfo(lcCapture) << "started session" << row.uuid;
    return sessions.session(row.id);
}

Result<SessionRow> SessionEngine::open(qint64 sessionId)
{
    Result<SessionRow> row = SessionStore(m_lab).session(sessionId);
    if (row)
        m_sessionId = row->id;
    return row;
}

Result<SessionRow> SessionEngine::openCurrent()
{
    Result<QString> current = m_lab.meta(kCurrentSessionKey);
    if (!current)
        return current.error();
    if (current->isEmpty())
        return makeError(QStringLiteral("no current session in this lab; start one with `devzero session start` or pick one with `devzero session use ID`"));
    return open(current->toLongLong());
}

Result<void> SessionEngine::makeCurrent(qint64 sessionId)
{
    if (Result<SessionRow> row = open(sessionId); !row)
        return row.error();
    return m_lab.setMeta(kCurrentSessionKey, QString::number(sessionId));
}

Result<SessionRow> SessionEngine::session()
{
    return SessionStore(m_lab).session(m_sessionId);
}

Result<Recorded> SessionEngine::startTask(const QString &keyOrNumber)
{
    Result<SessionRow> current = session();
    if (!current)
        return current.error();
    Result<TaskRow> task = PlanStore(m_lab).findTask(current->planId, keyOrNumber);
    if (!task)
        return task.error();
    const QJsonObject payload{{QStringLiteral("task"), task->key}, {QStringLiteral("number"), task->number()},
                              {QStringLiteral("title"), task->title}};
    Steps steps;
    steps.before = [&](Context &ctx) -> Result<void> {
        if (ctx.session.state == SessionState::Paused)
            return makeError(QStringLiteral("the session is paused; resume it before starting a task"));
        if (ctx.openAttempt)
            return makeError(QStringLiteral("task %1 \"%2\" is still in progress; end it first (done, fail, give up or skip)")
                                 .arg(ctx.openAttempt->taskNumber, ctx.openAttempt->taskTitle));
        AttemptRow attempt;
        attempt.sessionId = ctx.session.id;
        attempt.taskId = task->id;
        attempt.startedAtMs = ctx.wallMs;
        attempt.startedNs = ctx.nowNs;
        Result<qint64> id = ctx.sessions.insertAttempt(attempt);
        if (!id)
            return id.error();
        ctx.attemptId = *id;
        ctx.detailId = *id;
        return {};
    };
    steps.after = [](Context &ctx) -> Result<qint64> { return ctx.detailId; };
    return record(QStringLiteral("task_start"), payload, steps);
}

Result<Recorded> SessionEngine::endTask(Outcome outcome)
{
    Result<SessionRow> current = session();
    if (!current)
        return current.error();
    if (current->state == SessionState::Paused) {
        if (Result<Recorded> resumed = resume(); !resumed)
            return resumed;
    }
    Steps steps;
    steps.before = [&](Context &ctx) -> Result<void> {
        if (!ctx.openAttempt)
            return makeError(QStringLiteral("no task is in progress; start one with `devzero task start TASK`"));
        const AttemptRow &attempt = *ctx.openAttempt;
        const qint64 activeMs = std::max<qint64>(0, (ctx.nowNs - attempt.startedNs) / 1'000'000 - attempt.pausedMs);
        ctx.payload.insert(QStringLiteral("task"), attempt.taskKey);
        ctx.payload.insert(QStringLiteral("outcome"), toString(outcome));
        ctx.payload.insert(QStringLiteral("active_ms"), activeMs);
        ctx.detailId = attempt.id;
        return ctx.sessions.finishAttempt(attempt.id, ctx.wallMs, ctx.nowNs, outcome, activeMs);
    };
    steps.after = [](Context &ctx) -> Result<qint64> { return ctx.detailId; };
    return record(QStringLiteral("task_end"), {}, steps);
}

Result<Recorded> SessionEngine::pause()
{
    Steps steps;
    steps.before = [](Context &ctx) -> Result<void> {
        if (ctx.session.state == SessionState::Paused)
            return makeError(QStringLiteral("the session is already paused"));
        if (Result<void> r = ctx.sessions.setSessionState(ctx.session.id, SessionState::Paused, std::nullopt); !r)
            return r;
        return ctx.sessions.setPaused(ctx.session.id, ctx.nowNs, 0);
    };
    return record(QStringLiteral("pause"), {}, steps);
}

Result<Recorded> SessionEngine::resume()
{
    Steps steps;
    steps.before = [](Context &ctx) -> Result<void> {
        if (ctx.session.state != SessionState::Paused || !ctx.session.pausedAtNs)
            return makeError(QStringLiteral("the session is not paused"));
        const qint64 pausedMs = std::max<qint64>(0, (ctx.nowNs - *ctx.session.pausedAtNs) / 1'000'000);
        ctx.payload.insert(QStringLiteral("paused_ms"), pausedMs);
        if (Result<void> r = ctx.sessions.setSessionState(ctx.session.id, SessionState::Running, std::nullopt); !r)
            return r;
        if (Result<void> r = ctx.sessions.setPaused(ctx.session.id, std::nullopt, pausedMs); !r)
            return r;
        if (ctx.openAttempt)
            return ctx.sessions.addAttemptPause(ctx.openAttempt->id, pausedMs);
        return {};
    };
    return record(QStringLiteral("resume"), {}, steps);
}

Result<Recorded> SessionEngine::end(bool endOpenTaskAsGaveUp)
{
    Result<std::optional<AttemptRow>> open = SessionStore(m_lab).openAttempt(m_sessionId);
    if (!open)
        return open.error();
    if (*open) {
        if (!endOpenTaskAsGaveUp)
            return makeError(QStringLiteral("task %1 \"%2\" is still in progress; end it first, or end the session with --force to record it as given up")
                                 .arg((*open)->taskNumber, (*open)->taskTitle));
        if (Result<Recorded> ended = endTask(Outcome::GaveUp); !ended)
            return ended;
    }
    Steps steps;
    steps.before = [](Context &ctx) -> Result<void> {
        Result<QList<LookupRow>> lookups = ctx.sessions.openLookups(ctx.session.id);
        if (!lookups)
            return lookups.error();
        for (const LookupRow &lookup : *lookups) {
            if (Result<void> r = ctx.sessions.closeLookup(lookup.id, ctx.wallMs, std::max<qint64>(0, ctx.wallMs - lookup.openedAtMs)); !r)
                return r;
        }
        if (ctx.session.state == SessionState::Paused && ctx.session.pausedAtNs) {
            const qint64 pausedMs = std::max<qint64>(0, (ctx.nowNs - *ctx.session.pausedAtNs) / 1'000'000);
            if (Result<void> r = ctx.sessions.setPaused(ctx.session.id, std::nullopt, pausedMs); !r)
                return r;
        }
        if (Result<void> r = ctx.sessions.setOwner(ctx.session.id, std::nullopt, {}); !r)
            return r;
        return ctx.sessions.setSessionState(ctx.session.id, SessionState::Ended, ctx.wallMs);
    };
    return record(QStringLiteral("session_end"), {}, steps);
}

Result<QList<SessionRow>> SessionEngine::interruptedSessions(LabDatabase &lab, const Clock &clock)
{
    Result<QList<SessionRow>> all = SessionStore(lab).sessions();
    if (!all)
        return all.error();
    QList<SessionRow> interrupted;
    const qint64 self = QCoreApplication::applicationPid();
    for (const SessionRow &s : *all) {
        if (!s.isOpen() || !s.ownerPid)
            continue; // sessions recorded from a terminal have no owning process to lose
        const bool sameBoot = s.ownerBootId == clock.bootId();
        if (sameBoot && (*s.ownerPid == self || processAlive(*s.ownerPid)))
            continue;
        interrupted << s;
    }
    return interrupted;
}

Result<Recorded> SessionEngine::resumeInterrupted(qint64 sessionId)
{
    if (Result<SessionRow> row = open(sessionId); !row)
        return row.error();
    Steps steps;
    steps.before = [&](Context &ctx) -> Result<void> {
        Result<std::optional<EventRow>> last = ctx.sessions.lastEvent(ctx.session.id);
        if (!last)
            return last.error();
        const qint64 fromMs = *last ? (*last)->wallMs : ctx.session.startedAtMs;
        const qint64 gapMs = std::max<qint64>(0, ctx.wallMs - fromMs);
        ctx.payload.insert(QStringLiteral("from_ms"), fromMs);
        ctx.payload.insert(QStringLiteral("to_ms"), ctx.wallMs);
        ctx.payload.insert(QStringLiteral("gap_ms"), gapMs);
        if (ctx.session.ownerPid)
            ctx.payload.insert(QStringLiteral("lost_pid"), *ctx.session.ownerPid);
        // The dead time is not task time: it counts as a pause of the open task.
        if (ctx.openAttempt && ctx.session.state != SessionState::Paused) {
            if (Result<void> r = ctx.sessions.addAttemptPause(ctx.openAttempt->id, gapMs); !r)
                return r;
            if (Result<void> r = ctx.sessions.setPaused(ctx.session.id, std::nullopt, gapMs); !r)
                return r;
        }
        return ctx.sessions.setOwner(ctx.session.id, QCoreApplication::applicationPid(), m_clock.bootId());
    };
    return record(QStringLiteral("gap"), {}, steps);
}

Result<Recorded> SessionEngine::abandon(qint64 sessionId)
{
    if (Result<SessionRow> row = open(sessionId); !row)
        return row.error();
    Steps steps;
    steps.before = [](Context &ctx) -> Result<void> {
        Result<std::optional<EventRow>> last = ctx.sessions.lastEvent(ctx.session.id);
        if (!last)
            return last.error();
        const qint64 endedAt = *last ? (*last)->wallMs : ctx.session.startedAtMs;
        ctx.payload.insert(QStringLiteral("last_event_ms"), endedAt);
        if (Result<void> r = ctx.sessions.setOwner(ctx.session.id, std::nullopt, {}); !r)
            return r;
        return ctx.sessions.setSessionState(ctx.session.id, SessionState::Abandoned, endedAt);
    };
    return record(QStringLiteral("session_abandoned"), {}, steps);
}

} // namespace devzero::capture
