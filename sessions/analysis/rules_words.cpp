// minimising-word: "simply", "just", "easy", "obviously", "of course" ...
// in prose. To a reader who is stuck, they say the problem is the reader.
// Never in code: the prose view blanks code blocks, code spans and URLs.
//
// The words also have harmless senses ("covering just the ones we need",
// "the app will simply be marked OutOfSync", "it is not easy"), so each one
// fires only in the constructions that minimise a step: an instruction
// ("Simply copy ...", "then just run"), something the reader does ("you can
// easily ...", "your endpoint just needs to ..."), or a verdict on the task
// ("installing it is easy", "is just a matter of", "as easy as").

#include "sessions/analysis/rulecontext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace devzero::analysis {

namespace {

QRegularExpression ci(const QString &pattern)
{
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
}

bool negated(const QString &head)
{
    static const QRegularExpression negation =
        ci(u"\\b(not|isn't|aren't|wasn't|weren't|isnt|never|no|hardly|rarely)(\\s+\\w+)?\\s*$"_s);
    return negation.match(head).hasMatch();
}

// The word opens a clause: start of the block or a sentence, after a list
// marker, a comma or colon, or after "then", "and", "or".
bool opensClause(const QString &head)
{
    static const QRegularExpression start =
        ci(u"(^|[.!?:;,(]|^\\s*(?:[-*+]|\\d+[.)]))\\s*((then|and|or|so|now)\\s+)?$"_s);
    return start.match(head).hasMatch();
}

bool aboutTheReader(const QString &head)
{
    static const QRegularExpression reader =
        ci(u"\\b(you|you'll|you've|we|we'll)(\\s+(can|could|may|might|should|will|would|then|now|only))?\\s*$"_s);
    return reader.match(head).hasMatch();
}

bool verdict(const QString &head)
{
    static const QRegularExpression copula = ci(
        u"\\b(is|it's|that's|are|be|was|becomes|seems|'s)(\\s+(really|very|pretty|quite|fairly|rather|relatively|"
        u"super|so|as|also))?\\s*$"_s);
    return copula.match(head).hasMatch();
}

// "just" meaning "only" ("just the ones", "just for clarity", "just adding a group").
bool justMeansOnly(const QString &tail)
{
    static const QRegularExpression only = ci(
        u"^\\s*(the|an|for|only|to|in|like|as|because|so|when|after|before|below|above|how|what|that|this|these|"
        u"those|some|any|its|their|his|her|our|once|now|then|enough|under|over|around|about|same|\\w+ed|\\w+ing)\\b"_s);
    static const QRegularExpression minimal = ci(u"^\\s*a\\s+(matter|few|couple|single|quick|simple|click|little)\\b"_s);
    static const QRegularExpression article = ci(u"^\\s*a\\b"_s);
    if (minimal.match(tail).hasMatch())
        return false;
    if (article.match(tail).hasMatch())
        return true;
    // A code span right after ("just `**`") is blanked: the word names a thing, not an action.
    if (tail.startsWith(u"  "))
        return true;
    return only.match(tail).hasMatch();
}

bool minimises(const QString &word, const QString &head, const QString &tail)
{
    if (negated(head))
        return false;
    static const QRegularExpression needs = ci(u"^\\s*(needs?|requires?|takes?|has\\s+to|have\\s+to)\\b"_s);
    if (word == u"just" || word == u"simply" || word == u"easily" || word == u"merely") {
        if (word == u"just" && justMeansOnly(tail))
            return false;
        return opensClause(head) || aboutTheReader(head) || verdict(head) || needs.match(tail).hasMatch();
    }
    if (word == u"easy" || word == u"straightforward" || word == u"trivial") {
        static const QRegularExpression asEasyAs = ci(u"^\\s*as\\b"_s);
        return verdict(head) || opensClause(head) || (head.endsWith(u"as ") && asEasyAs.match(tail).hasMatch());
    }
    if (word == u"clearly")
        return opensClause(head);
    return true; // obviously, of course
}

} // namespace

void checkMinimisingWords(RuleContext &context)
{
    static const QRegularExpression words(
        u"(?<![\\p{L}\\p{N}_'-])(simply|just|easy|easily|obviously|of\\s+course|straightforward|clearly|merely|"
        u"trivial)(?![\\p{L}\\p{N}_-])"_s,
        QRegularExpression::CaseInsensitiveOption);
    for (qsizetype i = 0; i < context.size(); ++i) {
        for (const ProseBlock &block : context.facts(i).prose.blocks) {
            const QString text = block.prose.join(u'\n');
            auto it = words.globalMatch(text);
            while (it.hasNext()) {
                const auto match = it.next();
                const QString word = match.captured(1).toLower().simplified();
                const qsizetype start = match.capturedStart();
                const qsizetype lineStart = text.lastIndexOf(u'\n', start - 1) + 1;
                // What comes before (within the block) and a few words after.
                QString head = text.left(start).right(60);
                head.replace(u'\n', u' ');
                QString tail = text.mid(match.capturedEnd(), 40);
                tail.replace(u'\n', u' ');
                if (!minimises(word, head, tail))
                    continue;
                const int line = block.startLine + int(text.left(start).count(u'\n'));
                const int bodyColumn = int(start - lineStart);
                // Admonition content is dedented for cmark: find the word on the file's line.
                const QString fileLine = context.facts(i).prose.lines.value(line - 1);
                qsizetype at = fileLine.indexOf(match.captured(1).section(u'\n', 0, 0), bodyColumn, Qt::CaseInsensitive);
                if (at < 0)
                    at = bodyColumn;
                context.report(i, u"minimising-word"_s, line, word,
                               u"\"%1\" makes light of a step that may not be easy for the reader"_s
                                   .arg(match.captured(1).simplified()),
                               0, int(at) + 1);
            }
        }
    }
}

} // namespace devzero::analysis
