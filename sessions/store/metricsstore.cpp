#include "sessions/store/metricsstore.h"

#include "sessions/store/labdatabase.h"
#include "sessions/store/query.h"
#include "sessions/store/sessionselectionsql.h"

#include <QVariantList>

namespace devzero::store {

namespace {

using detail::Where;

Where whereFor(const SessionSelection &selection)
{
    return detail::sessionsWhere(selection);
}

const QString kSelectedSessions = QStringLiteral(" FROM sessions s JOIN participants pa ON pa.id = s.participant_id");

// Prepares `sql`, binds the selection's values, runs it.
Result<void> run(Query &q, const Where &where, const QString &what)
{
    return detail::runWhere(q, where, what);
}

} // namespace

Result<MetricsRows> MetricsStore::read(const SessionSelection &selection)
{
    // Inside a caller's transaction there is nothing to open: it is one snapshot already.
    QSqlDatabase &db = m_lab.db();
    const bool own = db.transaction();
    MetricsRows rows;
    Result<void> done = [&]() -> Result<void> {
        Result<QList<SessionRow>> s = sessions(selection);
        if (!s)
            return s.error();
        Result<QList<AttemptRow>> a = attempts(selection);
        if (!a)
            return a.error();
        Result<QList<AnswerRow>> sus = susAnswers(selection);
        if (!sus)
            return sus.error();
        rows = MetricsRows{std::move(*s), std::move(*a), std::move(*sus)};
        return {};
    }();
    if (own)
        db.rollback(); // nothing was written; ends the snapshot
    if (!done)
        return done.error();
    return rows;
}

Result<QList<SessionRow>> MetricsStore::sessions(const SessionSelection &selection)
{
    const Where where = whereFor(selection);
    Query q(m_lab.db(), QStringLiteral("SELECT s.id, s.uuid, s.plan_id, p.title, s.participant_id, pa.pseudonym,"
                                       " pa.experience, s.docs_revision, s.state, s.started_at_ms, s.ended_at_ms,"
                                       " s.paused_ms")
                            + kSelectedSessions + QStringLiteral(" JOIN plans p ON p.id = s.plan_id") + where.sql
                            + QStringLiteral(" ORDER BY s.started_at_ms, s.id"));
    if (auto r = run(q, where, QStringLiteral("selecting sessions for the metrics")); !r)
        return r.error();
    QList<SessionRow> rows;
    while (q.next()) {
        SessionRow s;
        s.id = q.int64(0);
        s.uuid = q.text(1);
        s.planId = q.int64(2);
        s.planTitle = q.text(3);
        s.participantId = q.int64(4);
        s.pseudonym = q.text(5);
        s.experience = experienceFromString(q.text(6)).value_or(Experience::Novice);
        s.docsRevision = q.text(7);
        s.state = sessionStateFromString(q.text(8)).value_or(SessionState::Running);
        s.startedAtMs = q.int64(9);
        s.endedAtMs = q.optInt64(10);
        s.pausedMs = q.int64(11);
        rows << s;
    }
    return rows;
}

Result<QList<AttemptRow>> MetricsStore::attempts(const SessionSelection &selection)
{
    const Where where = whereFor(selection);
    // Attempt ids grow as attempts start (one open attempt per session at a
    // time), so id order is start order even across a reboot.
    Query q(m_lab.db(), QStringLiteral("SELECT a.id, a.session_id, a.task_id, t.key, t.title, j.position, t.position,"
                                       " a.started_at_ms, a.started_ns, a.ended_at_ms, a.ended_ns, a.outcome,"
                                       " a.paused_ms, a.active_ms, a.seq"
                                       " FROM task_attempts a JOIN tasks t ON t.id = a.task_id"
                                       " JOIN journeys j ON j.id = t.journey_id"
                                       " WHERE a.session_id IN (SELECT s.id")
                            + kSelectedSessions + where.sql + QStringLiteral(") ORDER BY a.session_id, a.id"));
    if (auto r = run(q, where, QStringLiteral("reading task attempts for the metrics")); !r)
        return r.error();
    QList<AttemptRow> rows;
    while (q.next()) {
        AttemptRow a;
        a.id = q.int64(0);
        a.sessionId = q.int64(1);
        a.taskId = q.int64(2);
        a.taskKey = q.text(3);
        a.taskTitle = q.text(4);
        a.taskNumber = QStringLiteral("%1.%2").arg(q.int64(5)).arg(q.int64(6));
        a.startedAtMs = q.int64(7);
        a.startedNs = q.int64(8);
        a.endedAtMs = q.optInt64(9);
        a.endedNs = q.optInt64(10);
        a.outcome = outcomeFromString(q.text(11));
        a.pausedMs = q.int64(12);
        a.activeMs = q.optInt64(13);
        if (auto seq = q.optInt64(14))
            a.seq = int(*seq);
        rows << a;
    }
    return rows;
}

Result<QList<AnswerRow>> MetricsStore::susAnswers(const SessionSelection &selection)
{
    const Where where = whereFor(selection);
    Query q(m_lab.db(), QStringLiteral("SELECT id, event_id, session_id, attempt_id, instrument, item, value FROM answers"
                                       " WHERE instrument = 'SUS' AND session_id IN (SELECT s.id")
                            + kSelectedSessions + where.sql + QStringLiteral(") ORDER BY session_id, item, id"));
    if (auto r = run(q, where, QStringLiteral("reading SUS answers for the metrics")); !r)
        return r.error();
    QList<AnswerRow> rows;
    while (q.next()) {
        AnswerRow a;
        a.id = q.int64(0);
        a.eventId = q.int64(1);
        a.sessionId = q.int64(2);
        a.attemptId = q.optInt64(3);
        a.instrument = q.text(4);
        a.item = int(q.int64(5));
        a.value = int(q.int64(6));
        rows << a;
    }
    return rows;
}

} // namespace devzero::store
