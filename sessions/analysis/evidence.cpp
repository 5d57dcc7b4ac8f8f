#include "sessions/analysis/evidence.h"

#include "sessions/analysis/evidenceterms.h"

#include "sessions/store/labdatabase.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>

// Walks each session's events in order, keeping per context (task attempt)
// what was read so far, and folds every note, search, command and failed
// attempt into the pages and sections read before it.

namespace devzero::analysis {

using namespace devzero::store;

namespace {

// Counts of one page, section or revision while the sessions are walked.
struct Acc
{
    int lookups = 0;
    int revisits = 0;
    int notes = 0;
    int termNotes = 0;
    int zeroResults = 0;
    int failedCommands = 0;
    int notFound = 0;
    int failedTasks = 0;
    qint64 dwellTotal = 0;
    QList<qint64> dwells;
    QSet<qint64> readers;
    QSet<qint64> testers;
    QSet<QString> revisions;
    double weighted = 0; // everything but the testers' term

    void merge(const Acc &o)
    {
        lookups += o.lookups;
        revisits += o.revisits;
        notes += o.notes;
        termNotes += o.termNotes;
        zeroResults += o.zeroResults;
        failedCommands += o.failedCommands;
        notFound += o.notFound;
        failedTasks += o.failedTasks;
        dwellTotal += o.dwellTotal;
        dwells += o.dwells;
        readers.unite(o.readers);
        testers.unite(o.testers);
        revisions.unite(o.revisions);
        weighted += o.weighted;
    }

    EvidenceCounts finish(const EvidenceWeights &w) const
    {
        EvidenceCounts c;
        c.lookups = lookups;
        c.totalDwellMs = dwellTotal;
        if (!dwells.isEmpty()) {
            QList<qint64> sorted = dwells;
            std::sort(sorted.begin(), sorted.end());
            const qsizetype n = sorted.size();
            c.medianDwellMs = n % 2 ? sorted.at(n / 2) : (sorted.at(n / 2 - 1) + sorted.at(n / 2) + 1) / 2;
        }
        c.revisits = revisits;
        c.notes = notes;
        c.termNotes = termNotes;
        c.zeroResultSearches = zeroResults;
        c.failedCommands = failedCommands;
        c.commandsNotFound = notFound;
        c.failedTasks = failedTasks;
        c.readers = int(readers.size());
        c.testers = int(testers.size());
        for (const QString &r : revisions) {
            if (!r.isEmpty())
                c.revisions << r;
        }
        std::sort(c.revisions.begin(), c.revisions.end());
        c.weight = weighted + w.tester * c.testers;
        return c;
    }
};

struct PageAcc
{
    QMap<QString, Acc> byRevision; // the page as a whole, split by revision
    QMap<QString, Acc> bySection;  // non-empty anchors
    QList<EvidenceItem> items;
};

// What one context (attempt) has read so far.
struct Context
{
    QStringList pages;                       // distinct, in order first read
    QHash<QString, QStringList> anchors;     // page -> distinct non-empty anchors read
    QHash<QString, QString> revision;        // page -> revision of its last lookup
    QString lastPage;
    QString lastAnchor;
};

struct Walker
{
    const EvidenceInput &input;
    QHash<QString, PageAcc> pages;
    QHash<QString, terms::Matcher> matchers;
    QMap<QString, ZeroResultQuery> zero;
    QHash<QString, QSet<qint64>> zeroSessions;
    QHash<QString, QSet<qint64>> zeroTesters;
    QHash<QString, QSet<QString>> zeroRevisions;
    QHash<QString, QMap<QString, int>> zeroPages;

    QHash<QString, QString> canonicalCache; // recorded page -> canonical path

    QString canonical(const QString &page)
    {
        auto cached = canonicalCache.constFind(page);
        if (cached != canonicalCache.constEnd())
            return *cached;
        auto it = input.aliases.constFind(page);
        const QString path = it != input.aliases.constEnd() ? *it : normalisePagePath(page);
        canonicalCache.insert(page, path);
        return path;
    }

    Acc &pageAcc(const QString &page, const QString &revision) { return pages[page].byRevision[revision]; }
    Acc &sectionAcc(const QString &page, const QString &anchor) { return pages[page].bySection[anchor]; }

