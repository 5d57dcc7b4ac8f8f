#include "sessions/store/sessionstore.h"

#include "sessions/store/labdatabase.h"
#include "sessions/store/query.h"

#include <QJsonDocument>

// Writes of SessionStore. The reads are in sessionqueries.cpp.

namespace devzero::store {

namespace {

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

Result<qint64> SessionStore::ensureParticipant(const QString &pseudonym, Experience experience,
                                               std::optional<qint64> consentAtMs, qint64 nowMs)
{
    Query find(m_lab.db(), QStringLiteral("SELECT id FROM participants WHERE pseudonym = ?"));
    if (auto r = find.exec(QStringLiteral("looking up participant"), pseudonym); !r)
        return r.error();
    if (find.next()) {
        const qint64 id = find.int64(0);
        Query update(m_lab.db(), QStringLiteral("UPDATE participants SET experience = ?,"
                                                " consent_at_ms = COALESCE(?, consent_at_ms) WHERE id = ?"));
        if (auto r = update.exec(QStringLiteral("updating participant"), toString(experience), consentAtMs, id); !r)
            return r.error();
        return id;
    }
    Query insert(m_lab.db(), QStringLiteral("INSERT INTO participants (pseudonym, experience, consent_at_ms,"
                                            " created_at_ms) VALUES (?, ?, ?, ?)"));
    if (auto r = insert.exec(QStringLiteral("storing participant"), pseudonym, toString(experience), consentAtMs, nowMs); !r)
        return r.error();
    return insert.lastInsertId();
}

Result<qint64> SessionStore::insertSession(const SessionRow &s)
{
    Query q(m_lab.db(), QStringLiteral("INSERT INTO sessions (uuid, plan_id, participant_id, docs_revision, environment,"
                                       " state, started_at_ms, mono_origin_ns, boot_id, owner_pid, owner_boot_id)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (auto r = q.exec(QStringLiteral("storing the session"), s.uuid, s.planId, s.participantId,
                        textOrNull(s.docsRevision), compactJson(s.environment),
                        toString(s.state), s.startedAtMs, s.monoOriginNs, s.bootId, s.ownerPid,
                        textOrNull(s.ownerBootId));
        !r)
        return r.error();
    return q.lastInsertId();
}

Result<void> SessionStore::setSessionState(qint64 sessionId, SessionState state, std::optional<qint64> endedAtMs)
{
    Query q(m_lab.db(), QStringLiteral("UPDATE sessions SET state = ?, ended_at_ms = ? WHERE id = ?"));
    return q.exec(QStringLiteral("changing the session state"), toString(state), endedAtMs, sessionId);
}

Result<void> SessionStore::setPaused(qint64 sessionId, std::optional<qint64> pausedAtNs, qint64 addPausedMs)
{
    Query q(m_lab.db(), QStringLiteral("UPDATE sessions SET paused_at_ns = ?, paused_ms = paused_ms + ? WHERE id = ?"));
    return q.exec(QStringLiteral("recording the pause"), pausedAtNs, addPausedMs, sessionId);
}

Result<void> SessionStore::setOwner(qint64 sessionId, std::optional<qint64> pid, const QString &bootId)
{
    Query q(m_lab.db(), QStringLiteral("UPDATE sessions SET owner_pid = ?, owner_boot_id = ? WHERE id = ?"));
    return q.exec(QStringLiteral("recording the session's owner"), pid, textOrNull(bootId),
                  sessionId);
}

Result<qint64> SessionStore::insertEvent(const EventRow &e)
{
    Query q(m_lab.db(), QStringLiteral("INSERT INTO events (session_id, ordinal, wall_ms, mono_ns, kind, attempt_id, payload)"
                                       " VALUES (?, (SELECT COALESCE(MAX(ordinal), 0) + 1 FROM events WHERE session_id = ?),"
                                       " ?, ?, ?, ?, ?)"));
    if (auto r = q.exec(QStringLiteral("recording the %1 event").arg(e.kind), e.sessionId, e.sessionId, e.wallMs, e.monoNs,
                        e.kind, e.attemptId, compactJson(e.payload));
        !r)
        return r.error();
    return q.lastInsertId();
}

Result<qint64> SessionStore::insertAttempt(const AttemptRow &a)
{
    Query q(m_lab.db(), QStringLiteral("INSERT INTO task_attempts (session_id, task_id, started_at_ms, started_ns)"
                                       " VALUES (?, ?, ?, ?)"));
    if (auto r = q.exec(QStringLiteral("starting the task"), a.sessionId, a.taskId, a.startedAtMs, a.startedNs); !r)
        return r.error();
    return q.lastInsertId();
}

Result<void> SessionStore::finishAttempt(qint64 attemptId, qint64 endedAtMs, qint64 endedNs, Outcome outcome,
                                         qint64 activeMs)
{
    Query q(m_lab.db(), QStringLiteral("UPDATE task_attempts SET ended_at_ms = ?, ended_ns = ?, outcome = ?, active_ms = ?"
                                       " WHERE id = ?"));
    return q.exec(QStringLiteral("ending the task"), endedAtMs, endedNs, toString(outcome), activeMs, attemptId);
}

Result<void> SessionStore::addAttemptPause(qint64 attemptId, qint64 pausedMs)
{
    Query q(m_lab.db(), QStringLiteral("UPDATE task_attempts SET paused_ms = paused_ms + ? WHERE id = ?"));
    return q.exec(QStringLiteral("recording the pause of the task"), pausedMs, attemptId);
}

Result<void> SessionStore::setAttemptSeq(qint64 attemptId, int seq)
{
    Query q(m_lab.db(), QStringLiteral("UPDATE task_attempts SET seq = ? WHERE id = ?"));
    return q.exec(QStringLiteral("recording the SEQ answer"), seq, attemptId);
}

Result<qint64> SessionStore::insertNote(const NoteRow &n)
{
    Query q(m_lab.db(), QStringLiteral("INSERT INTO notes (event_id, session_id, attempt_id, severity, category, text,"
                                       " page, anchor, screenshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QVariant screenshot = n.screenshot.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(n.screenshot);
    if (auto r = q.exec(QStringLiteral("storing the note"), n.eventId, n.sessionId, n.attemptId, n.severity, n.category,
                        n.text, textOrNull(n.page), textOrNull(n.anchor),
                        screenshot);
        !r)
        return r.error();
    return q.lastInsertId();
}

Result<qint64> SessionStore::insertLookup(const LookupRow &l)
{
    Query q(m_lab.db(), QStringLiteral("INSERT INTO lookups (event_id, session_id, attempt_id, page, anchor, how,"
                                       " docs_revision, opened_at_ms, closed_at_ms, dwell_ms)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (auto r = q.exec(QStringLiteral("storing the lookup"), l.eventId, l.sessionId, l.attemptId, l.page,
                        textOrNull(l.anchor), l.how,
                        textOrNull(l.docsRevision), l.openedAtMs, l.closedAtMs, l.dwellMs);
        !r)
        return r.error();
    return q.lastInsertId();
}

Result<void> SessionStore::closeLookup(qint64 lookupId, qint64 closedAtMs, qint64 dwellMs)
{
    Query q(m_lab.db(), QStringLiteral("UPDATE lookups SET closed_at_ms = ?, dwell_ms = ? WHERE id = ? AND closed_at_ms IS NULL"));
    if (auto r = q.exec(QStringLiteral("closing the lookup"), closedAtMs, dwellMs, lookupId); !r)
        return r;
    if (q.rowsAffected() != 1)
        return makeError(QStringLiteral("lookup %1 is not open").arg(lookupId));
    return {};
}

Result<qint64> SessionStore::insertSearch(const SearchRow &s)
{
    Query q(m_lab.db(), QStringLiteral("INSERT INTO searches (event_id, session_id, attempt_id, query, result_count,"
                                       " clicked_page, clicked_anchor) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    if (auto r = q.exec(QStringLiteral("storing the search"), s.eventId, s.sessionId, s.attemptId, s.query, s.resultCount,
                        textOrNull(s.clickedPage),
                        textOrNull(s.clickedAnchor));
        !r)
        return r.error();
    return q.lastInsertId();
}

Result<qint64> SessionStore::insertCommand(const CommandRow &c)
{
    Query q(m_lab.db(), QStringLiteral("INSERT INTO commands (event_id, session_id, attempt_id, command, exit_status,"
                                       " duration_ms, cwd) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    if (auto r = q.exec(QStringLiteral("storing the command"), c.eventId, c.sessionId, c.attemptId, c.command, c.exitStatus,
                        c.durationMs, textOrNull(c.cwd));
        !r)
        return r.error();
    return q.lastInsertId();
}

Result<qint64> SessionStore::insertAnswer(const AnswerRow &a)
{
    Query q(m_lab.db(), QStringLiteral("INSERT INTO answers (event_id, session_id, attempt_id, instrument, item, value)"
                                       " VALUES (?, ?, ?, ?, ?, ?)"));
    if (auto r = q.exec(QStringLiteral("storing the answer"), a.eventId, a.sessionId, a.attemptId, a.instrument, a.item,
                        a.value);
        !r)
        return r.error();
    return q.lastInsertId();
}

} // namespace devzero::store
