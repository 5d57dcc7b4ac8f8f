#include "ui/review/reviewdata.h"

#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"
#include "ui/review/notesmodel.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace devzero::ui {

namespace {

Result<std::unique_ptr<LabDatabase>> openExisting(const QString &labPath)
{
    LabDatabase::Options options;
    options.create = false;
    options.quickCheck = false;
    return LabDatabase::open(labPath, options);
}

} // namespace

Result<ReviewSnapshot> loadReview(const QString &labPath, const analysis::MetricsFilter &filter)
{
    Result<std::unique_ptr<LabDatabase>> lab = openExisting(labPath);
    if (!lab)
        return lab.error();
    ReviewSnapshot snap;
    Result<analysis::LabMetrics> metrics = analysis::computeMetrics(**lab, filter);
    if (!metrics)
        return metrics.error();
    snap.metrics = std::move(metrics.value());
    Result<QList<store::PlanRow>> plans = store::PlanStore(**lab).plans();
    if (!plans)
        return plans.error();
    snap.plans = *plans;
    // Revisions over every session, so the filter can offer them all.
    QSet<QString> seen;
    Result<QList<store::SessionRow>> sessions = store::SessionStore(**lab).sessions();
    if (!sessions)
        return sessions.error();
    QList<store::SessionRow> ordered = *sessions;
    std::sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.startedAtMs < b.startedAtMs; });
    for (const store::SessionRow &s : ordered)
        if (!s.docsRevision.isEmpty() && !seen.contains(s.docsRevision)) {
            seen.insert(s.docsRevision);
            snap.revisions << s.docsRevision;
        }
    QSet<qint64> selected;
    for (const analysis::SessionMetrics &s : snap.metrics.sessions)
        selected.insert(s.sessionId);
    Result<QList<store::ReviewNote>> notes = store::NotesEditStore(**lab).notes();
    if (!notes)
        return notes.error();
    for (store::ReviewNote &n : *notes)
        if (selected.contains(n.sessionId)) {
            ++snap.notesPerSession[n.sessionId];
            snap.noteSearch << NotesModel::searchText(n);
            snap.notes.append(std::move(n));
        }
    Result<QList<store::Theme>> themes = store::NotesEditStore(**lab).themes();
    if (!themes)
        return themes.error();
    snap.themes = *themes;
    return snap;
}

Result<SessionTimelineData> loadTimeline(const QString &labPath, qint64 sessionId)
{
    Result<std::unique_ptr<LabDatabase>> lab = openExisting(labPath);
    if (!lab)
        return lab.error();
    store::SessionStore store(**lab);
    Result<store::SessionRow> session = store.session(sessionId);
    if (!session)
        return session.error();
    Result<QList<store::AttemptRow>> attempts = store.attempts(sessionId);
    Result<QList<store::NoteRow>> notes = store.notes(sessionId);
    Result<QList<store::LookupRow>> lookups = store.lookups(sessionId);
    Result<QList<store::SearchRow>> searches = store.searches(sessionId);
    Result<QList<store::CommandRow>> commands = store.commands(sessionId);
    for (const Error *e : {attempts ? nullptr : &attempts.error(), notes ? nullptr : &notes.error(),
                           lookups ? nullptr : &lookups.error(), searches ? nullptr : &searches.error(),
                           commands ? nullptr : &commands.error()})
        if (e)
            return *e;
    SessionTimelineData t;
    t.sessionId = sessionId;
    const qint64 start = session->startedAtMs;
    t.title = QStringLiteral("%1 (%2), %3, docs %4")
                  .arg(session->pseudonym, store::toString(session->experience),
                       QDateTime::fromMSecsSinceEpoch(start, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                       session->docsRevision.isEmpty() ? QStringLiteral("unknown") : session->docsRevision.left(8));
    qint64 last = session->endedAtMs.value_or(start) - start;
    for (const store::AttemptRow &a : *attempts) {
        TimelineTaskBar bar{a.taskNumber, a.taskTitle, a.startedAtMs - start,
                            a.endedAtMs.value_or(a.startedAtMs) - start, a.outcome};
        last = std::max(last, bar.endMs);
        t.tasks << bar;
    }
    for (const store::NoteRow &n : *notes) {
        const QString where = n.page.isEmpty() ? QString() : QStringLiteral("\n%1%2").arg(n.page, n.anchor.isEmpty() ? QString() : QLatin1Char('#') + n.anchor);
        t.marks << TimelineEntry{TimelineEntry::Kind::Note, n.wallMs - start, true, n.text,
                                 QStringLiteral("Note, severity %1, %2:\n%3%4").arg(n.severity).arg(n.category, n.text, where),
                                 n.page, n.anchor};
    }
    for (const store::LookupRow &l : *lookups) {
        const QString page = l.anchor.isEmpty() ? l.page : l.page + QLatin1Char('#') + l.anchor;
        t.marks << TimelineEntry{TimelineEntry::Kind::Lookup, l.openedAtMs - start, false, page,
                                 QStringLiteral("Read %1 (%2)%3").arg(page, l.how, l.dwellMs ? QStringLiteral(" for %1 s").arg(*l.dwellMs / 1000) : QString()),
                                 l.page, l.anchor};
    }
    for (const store::SearchRow &s : *searches)
        t.marks << TimelineEntry{TimelineEntry::Kind::Search, s.wallMs - start, s.resultCount == 0, s.query,
                                 QStringLiteral("Searched \"%1\": %2 results").arg(s.query).arg(s.resultCount), {}, {}};
    for (const store::CommandRow &c : *commands) {
        const bool failed = c.exitStatus && *c.exitStatus != 0;
        t.marks << TimelineEntry{TimelineEntry::Kind::Command, c.wallMs - start, failed, c.command,
                                 QStringLiteral("Ran %1 (exit %2)").arg(c.command, c.exitStatus ? QString::number(*c.exitStatus) : QStringLiteral("unknown")),
                                 {}, {}};
    }
    std::sort(t.marks.begin(), t.marks.end(), [](const auto &a, const auto &b) { return a.atMs < b.atMs; });
    for (const TimelineEntry &m : t.marks)
        last = std::max(last, m.atMs);
    t.durationMs = std::max<qint64>(last, 1000);
    return t;
}

} // namespace devzero::ui
