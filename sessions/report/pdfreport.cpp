#include "sessions/report/renderers.h"

#include "sessions/report/escaping.h"
#include "sessions/report/format.h"
#include "sessions/report/pdfdocument.h"
#include "sessions/report/reporttext.h"
#include "sessions/report/svgcharts.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QPdfWriter>
#include <QTextDocument>

// The PDF: the report's content as the rich text QTextDocument understands
// (tables, headings, blockquotes; no CSS layout, no SVG), with each chart
// inserted as a custom text object that paints the same ChartScene as the
// HTML's SVG, so the charts stay vectors in the file. A4, 2 cm margins,
// page numbers (QTextDocument::print).

namespace devzero::report {

using namespace devzero::analysis;

namespace {

QString e(const QString &text)
{
    return htmlEscape(text);
}

QString n(qint64 v)
{
    return QString::number(v);
}

const QString kTable = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" "
                                      "style=\"border-collapse: collapse; border-color: #c8ced6;\">");

QString th(const QString &text)
{
    return QStringLiteral("<th bgcolor=\"#eef2f6\" align=\"left\">") + e(text) + QStringLiteral("</th>");
}

QString td(const QString &escapedHtml, bool right = false)
{
    return (right ? QStringLiteral("<td align=\"right\">") : QStringLiteral("<td>")) + escapedHtml + QStringLiteral("</td>");
}

class PdfHtml
{
public:
    PdfHtml(const ReportModel &model, const ReportLimits &limits, QList<ChartScene> &charts)
        : m(model), limits(limits), charts(charts)
    {
    }

    QString render()
    {
        out += QStringLiteral("<h1>") + e(m.title) + QStringLiteral("</h1><p class=\"muted\">");
        QStringList meta{QStringLiteral("Generated ") + dateTime(m.generatedAt.toMSecsSinceEpoch()), filterSummary(m),
                         scopeSummary(m)};
        if (!docsLine(m).isEmpty())
            meta << docsLine(m);
        out += e(meta.join(QStringLiteral(" \u00b7 "))) + QStringLiteral("</p>");
        for (const QString &notice : m.notices)
            out += QStringLiteral("<p class=\"notice\">") + e(notice) + QStringLiteral("</p>");
        summary();
        tasks();
        themes();
        pages();
        searches();
        flags();
        timelines();
        out += QStringLiteral("<h2>Method</h2><p class=\"muted\">") + e(methodText(m.evidence.weights)) + QStringLiteral("</p>");
        return out;
    }

private:
    void chart(const ChartScene &scene)
    {
        out += QStringLiteral("<p>") + chartMarker(int(charts.size())) + QStringLiteral("</p>");
        charts << scene;
    }

    void summary()
    {
        out += QStringLiteral("<h2>Summary by journey outcome</h2>");
        if (m.metrics.journeys.isEmpty())
            out += QStringLiteral("<p>No sessions match this report's filter.</p>");
        for (const JourneyMetrics &j : m.metrics.journeys) {
            out += QStringLiteral("<p><b>") + e(j.outcome.isEmpty() ? j.title : j.outcome) + QStringLiteral("</b><br>")
                   + QStringLiteral("<span class=\"big\">") + e(percent(j.completion.rate)) + QStringLiteral("</span> ")
                   + e(journeyAnswer(j));
            if (j.completion.ci95)
                out += QStringLiteral(" (95% CI ") + e(percentInterval(j.completion.ci95)) + QLatin1Char(')');
            out += QStringLiteral("<br><span class=\"muted\">Time to first success: ") + e(seconds(j.timeToFirstSuccess.geometricMean));
            if (j.timeToFirstSuccess.ci95)
                out += QStringLiteral(" (95% CI ") + e(secondsInterval(j.timeToFirstSuccess.ci95)) + QLatin1Char(')');
            if (j.sessionsWithoutSuccess)
                out += QStringLiteral(" \u00b7 ") + n(j.sessionsWithoutSuccess) + QStringLiteral(" without any success");
            out += QStringLiteral("</span></p>");
        }
        const SusSummary &sus = m.metrics.sus;
        out += QStringLiteral("<p><b>Mean SUS:</b> ")
               + e(sus.score.mean ? number(sus.score.mean) + QStringLiteral(" (") + sus.grade + QLatin1Char(')') : QStringLiteral("\u2013"))
               + QStringLiteral(" \u00b7 <b>Friction notes:</b> ") + n(m.noteCount)
               + QStringLiteral(" \u00b7 <b>Hidden-assumption flags:</b> ") + n(m.flags.size()) + QStringLiteral("</p>");
    }

