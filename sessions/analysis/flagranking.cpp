#include "sessions/analysis/evidence.h"

#include "sessions/analysis/evidenceterms.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

// rankFlags (evidence.h): a flag's static score raised by what testers ran
// into on its page and section.

namespace devzero::analysis {

namespace {

bool isDirectKind(EvidenceItem::Kind kind)
{
    // A failed task has no text of the tester's to name a term.
    return kind != EvidenceItem::Kind::FailedTask;
}

// Highest score first; ties by severity, then where the flag is.
bool byScore(const Flag &a, const Flag &b)
{
    if (a.score != b.score)
        return a.score > b.score;
    if (a.severity != b.severity)
        return a.severity > b.severity;
    if (a.path != b.path)
        return a.path < b.path;
    if (a.startLine != b.startLine)
        return a.startLine < b.startLine;
    return a.ruleId < b.ruleId;
}

} // namespace

double defaultStaticScore(const Flag &flag)
{
    const double severity = double(int(flag.severity));
    return flag.generated ? severity / 2 : severity;
}

QList<Flag> rankFlags(QList<Flag> flags, const EvidenceReport &evidence)
{
    const EvidenceWeights &w = evidence.weights;
    QHash<QString, const PageEvidence *> pages;
    for (const PageEvidence &p : evidence.pages)
        pages.insert(p.page, &p);
    struct Direct
    {
        int count = 0;
        QJsonArray items;
    };
    QHash<QString, Direct> directByPageTerm;

    for (Flag &flag : flags) {
        if (flag.staticScore <= 0)
            flag.staticScore = defaultStaticScore(flag);
        const PageEvidence *page = pages.value(normalisePagePath(flag.path));
        const SectionEvidence *section = nullptr;
        if (page && !flag.anchor.isEmpty()) {
            for (const SectionEvidence &s : page->sections) {
                if (s.anchor == flag.anchor)
                    section = &s;
            }
        }
        const double pageWeight = page ? page->counts.weight : 0;
        const double sectionWeight = section ? section->counts.weight : 0;
        // Many flags share a page and a term (one rule per use): match once.
        const QString directKey = (page ? page->page : QString()) + QChar(0) + flag.term.trimmed();
        auto known = directByPageTerm.constFind(directKey);
        if (known == directByPageTerm.constEnd()) {
            Direct found;
            if (page && !flag.term.trimmed().isEmpty()) {
                for (const EvidenceItem &item : page->items) {
                    if (!isDirectKind(item.kind) || !terms::namesTerm(item.text, flag.term))
                        continue;
                    ++found.count;
                    if (found.items.size() < 5)
                        found.items.append(QJsonObject{{QStringLiteral("kind"), toString(item.kind)},
                                                       {QStringLiteral("text"), item.text},
                                                       {QStringLiteral("session_id"), item.sessionId}});
                }
            }
            known = directByPageTerm.insert(directKey, found);
        }
        const int direct = known->count;
        const QJsonArray &directItems = known->items;
        const double weighted =
            sectionWeight + w.otherSection * std::max(0.0, pageWeight - sectionWeight) + w.direct * direct;
        flag.score = flag.staticScore * (1 + weighted);
        flag.evidence = QJsonObject{
            {QStringLiteral("weighted"), weighted},
            {QStringLiteral("direct"), direct},
            {QStringLiteral("direct_items"), directItems},
            {QStringLiteral("page"), page ? QJsonValue(toJson(page->counts)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("section"), section ? QJsonValue(toJson(section->counts)) : QJsonValue(QJsonValue::Null)},
        };
    }
    // The same rule firing again on the same page teaches its owner nothing
    // new: each repeat counts half the one before, so the first screen of
    // flags covers many pages and rules instead of one page's acronyms.
    std::sort(flags.begin(), flags.end(), byScore);
    QHash<QString, int> seen;
    for (Flag &flag : flags) {
        const int repeat = seen[normalisePagePath(flag.path) + QChar(0) + flag.ruleId]++;
        flag.evidence.insert(QStringLiteral("repeat"), repeat);
        if (repeat > 0)
            flag.score = std::ldexp(flag.score, -repeat);
    }
    std::stable_sort(flags.begin(), flags.end(), byScore);
    return flags;
}

} // namespace devzero::analysis