    // Adds one problem to a page (and its sections) with a weight share.
    template<typename Fn>
    void addProblem(const QString &page, const QStringList &anchors, const QString &revision, qint64 tester,
                    double pageWeight, Fn &&count)
    {
        Acc &p = pageAcc(page, revision);
        count(p);
        p.weighted += pageWeight;
        p.testers.insert(tester);
        p.revisions.insert(revision);
        for (const QString &anchor : anchors) {
            Acc &s = sectionAcc(page, anchor);
            count(s);
            s.weighted += pageWeight / anchors.size();
            s.testers.insert(tester);
            s.revisions.insert(revision);
        }
    }
};

QString itemText(const AttemptRow &a)
{
    return a.taskNumber + QLatin1Char(' ') + a.taskTitle;
}

enum class Kind { Lookup, Note, Search, Command };

struct Step
{
    qint64 at = 0;
    qint64 eventId = 0;
    Kind kind = Kind::Lookup;
    qsizetype index = 0;
};

// The rows of each session: [first, last) in the list. EvidenceStore reads
// rows by session, so each session's rows are one run; a list that is not
// so ordered still works, each run being looked up on its own.
struct Span
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

template<typename Row>
QHash<qint64, QList<Span>> bySession(const QList<Row> &rows)
{
    QHash<qint64, QList<Span>> out;
    qsizetype i = 0;
    while (i < rows.size()) {
        const qint64 session = rows.at(i).sessionId;
        qsizetype j = i + 1;
        while (j < rows.size() && rows.at(j).sessionId == session)
            ++j;
        out[session].append({i, j});
        i = j;
    }
    return out;
}

} // namespace

QString toString(EvidenceItem::Kind kind)
{
    switch (kind) {
    case EvidenceItem::Kind::Note: return QStringLiteral("note");
    case EvidenceItem::Kind::TermNote: return QStringLiteral("term-note");
    case EvidenceItem::Kind::ZeroResultSearch: return QStringLiteral("zero-result-search");
    case EvidenceItem::Kind::FailedCommand: return QStringLiteral("failed-command");
    case EvidenceItem::Kind::FailedTask: return QStringLiteral("failed-task");
    }
    return {};
}

QString normaliseQuery(const QString &query)
{
    return query.simplified().toLower();
}

QString normalisePagePath(const QString &page)
{
    QString p = page.trimmed();
    if (p.contains(QLatin1String("://")))
        return p;
    p.replace(QLatin1Char('\\'), QLatin1Char('/'));
    while (p.contains(QLatin1String("//")))
        p.replace(QLatin1String("//"), QLatin1String("/"));
    while (p.startsWith(QLatin1String("./")))
        p.remove(0, 2);
    while (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    return p;
}

const PageEvidence *EvidenceReport::page(const QString &path) const
{
    const QString key = normalisePagePath(path);
    for (const PageEvidence &p : pages) {
        if (p.page == key)
            return &p;
    }
    return nullptr;
}

QJsonObject toJson(const EvidenceCounts &c)
{
    return QJsonObject{
        {QStringLiteral("lookups"), c.lookups},
        {QStringLiteral("total_dwell_ms"), c.totalDwellMs},
        {QStringLiteral("median_dwell_ms"), c.medianDwellMs ? QJsonValue(*c.medianDwellMs) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("revisits"), c.revisits},
        {QStringLiteral("notes"), c.notes},
        {QStringLiteral("term_notes"), c.termNotes},
        {QStringLiteral("zero_result_searches"), c.zeroResultSearches},
        {QStringLiteral("failed_commands"), c.failedCommands},
        {QStringLiteral("commands_not_found"), c.commandsNotFound},
        {QStringLiteral("failed_tasks"), c.failedTasks},
        {QStringLiteral("readers"), c.readers},
        {QStringLiteral("testers"), c.testers},
        {QStringLiteral("revisions"), QJsonArray::fromStringList(c.revisions)},
        {QStringLiteral("weight"), c.weight},
    };
}

EvidenceReport computeEvidence(const EvidenceRows &rows, const EvidenceInput &input)
{
    const EvidenceWeights &w = input.weights;
    Walker walker{input, {}, {}, {}, {}, {}, {}, {}, {}};
    for (auto it = input.vocabularies.cbegin(); it != input.vocabularies.cend(); ++it) {
        terms::Matcher m = terms::buildMatcher(*it);
        if (!m.isEmpty())
            walker.matchers.insert(it.key(), std::move(m));
    }

    const auto lookupsBy = bySession(rows.lookups);
    const auto notesBy = bySession(rows.notes);
    const auto searchesBy = bySession(rows.searches);
    const auto commandsBy = bySession(rows.commands);
    const auto attemptsBy = bySession(rows.attempts);

    for (const SessionRow &session : rows.sessions) {
        const qint64 tester = session.participantId;
        QList<Step> steps;
        for (const Span &span : lookupsBy.value(session.id)) {
            for (qsizetype i = span.begin; i < span.end; ++i)
                steps.append({rows.lookups.at(i).openedAtMs, rows.lookups.at(i).eventId, Kind::Lookup, i});
        }
        for (const Span &span : notesBy.value(session.id)) {
            for (qsizetype i = span.begin; i < span.end; ++i)
                steps.append({rows.notes.at(i).wallMs, rows.notes.at(i).eventId, Kind::Note, i});
        }
        for (const Span &span : searchesBy.value(session.id)) {
            for (qsizetype i = span.begin; i < span.end; ++i)
                steps.append({rows.searches.at(i).wallMs, rows.searches.at(i).eventId, Kind::Search, i});
        }
        for (const Span &span : commandsBy.value(session.id)) {
            for (qsizetype i = span.begin; i < span.end; ++i)
                steps.append({rows.commands.at(i).wallMs, rows.commands.at(i).eventId, Kind::Command, i});
        }
        std::sort(steps.begin(), steps.end(), [](const Step &a, const Step &b) {
            return a.at != b.at ? a.at < b.at : a.eventId < b.eventId;
        });

        QHash<qint64, Context> contexts; // attempt id, 0 outside attempts
        for (const Step &step : steps) {
            switch (step.kind) {
            case Kind::Lookup: {
                const LookupRow &l = rows.lookups.at(step.index);
                const QString page = walker.canonical(l.page);
                const QString revision = l.docsRevision.isEmpty() ? session.docsRevision : l.docsRevision;
                Context &ctx = contexts[l.attemptId.value_or(0)];
                const bool inAttempt = l.attemptId.has_value();
                const bool pageSeen = ctx.revision.contains(page);
                const bool sectionSeen = pageSeen && ctx.anchors.value(page).contains(l.anchor);
                Acc &p = walker.pageAcc(page, revision);
                ++p.lookups;
                p.readers.insert(tester);
                p.revisions.insert(revision);
                if (l.dwellMs) {
                    p.dwellTotal += *l.dwellMs;
                    p.dwells << *l.dwellMs;
                }
                if (inAttempt && pageSeen) {
                    ++p.revisits;
                    p.weighted += w.revisit;
                }
                if (!l.anchor.isEmpty()) {
                    Acc &s = walker.sectionAcc(page, l.anchor);
                    ++s.lookups;
                    s.readers.insert(tester);
                    s.revisions.insert(revision);
                    if (l.dwellMs) {
                        s.dwellTotal += *l.dwellMs;
                        s.dwells << *l.dwellMs;
                    }
                    if (inAttempt && sectionSeen) {
                        ++s.revisits;
                        s.weighted += w.revisit;
                    }
                }
                if (!pageSeen)
                    ctx.pages << page;
                if (!l.anchor.isEmpty() && !ctx.anchors.value(page).contains(l.anchor))
                    ctx.anchors[page] << l.anchor;
                ctx.revision.insert(page, revision);
                ctx.lastPage = page;
                ctx.lastAnchor = l.anchor;
                break;
            }
            case Kind::Note: {
                const NoteRow &n = rows.notes.at(step.index);
                const Context &ctx = contexts[n.attemptId.value_or(0)];
                QString attached;
                if (!n.page.isEmpty()) {
                    attached = walker.canonical(n.page);
                    const QString revision = ctx.revision.value(attached, session.docsRevision);
                    const QStringList anchors = n.anchor.isEmpty() ? QStringList() : QStringList{n.anchor};
                    walker.addProblem(attached, anchors, revision, tester, w.notePerSeverity * n.severity,
                                      [](Acc &a) { ++a.notes; });
                    walker.pages[attached].items.append(
                        {EvidenceItem::Kind::Note, session.id, n.anchor, n.text, revision, n.wallMs, n.severity});
                }
                if (walker.matchers.isEmpty())
                    break;
                const terms::NoteWords words = terms::noteWords(n.text);
                for (const QString &page : ctx.pages) {
                    if (page == attached)
                        continue;
                    auto m = walker.matchers.constFind(page);
                    if (m == walker.matchers.constEnd())
                        continue;
                    const std::optional<QSet<QString>> named = terms::namedSections(*m, words);
                    if (!named)
                        continue;
                    QStringList anchors = named->values();
                    std::sort(anchors.begin(), anchors.end());
                    const QString revision = ctx.revision.value(page);
                    walker.addProblem(page, anchors, revision, tester, w.termNotePerSeverity * n.severity,
                                      [](Acc &a) { ++a.termNotes; });
                    walker.pages[page].items.append({EvidenceItem::Kind::TermNote, session.id,
                                                     anchors.isEmpty() ? QString() : anchors.first(), n.text, revision,
                                                     n.wallMs, n.severity});
                }
                break;
            }
            case Kind::Search: {
                const SearchRow &s = rows.searches.at(step.index);
                if (s.resultCount != 0)
                    break;
                const Context &ctx = contexts[s.attemptId.value_or(0)];
                const QString key = normaliseQuery(s.query);
                ZeroResultQuery &z = walker.zero[key];
                if (z.count == 0) {
                    z.query = key;
                    z.firstWallMs = s.wallMs;
                }
                ++z.count;
                z.firstWallMs = std::min(z.firstWallMs, s.wallMs);
                z.lastWallMs = std::max(z.lastWallMs, s.wallMs);
                if (!z.forms.contains(s.query) && z.forms.size() < 5)
                    z.forms << s.query;
                walker.zeroSessions[key].insert(session.id);
                walker.zeroTesters[key].insert(tester);
                QString revision = session.docsRevision;
                if (!ctx.lastPage.isEmpty()) {
                    revision = ctx.revision.value(ctx.lastPage);
                    const QStringList anchors = ctx.lastAnchor.isEmpty() ? QStringList() : QStringList{ctx.lastAnchor};
                    walker.addProblem(ctx.lastPage, anchors, revision, tester, w.zeroResultSearch,
                                      [](Acc &a) { ++a.zeroResults; });
                    walker.pages[ctx.lastPage].items.append({EvidenceItem::Kind::ZeroResultSearch, session.id,
                                                             ctx.lastAnchor, s.query, revision, s.wallMs, 0});
                    ++walker.zeroPages[key][ctx.lastPage];
                }
                walker.zeroRevisions[key].insert(revision);
                break;
            }
            case Kind::Command: {
                const CommandRow &c = rows.commands.at(step.index);
                if (!c.exitStatus || *c.exitStatus == 0)
                    break;
                const Context &ctx = contexts[c.attemptId.value_or(0)];
                if (ctx.pages.isEmpty())
                    break;
                const bool notFound = *c.exitStatus == 127;
                const double share = (notFound ? w.commandNotFound : w.failedCommand) / ctx.pages.size();
                for (const QString &page : ctx.pages) {
                    const QString revision = ctx.revision.value(page);
                    const QStringList anchors = ctx.anchors.value(page);
                    walker.addProblem(page, anchors, revision, tester, share, [notFound](Acc &a) {
                        ++a.failedCommands;
                        if (notFound)
                            ++a.notFound;
                    });
                    walker.pages[page].items.append({EvidenceItem::Kind::FailedCommand, session.id,
                                                     anchors.isEmpty() ? QString() : anchors.last(), c.command,
                                                     revision, c.wallMs, int(*c.exitStatus)});
                }
                break;
            }
            }
        }

        // A failed or given-up attempt weighs on every page read during it.
        QList<const AttemptRow *> attempts;
        for (const Span &span : attemptsBy.value(session.id)) {
            for (qsizetype i = span.begin; i < span.end; ++i)
                attempts << &rows.attempts.at(i);
        }
        for (const AttemptRow *attempt : attempts) {
            const AttemptRow &a = *attempt;
            if (!a.outcome || (*a.outcome != Outcome::Failure && *a.outcome != Outcome::GaveUp))
                continue;
            const Context ctx = contexts.value(a.id);
            if (ctx.pages.isEmpty())
                continue;
            const double share = w.failedTask / ctx.pages.size();
            for (const QString &page : ctx.pages) {
                const QString revision = ctx.revision.value(page);
                walker.addProblem(page, ctx.anchors.value(page), revision, tester, share, [](Acc &acc) { ++acc.failedTasks; });
                walker.pages[page].items.append({EvidenceItem::Kind::FailedTask, session.id, QString(), itemText(a),
                                                 revision, a.endedAtMs.value_or(a.startedAtMs), 0});
            }
        }
    }

    EvidenceReport report;
    report.weights = w;
    for (auto it = walker.pages.begin(); it != walker.pages.end(); ++it) {
        PageEvidence page;
        page.page = it.key();
        const PageVocabulary vocabulary = input.vocabularies.value(page.page);
        page.title = vocabulary.title;
        Acc total;
        for (auto rev = it->byRevision.cbegin(); rev != it->byRevision.cend(); ++rev) {
            total.merge(*rev);
            if (!rev.key().isEmpty())
                page.revisions.append({rev.key(), rev->finish(w)});
        }
        page.counts = total.finish(w);
        for (auto s = it->bySection.cbegin(); s != it->bySection.cend(); ++s) {
            SectionEvidence section{s.key(), {}, s->finish(w)};
            for (const PageVocabulary::Section &known : vocabulary.sections) {
                if (known.anchor == s.key())
                    section.heading = known.heading;
            }
            page.sections << section;
        }
        std::stable_sort(page.sections.begin(), page.sections.end(), [](const SectionEvidence &a, const SectionEvidence &b) {
            return a.counts.weight > b.counts.weight;
        });
        page.items = std::move(it->items);
        std::stable_sort(page.items.begin(), page.items.end(), [](const EvidenceItem &a, const EvidenceItem &b) {
            return a.wallMs < b.wallMs;
        });
        report.pages << page;
    }
    std::sort(report.pages.begin(), report.pages.end(), [](const PageEvidence &a, const PageEvidence &b) {
        if (a.counts.weight != b.counts.weight)
            return a.counts.weight > b.counts.weight;
        return a.page < b.page;
    });

    for (auto it = walker.zero.begin(); it != walker.zero.end(); ++it) {
        ZeroResultQuery z = *it;
        z.sessions = int(walker.zeroSessions.value(it.key()).size());
        z.testers = int(walker.zeroTesters.value(it.key()).size());
        for (const QString &r : walker.zeroRevisions.value(it.key())) {
            if (!r.isEmpty())
                z.revisions << r;
        }
        std::sort(z.revisions.begin(), z.revisions.end());
        const QMap<QString, int> pages = walker.zeroPages.value(it.key());
        z.pages = pages.keys();
        std::stable_sort(z.pages.begin(), z.pages.end(), [&](const QString &a, const QString &b) {
            return pages.value(a) > pages.value(b);
        });
        report.zeroResultSearches << z;
    }
    std::stable_sort(report.zeroResultSearches.begin(), report.zeroResultSearches.end(),
                     [](const ZeroResultQuery &a, const ZeroResultQuery &b) { return a.count > b.count; });
    return report;
}

Result<EvidenceReport> computeEvidence(LabDatabase &lab, const MetricsFilter &filter, const EvidenceInput &input)
{
    Result<SessionSelection> selection = sessionSelection(filter);
    if (!selection)
        return selection.error();
    Result<EvidenceRows> rows = EvidenceStore(lab).read(*selection);
    if (!rows)
        return rows.error();
    return computeEvidence(*rows, input);
}

} // namespace devzero::analysis