    void tasks()
    {
        out += QStringLiteral("<h2>Tasks</h2>");
        QList<CompletionRow> rows;
        for (const TaskMetrics &t : m.metrics.tasks)
            rows.append({t.number + QLatin1Char(' ') + t.title, t.completion});
        if (!rows.isEmpty())
            chart(completionChart(rows, QStringLiteral("Task completion")));
        // Intervals under their figures, and the task title given a third
        // of the width: side by side they squeezed the titles to a word a line.
        const auto stacked = [](const QString &value, const QString &below) -> QString {
            return e(value) + (below.isEmpty() ? QString() : QStringLiteral("<br><span class=\"muted\">") + e(below) + QStringLiteral("</span>"));
        };
        out += kTable + QStringLiteral("<tr><th bgcolor=\"#eef2f6\" align=\"left\" width=\"30%\">Task</th>") + th(QStringLiteral("Attempts"))
               + th(QStringLiteral("Completion, 95% CI"))
               + QStringLiteral("<th bgcolor=\"#eef2f6\" align=\"left\" width=\"24%\">Time on task, 95% CI</th>")
               + th(QStringLiteral("Failed / gave up, their time")) + th(QStringLiteral("SEQ")) + QStringLiteral("</tr>");
        for (const TaskMetrics &t : m.metrics.tasks) {
            const bool unsuccessful = t.failures + t.gaveUp > 0;
            out += QStringLiteral("<tr>") + td(QStringLiteral("<b>") + e(t.number) + QStringLiteral("</b> ") + e(t.title))
                   + td(n(t.attempts), true)
                   + td(stacked(percent(t.completion.rate), t.completion.ci95 ? percentInterval(t.completion.ci95) : QString()), true)
                   + td(stacked(seconds(t.time.successful.geometricMean),
                                t.time.successful.ci95 ? secondsInterval(t.time.successful.ci95) : QString()),
                        true)
                   + td(stacked(n(t.failures) + QStringLiteral(" / ") + n(t.gaveUp),
                                unsuccessful ? seconds(t.time.unsuccessful.geometricMean) : QString()),
                        true)
                   + td(stacked(number(t.seq.answers.mean), seqVerdict(t.seq)), true) + QStringLiteral("</tr>");
        }
        out += QStringLiteral("</table>");
        const SusSummary &sus = m.metrics.sus;
        out += QStringLiteral("<h2>System Usability Scale</h2>");
        if (!sus.score.mean) {
            out += QStringLiteral("<p>No tester answered the SUS yet.</p>");
            return;
        }
        out += QStringLiteral("<p>Mean <b>") + e(number(sus.score.mean)) + QStringLiteral("</b>, grade <b>") + e(sus.grade)
               + QStringLiteral("</b>");
        if (sus.score.ci95)
            out += QStringLiteral(" (95% CI ") + e(number(sus.score.ci95->low)) + QStringLiteral("\u2013")
                   + e(number(sus.score.ci95->high)) + QLatin1Char(')');
        out += QStringLiteral(" from ") + n(sus.score.count) + QStringLiteral(" testers \u00b7 learnability ")
               + e(number(sus.learnability.mean)) + QStringLiteral(" \u00b7 usability ") + e(number(sus.usability.mean))
               + QStringLiteral(".</p>");
        chart(susChart(m.metrics));
    }

    void themes()
    {
        out += QStringLiteral("<h2>Friction themes</h2>");
        if (m.themes.isEmpty())
            out += QStringLiteral("<p>No friction notes were recorded.</p>");
        for (const FrictionTheme &t : m.themes) {
            out += QStringLiteral("<h3>") + e(t.label) + QStringLiteral(": ") + e(themeSummary(t)) + QStringLiteral("</h3>");
            for (const ThemeQuote &q : t.quotes) {
                out += QStringLiteral("<blockquote>[severity ") + n(q.severity) + QStringLiteral("] ") + e(q.text)
                       + QStringLiteral("<br><span class=\"muted\">\u2014 ") + e(q.pseudonym);
                if (!q.taskNumber.isEmpty())
                    out += QStringLiteral(", task ") + e(q.taskNumber);
                if (!q.page.isEmpty())
                    out += QStringLiteral(", on ") + e(q.anchor.isEmpty() ? q.page : q.page + QLatin1Char('#') + q.anchor);
                out += QStringLiteral("</span></blockquote>");
            }
        }
    }

