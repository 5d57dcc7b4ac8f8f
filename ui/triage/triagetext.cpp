#include "ui/triage/triagetext.h"

#include "sessions/analysis/rules.h"

#include <QDateTime>
#include <QSet>

namespace devzero::ui {

namespace {

QString lines(const analysis::Flag &f)
{
    return f.endLine > f.startLine ? QStringLiteral("%1-%2").arg(f.startLine).arg(f.endLine)
                                   : QString::number(f.startLine);
}

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString shortId(const QString &id)
{
    return id.left(10);
}

const analysis::PageEvidence *evidenceOf(const TriageItem &item, const TriageSnapshot &snapshot)
{
    const auto it = snapshot.evidence.constFind(item.flag.path);
    return it == snapshot.evidence.constEnd() ? nullptr : &*it;
}

QString kindLabel(analysis::EvidenceItem::Kind kind)
{
    using K = analysis::EvidenceItem::Kind;
    switch (kind) {
    case K::Note: return QStringLiteral("Note");
    case K::TermNote: return QStringLiteral("Note naming the page");
    case K::ZeroResultSearch: return QStringLiteral("Search with no result");
    case K::FailedCommand: return QStringLiteral("Failed command");
    case K::FailedTask: return QStringLiteral("Failed task");
    }
    return {};
}

QString html(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.toHtmlEscaped();
}

} // namespace

QString issueMarkdown(const TriageItem &item, const TriageSnapshot &snapshot, int maxQuotes)
{
    const analysis::Flag &f = item.flag;
    const analysis::RuleInfo *rule = analysis::findRule(f.ruleId);
    QString md;
    md += QStringLiteral("### %1: `%2` lines %3\n\n").arg(rule ? rule->title : f.ruleId, f.path, lines(f));
    md += f.message + QStringLiteral("\n\n");
    if (!f.explanation.isEmpty())
        md += QStringLiteral("> %1\n\n").arg(f.explanation);
    md += QStringLiteral("- Page: `%1`%2 at revision `%3`\n")
              .arg(f.path, f.anchor.isEmpty() ? QString() : QStringLiteral(" (section `#%1`)").arg(f.anchor),
                   shortId(snapshot.commitId));
    md += QStringLiteral("- Lines: %1, rule `%2`, severity %3, score %4\n")
              .arg(lines(f), f.ruleId, analysis::toString(f.severity))
              .arg(f.score, 0, 'f', 1);
    if (!item.owners.isEmpty())
        md += QStringLiteral("- Owners: %1\n").arg(item.owners.join(QStringLiteral(", ")));
    if (!item.authors.isEmpty())
        md += QStringLiteral("- Last author: %1\n").arg(item.authors.first());
    md += QStringLiteral("- Triage: %1\n\n").arg(store::triageStatusLabel(item.status));
    if (!f.excerpt.isEmpty()) {
        const QString fence = f.excerpt.contains(QLatin1String("```")) ? QStringLiteral("~~~~") : QStringLiteral("```");
        md += QStringLiteral("%1markdown\n%2\n%1\n\n").arg(fence, f.excerpt);
    }
    const analysis::PageEvidence *ev = evidenceOf(item, snapshot);
    if (ev) {
        const analysis::EvidenceCounts &c = ev->counts;
        md += QStringLiteral("**What testers did on this page:** %1 lookups by %2 testers, %3 notes, %4 failed commands, "
                             "%5 searches with no result, %6 failed tasks.\n\n")
                  .arg(c.lookups).arg(c.readers).arg(c.notes).arg(c.failedCommands).arg(c.zeroResultSearches).arg(c.failedTasks);
        int quoted = 0;
        for (const analysis::EvidenceItem &e : ev->items) {
            if (quoted >= maxQuotes)
                break;
            if (e.kind != analysis::EvidenceItem::Kind::Note && e.kind != analysis::EvidenceItem::Kind::FailedCommand)
                continue;
            md += QStringLiteral("> %1 (%2, session %3, %4)\n>\n")
                      .arg(e.text.simplified(), snapshot.pseudonyms.value(e.sessionId, QStringLiteral("tester")))
                      .arg(e.sessionId)
                      .arg(kindLabel(e.kind).toLower());
            ++quoted;
        }
        if (quoted) {
            md.chop(2); // the last quote's separator line
            md += QLatin1Char('\n');
        }
    } else {
        md += QStringLiteral("No session evidence yet: flagged by the static rules.\n\n");
    }
    md += QStringLiteral("<sub>Reported from Developer Zero Lab, flag `%1`</sub>\n").arg(item.fingerprint);
    return md;
}

QString evidenceHtml(const TriageItem &item, const TriageSnapshot &snapshot, const QList<store::TriageChange> &history)
{
    const analysis::Flag &f = item.flag;
    const analysis::RuleInfo *rule = analysis::findRule(f.ruleId);
    QString h;
    h += QStringLiteral("<h3 style='margin:0'>%1</h3>").arg(html(rule ? rule->title : f.ruleId));
    h += QStringLiteral("<p style='margin-top:4px'><b>%1</b><br/><span style='color:#555'>%2</span></p>")
             .arg(html(f.message), html(f.explanation));
    h += QStringLiteral("<p><b>State:</b> %1").arg(store::triageStatusLabel(item.status));
    if (item.status == store::TriageStatus::FixedNeedsRetest)
        h += QStringLiteral(" <span style='color:#b35c00'>(the page changed since it was marked fixed: the next "
                            "session retests it)</span>");
    h += QStringLiteral("<br/><b>Owners:</b> %1").arg(html(item.owners.isEmpty() ? QStringLiteral("none in CODEOWNERS") : item.owners.join(QStringLiteral(", "))));
    if (!item.authors.isEmpty())
        h += QStringLiteral("<br/><b>Last authors:</b> %1").arg(html(item.authors.mid(0, 3).join(QStringLiteral(", "))));
    h += QStringLiteral("</p>");

    const analysis::PageEvidence *ev = evidenceOf(item, snapshot);
    if (!ev) {
        h += QStringLiteral("<p><i>No session evidence on this page yet.</i></p>");
    } else {
        const analysis::EvidenceCounts &c = ev->counts;
        h += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
        auto row = [&](const QString &k, const QString &v) {
            h += QStringLiteral("<tr><td style='color:#555;padding-right:10px'>%1</td><td>%2</td></tr>").arg(k, v);
        };
        row(QStringLiteral("Lookups"), QStringLiteral("%1 by %2 testers, %3 revisits").arg(c.lookups).arg(c.readers).arg(c.revisits));
        row(QStringLiteral("Dwell"), c.medianDwellMs ? QStringLiteral("median %1 s, total %2 s")
                                                           .arg(*c.medianDwellMs / 1000.0, 0, 'f', 1)
                                                           .arg(c.totalDwellMs / 1000.0, 0, 'f', 0)
                                                     : QStringLiteral("no closed lookup"));
        row(QStringLiteral("Notes"), QString::number(c.notes + c.termNotes));
        row(QStringLiteral("Searches, no result"), QString::number(c.zeroResultSearches));
        row(QStringLiteral("Failed commands"), QStringLiteral("%1 (%2 not found)").arg(c.failedCommands).arg(c.commandsNotFound));
        row(QStringLiteral("Failed tasks"), QString::number(c.failedTasks));
        h += QStringLiteral("</table>");
        QSet<qint64> sessions;
        h += QStringLiteral("<h4 style='margin-bottom:2px'>What testers said and did</h4>");
        int shown = 0;
        for (const analysis::EvidenceItem &e : ev->items) {
            sessions.insert(e.sessionId);
            if (shown++ >= 12)
                continue;
            h += QStringLiteral("<p style='margin:4px 0'><span style='color:#555'>%1 &middot; %2 &middot; session %3%4</span><br/>"
                                "&ldquo;%5&rdquo;</p>")
                     .arg(kindLabel(e.kind), html(snapshot.pseudonyms.value(e.sessionId)))
                     .arg(e.sessionId)
                     .arg(e.anchor.isEmpty() ? QString() : QStringLiteral(" &middot; #") + html(e.anchor),
                          html(e.text));
        }
        if (ev->items.isEmpty())
            h += QStringLiteral("<p><i>Read, but nothing went wrong here.</i></p>");
        else
            h += QStringLiteral("<p style='color:#555'>%1 items from %2 sessions.</p>").arg(ev->items.size()).arg(sessions.size());
    }
    if (!history.isEmpty()) {
        h += QStringLiteral("<h4 style='margin-bottom:2px'>Triage history</h4>");
        for (const store::TriageChange &c : history)
            h += QStringLiteral("<p style='margin:2px 0'>%1 &middot; <b>%2</b> by %3%4</p>")
                     .arg(when(c.atMs), store::triageStateLabel(c.state), html(c.actor),
                          c.note.isEmpty() ? QString() : QStringLiteral(": ") + html(c.note));
    }
    return h;
}

} // namespace devzero::ui
