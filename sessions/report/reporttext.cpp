#include "sessions/report/reporttext.h"

#include "sessions/report/format.h"

namespace devzero::report {

using namespace devzero::analysis;

namespace {

const QString kDot = QStringLiteral(" \u00b7 ");

} // namespace

QString counted(int n, const QString &one, const QString &many)
{
    return QString::number(n) + QLatin1Char(' ') + (n == 1 ? one : many);
}

QString themeSummary(const FrictionTheme &t)
{
    QString out = counted(t.notes, QStringLiteral("note"), QStringLiteral("notes")) + QStringLiteral(" from ")
                  + counted(t.testers, QStringLiteral("tester"), QStringLiteral("testers"));
    if (t.severe)
        out += QStringLiteral(", ") + QString::number(t.severe) + QStringLiteral(" blocking");
    return out;
}

QString notesCell(const EvidenceCounts &c)
{
    return c.termNotes ? QStringLiteral("%1 (+%2)").arg(c.notes).arg(c.termNotes) : QString::number(c.notes);
}

QString filterSummary(const ReportModel &model)
{
    const MetricsFilter &f = model.options.filter;
    QStringList parts;
    if (f.planId)
        parts << QStringLiteral("plan %1").arg(*f.planId);
    if (f.since)
        parts << QStringLiteral("since ") + f.since->toString(Qt::ISODate);
    if (f.until)
        parts << QStringLiteral("until ") + f.until->toString(Qt::ISODate);
    if (!f.docsRevision.isEmpty())
        parts << QStringLiteral("docs revision ") + f.docsRevision;
    if (f.experience)
        parts << store::toString(*f.experience) + QStringLiteral(" testers");
    return parts.isEmpty() ? QStringLiteral("all sessions") : parts.join(kDot);
}

QString scopeSummary(const ReportModel &model)
{
    return counted(int(model.metrics.sessions.size()), QStringLiteral("session"), QStringLiteral("sessions"))
           + QStringLiteral(" by ") + counted(model.participants, QStringLiteral("tester"), QStringLiteral("testers")) + kDot
           + counted(model.noteCount, QStringLiteral("note"), QStringLiteral("notes")) + kDot
           + counted(model.lookupCount, QStringLiteral("page lookup"), QStringLiteral("page lookups")) + kDot
           + counted(model.searchCount, QStringLiteral("search"), QStringLiteral("searches")) + kDot
           + counted(model.commandCount, QStringLiteral("command"), QStringLiteral("commands"));
}

QString journeyAnswer(const JourneyMetrics &j)
{
    if (j.completion.trials == 0)
        return QStringLiteral("no tester tried it yet");
    return QStringLiteral("%1 of %2 achieved it").arg(j.completion.successes)
        .arg(counted(j.completion.trials, QStringLiteral("tester"), QStringLiteral("testers")));
}

QString journeyTone(const JourneyMetrics &j)
{
    if (!j.completion.rate)
        return QStringLiteral("none");
    if (*j.completion.rate >= 0.8)
        return QStringLiteral("good");
    return *j.completion.rate >= 0.5 ? QStringLiteral("mixed") : QStringLiteral("bad");
}

QString evidenceSummary(const EvidenceCounts &c)
{
    QStringList parts;
    if (c.notes)
        parts << counted(c.notes, QStringLiteral("note"), QStringLiteral("notes"));
    if (c.termNotes)
        parts << counted(c.termNotes, QStringLiteral("note naming its terms"), QStringLiteral("notes naming its terms"));
    if (c.zeroResultSearches)
        parts << counted(c.zeroResultSearches, QStringLiteral("search with no result"), QStringLiteral("searches with no result"));
    if (c.failedCommands) {
        QString failed = counted(c.failedCommands, QStringLiteral("failed command"), QStringLiteral("failed commands"));
        if (c.commandsNotFound)
            failed += QStringLiteral(" (%1 not found)").arg(c.commandsNotFound);
        parts << failed;
    }
    if (c.failedTasks)
        parts << counted(c.failedTasks, QStringLiteral("failed task"), QStringLiteral("failed tasks"));
    if (c.revisits)
        parts << counted(c.revisits, QStringLiteral("revisit"), QStringLiteral("revisits"));
    if (c.testers)
        parts << counted(c.testers, QStringLiteral("tester affected"), QStringLiteral("testers affected"));
    if (parts.isEmpty())
        return c.lookups ? QStringLiteral("read, no trouble recorded") : QStringLiteral("no session evidence");
    return parts.join(QStringLiteral(", "));
}

QString seqVerdict(const SeqSummary &seq)
{
    switch (seq.comparison) {
    case BenchmarkComparison::Below: return QStringLiteral("below 5.5");
    case BenchmarkComparison::Above: return QStringLiteral("above 5.5");
    case BenchmarkComparison::Overlaps: return QStringLiteral("overlaps 5.5");
    case BenchmarkComparison::NotEnoughData: break;
    }
    return QStringLiteral("too few answers");
}

QString flagLocation(const Flag &flag)
{
    QString where = flag.path;
    if (flag.startLine > 0) {
        where += QLatin1Char(':') + QString::number(flag.startLine);
        if (flag.endLine > flag.startLine)
            where += QStringLiteral("\u2013") + QString::number(flag.endLine);
    }
    if (!flag.anchor.isEmpty())
        where += QStringLiteral(" #") + flag.anchor;
    return where;
}

QString authorsText(const PageDocs &docs, int count)
{
    QStringList names;
    for (const PageAuthorRef &a : docs.authors.mid(0, count)) {
        const QString when = a.time.isValid() ? QStringLiteral(" (") + a.time.toUTC().toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char(')')
                                              : QString();
        names << a.name + when;
    }
    return names.join(QStringLiteral(", "));
}

QString docsLine(const ReportModel &model)
{
    if (model.docsSource.isEmpty())
        return {};
    return QStringLiteral("docs source ") + model.docsSource + QStringLiteral(" at ") + shortRevision(model.docsCommit);
}

QString flagEvidenceText(const Flag &f)
{
    const QJsonObject ev = f.evidence;
    const QJsonObject section = ev.value(QStringLiteral("section")).toObject();
    const QJsonObject page = ev.value(QStringLiteral("page")).toObject();
    const int direct = ev.value(QStringLiteral("direct")).toInt();
    QStringList parts;
    if (direct)
        parts << QStringLiteral("%1 piece%2 of evidence name \u201c%3\u201d").arg(direct).arg(direct == 1 ? QString() : QStringLiteral("s"), f.term);
    const auto summary = [](const QJsonObject &c) {
        EvidenceCounts counts;
        counts.lookups = c.value(QStringLiteral("lookups")).toInt();
        counts.revisits = c.value(QStringLiteral("revisits")).toInt();
        counts.notes = c.value(QStringLiteral("notes")).toInt();
        counts.termNotes = c.value(QStringLiteral("term_notes")).toInt();
        counts.zeroResultSearches = c.value(QStringLiteral("zero_result_searches")).toInt();
        counts.failedCommands = c.value(QStringLiteral("failed_commands")).toInt();
        counts.commandsNotFound = c.value(QStringLiteral("commands_not_found")).toInt();
        counts.failedTasks = c.value(QStringLiteral("failed_tasks")).toInt();
        counts.testers = c.value(QStringLiteral("testers")).toInt();
        return evidenceSummary(counts);
    };
    if (!section.isEmpty())
        parts << QStringLiteral("this section: ") + summary(section);
    if (!page.isEmpty())
        parts << QStringLiteral("this page: ") + summary(page);
    if (parts.isEmpty())
        return QStringLiteral("Session evidence: none yet (static severity only).");
    return QStringLiteral("Session evidence: ") + parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}

QString methodText(const EvidenceWeights &w)
{
    return QStringLiteral("Completion: adjusted-Wald 95% interval. Time on task and time to first success: geometric "
                                  "mean with a log-t 95% interval. SUS: 2.5 \u00d7 (\u03a3(odd \u2212 1) + \u03a3(5 \u2212 "
                                  "even)), Sauro\u2013Lewis curved grades. Evidence is counted per page and section in the "
                                  "task attempt where it happened: notes attached to the page; notes naming its terms after "
                                  "it was read; searches with no result right after reading it; commands that failed "
                                  "(non-zero exit, 127 = command not found) and tasks failed or given up after it was read. "
                                  "Flag score = static score \u00d7 (1 + evidence); evidence = section weight + ")
                   + number(w.otherSection, 2) + QStringLiteral(" \u00d7 the rest of the page's weight + ")
                   + number(w.direct, 1) + QStringLiteral(" \u00d7 each item naming the flag's term. Weights: note ")
                   + number(w.notePerSeverity, 1) + QStringLiteral(" per severity point, note naming the page's terms ")
                   + number(w.termNotePerSeverity, 1) + QStringLiteral(" per severity point, search with no result ")
                   + number(w.zeroResultSearch, 1) + QStringLiteral(", failed command ") + number(w.failedCommand, 1)
                   + QStringLiteral(" (not found ") + number(w.commandNotFound, 1) + QStringLiteral(") and failed task ")
                   + number(w.failedTask, 1) + QStringLiteral(" shared among the pages read before, revisit ")
                   + number(w.revisit, 2) + QStringLiteral(", tester affected ") + number(w.tester, 1)
                   + QStringLiteral(". Lookups and dwell time are shown, not weighted.");
}

} // namespace devzero::report