    void pages()
    {
        out += QStringLiteral("<h2>Pages by evidence</h2>");
        if (m.evidence.pages.isEmpty()) {
            out += QStringLiteral("<p>No docs page was looked up or named in these sessions.</p>");
            return;
        }
        out += kTable + QStringLiteral("<tr>") + th(QStringLiteral("Page")) + th(QStringLiteral("Owners"))
               + th(QStringLiteral("Lookups")) + th(QStringLiteral("Evidence")) + th(QStringLiteral("Weight")) + QStringLiteral("</tr>");
        const qsizetype shown = std::min<qsizetype>(limits.pages, m.evidence.pages.size());
        for (qsizetype i = 0; i < shown; ++i) {
            const PageEvidence &p = m.evidence.pages.at(i);
            const PageDocs docs = m.docs.value(p.page);
            // One owner a line: joined, long team names broke mid-name.
            QStringList ownerLines;
            for (const QString &owner : docs.owners)
                ownerLines << e(owner);
            QString owners = !ownerLines.isEmpty()        ? ownerLines.join(QStringLiteral("<br>"))
                             : m.docs.contains(p.page) ? QStringLiteral("<span class=\"muted\">no owner in CODEOWNERS</span>")
                                                       : QStringLiteral("<span class=\"muted\">unknown</span>");
            if (!docs.authors.isEmpty())
                owners += QStringLiteral("<br><span class=\"muted\">last: ") + e(authorsText(docs)) + QStringLiteral("</span>");
            out += QStringLiteral("<tr>") + td(QStringLiteral("<code>") + e(p.page) + QStringLiteral("</code>")
                                               + (p.title.isEmpty() ? QString() : QStringLiteral("<br>") + e(p.title)))
                   + td(owners) + td(n(p.counts.lookups), true) + td(e(evidenceSummary(p.counts)))
                   + td(e(number(p.counts.weight)), true) + QStringLiteral("</tr>");
            for (const SectionEvidence &s : p.sections.mid(0, limits.sectionsPerPage))
                out += QStringLiteral("<tr>") + td(QStringLiteral("&nbsp;&nbsp;\u21b3 <code>#") + e(s.anchor) + QStringLiteral("</code>"))
                       + td(e(s.heading)) + td(n(s.counts.lookups), true) + td(e(evidenceSummary(s.counts)))
                       + td(e(number(s.counts.weight)), true) + QStringLiteral("</tr>");
        }
        out += QStringLiteral("</table>");
    }

    void searches()
    {
        out += QStringLiteral("<h2>Searches that found nothing</h2>");
        if (m.evidence.zeroResultSearches.isEmpty()) {
            out += QStringLiteral("<p>Every search found something.</p>");
            return;
        }
        out += kTable + QStringLiteral("<tr>") + th(QStringLiteral("Query (normalised)")) + th(QStringLiteral("Times"))
               + th(QStringLiteral("Testers")) + th(QStringLiteral("Read just before")) + QStringLiteral("</tr>");
        const qsizetype shown = std::min<qsizetype>(limits.searches, m.evidence.zeroResultSearches.size());
        for (qsizetype i = 0; i < shown; ++i) {
            const ZeroResultQuery &z = m.evidence.zeroResultSearches.at(i);
            out += QStringLiteral("<tr>") + td(QStringLiteral("<code>") + e(z.query) + QStringLiteral("</code>"))
                   + td(n(z.count), true) + td(n(z.testers), true) + td(e(z.pages.mid(0, 3).join(QStringLiteral(", "))))
                   + QStringLiteral("</tr>");
        }
        out += QStringLiteral("</table>");
    }

