#include "sessions/store/evidencestore.h"

#include "sessions/store/labdatabase.h"
#include "sessions/store/query.h"
#include "sessions/store/sessionselectionsql.h"

#include <QHash>
#include <QVariantList>

namespace devzero::store {

namespace {

// "x.session_id IN (the selected sessions)": the same selection as
// MetricsStore's (plan, start time, docs revision, participant experience).
using detail::Where;

Where whereFor(const SessionSelection &selection, const QString &table)
{
    return detail::sessionIdsWhere(selection, table);
}

Result<void> run(Query &q, const Where &where, const QString &what)
{
    return detail::runWhere(q, where, what);
}

// How many rows a read will return, so the list is allocated once: these
// lists reach hundreds of thousands of rows, and growing them copies each.
qsizetype countRows(LabDatabase &lab, const QString &table, const QString &alias, const Where &where)
{
    Query q(lab.db(), QStringLiteral("SELECT COUNT(*) FROM ") + table + QLatin1Char(' ') + alias + where.sql);
    if (!run(q, where, QStringLiteral("counting ") + table) || !q.next())
        return 0;
    return qsizetype(q.int64(0));
}

// Page paths, anchors and revisions repeat thousands of times in a large
// lab; one shared copy of each keeps a report's memory flat.
class Interner
{
public:
    QString operator()(const QString &text)
    {
        if (text.isEmpty())
            return {};
        auto it = m_strings.constFind(text);
        if (it != m_strings.constEnd())
            return *it;
        m_strings.insert(text, text);
        return text;
    }

private:
    QHash<QString, QString> m_strings;
};

} // namespace

Result<void> EvidenceStore::inSnapshot(LabDatabase &lab, const std::function<Result<void>()> &fn)
{
    // Inside a caller's transaction there is nothing to open: it is one snapshot already.
    QSqlDatabase &db = lab.db();
    const bool own = db.transaction();
    Result<void> done = fn();
    if (own)
        db.rollback(); // nothing was written; ends the snapshot
    return done;
}

Result<EvidenceRows> EvidenceStore::read(const SessionSelection &selection)
{
    EvidenceRows rows;
    Result<void> done = inSnapshot(m_lab, [&]() -> Result<void> {
        MetricsStore metrics(m_lab);
        Result<QList<SessionRow>> sessions = metrics.sessions(selection);
        if (!sessions)
            return sessions.error();
        Result<QList<AttemptRow>> attempts = metrics.attempts(selection);
        if (!attempts)
            return attempts.error();
        Result<QList<LookupRow>> lookupRows = lookups(selection);
        if (!lookupRows)
            return lookupRows.error();
        Result<QList<NoteRow>> noteRows = notes(selection);
        if (!noteRows)
            return noteRows.error();
        Result<QList<SearchRow>> searchRows = searches(selection);
        if (!searchRows)
            return searchRows.error();
        Result<QList<CommandRow>> commandRows = commands(selection);
        if (!commandRows)
            return commandRows.error();
        rows = EvidenceRows{std::move(*sessions),   std::move(*attempts), std::move(*lookupRows),
                            std::move(*noteRows),   std::move(*searchRows), std::move(*commandRows)};
        return {};
    });
    if (!done)
        return done.error();
    return rows;
}

// Detail ids grow with their events (each is written right after its event,
// in the event's transaction), so (session, id) order is event order, and
// the session_id index serves it without a sort.

Result<QList<LookupRow>> EvidenceStore::lookups(const SessionSelection &selection)
{
    const Where where = whereFor(selection, QStringLiteral("l"));
    Query q(m_lab.db(), QStringLiteral("SELECT l.event_id, l.session_id, l.attempt_id, l.page, l.anchor, l.docs_revision,"
                                       " l.opened_at_ms, l.dwell_ms FROM lookups l")
                            + where.sql + QStringLiteral(" ORDER BY l.session_id, l.id"));
    if (auto r = run(q, where, QStringLiteral("reading doc lookups for the evidence")); !r)
        return r.error();
    Interner intern;
    QList<LookupRow> rows;
    rows.reserve(countRows(m_lab, QStringLiteral("lookups"), QStringLiteral("l"), where));
    while (q.next()) {
        LookupRow l;
        l.eventId = q.int64(0);
        l.sessionId = q.int64(1);
        l.attemptId = q.optInt64(2);
        l.page = intern(q.text(3));
        l.anchor = intern(q.text(4));
        l.docsRevision = intern(q.text(5));
        l.openedAtMs = q.int64(6);
        l.dwellMs = q.optInt64(7);
        if (l.dwellMs)
            l.closedAtMs = l.openedAtMs + *l.dwellMs;
        rows.append(std::move(l));
    }
    return rows;
}

Result<QList<NoteRow>> EvidenceStore::notes(const SessionSelection &selection)
{
    const Where where = whereFor(selection, QStringLiteral("n"));
    Query q(m_lab.db(), QStringLiteral("SELECT n.event_id, n.session_id, n.attempt_id, n.severity, n.category, n.text,"
                                       " n.page, n.anchor, e.wall_ms FROM notes n JOIN events e ON e.id = n.event_id")
                            + where.sql + QStringLiteral(" ORDER BY n.session_id, n.id"));
    if (auto r = run(q, where, QStringLiteral("reading notes for the evidence")); !r)
        return r.error();
    Interner intern;
    QList<NoteRow> rows;
    rows.reserve(countRows(m_lab, QStringLiteral("notes"), QStringLiteral("n"), where));
    while (q.next()) {
        NoteRow n;
        n.eventId = q.int64(0);
        n.sessionId = q.int64(1);
        n.attemptId = q.optInt64(2);
        n.severity = int(q.int64(3));
        n.category = intern(q.text(4));
        n.text = q.text(5);
        n.page = intern(q.text(6));
        n.anchor = intern(q.text(7));
        n.wallMs = q.int64(8);
        rows.append(std::move(n));
    }
    return rows;
}

Result<QList<SearchRow>> EvidenceStore::searches(const SessionSelection &selection)
{
    const Where where = whereFor(selection, QStringLiteral("x"));
    Query q(m_lab.db(), QStringLiteral("SELECT x.event_id, x.session_id, x.attempt_id, x.query, x.result_count, e.wall_ms"
                                       " FROM searches x JOIN events e ON e.id = x.event_id")
                            + where.sql + QStringLiteral(" ORDER BY x.session_id, x.id"));
    if (auto r = run(q, where, QStringLiteral("reading searches for the evidence")); !r)
        return r.error();
    Interner intern;
    QList<SearchRow> rows;
    rows.reserve(countRows(m_lab, QStringLiteral("searches"), QStringLiteral("x"), where));
    while (q.next()) {
        SearchRow s;
        s.eventId = q.int64(0);
        s.sessionId = q.int64(1);
        s.attemptId = q.optInt64(2);
        s.query = intern(q.text(3));
        s.resultCount = int(q.int64(4));
        s.wallMs = q.int64(5);
        rows.append(std::move(s));
    }
    return rows;
}

Result<QList<CommandRow>> EvidenceStore::commands(const SessionSelection &selection)
{
    const Where where = whereFor(selection, QStringLiteral("c"));
    Query q(m_lab.db(), QStringLiteral("SELECT c.event_id, c.session_id, c.attempt_id, c.exit_status,"
                                       " CASE WHEN c.exit_status <> 0 THEN c.command END, e.wall_ms FROM commands c"
                                       " JOIN events e ON e.id = c.event_id")
                            + where.sql + QStringLiteral(" ORDER BY c.session_id, c.id"));
    if (auto r = run(q, where, QStringLiteral("reading commands for the evidence")); !r)
        return r.error();
    QList<CommandRow> rows;
    rows.reserve(countRows(m_lab, QStringLiteral("commands"), QStringLiteral("c"), where));
    while (q.next()) {
        CommandRow c;
        c.eventId = q.int64(0);
        c.sessionId = q.int64(1);
        c.attemptId = q.optInt64(2);
        c.exitStatus = q.optInt64(3);
        if (c.exitStatus && *c.exitStatus != 0)
            c.command = q.text(4);
        c.wallMs = q.int64(5);
        rows.append(std::move(c));
    }
    return rows;
}

} // namespace devzero::store
