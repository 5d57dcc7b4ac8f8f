#include "sessions/store/labdatabase.h"
#include "sessions/store/query.h"
#include "sessions/store/sessionstore.h"

#include <QJsonDocument>

// Reads of SessionStore.

namespace devzero::store {

namespace {

const QString kSessionColumns = QStringLiteral(
    "s.id, s.uuid, s.plan_id, p.title, s.participant_id, pa.pseudonym, pa.experience, s.docs_revision,"
    " s.environment, s.state, s.started_at_ms, s.ended_at_ms, s.mono_origin_ns, s.boot_id, s.paused_at_ns,"
    " s.paused_ms, s.owner_pid, s.owner_boot_id,"
    " (SELECT COUNT(*) FROM task_attempts a WHERE a.session_id = s.id),"
    " (SELECT COUNT(*) FROM notes n WHERE n.session_id = s.id),"
    " (SELECT COUNT(*) FROM events e WHERE e.session_id = s.id)"
    " FROM sessions s JOIN plans p ON p.id = s.plan_id JOIN participants pa ON pa.id = s.participant_id");

SessionRow readSession(const Query &q)
{
    SessionRow s;
    s.id = q.int64(0);
    s.uuid = q.text(1);
    s.planId = q.int64(2);
    s.planTitle = q.text(3);
    s.participantId = q.int64(4);
    s.pseudonym = q.text(5);
    s.experience = experienceFromString(q.text(6)).value_or(Experience::Novice);
    s.docsRevision = q.text(7);
    s.environment = QJsonDocument::fromJson(q.text(8).toUtf8()).object();
    s.state = sessionStateFromString(q.text(9)).value_or(SessionState::Running);
    s.startedAtMs = q.int64(10);
    s.endedAtMs = q.optInt64(11);
    s.monoOriginNs = q.int64(12);
    s.bootId = q.text(13);
    s.pausedAtNs = q.optInt64(14);
    s.pausedMs = q.int64(15);
    s.ownerPid = q.optInt64(16);
    s.ownerBootId = q.text(17);
    s.attemptCount = int(q.int64(18));
    s.noteCount = int(q.int64(19));
    s.eventCount = int(q.int64(20));
    return s;
}

const QString kAttemptColumns = QStringLiteral(
    "a.id, a.session_id, a.task_id, t.key, t.title, j.position || '.' || t.position, a.started_at_ms, a.started_ns,"
    " a.ended_at_ms, a.ended_ns, a.outcome, a.paused_ms, a.active_ms, a.seq"
    " FROM task_attempts a JOIN tasks t ON t.id = a.task_id JOIN journeys j ON j.id = t.journey_id");

AttemptRow readAttempt(const Query &q)
{
    AttemptRow a;
    a.id = q.int64(0);
    a.sessionId = q.int64(1);
    a.taskId = q.int64(2);
    a.taskKey = q.text(3);
    a.taskTitle = q.text(4);
    a.taskNumber = q.text(5);
    a.startedAtMs = q.int64(6);
    a.startedNs = q.int64(7);
    a.endedAtMs = q.optInt64(8);
    a.endedNs = q.optInt64(9);
    a.outcome = outcomeFromString(q.text(10));
    a.pausedMs = q.int64(11);
    a.activeMs = q.optInt64(12);
    if (auto seq = q.optInt64(13))
        a.seq = int(*seq);
    return a;
}

// Runs a SELECT with one bound id and reads every row with `read`.
template<typename Row, typename Reader>
Result<QList<Row>> readAll(LabDatabase &lab, const QString &sql, const QString &what, qint64 id, Reader read)
{
    Query q(lab.db(), sql);
    if (auto r = q.exec(what, id); !r)
        return r.error();
    QList<Row> rows;
    while (q.next())
        rows << read(q);
    return rows;
}

LookupRow readLookup(const Query &q)
{
    LookupRow l;
    l.id = q.int64(0);
    l.eventId = q.int64(1);
    l.sessionId = q.int64(2);
    l.attemptId = q.optInt64(3);
    l.page = q.text(4);
    l.anchor = q.text(5);
    l.how = q.text(6);
    l.docsRevision = q.text(7);
    l.openedAtMs = q.int64(8);
    l.closedAtMs = q.optInt64(9);
    l.dwellMs = q.optInt64(10);
    return l;
}

const QString kLookupColumns = QStringLiteral(
    "SELECT id, event_id, session_id, attempt_id, page, anchor, how, docs_revision, opened_at_ms, closed_at_ms, dwell_ms"
    " FROM lookups WHERE session_id = ?");

} // namespace

Result<SessionRow> SessionStore::session(qint64 sessionId)
{
    Query q(m_lab.db(), QStringLiteral("SELECT ") + kSessionColumns + QStringLiteral(" WHERE s.id = ?"));
    if (auto r = q.exec(QStringLiteral("reading session %1").arg(sessionId), sessionId); !r)
        return r.error();
    if (!q.next())
        return makeError(QStringLiteral("no session %1 in this lab").arg(sessionId));
    return readSession(q);
}

Result<SessionRow> SessionStore::findSession(const QString &idOrUuid)
{
    const QString wanted = idOrUuid.trimmed();
    bool isNumber = false;
    const qint64 id = wanted.toLongLong(&isNumber);
    if (isNumber && id > 0)
        return session(id);
    if (wanted.size() < 4)
        return makeError(QStringLiteral("\"%1\" is neither a session number nor a uuid prefix of 4 or more characters").arg(wanted));
    Query q(m_lab.db(), QStringLiteral("SELECT s.id FROM sessions s WHERE s.uuid = ? OR s.uuid LIKE ? ESCAPE '\\' LIMIT 2"));
    QString pattern = wanted;
    pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%")).replace(QLatin1Char('_'), QStringLiteral("\\_"));
    if (auto r = q.exec(QStringLiteral("finding session %1").arg(wanted), wanted, pattern + QLatin1Char('%')); !r)
        return r.error();
    QList<qint64> found;
    while (q.next())
        found << q.int64(0);
    if (found.isEmpty())
        return makeError(QStringLiteral("no session \"%1\" in this lab").arg(wanted));
    if (found.size() > 1)
        return makeError(QStringLiteral("\"%1\" matches several sessions; give more of the uuid").arg(wanted));
    return session(found.constFirst());
}

Result<QList<SessionRow>> SessionStore::sessions()
{
    Query q(m_lab.db(), QStringLiteral("SELECT ") + kSessionColumns + QStringLiteral(" ORDER BY s.started_at_ms DESC, s.id DESC"));
    if (auto r = q.exec(QStringLiteral("listing sessions")); !r)
        return r.error();
    QList<SessionRow> rows;
    while (q.next())
        rows << readSession(q);
    return rows;
}

Result<QList<AttemptRow>> SessionStore::attempts(qint64 sessionId)
{
    return readAll<AttemptRow>(m_lab, QStringLiteral("SELECT ") + kAttemptColumns + QStringLiteral(" WHERE a.session_id = ? ORDER BY a.id"),
                               QStringLiteral("listing task attempts"), sessionId, readAttempt);
}

Result<std::optional<AttemptRow>> SessionStore::openAttempt(qint64 sessionId)
{
    Result<QList<AttemptRow>> rows = readAll<AttemptRow>(
        m_lab, QStringLiteral("SELECT ") + kAttemptColumns + QStringLiteral(" WHERE a.session_id = ? AND a.ended_at_ms IS NULL ORDER BY a.id DESC LIMIT 1"),
        QStringLiteral("finding the open task"), sessionId, readAttempt);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<AttemptRow>();
    return std::optional<AttemptRow>(rows->constFirst());
}

static EventRow readEvent(const Query &q)
{
    EventRow e;
    e.id = q.int64(0);
    e.sessionId = q.int64(1);
    e.ordinal = q.int64(2);
    e.wallMs = q.int64(3);
    e.monoNs = q.int64(4);
    e.kind = q.text(5);
    e.attemptId = q.optInt64(6);
    e.payload = QJsonDocument::fromJson(q.text(7).toUtf8()).object();
    return e;
}

Result<QList<EventRow>> SessionStore::events(qint64 sessionId)
{
    return readAll<EventRow>(m_lab, QStringLiteral("SELECT id, session_id, ordinal, wall_ms, mono_ns, kind, attempt_id, payload"
                                                   " FROM events WHERE session_id = ? ORDER BY ordinal"),
                             QStringLiteral("listing events"), sessionId, readEvent);
}

Result<std::optional<EventRow>> SessionStore::lastEvent(qint64 sessionId)
{
    Result<QList<EventRow>> rows = readAll<EventRow>(
        m_lab, QStringLiteral("SELECT id, session_id, ordinal, wall_ms, mono_ns, kind, attempt_id, payload"
                              " FROM events WHERE session_id = ? ORDER BY ordinal DESC LIMIT 1"),
        QStringLiteral("reading the last event"), sessionId, readEvent);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<EventRow>();
    return std::optional<EventRow>(rows->constFirst());
}

Result<qint64> SessionStore::eventCount(qint64 sessionId)
{
    Query q(m_lab.db(), QStringLiteral("SELECT COUNT(*) FROM events WHERE session_id = ?"));
    if (auto r = q.exec(QStringLiteral("counting events"), sessionId); !r)
        return r.error();
    return q.next() ? q.int64(0) : 0;
}

Result<QList<NoteRow>> SessionStore::notes(qint64 sessionId)
{
    return readAll<NoteRow>(m_lab, QStringLiteral("SELECT n.id, n.event_id, n.session_id, n.attempt_id, n.severity, n.category,"
                                                  " n.text, n.page, n.anchor, n.screenshot, e.wall_ms FROM notes n"
                                                  " JOIN events e ON e.id = n.event_id WHERE n.session_id = ? ORDER BY e.ordinal"),
                            QStringLiteral("listing notes"), sessionId, [](const Query &q) {
                                NoteRow n;
                                n.id = q.int64(0);
                                n.eventId = q.int64(1);
                                n.sessionId = q.int64(2);
                                n.attemptId = q.optInt64(3);
                                n.severity = int(q.int64(4));
                                n.category = q.text(5);
                                n.text = q.text(6);
                                n.page = q.text(7);
                                n.anchor = q.text(8);
                                n.screenshot = q.value(9).toByteArray();
                                n.wallMs = q.int64(10);
                                return n;
                            });
}

Result<QList<LookupRow>> SessionStore::lookups(qint64 sessionId)
{
    return readAll<LookupRow>(m_lab, kLookupColumns + QStringLiteral(" ORDER BY id"), QStringLiteral("listing lookups"),
                              sessionId, readLookup);
}

Result<QList<LookupRow>> SessionStore::openLookups(qint64 sessionId)
{
    return readAll<LookupRow>(m_lab, kLookupColumns + QStringLiteral(" AND closed_at_ms IS NULL ORDER BY id"),
                              QStringLiteral("listing open lookups"), sessionId, readLookup);
}

Result<QList<SearchRow>> SessionStore::searches(qint64 sessionId)
{
    return readAll<SearchRow>(m_lab, QStringLiteral("SELECT s.id, s.event_id, s.session_id, s.attempt_id, s.query, s.result_count,"
                                                    " s.clicked_page, s.clicked_anchor, e.wall_ms FROM searches s"
                                                    " JOIN events e ON e.id = s.event_id WHERE s.session_id = ? ORDER BY e.ordinal"),
                              QStringLiteral("listing searches"), sessionId, [](const Query &q) {
                                  SearchRow s;
                                  s.id = q.int64(0);
                                  s.eventId = q.int64(1);
                                  s.sessionId = q.int64(2);
                                  s.attemptId = q.optInt64(3);
                                  s.query = q.text(4);
                                  s.resultCount = int(q.int64(5));
                                  s.clickedPage = q.text(6);
                                  s.clickedAnchor = q.text(7);
                                  s.wallMs = q.int64(8);
                                  return s;
                              });
}

Result<QList<CommandRow>> SessionStore::commands(qint64 sessionId)
{
    return readAll<CommandRow>(m_lab, QStringLiteral("SELECT c.id, c.event_id, c.session_id, c.attempt_id, c.command, c.exit_status,"
                                                     " c.duration_ms, c.cwd, e.wall_ms FROM commands c"
                                                     " JOIN events e ON e.id = c.event_id WHERE c.session_id = ? ORDER BY e.ordinal"),
                               QStringLiteral("listing commands"), sessionId, [](const Query &q) {
                                   CommandRow c;
                                   c.id = q.int64(0);
                                   c.eventId = q.int64(1);
                                   c.sessionId = q.int64(2);
                                   c.attemptId = q.optInt64(3);
                                   c.command = q.text(4);
                                   c.exitStatus = q.optInt64(5);
                                   c.durationMs = q.optInt64(6);
                                   c.cwd = q.text(7);
                                   c.wallMs = q.int64(8);
                                   return c;
                               });
}

Result<QList<AnswerRow>> SessionStore::answers(qint64 sessionId)
{
    return readAll<AnswerRow>(m_lab, QStringLiteral("SELECT id, event_id, session_id, attempt_id, instrument, item, value"
                                                    " FROM answers WHERE session_id = ? ORDER BY id"),
                              QStringLiteral("listing answers"), sessionId, [](const Query &q) {
                                  AnswerRow a;
                                  a.id = q.int64(0);
                                  a.eventId = q.int64(1);
                                  a.sessionId = q.int64(2);
                                  a.attemptId = q.optInt64(3);
                                  a.instrument = q.text(4);
                                  a.item = int(q.int64(5));
                                  a.value = int(q.int64(6));
                                  return a;
                              });
}

} // namespace devzero::store