    void flags()
    {
        out += QStringLiteral("<h2>Hidden assumptions, ranked</h2>");
        if (m.flags.isEmpty()) {
            out += QStringLiteral("<p>No hidden-assumption flags were given to this report.</p>");
            return;
        }
        const qsizetype shown = std::min<qsizetype>(limits.flags, m.flags.size());
        for (qsizetype i = 0; i < shown; ++i) {
            const Flag &f = m.flags.at(i);
            out += QStringLiteral("<h3>#") + n(i + 1) + QStringLiteral(" [") + e(toString(f.severity)) + QStringLiteral("] ")
                   + htmlWithCode(f.message) + QStringLiteral("</h3><p><code>") + e(f.ruleId) + QStringLiteral("</code> \u00b7 <code>")
                   + e(flagLocation(f)) + QStringLiteral("</code> \u00b7 score ") + e(number(f.score));
            const PageDocs docs = m.docs.value(normalisePagePath(f.path));
            if (!docs.owners.isEmpty())
                out += QStringLiteral(" \u00b7 owners ") + e(docs.owners.join(QLatin1Char(' ')));
            out += QStringLiteral("</p>");
            if (!f.excerpt.isEmpty())
                // Not <pre>: QTextDocument never wraps it, and long lines ran off the page.
                out += QStringLiteral("<p class=\"excerpt\">") + e(f.excerpt) + QStringLiteral("</p>");
            if (!f.explanation.isEmpty())
                out += QStringLiteral("<p class=\"muted\">") + e(f.explanation) + QStringLiteral("</p>");
            out += QStringLiteral("<p>") + e(flagEvidenceText(f)) + QStringLiteral("</p>");
        }
        if (shown < m.flags.size())
            out += QStringLiteral("<p class=\"muted\">%1 more flags in the JSON and CSV reports.</p>").arg(m.flags.size() - shown);
    }

    void timelines()
    {
        out += QStringLiteral("<h2>Session timelines</h2><p class=\"muted\">Tasks are bars (green success, red failure, orange "
                              "gave up, grey skipped or open); diamonds are notes, hollow circles searches with no result, "
                              "red bars failed commands.</p>");
        const qsizetype shown = limits.timelines < 0 ? m.timelines.size() : std::min<qsizetype>(limits.timelines, m.timelines.size());
        for (qsizetype i = 0; i < shown; ++i) {
            const SessionTimeline &t = m.timelines.at(i);
            out += QStringLiteral("<h3>") + e(t.pseudonym) + QStringLiteral(" <span class=\"muted\">session ") + n(t.sessionId)
                   + QStringLiteral(" \u00b7 ") + e(store::toString(t.experience)) + QStringLiteral(" \u00b7 ")
                   + e(dateTime(t.startedAtMs)) + QStringLiteral(" \u00b7 ") + e(durationMs(t.durationMs)) + QStringLiteral("</span></h3>");
            chart(timelineChart(t));
        }
        if (shown < m.timelines.size())
            out += QStringLiteral("<p class=\"muted\">%1 more sessions in the HTML, JSON and CSV reports.</p>").arg(m.timelines.size() - shown);
    }

    const ReportModel &m;
    const ReportLimits &limits;
    QList<ChartScene> &charts;
    QString out;
};

const QString kPdfCss = QStringLiteral(
    "h1 { font-size: 18pt; color: #1f2933; } h2 { font-size: 13.5pt; color: #1f2933; margin-top: 14pt; }"
    "h3 { font-size: 10.5pt; margin-top: 8pt; } .muted { color: #616e7c; } .big { font-size: 15pt; font-weight: bold; }"
    ".notice { background-color: #fff8e1; } th { font-size: 8.5pt; } td { font-size: 8.5pt; }"
    "code, pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; } pre { background-color: #f5f7fa; }"
    " p.excerpt { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; white-space: pre-wrap; background-color: #f5f7fa; }"
    "blockquote { margin-left: 12pt; color: #1f2933; }");

Result<void> needGui()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return makeError(QStringLiteral("PDF output needs fonts, which need a QGuiApplication; this process has none"),
                         QStringLiteral("PDF report"));
    return {};
}

} // namespace

Result<QString> pdfText(const ReportModel &model, const ReportLimits &limits)
{
    if (auto gui = needGui(); !gui)
        return gui.error();
    QList<ChartScene> charts;
    const QString html = PdfHtml(model, limits, charts).render();
    QTextDocument document;
    Result<void> built = buildPdfDocument(document, html, charts);
    if (!built)
        return built.error();
    return document.toPlainText();
}

Result<QByteArray> renderPdf(const ReportModel &model, const ReportLimits &limits)
{
    if (auto gui = needGui(); !gui)
        return gui.error();
    QList<ChartScene> charts;
    const QString html = PdfHtml(model, limits, charts).render();

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(cleanText(model.title));
        writer.setCreator(QStringLiteral("devzero ") + QStringLiteral(DEVZERO_VERSION));

        QTextDocument document;
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(9);
        document.setDefaultFont(font);
        document.setDefaultStyleSheet(kPdfCss);
        Result<void> built = buildPdfDocument(document, html, charts);
        if (!built)
            return built.error();
        printDocument(document, writer, cleanText(model.title) + QStringLiteral(" \u00b7 ")
                                            + dateTime(model.generatedAt.toMSecsSinceEpoch()));
    }
    return buffer.data();
}

} // namespace devzero::report
