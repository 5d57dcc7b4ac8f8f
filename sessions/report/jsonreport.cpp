#include "sessions/report/renderers.h"

#include "sessions/analysis/metricsjson.h"
#include "sessions/report/escaping.h"

#include <QJsonArray>
#include <QJsonDocument>

// Schema "devzero.report/1", documented in resources/docs/report-json-schema.md.
// Keys are snake_case; a value that does not exist is null, never 0 or "".
// Text is passed through cleanText (no lone surrogates or control
// characters, visible bidi controls) so a consumer can print it safely.

namespace devzero::report {

using namespace devzero::analysis;

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(cleanText(text));
}

QJsonValue text(const QString &value)
{
    return cleanText(value);
}

QJsonArray textArray(const QStringList &list)
{
    QJsonArray out;
    for (const QString &s : list)
        out.append(cleanText(s));
    return out;
}

constexpr qsizetype kItemsPerPage = 200;

const QStringList kMarkColumns = {QStringLiteral("kind"), QStringLiteral("at_ms"), QStringLiteral("value"),
                                  QStringLiteral("notable"), QStringLiteral("label")};

QJsonValue isoTime(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject pageJson(const PageEvidence &p, const QHash<QString, PageDocs> &docs)
{
    QJsonArray sections;
    for (const SectionEvidence &s : p.sections)
        sections.append(QJsonObject{{QStringLiteral("anchor"), text(s.anchor)},
                                    {QStringLiteral("heading"), textOrNull(s.heading)},
                                    {QStringLiteral("evidence"), toJson(s.counts)}});
    QJsonArray revisions;
    for (const RevisionEvidence &r : p.revisions)
        revisions.append(QJsonObject{{QStringLiteral("revision"), text(r.revision)}, {QStringLiteral("evidence"), toJson(r.counts)}});
    // The items behind the counts, most telling first (notes, term notes,
    // searches, commands, tasks; then in time order), at most kItemsPerPage:
    // in a large lab a page collects thousands of failed commands.
    QList<const EvidenceItem *> chosen;
    chosen.reserve(p.items.size());
    for (const EvidenceItem &i : p.items)
        chosen << &i;
    std::stable_sort(chosen.begin(), chosen.end(),
                     [](const EvidenceItem *a, const EvidenceItem *b) { return int(a->kind) < int(b->kind); });
    chosen = chosen.mid(0, kItemsPerPage);
    std::stable_sort(chosen.begin(), chosen.end(), [](const EvidenceItem *a, const EvidenceItem *b) { return a->wallMs < b->wallMs; });
    QJsonArray items;
    for (const EvidenceItem *item : chosen) {
        const EvidenceItem &i = *item;
        items.append(QJsonObject{{QStringLiteral("kind"), toString(i.kind)},
                                 {QStringLiteral("session_id"), i.sessionId},
                                 {QStringLiteral("anchor"), textOrNull(i.anchor)},
                                 {QStringLiteral("text"), text(i.text)},
                                 {QStringLiteral("revision"), textOrNull(i.revision)},
                                 {QStringLiteral("at"), isoTime(i.wallMs)},
                                 {QStringLiteral("value"), i.value}});
    }
    QJsonObject owners{{QStringLiteral("owners"), QJsonArray()}, {QStringLiteral("rule"), QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("last_authors"), QJsonArray()}};
    QJsonValue siteUrl(QJsonValue::Null);
    auto d = docs.constFind(p.page);
    if (d != docs.constEnd()) {
        QJsonArray authors;
        for (const PageAuthorRef &a : d->authors)
            authors.append(QJsonObject{{QStringLiteral("name"), text(a.name)},
                                       {QStringLiteral("time"), a.time.isValid() ? QJsonValue(a.time.toUTC().toString(Qt::ISODate))
                                                                                 : QJsonValue(QJsonValue::Null)}});
        owners = QJsonObject{{QStringLiteral("owners"), textArray(d->owners)},
                             {QStringLiteral("rule"), textOrNull(d->ownersRule)},
                             {QStringLiteral("last_authors"), authors}};
        siteUrl = textOrNull(d->siteUrl);
    }
    return QJsonObject{
        {QStringLiteral("page"), text(p.page)},
        {QStringLiteral("title"), textOrNull(p.title)},
        {QStringLiteral("site_url"), siteUrl},
        {QStringLiteral("ownership"), owners},
        {QStringLiteral("evidence"), toJson(p.counts)},
        {QStringLiteral("sections"), sections},
        {QStringLiteral("revisions"), revisions},
        {QStringLiteral("items"), items},
        {QStringLiteral("item_count"), int(p.items.size())},
    };
}

QJsonObject rankedFlagJson(const Flag &f, int rank)
{
    QJsonObject evidence = f.evidence;
    if (evidence.contains(QStringLiteral("direct_items"))) {
        QJsonArray items;
        for (const QJsonValue &v : evidence.value(QStringLiteral("direct_items")).toArray()) {
            QJsonObject item = v.toObject();
            item.insert(QStringLiteral("text"), text(item.value(QStringLiteral("text")).toString()));
            items.append(item);
        }
        evidence.insert(QStringLiteral("direct_items"), items);
    }
    return QJsonObject{
        {QStringLiteral("rank"), rank},
        {QStringLiteral("rule"), text(f.ruleId)},
        {QStringLiteral("severity"), toString(f.severity)},
        {QStringLiteral("message"), text(f.message)},
        {QStringLiteral("explanation"), textOrNull(f.explanation)},
        {QStringLiteral("path"), text(f.path)},
        {QStringLiteral("anchor"), textOrNull(f.anchor)},
        {QStringLiteral("start_line"), f.startLine},
        {QStringLiteral("end_line"), f.endLine},
        {QStringLiteral("blob_id"), textOrNull(f.blobId)},
        {QStringLiteral("excerpt"), textOrNull(f.excerpt)},
        {QStringLiteral("term"), textOrNull(f.term)},
        {QStringLiteral("generated"), f.generated},
        {QStringLiteral("static_score"), f.staticScore},
        {QStringLiteral("score"), f.score},
        {QStringLiteral("evidence"), evidence},
    };
}

QJsonObject themeJson(const FrictionTheme &t)
{
    QJsonArray quotes;
    for (const ThemeQuote &q : t.quotes)
        quotes.append(QJsonObject{{QStringLiteral("text"), text(q.text)},
                                  {QStringLiteral("severity"), q.severity},
                                  {QStringLiteral("session_id"), q.sessionId},
                                  {QStringLiteral("pseudonym"), text(q.pseudonym)},
                                  {QStringLiteral("task"), textOrNull(q.taskNumber)},
                                  {QStringLiteral("page"), textOrNull(q.page)},
                                  {QStringLiteral("anchor"), textOrNull(q.anchor)},
                                  {QStringLiteral("at"), isoTime(q.wallMs)}});
    return QJsonObject{
        {QStringLiteral("category"), text(t.category)},
        {QStringLiteral("label"), text(t.label)},
        {QStringLiteral("description"), textOrNull(t.description)},
        {QStringLiteral("notes"), t.notes},
        {QStringLiteral("sessions"), t.sessions},
        {QStringLiteral("testers"), t.testers},
        {QStringLiteral("severe"), t.severe},
        {QStringLiteral("mean_severity"), t.meanSeverity},
        {QStringLiteral("pages"), textArray(t.pages)},
        {QStringLiteral("quotes"), quotes},
    };
}

QJsonObject timelineJson(const SessionTimeline &s)
{
    QJsonArray tasks;
    for (const TimelineTask &t : s.tasks)
        tasks.append(QJsonObject{{QStringLiteral("task"), text(t.number)},
                                 {QStringLiteral("title"), text(t.title)},
                                 {QStringLiteral("start_ms"), t.startMs},
                                 {QStringLiteral("end_ms"), t.endMs},
                                 {QStringLiteral("outcome"), t.outcome ? QJsonValue(store::toString(*t.outcome))
                                                                       : QJsonValue(QJsonValue::Null)}});
    // One array per mark (see kMarkColumns): a large lab holds hundreds of
    // thousands of them, and objects would triple the file.
    QJsonArray marks;
    for (const TimelineMark &m : s.marks) {
        marks.append(QJsonArray{toString(m.kind), m.atMs,
                                m.kind == TimelineMark::Kind::Lookup ? QJsonValue(QJsonValue::Null) : QJsonValue(m.value),
                                m.notable, m.label.isEmpty() ? QJsonValue(QJsonValue::Null) : text(m.label)});
    }
    return QJsonObject{
        {QStringLiteral("session_id"), s.sessionId},
        {QStringLiteral("uuid"), s.uuid},
        {QStringLiteral("pseudonym"), text(s.pseudonym)},
        {QStringLiteral("experience"), store::toString(s.experience)},
        {QStringLiteral("state"), store::toString(s.state)},
        {QStringLiteral("docs_revision"), textOrNull(s.docsRevision)},
        {QStringLiteral("started_at"), isoTime(s.startedAtMs)},
        {QStringLiteral("duration_ms"), s.durationMs},
        {QStringLiteral("tasks"), tasks},
        {QStringLiteral("marks"), marks},
    };
}

} // namespace

