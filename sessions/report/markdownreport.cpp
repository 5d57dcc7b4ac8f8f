#include "sessions/report/renderers.h"

#include "sessions/report/escaping.h"
#include "sessions/report/format.h"
#include "sessions/report/reporttext.h"

#include <QJsonArray>

#include <cmath>

// GitHub-flavoured Markdown: tables, blockquotes, fenced excerpts. User and
// docs text goes through markdownText / markdownCell / markdownCode, which
// escape what GitHub would interpret (pipes, brackets, backticks, < >, @
// mentions, #123 references); owners stay in code spans so a pasted report
// pings nobody.

namespace devzero::report {

using namespace devzero::analysis;

namespace {

QString t(const QString &text)
{
    return markdownText(text);
}

QString cell(const QString &text)
{
    return markdownCell(text);
}

QString code(const QString &text)
{
    return markdownCode(text);
}

QString n(qint64 v)
{
    return QString::number(v);
}

QString bar(std::optional<double> rate)
{
    if (!rate)
        return {};
    const int filled = int(std::lround(*rate * 10));
    return QString(filled, QChar(0x2588)) + QString(10 - filled, QChar(0x2591)) + QLatin1Char(' ');
}

// A fenced block whose fence no line of the content can close.
QString fenced(const QString &content, const QString &indent)
{
    int longest = 0;
    int run = 0;
    for (QChar c : content) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString fence(std::max(3, longest + 1), QLatin1Char('`'));
    QString out = indent + fence + QStringLiteral("text\n");
    for (const QString &line : cleanText(content).split(QLatin1Char('\n')))
        out += indent + QString(line).remove(QLatin1Char('\r')) + QLatin1Char('\n');
    return out + indent + fence + QLatin1Char('\n');
}

QString owners(const QStringList &list)
{
    QStringList out;
    for (const QString &o : list)
        out << code(o);
    return out.join(QLatin1Char(' '));
}

QString counts(const EvidenceCounts &c)
{
    return QStringLiteral(" | ") + n(c.lookups) + QStringLiteral(" | ") + durationMs(c.totalDwellMs) + QStringLiteral(" / ")
           + (c.medianDwellMs ? durationMs(*c.medianDwellMs) : QStringLiteral("\u2013")) + QStringLiteral(" | ")
           + n(c.revisits) + QStringLiteral(" | ") + notesCell(c)
           + QStringLiteral(" | ") + n(c.zeroResultSearches) + QStringLiteral(" | ") + n(c.failedCommands)
           + (c.commandsNotFound ? QStringLiteral(" (") + n(c.commandsNotFound) + QStringLiteral(" not found)") : QString())
           + QStringLiteral(" | ") + n(c.failedTasks) + QStringLiteral(" | ") + n(c.testers) + QStringLiteral(" | ")
           + number(c.weight) + QStringLiteral(" |\n");
}

void summary(QString &out, const ReportModel &m)
{
    out += QStringLiteral("## Summary by journey outcome\n\n");
    if (m.metrics.journeys.isEmpty()) {
        out += QStringLiteral("No sessions match this report's filter.\n\n");
    } else {
        out += QStringLiteral("| Journey outcome | Result | Completion (95% CI) | Time to first success (95% CI) | Without success |\n"
                              "|---|---|---|---|---:|\n");
        for (const JourneyMetrics &j : m.metrics.journeys) {
            out += QStringLiteral("| ") + cell(j.outcome.isEmpty() ? j.title : j.outcome) + QStringLiteral(" | ")
                   + cell(journeyAnswer(j)) + QStringLiteral(" | ") + bar(j.completion.rate) + percent(j.completion.rate)
                   + QStringLiteral(" (") + percentInterval(j.completion.ci95) + QStringLiteral(") | ")
                   + seconds(j.timeToFirstSuccess.geometricMean) + QStringLiteral(" (")
                   + secondsInterval(j.timeToFirstSuccess.ci95) + QStringLiteral(") | ") + n(j.sessionsWithoutSuccess)
                   + QStringLiteral(" |\n");
        }
        out += QLatin1Char('\n');
    }
    const SusSummary &sus = m.metrics.sus;
    out += QStringLiteral("**Mean SUS:** ")
           + (sus.score.mean ? number(sus.score.mean) + QStringLiteral(" (") + sus.grade + QLatin1Char(')') : QStringLiteral("\u2013"))
           + QStringLiteral(" \u00b7 **Friction notes:** ") + n(m.noteCount) + QStringLiteral(" \u00b7 **Hidden-assumption flags:** ")
           + n(m.flags.size()) + QStringLiteral("\n\n");
    if (!m.evidence.pages.isEmpty() && m.evidence.pages.first().counts.hasProblems()) {
        const PageEvidence &top = m.evidence.pages.first();
        out += QStringLiteral("Page that cost testers the most: ") + code(top.page) + QStringLiteral(" (")
               + t(evidenceSummary(top.counts)) + QStringLiteral(").\n\n");
    }
}

void tasks(QString &out, const ReportModel &m)
{
    out += QStringLiteral("## Tasks\n\n| Task | Attempts | Completion | 95% CI | Time on task | 95% CI | Failed / gave up | "
                          "Their time | SEQ | vs 5.5 |\n|---|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (const TaskMetrics &task : m.metrics.tasks) {
        out += QStringLiteral("| **") + cell(task.number) + QStringLiteral("** ") + cell(task.title) + QStringLiteral(" | ")
               + n(task.attempts) + (task.skipped ? QStringLiteral(" (") + n(task.skipped) + QStringLiteral(" skipped)") : QString())
               + QStringLiteral(" | ") + bar(task.completion.rate) + percent(task.completion.rate) + QStringLiteral(" | ")
               + percentInterval(task.completion.ci95) + QStringLiteral(" | ") + seconds(task.time.successful.geometricMean)
               + QStringLiteral(" | ") + secondsInterval(task.time.successful.ci95) + QStringLiteral(" | ") + n(task.failures)
               + QStringLiteral(" / ") + n(task.gaveUp) + QStringLiteral(" | ") + seconds(task.time.unsuccessful.geometricMean)
               + QStringLiteral(" | ") + number(task.seq.answers.mean) + QStringLiteral(" | ")
               + (task.seq.comparison == BenchmarkComparison::Below ? QStringLiteral("**below 5.5**") : seqVerdict(task.seq))
               + QStringLiteral(" |\n");
    }
    out += QLatin1Char('\n');
    const SusSummary &sus = m.metrics.sus;
    out += QStringLiteral("## System Usability Scale\n\n");
    if (!sus.score.mean) {
        out += QStringLiteral("No tester answered the SUS yet.\n\n");
        return;
    }
    out += QStringLiteral("Mean **") + number(sus.score.mean) + QStringLiteral("**, grade **") + sus.grade + QStringLiteral("**");
    if (sus.score.ci95)
        out += QStringLiteral(" (95% CI ") + number(sus.score.ci95->low) + QStringLiteral("\u2013") + number(sus.score.ci95->high)
               + QLatin1Char(')');
    out += QStringLiteral(" from ") + n(sus.score.count) + QStringLiteral(" testers \u00b7 learnability ")
           + number(sus.learnability.mean) + QStringLiteral(" \u00b7 usability ") + number(sus.usability.mean)
           + QStringLiteral(". The average product scores 68.\n\n");
}

void themes(QString &out, const ReportModel &m)
{
    out += QStringLiteral("## Friction themes\n\n");
    if (m.themes.isEmpty())
        out += QStringLiteral("No friction notes were recorded.\n\n");
    for (const FrictionTheme &theme : m.themes) {
        out += QStringLiteral("### ") + t(theme.label) + QStringLiteral(": ") + t(themeSummary(theme)) + QStringLiteral("\n\n");
        for (const ThemeQuote &q : theme.quotes) {
            out += QStringLiteral("> **[severity ") + n(q.severity) + QStringLiteral("]** ") + t(q.text)
                   + QStringLiteral("\n> \u2014 ") + t(q.pseudonym);
            if (!q.taskNumber.isEmpty())
                out += QStringLiteral(", task ") + t(q.taskNumber);
            if (!q.page.isEmpty())
                out += QStringLiteral(", on ") + code(q.anchor.isEmpty() ? q.page : q.page + QLatin1Char('#') + q.anchor);
            out += QStringLiteral(", ") + dateTime(q.wallMs) + QStringLiteral("\n\n");
        }
    }
}

void pages(QString &out, const ReportModel &m, const ReportLimits &limits)
{
    out += QStringLiteral("## Pages by evidence\n\n");
    if (m.evidence.pages.isEmpty()) {
        out += QStringLiteral("No docs page was looked up or named in these sessions.\n\n");
        return;
    }
    out += QStringLiteral("| Page | Owners | Lookups | Dwell total / median | Revisits | Notes (+ naming its terms) | No-result searches | "
                          "Failed commands | Failed tasks | Testers | Weight |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    const qsizetype shown = std::min<qsizetype>(limits.pages, m.evidence.pages.size());
    for (qsizetype i = 0; i < shown; ++i) {
        const PageEvidence &p = m.evidence.pages.at(i);
        const PageDocs docs = m.docs.value(p.page);
        QString owner = owners(docs.owners);
        if (!docs.authors.isEmpty())
            owner += (owner.isEmpty() ? QString() : QStringLiteral("<br>")) + QStringLiteral("last: ") + cell(authorsText(docs));
        out += QStringLiteral("| ") + code(p.page) + (p.title.isEmpty() ? QString() : QStringLiteral("<br>") + cell(p.title))
               + QStringLiteral(" | ") + (owner.isEmpty() ? QStringLiteral(" ") : owner) + counts(p.counts);
        for (const SectionEvidence &s : p.sections.mid(0, limits.sectionsPerPage))
            out += QStringLiteral("| \u21b3 ") + code(QLatin1Char('#') + s.anchor) + QStringLiteral(" |  ") + counts(s.counts);
    }
    out += QLatin1Char('\n');
    if (shown < m.evidence.pages.size())
        out += n(m.evidence.pages.size() - shown) + QStringLiteral(" more pages in the JSON and CSV reports.\n\n");
}

void searches(QString &out, const ReportModel &m, const ReportLimits &limits)
{
    out += QStringLiteral("## Searches that found nothing\n\n");
    if (m.evidence.zeroResultSearches.isEmpty()) {
        out += QStringLiteral("Every search found something.\n\n");
        return;
    }
    out += QStringLiteral("| Query (normalised) | Times | Testers | Read just before |\n|---|---:|---:|---|\n");
    const qsizetype shown = std::min<qsizetype>(limits.searches, m.evidence.zeroResultSearches.size());
    for (qsizetype i = 0; i < shown; ++i) {
        const ZeroResultQuery &z = m.evidence.zeroResultSearches.at(i);
        QStringList read;
        for (const QString &p : z.pages.mid(0, 3))
            read << code(p);
        out += QStringLiteral("| ") + code(z.query) + QStringLiteral(" | ") + n(z.count) + QStringLiteral(" | ") + n(z.testers)
               + QStringLiteral(" | ") + (read.isEmpty() ? QStringLiteral(" ") : read.join(QStringLiteral(", "))) + QStringLiteral(" |\n");
    }
    out += QLatin1Char('\n');
    if (shown < m.evidence.zeroResultSearches.size())
        out += n(m.evidence.zeroResultSearches.size() - shown) + QStringLiteral(" more queries in the JSON and CSV reports.\n\n");
}

void flags(QString &out, const ReportModel &m, const ReportLimits &limits)
{
    out += QStringLiteral("## Hidden assumptions, ranked\n\n");
    if (m.flags.isEmpty()) {
        out += QStringLiteral("No hidden-assumption flags were given to this report.\n\n");
        return;
    }
    const qsizetype shown = std::min<qsizetype>(limits.flags, m.flags.size());
    for (qsizetype i = 0; i < shown; ++i) {
        const Flag &f = m.flags.at(i);
        const QString indent = QString(QString::number(i + 1).size() + 2, QLatin1Char(' '));
        out += n(i + 1) + QStringLiteral(". **") + toString(f.severity) + QStringLiteral("** ") + code(f.ruleId) + QLatin1Char(' ')
               + markdownWithCode(f.message) + QStringLiteral(" \u2014 ") + code(flagLocation(f)) + QStringLiteral(" (score ")
               + number(f.score) + QStringLiteral(")\n");
        const PageDocs docs = m.docs.value(normalisePagePath(f.path));
        if (!docs.owners.isEmpty())
            out += indent + QStringLiteral("Owners: ") + owners(docs.owners) + QStringLiteral("\n");
        if (!f.excerpt.isEmpty())
            out += QLatin1Char('\n') + fenced(f.excerpt, indent) + QLatin1Char('\n');
        if (!f.explanation.isEmpty())
            out += indent + markdownText(f.explanation, true) + QStringLiteral("\n\n");
        out += indent + t(flagEvidenceText(f)) + QStringLiteral("\n");
        const QJsonArray items = f.evidence.value(QStringLiteral("direct_items")).toArray();
        for (qsizetype k = 0; k < items.size() && k < limits.itemsPerFlag; ++k) {
            const QJsonObject item = items.at(k).toObject();
            out += indent + QStringLiteral("> ") + markdownText(item.value(QStringLiteral("text")).toString(), true) + QStringLiteral(" (")
                   + t(item.value(QStringLiteral("kind")).toString()) + QStringLiteral(", session ")
                   + n(item.value(QStringLiteral("session_id")).toInteger()) + QStringLiteral(")\n");
        }
        out += QLatin1Char('\n');
    }
    if (shown < m.flags.size())
        out += n(m.flags.size() - shown) + QStringLiteral(" more flags in the JSON and CSV reports.\n\n");
}

void timelines(QString &out, const ReportModel &m, const ReportLimits &limits)
{
    out += QStringLiteral("## Session timelines\n\n");
    const qsizetype shown = limits.timelines < 0 ? m.timelines.size() : std::min<qsizetype>(limits.timelines, m.timelines.size());
    for (qsizetype i = 0; i < shown; ++i) {
        const SessionTimeline &s = m.timelines.at(i);
        QStringList tasks;
        for (const TimelineTask &task : s.tasks)
            tasks << t(task.number) + QLatin1Char(' ') + outcomeSymbol(task.outcome) + QLatin1Char(' ')
                         + durationMs(task.endMs - task.startMs);
        out += QStringLiteral("- **") + t(s.pseudonym) + QStringLiteral("** (session ") + n(s.sessionId) + QStringLiteral(", ")
               + store::toString(s.experience) + QStringLiteral(", ") + dateTime(s.startedAtMs) + QStringLiteral(", ")
               + durationMs(s.durationMs) + QStringLiteral(", ") + store::toString(s.state)
               + (s.docsRevision.isEmpty() ? QString() : QStringLiteral(", docs ") + code(shortRevision(s.docsRevision)))
               + QStringLiteral("): ") + (tasks.isEmpty() ? QStringLiteral("no task started") : tasks.join(QStringLiteral(" \u00b7 ")))
               + QStringLiteral(" \u2014 ") + n(s.notes) + QStringLiteral(" notes, ") + n(s.lookups) + QStringLiteral(" lookups, ")
               + n(s.searches) + QStringLiteral(" searches (") + n(s.zeroResultSearches) + QStringLiteral(" no result), ")
               + n(s.commands) + QStringLiteral(" commands (") + n(s.failedCommands) + QStringLiteral(" failed)\n");
    }
    if (shown < m.timelines.size())
        out += QStringLiteral("- \u2026 ") + n(m.timelines.size() - shown)
               + QStringLiteral(" more sessions in the HTML, JSON and CSV reports.\n");
    out += QStringLiteral("\nTasks: \u2713 success, \u2717 failure, \u2298 gave up, \u2013 skipped, \u2026 open.\n\n");
}

} // namespace

QByteArray renderMarkdown(const ReportModel &m, const ReportLimits &limits)
{
    QString out;
    out.reserve(64 * 1024);
    out += QStringLiteral("# ") + t(m.title) + QStringLiteral("\n\n");
    QStringList meta{QStringLiteral("Generated ") + dateTime(m.generatedAt.toMSecsSinceEpoch()), filterSummary(m), scopeSummary(m)};
    if (!docsLine(m).isEmpty())
        meta << docsLine(m);
    out += QLatin1Char('_') + t(meta.join(QStringLiteral(" \u00b7 "))) + QStringLiteral("_\n\n");
    for (const QString &notice : m.notices)
        out += QStringLiteral("> **Note:** ") + t(notice) + QStringLiteral("\n\n");
    summary(out, m);
    tasks(out, m);
    themes(out, m);
    pages(out, m, limits);
    searches(out, m, limits);
    flags(out, m, limits);
    timelines(out, m, limits);
    out += QStringLiteral("## Method\n\n") + t(methodText(m.evidence.weights)) + QStringLiteral("\n\n<sub>devzero ")
           + QStringLiteral(DEVZERO_VERSION) + QStringLiteral(" \u00b7 ") + QString::fromLatin1(kReportSchema)
           + QStringLiteral("</sub>\n");
    return out.toUtf8();
}

} // namespace devzero::report
