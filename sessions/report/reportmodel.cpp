#include "sessions/report/reportmodel.h"

#include "sessions/capture/notecategory.h"
#include "sessions/docindex/docindex.h"
#include "sessions/store/evidencestore.h"
#include "sessions/store/labdatabase.h"

#include <QMap>
#include <QSet>

#include <algorithm>

// Gathers the report in four steps: one snapshot of the lab (metrics and
// evidence rows), the docs index's answers about the pages seen, the
// evidence and flag ranking, then the themes and timelines.

namespace devzero::report {

using namespace devzero::analysis;
using namespace devzero::store;

namespace {

constexpr int kQuoteChars = 400;

QString clipped(const QString &text, int chars)
{
    if (text.size() <= chars)
        return text;
    return text.left(chars - 1) + QChar(0x2026);
}

// The docs index's view of the pages the lab names.
struct DocsLookup
{
    EvidenceInput input;
    QHash<QString, PageDocs> docs;
};

PageVocabulary vocabularyOf(const docindex::PageInfo &info)
{
    PageVocabulary v;
    v.page = info.path;
    v.title = info.title;
    for (const docindex::PageSection &s : info.sections)
        v.sections.append({s.anchor, s.heading, s.startLine, s.endLine});
    QSet<QString> programs;
    for (const docindex::PageCommand &c : info.commands) {
        if (!c.program.isEmpty() && !programs.contains(c.program)) {
            programs.insert(c.program);
            v.terms.append({c.program, c.line, false});
        }
    }
    for (const docindex::PageTerm &t : info.terms) {
        if (t.kind == QLatin1String("acronym"))
            v.terms.append({t.text, t.line, true});
    }
    return v;
}

PageDocs docsOf(const docindex::PageInfo &info)
{
    PageDocs d;
    d.path = info.path;
    d.title = info.title;
    d.siteUrl = info.siteUrl;
    d.owners = info.owners;
    d.ownersRule = info.ownersRule;
    for (const docindex::PageAuthor &a : info.authors)
        d.authors.append({a.name, a.time});
    return d;
}

// Asks the index about every page the lab or a flag names. A page the index
// does not know keeps its recorded name and simply has no owners.
DocsLookup lookUpPages(docindex::DocIndex &index, const QString &source, const QStringList &pages)
{
    DocsLookup out;
    for (const QString &recorded : pages) {
        const QString key = normalisePagePath(recorded);
        if (key.isEmpty())
            continue;
        QString path;
        if (key.contains(QLatin1String("://"))) {
            Result<docindex::ResolvedUrl> url = index.resolveUrl(key, source);
            if (!url)
                continue;
            path = url->path;
        } else {
            path = key;
        }
        if (!out.docs.contains(path)) {
            Result<docindex::PageInfo> info = index.page(path, source);
            if (!info)
                continue;
            path = info->path;
            out.docs.insert(path, docsOf(*info));
            out.input.vocabularies.insert(path, vocabularyOf(*info));
        }
        if (recorded != path)
            out.input.aliases.insert(recorded, path);
    }
    return out;
}

QList<FrictionTheme> frictionThemes(const EvidenceRows &rows, const QHash<qint64, SessionRow> &sessions,
                                    const QHash<qint64, QString> &taskNumbers, int quotesPerTheme)
{
    QMap<QString, QList<const NoteRow *>> byCategory;
    for (const NoteRow &n : rows.notes)
        byCategory[n.category] << &n;
    QList<FrictionTheme> themes;
    for (auto it = byCategory.cbegin(); it != byCategory.cend(); ++it) {
        FrictionTheme t;
        t.category = it.key();
        t.label = it.key();
        for (const capture::NoteCategory &c : capture::noteCategories()) {
            if (c.id == it.key()) {
                t.label = c.label;
                t.description = c.description;
            }
        }
        QSet<qint64> sessionIds;
        QSet<qint64> testers;
        QMap<QString, int> pageCounts;
        int severitySum = 0;
        for (const NoteRow *n : *it) {
            ++t.notes;
            severitySum += n->severity;
            if (n->severity >= 3)
                ++t.severe;
            sessionIds.insert(n->sessionId);
            testers.insert(sessions.value(n->sessionId).participantId);
            if (!n->page.isEmpty())
                ++pageCounts[normalisePagePath(n->page)];
        }
        t.sessions = int(sessionIds.size());
        t.testers = int(testers.size());
        t.meanSeverity = t.notes ? double(severitySum) / t.notes : 0;
        t.pages = pageCounts.keys();
        std::stable_sort(t.pages.begin(), t.pages.end(),
                         [&](const QString &a, const QString &b) { return pageCounts.value(a) > pageCounts.value(b); });
        t.pages = t.pages.mid(0, 5);

        QList<const NoteRow *> quoted = *it;
        std::stable_sort(quoted.begin(), quoted.end(), [](const NoteRow *a, const NoteRow *b) {
            if (a->severity != b->severity)
                return a->severity > b->severity;
            return a->wallMs < b->wallMs;
        });
        for (const NoteRow *n : quoted.mid(0, quotesPerTheme)) {
            const SessionRow s = sessions.value(n->sessionId);
            t.quotes.append({clipped(n->text, kQuoteChars), n->severity, n->sessionId, s.pseudonym,
                             n->attemptId ? taskNumbers.value(*n->attemptId) : QString(), n->page, n->anchor, n->wallMs});
        }
        themes << t;
    }
    std::stable_sort(themes.begin(), themes.end(), [](const FrictionTheme &a, const FrictionTheme &b) {
        if (a.notes != b.notes)
            return a.notes > b.notes;
        return a.severe > b.severe;
    });
    return themes;
}

template<typename Row>
QHash<qint64, QList<const Row *>> groupBySession(const QList<Row> &rows)
{
    QHash<qint64, QList<const Row *>> out;
    // Rows come by session: reserve each session's list once.
    qsizetype i = 0;
    while (i < rows.size()) {
        const qint64 session = rows.at(i).sessionId;
        qsizetype j = i + 1;
        while (j < rows.size() && rows.at(j).sessionId == session)
            ++j;
        QList<const Row *> &list = out[session];
        list.reserve(list.size() + (j - i));
        for (qsizetype k = i; k < j; ++k)
            list << &rows.at(k);
        i = j;
    }
    return out;
}

QList<SessionTimeline> timelines(const EvidenceRows &rows)
{
    const auto attempts = groupBySession(rows.attempts);
    const auto lookups = groupBySession(rows.lookups);
    const auto notes = groupBySession(rows.notes);
    const auto searches = groupBySession(rows.searches);
    const auto commands = groupBySession(rows.commands);
    QList<SessionTimeline> out;
    out.reserve(rows.sessions.size());
    for (const SessionRow &s : rows.sessions) {
        SessionTimeline t;
        t.sessionId = s.id;
        t.uuid = s.uuid;
        t.pseudonym = s.pseudonym;
        t.experience = s.experience;
        t.state = s.state;
        t.docsRevision = s.docsRevision;
        t.startedAtMs = s.startedAtMs;
        t.marks.reserve(lookups.value(s.id).size() + notes.value(s.id).size() + searches.value(s.id).size()
                        + commands.value(s.id).size());
        qint64 last = s.startedAtMs;
        const auto at = [&](qint64 wallMs) {
            last = std::max(last, wallMs);
            return wallMs - s.startedAtMs;
        };
        for (const LookupRow *l : lookups.value(s.id)) {
            const QString label = l->anchor.isEmpty() ? l->page : l->page + QLatin1Char('#') + l->anchor;
            t.marks.append({TimelineMark::Kind::Lookup, at(l->openedAtMs), false, 0, label});
            at(l->closedAtMs.value_or(l->openedAtMs));
            ++t.lookups;
        }
        for (const NoteRow *n : notes.value(s.id)) {
            t.marks.append({TimelineMark::Kind::Note, at(n->wallMs), true, n->severity, clipped(n->text, kQuoteChars)});
            ++t.notes;
        }
        for (const SearchRow *q : searches.value(s.id)) {
            const bool empty = q->resultCount == 0;
            t.marks.append({TimelineMark::Kind::Search, at(q->wallMs), empty, q->resultCount, q->query});
            ++t.searches;
            t.zeroResultSearches += empty ? 1 : 0;
        }
        for (const CommandRow *c : commands.value(s.id)) {
            const bool failed = c->exitStatus && *c->exitStatus != 0;
            t.marks.append({TimelineMark::Kind::Command, at(c->wallMs), failed, int(c->exitStatus.value_or(0)),
                            failed ? clipped(c->command, kQuoteChars) : QString()});
            ++t.commands;
            t.failedCommands += failed ? 1 : 0;
        }
        std::stable_sort(t.marks.begin(), t.marks.end(),
                         [](const TimelineMark &a, const TimelineMark &b) { return a.atMs < b.atMs; });
        for (const AttemptRow *a : attempts.value(s.id)) {
            at(a->startedAtMs);
            if (a->endedAtMs)
                at(*a->endedAtMs);
        }
        const qint64 end = s.endedAtMs && !s.isOpen() ? std::max(*s.endedAtMs, last) : last;
        t.durationMs = end - s.startedAtMs;
        for (const AttemptRow *a : attempts.value(s.id)) {
            TimelineTask task;
            task.number = a->taskNumber;
            task.title = a->taskTitle;
            task.startMs = a->startedAtMs - s.startedAtMs;
            task.endMs = (a->endedAtMs ? *a->endedAtMs : end) - s.startedAtMs;
            task.outcome = a->outcome;
            t.tasks << task;
        }
        out << t;
    }
    return out;
}

QString defaultTitle(const LabMetrics &metrics)
{
    QStringList plans;
    for (const PlanRef &p : metrics.plans)
        plans << p.title;
    if (plans.isEmpty())
        return QStringLiteral("Developer Zero report");
    return QStringLiteral("Developer Zero report: ") + plans.join(QStringLiteral(", "));
}

} // namespace

QString toString(TimelineMark::Kind kind)
{
    switch (kind) {
    case TimelineMark::Kind::Note: return QStringLiteral("note");
    case TimelineMark::Kind::Lookup: return QStringLiteral("lookup");
    case TimelineMark::Kind::Search: return QStringLiteral("search");
    case TimelineMark::Kind::Command: return QStringLiteral("command");
    }
    return {};
}

Result<ReportModel> buildReportModel(LabDatabase &lab, docindex::DocIndex *docs, const QList<Flag> &flags,
                                     const ReportOptions &options)
{
    Result<SessionSelection> selection = sessionSelection(options.filter);
    if (!selection)
        return selection.error();

    ReportModel model;
    model.options = options;
    model.generatedAt = options.generatedAt.isValid() ? options.generatedAt.toUTC() : QDateTime::currentDateTimeUtc();

    EvidenceRows rows;
    Result<void> read = EvidenceStore::inSnapshot(lab, [&]() -> Result<void> {
        Result<LabMetrics> metrics = computeMetrics(lab, options.filter);
        if (!metrics)
            return metrics.error();
        model.metrics = std::move(*metrics);
        Result<EvidenceRows> evidenceRows = EvidenceStore(lab).read(*selection);
        if (!evidenceRows)
            return evidenceRows.error();
        rows = std::move(*evidenceRows);
        return {};
    });
    if (!read)
        return read.error();
    model.title = defaultTitle(model.metrics);

    DocsLookup lookup;
    if (docs) {
        QString source = options.docsSource.trimmed();
        Result<QList<docindex::SourceInfo>> sources = docs->sources();
        if (!sources)
            return sources.error();
        if (source.isEmpty() && sources->size() == 1)
            source = sources->first().name;
        if (!source.isEmpty()) {
            Result<docindex::SourceInfo> info = docs->source(source);
            if (!info)
                return makeError(info.error().message, QStringLiteral("--source"));
            model.docsSource = info->name;
            model.docsCommit = info->commitId;
            QSet<QString> names;
            for (const LookupRow &l : rows.lookups)
                names.insert(l.page);
            for (const NoteRow &n : rows.notes)
                names.insert(n.page);
            for (const Flag &f : flags)
                names.insert(f.path);
            QStringList sorted = names.values();
            std::sort(sorted.begin(), sorted.end());
            lookup = lookUpPages(*docs, source, sorted);
            model.docs = lookup.docs;
        } else if (sources->isEmpty()) {
            model.notices << QStringLiteral("No docs source is indexed: page owners, last authors and page terms are not shown.");
        } else {
            model.notices << QStringLiteral("The docs index holds several sources and none was chosen (--source): "
                                            "page owners, last authors and page terms are not shown.");
        }
    } else {
        model.notices << QStringLiteral("No docs index was given: page owners, last authors and page terms are not shown.");
    }

    model.evidence = computeEvidence(rows, lookup.input);
    model.flags = rankFlags(flags, model.evidence);

    QHash<qint64, SessionRow> sessions;
    QSet<qint64> participants;
    for (const SessionRow &s : rows.sessions) {
        sessions.insert(s.id, s);
        participants.insert(s.participantId);
    }
    QHash<qint64, QString> taskNumbers;
    for (const AttemptRow &a : rows.attempts)
        taskNumbers.insert(a.id, a.taskNumber);
    model.participants = int(participants.size());
    model.noteCount = int(rows.notes.size());
    model.lookupCount = int(rows.lookups.size());
    model.searchCount = int(rows.searches.size());
    model.commandCount = int(rows.commands.size());
    model.themes = frictionThemes(rows, sessions, taskNumbers, options.quotesPerTheme);
    model.timelines = timelines(rows);
    return model;
}

} // namespace devzero::report