namespace {

// Everything but the two arrays that grow with the lab (pages, timelines).
QJsonObject headJson(const ReportModel &m)
{
    QJsonObject metrics = toJson(m.metrics);
    metrics.remove(QStringLiteral("schema")); // embedded: the report's schema covers it
    QJsonArray searches;
    for (const ZeroResultQuery &z : m.evidence.zeroResultSearches)
        searches.append(QJsonObject{{QStringLiteral("query"), text(z.query)},
                                    {QStringLiteral("forms"), textArray(z.forms)},
                                    {QStringLiteral("count"), z.count},
                                    {QStringLiteral("sessions"), z.sessions},
                                    {QStringLiteral("testers"), z.testers},
                                    {QStringLiteral("first_at"), isoTime(z.firstWallMs)},
                                    {QStringLiteral("last_at"), isoTime(z.lastWallMs)},
                                    {QStringLiteral("revisions"), textArray(z.revisions)},
                                    {QStringLiteral("pages"), textArray(z.pages)}});
    QJsonArray flags;
    for (int i = 0; i < m.flags.size(); ++i)
        flags.append(rankedFlagJson(m.flags.at(i), i + 1));
    QJsonArray themes;
    for (const FrictionTheme &t : m.themes)
        themes.append(themeJson(t));
    const EvidenceWeights &w = m.evidence.weights;
    return QJsonObject{
        {QStringLiteral("schema"), QString::fromLatin1(kReportSchema)},
        {QStringLiteral("generator"), QString(QStringLiteral("devzero ") + QStringLiteral(DEVZERO_VERSION))},
        {QStringLiteral("generated_at"), m.generatedAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("title"), text(m.title)},
        {QStringLiteral("docs"), QJsonObject{{QStringLiteral("source"), textOrNull(m.docsSource)},
                                             {QStringLiteral("commit"), textOrNull(m.docsCommit)}}},
        {QStringLiteral("notices"), textArray(m.notices)},
        {QStringLiteral("counts"), QJsonObject{{QStringLiteral("sessions"), int(m.metrics.sessions.size())},
                                               {QStringLiteral("testers"), m.participants},
                                               {QStringLiteral("notes"), m.noteCount},
                                               {QStringLiteral("lookups"), m.lookupCount},
                                               {QStringLiteral("searches"), m.searchCount},
                                               {QStringLiteral("commands"), m.commandCount}}},
        {QStringLiteral("metrics"), metrics},
        {QStringLiteral("weights"), QJsonObject{{QStringLiteral("revisit"), w.revisit},
                                                {QStringLiteral("note_per_severity"), w.notePerSeverity},
                                                {QStringLiteral("term_note_per_severity"), w.termNotePerSeverity},
                                                {QStringLiteral("zero_result_search"), w.zeroResultSearch},
                                                {QStringLiteral("failed_command"), w.failedCommand},
                                                {QStringLiteral("command_not_found"), w.commandNotFound},
                                                {QStringLiteral("failed_task"), w.failedTask},
                                                {QStringLiteral("tester"), w.tester},
                                                {QStringLiteral("other_section"), w.otherSection},
                                                {QStringLiteral("direct"), w.direct}}},
        {QStringLiteral("zero_result_searches"), searches},
        {QStringLiteral("flags"), flags},
        {QStringLiteral("themes"), themes},
        {QStringLiteral("timeline_mark_columns"), QJsonArray::fromStringList(kMarkColumns)},
    };
}

} // namespace

