#include "sessions/report/renderers.h"

#include "sessions/report/escaping.h"

// One CSV file per table (RFC 4180: CRLF line ends, fields quoted when they
// hold a comma, quote or line break). Text cells go through csvText, which
// also guards against formula injection; numbers the report computed go
// through csvNumber and are never guarded. Lists in one cell are joined
// with "; ". A value that does not exist is an empty cell.

namespace devzero::report {

using namespace devzero::analysis;

namespace {

class Table
{
public:
    explicit Table(const QStringList &header)
    {
        QStringList cells;
        for (const QString &h : header)
            cells << csvText(h);
        m_text += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    Table &text(const QString &value)
    {
        m_row << csvText(value);
        return *this;
    }
    Table &texts(const QStringList &values) { return text(values.join(QStringLiteral("; "))); }
    Table &integer(qint64 value)
    {
        m_row << csvInteger(value);
        return *this;
    }
    Table &real(std::optional<double> value)
    {
        m_row << (value ? csvNumber(*value) : QString());
        return *this;
    }
    Table &optInteger(std::optional<qint64> value)
    {
        m_row << (value ? csvInteger(*value) : QString());
        return *this;
    }
    void end()
    {
        m_text += m_row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        m_row.clear();
    }
    QByteArray bytes() const { return m_text.toUtf8(); }

private:
    QString m_text;
    QStringList m_row;
};

std::optional<double> low(const std::optional<Interval> &i)
{
    return i ? std::optional<double>(i->low) : std::nullopt;
}

std::optional<double> high(const std::optional<Interval> &i)
{
    return i ? std::optional<double>(i->high) : std::nullopt;
}

QString iso(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC).toString(Qt::ISODate);
}

const QStringList kCountColumns = {QStringLiteral("lookups"),        QStringLiteral("total_dwell_ms"),
                                   QStringLiteral("median_dwell_ms"), QStringLiteral("revisits"),
                                   QStringLiteral("notes"),          QStringLiteral("term_notes"),
                                   QStringLiteral("zero_result_searches"), QStringLiteral("failed_commands"),
                                   QStringLiteral("commands_not_found"), QStringLiteral("failed_tasks"),
                                   QStringLiteral("readers"),        QStringLiteral("testers"),
                                   QStringLiteral("revisions"),      QStringLiteral("weight")};

void counts(Table &t, const EvidenceCounts &c)
{
    t.integer(c.lookups).integer(c.totalDwellMs).optInteger(c.medianDwellMs).integer(c.revisits).integer(c.notes)
        .integer(c.termNotes).integer(c.zeroResultSearches).integer(c.failedCommands).integer(c.commandsNotFound)
        .integer(c.failedTasks).integer(c.readers).integer(c.testers).texts(c.revisions).real(c.weight);
}

CsvFile journeys(const ReportModel &m)
{
    Table t({QStringLiteral("plan_id"), QStringLiteral("journey"), QStringLiteral("title"), QStringLiteral("outcome_question"),
             QStringLiteral("tasks"), QStringLiteral("sessions_tried"), QStringLiteral("sessions_achieved"),
             QStringLiteral("completion_rate"), QStringLiteral("completion_ci_low"), QStringLiteral("completion_ci_high"),
             QStringLiteral("time_to_first_success_s"), QStringLiteral("ttfs_ci_low_s"), QStringLiteral("ttfs_ci_high_s"),
             QStringLiteral("sessions_without_success")});
    for (const JourneyMetrics &j : m.metrics.journeys) {
        t.integer(j.planId).text(j.key).text(j.title).text(j.outcome).texts(j.taskNumbers).integer(j.completion.trials)
            .integer(j.completion.successes).real(j.completion.rate).real(low(j.completion.ci95)).real(high(j.completion.ci95))
            .real(j.timeToFirstSuccess.geometricMean).real(low(j.timeToFirstSuccess.ci95)).real(high(j.timeToFirstSuccess.ci95))
            .integer(j.sessionsWithoutSuccess);
        t.end();
    }
    return {QStringLiteral("journeys.csv"), t.bytes()};
}

CsvFile tasks(const ReportModel &m)
{
    Table t({QStringLiteral("plan_id"), QStringLiteral("task"), QStringLiteral("key"), QStringLiteral("title"),
             QStringLiteral("journey"), QStringLiteral("attempts"), QStringLiteral("successes"), QStringLiteral("failures"),
             QStringLiteral("gave_up"), QStringLiteral("skipped"), QStringLiteral("sessions"), QStringLiteral("completion_rate"),
             QStringLiteral("completion_ci_low"), QStringLiteral("completion_ci_high"), QStringLiteral("time_on_task_s"),
             QStringLiteral("time_ci_low_s"), QStringLiteral("time_ci_high_s"), QStringLiteral("unsuccessful_attempts"),
             QStringLiteral("unsuccessful_time_s"), QStringLiteral("seq_answers"), QStringLiteral("seq_mean"),
             QStringLiteral("seq_ci_low"), QStringLiteral("seq_ci_high"), QStringLiteral("seq_vs_5_5")});
    for (const TaskMetrics &k : m.metrics.tasks) {
        t.integer(k.planId).text(k.number).text(k.key).text(k.title).text(k.journeyKey).integer(k.attempts)
            .integer(k.successes).integer(k.failures).integer(k.gaveUp).integer(k.skipped).integer(k.sessions)
            .real(k.completion.rate).real(low(k.completion.ci95)).real(high(k.completion.ci95))
            .real(k.time.successful.geometricMean).real(low(k.time.successful.ci95)).real(high(k.time.successful.ci95))
            .integer(k.time.unsuccessful.count).real(k.time.unsuccessful.geometricMean).integer(k.seq.answers.count)
            .real(k.seq.answers.mean).real(low(k.seq.answers.ci95)).real(high(k.seq.answers.ci95))
            .text(toString(k.seq.comparison));
        t.end();
    }
    return {QStringLiteral("tasks.csv"), t.bytes()};
}

CsvFile sessions(const ReportModel &m)
{
    QHash<qint64, const SessionTimeline *> timelines;
    for (const SessionTimeline &s : m.timelines)
        timelines.insert(s.sessionId, &s);
    Table t({QStringLiteral("session_id"), QStringLiteral("uuid"), QStringLiteral("plan_id"), QStringLiteral("pseudonym"),
             QStringLiteral("experience"), QStringLiteral("state"), QStringLiteral("docs_revision"), QStringLiteral("started_at"),
             QStringLiteral("duration_ms"), QStringLiteral("attempts"), QStringLiteral("successes"), QStringLiteral("sus"),
             QStringLiteral("sus_grade"), QStringLiteral("sus_learnability"), QStringLiteral("sus_usability")});
    for (const SessionMetrics &s : m.metrics.sessions) {
        const SessionTimeline *timeline = timelines.value(s.sessionId);
        t.integer(s.sessionId).text(s.uuid).integer(s.planId).text(s.pseudonym).text(store::toString(s.experience))
            .text(store::toString(s.state)).text(s.docsRevision).text(iso(s.startedAtMs))
            .optInteger(timeline ? std::optional<qint64>(timeline->durationMs) : std::nullopt).integer(s.attempts)
            .integer(s.successes);
        if (s.sus)
            t.real(s.sus->score).text(s.sus->grade).real(s.sus->learnability).real(s.sus->usability);
        else
            t.real(std::nullopt).text(QString()).real(std::nullopt).real(std::nullopt);
        t.end();
    }
    return {QStringLiteral("sessions.csv"), t.bytes()};
}

CsvFile sus(const ReportModel &m)
{
    const SusSummary &s = m.metrics.sus;
    Table t({QStringLiteral("scale"), QStringLiteral("count"), QStringLiteral("mean"), QStringLiteral("sd"),
             QStringLiteral("ci_low"), QStringLiteral("ci_high"), QStringLiteral("grade")});
    const struct { const char *name; const MeanSummary *summary; bool grade; } rows[] = {
        {"sus", &s.score, true}, {"learnability", &s.learnability, false}, {"usability", &s.usability, false}};
    for (const auto &row : rows) {
        t.text(QString::fromLatin1(row.name)).integer(row.summary->count).real(row.summary->mean).real(row.summary->sd)
            .real(low(row.summary->ci95)).real(high(row.summary->ci95)).text(row.grade ? s.grade : QString());
        t.end();
    }
    return {QStringLiteral("sus.csv"), t.bytes()};
}

QList<CsvFile> themes(const ReportModel &m)
{
    Table themes({QStringLiteral("category"), QStringLiteral("label"), QStringLiteral("notes"), QStringLiteral("sessions"),
                  QStringLiteral("testers"), QStringLiteral("severe"), QStringLiteral("mean_severity"), QStringLiteral("pages")});
    Table quotes({QStringLiteral("category"), QStringLiteral("severity"), QStringLiteral("text"), QStringLiteral("pseudonym"),
                  QStringLiteral("session_id"), QStringLiteral("task"), QStringLiteral("page"), QStringLiteral("anchor"),
                  QStringLiteral("at")});
    for (const FrictionTheme &theme : m.themes) {
        themes.text(theme.category).text(theme.label).integer(theme.notes).integer(theme.sessions).integer(theme.testers)
            .integer(theme.severe).real(theme.meanSeverity).texts(theme.pages);
        themes.end();
        for (const ThemeQuote &q : theme.quotes) {
            quotes.text(theme.category).integer(q.severity).text(q.text).text(q.pseudonym).integer(q.sessionId)
                .text(q.taskNumber).text(q.page).text(q.anchor).text(iso(q.wallMs));
            quotes.end();
        }
    }
    return {{QStringLiteral("themes.csv"), themes.bytes()}, {QStringLiteral("quotes.csv"), quotes.bytes()}};
}

QList<CsvFile> pages(const ReportModel &m)
{
    Table pages(QStringList{QStringLiteral("page"), QStringLiteral("title"), QStringLiteral("owners"),
                            QStringLiteral("last_authors")} + kCountColumns);
    Table sections(QStringList{QStringLiteral("page"), QStringLiteral("anchor"), QStringLiteral("heading")} + kCountColumns);
    for (const PageEvidence &p : m.evidence.pages) {
        const PageDocs docs = m.docs.value(p.page);
        QStringList authors;
        for (const PageAuthorRef &a : docs.authors)
            authors << a.name;
        pages.text(p.page).text(p.title).texts(docs.owners).texts(authors);
        counts(pages, p.counts);
        pages.end();
        for (const SectionEvidence &s : p.sections) {
            sections.text(p.page).text(s.anchor).text(s.heading);
            counts(sections, s.counts);
            sections.end();
        }
    }
    return {{QStringLiteral("pages.csv"), pages.bytes()}, {QStringLiteral("sections.csv"), sections.bytes()}};
}

CsvFile searches(const ReportModel &m)
{
    Table t({QStringLiteral("query"), QStringLiteral("forms"), QStringLiteral("count"), QStringLiteral("sessions"),
             QStringLiteral("testers"), QStringLiteral("first_at"), QStringLiteral("last_at"), QStringLiteral("pages_read_before"),
             QStringLiteral("revisions")});
    for (const ZeroResultQuery &z : m.evidence.zeroResultSearches) {
        t.text(z.query).texts(z.forms).integer(z.count).integer(z.sessions).integer(z.testers).text(iso(z.firstWallMs))
            .text(iso(z.lastWallMs)).texts(z.pages).texts(z.revisions);
        t.end();
    }
    return {QStringLiteral("zero_result_searches.csv"), t.bytes()};
}

CsvFile flags(const ReportModel &m)
{
    Table t({QStringLiteral("rank"), QStringLiteral("score"), QStringLiteral("static_score"), QStringLiteral("severity"),
             QStringLiteral("rule"), QStringLiteral("message"), QStringLiteral("path"), QStringLiteral("anchor"),
             QStringLiteral("start_line"), QStringLiteral("end_line"), QStringLiteral("blob_id"), QStringLiteral("term"),
             QStringLiteral("generated"), QStringLiteral("excerpt"), QStringLiteral("evidence_weighted"),
             QStringLiteral("direct_evidence")});
    for (qsizetype i = 0; i < m.flags.size(); ++i) {
        const Flag &f = m.flags.at(i);
        t.integer(i + 1).real(f.score).real(f.staticScore).text(toString(f.severity)).text(f.ruleId).text(f.message)
            .text(f.path).text(f.anchor).integer(f.startLine).integer(f.endLine).text(f.blobId).text(f.term)
            .text(f.generated ? QStringLiteral("true") : QStringLiteral("false")).text(f.excerpt)
            .real(f.evidence.value(QStringLiteral("weighted")).toDouble())
            .integer(f.evidence.value(QStringLiteral("direct")).toInt());
        t.end();
    }
    return {QStringLiteral("flags.csv"), t.bytes()};
}

CsvFile timeline(const ReportModel &m)
{
    Table t({QStringLiteral("session_id"), QStringLiteral("pseudonym"), QStringLiteral("kind"), QStringLiteral("start_ms"),
             QStringLiteral("end_ms"), QStringLiteral("task"), QStringLiteral("outcome"), QStringLiteral("value"),
             QStringLiteral("notable"), QStringLiteral("label")});
    for (const SessionTimeline &s : m.timelines) {
        for (const TimelineTask &task : s.tasks) {
            t.integer(s.sessionId).text(s.pseudonym).text(QStringLiteral("task")).integer(task.startMs).integer(task.endMs)
                .text(task.number).text(task.outcome ? store::toString(*task.outcome) : QStringLiteral("open"))
                .text(QString()).text(QString()).text(task.title);
            t.end();
        }
        for (const TimelineMark &mark : s.marks) {
            t.integer(s.sessionId).text(s.pseudonym).text(toString(mark.kind)).integer(mark.atMs).text(QString())
                .text(QString()).text(QString());
            if (mark.kind == TimelineMark::Kind::Lookup)
                t.text(QString());
            else
                t.integer(mark.value);
            t.text(mark.notable ? QStringLiteral("true") : QStringLiteral("false")).text(mark.label);
            t.end();
        }
    }
    return {QStringLiteral("timeline.csv"), t.bytes()};
}

} // namespace

QList<CsvFile> renderCsv(const ReportModel &model)
{
    QList<CsvFile> files{journeys(model), tasks(model), sessions(model), sus(model)};
    files += themes(model);
    files += pages(model);
    files << searches(model) << flags(model) << timeline(model);
    return files;
}

} // namespace devzero::report