QJsonObject reportJson(const ReportModel &m)
{
    QJsonObject report = headJson(m);
    QJsonArray pages;
    for (const PageEvidence &p : m.evidence.pages)
        pages.append(pageJson(p, m.docs));
    QJsonArray timelines;
    for (const SessionTimeline &s : m.timelines)
        timelines.append(timelineJson(s));
    report.insert(QStringLiteral("pages"), pages);
    report.insert(QStringLiteral("timelines"), timelines);
    return report;
}

QByteArray renderJson(const ReportModel &m)
{
    // The same object as reportJson, written piece by piece: a large lab's
    // pages and timelines as one QJsonObject tree would take several times
    // the memory of the file. Compact: the file is for programs.
    QByteArray out = QJsonDocument(headJson(m)).toJson(QJsonDocument::Compact);
    out.chop(1); // the closing brace
    out.reserve(out.size() + m.timelines.size() * 16 * 1024 + m.evidence.pages.size() * 8 * 1024);
    out += ",\"pages\":[";
    for (qsizetype i = 0; i < m.evidence.pages.size(); ++i) {
        if (i)
            out += ',';
        out += QJsonDocument(pageJson(m.evidence.pages.at(i), m.docs)).toJson(QJsonDocument::Compact);
    }
    out += "],\"timelines\":[";
    for (qsizetype i = 0; i < m.timelines.size(); ++i) {
        if (i)
            out += ',';
        out += QJsonDocument(timelineJson(m.timelines.at(i))).toJson(QJsonDocument::Compact);
    }
    out += "]}\n";
    return out;
}

} // namespace devzero::report
