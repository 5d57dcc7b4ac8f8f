// undefined-acronym: an acronym the reader meets before (or without) its
// expansion on the reading path: the page itself, its prerequisite pages and
// any glossary it links. The page's title heading may use an acronym that the
// first section spells out ("# Paylark CLI" then "command-line interface (CLI)").

#include "sessions/analysis/rulecontext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace devzero::analysis {

namespace {

// Acronyms every developer reading technical docs knows.
bool isCommonAcronym(const QString &acronym)
{
    static const QSet<QString> common = {
        u"API"_s,  u"URL"_s,  u"URI"_s,   u"HTTP"_s, u"HTTPS"_s, u"HTML"_s, u"CSS"_s,   u"JSON"_s, u"YAML"_s,
        u"XML"_s,  u"CSV"_s,  u"SQL"_s,   u"CLI"_s,  u"GUI"_s,   u"UI"_s,   u"UX"_s,    u"ID"_s,   u"OS"_s,
        u"CPU"_s,  u"GPU"_s,  u"RAM"_s,   u"IP"_s,   u"TCP"_s,   u"UDP"_s,  u"DNS"_s,   u"SSH"_s,  u"SSL"_s,
        u"TLS"_s,  u"FAQ"_s,  u"PDF"_s,   u"USB"_s,  u"CI"_s,    u"CD"_s,   u"IDE"_s,   u"PR"_s,   u"QA"_s,
        u"REST"_s, u"UTC"_s,  u"ISO"_s,   u"ASCII"_s, u"UTF"_s,  u"UTF8"_s, u"GB"_s,    u"MB"_s,   u"KB"_s,
        u"TB"_s,   u"US"_s,   u"EU"_s,    u"UK"_s,   u"USD"_s,   u"EUR"_s,  u"AM"_s,    u"PM"_s,   u"PNG"_s,
        u"JPG"_s,  u"JPEG"_s, u"SVG"_s,   u"GIF"_s,  u"ZIP"_s,   u"WWW"_s,  u"VM"_s,    u"PC"_s,   u"IT"_s,
        u"SDK"_s,  u"AI"_s,   u"FYI"_s,   u"ASAP"_s, u"TL"_s,    u"DR"_s,   u"NB"_s,    u"PS"_s,   u"GNU"_s,
        u"RFC"_s,  u"TODO"_s, u"MIT"_s,   u"BSD"_s,  u"GPL"_s,   u"HTTP2"_s, u"IPV4"_s, u"IPV6"_s,
        // names of products and formats developers know by the letters
        u"AWS"_s,  u"GCP"_s,  u"SHA"_s,   u"SHA1"_s, u"SHA256"_s, u"JWT"_s, u"GPG"_s,   u"PGP"_s,  u"RSA"_s,
        u"CVE"_s,  u"TBD"_s,  u"VS"_s,    u"GH"_s,   u"W3C"_s,   u"NPM"_s,  u"JS"_s,    u"TS"_s,   u"CNCF"_s,
        u"K8S"_s,  u"EKS"_s,  u"GKE"_s,   u"AKS"_s,  u"MD5"_s,   u"SMTP"_s, u"IMAP"_s,  u"FTP"_s,  u"SFTP"_s,
        u"LTS"_s,  u"OSS"_s,  u"MVP"_s,   u"PoC"_s,  u"GIT"_s};
    return common.contains(acronym);
}

bool isSmallWord(const QString &w)
{
    static const QSet<QString> small = {u"of"_s, u"and"_s, u"the"_s, u"for"_s, u"to"_s, u"a"_s, u"an"_s,
                                        u"in"_s, u"on"_s, u"with"_s, u"&"_s, u"by"_s, u"or"_s};
    return small.contains(w.toLower());
}

// Do the words (last first) spell the acronym's letters, reading initials
// and, for CamelCase words, their capitals?
bool spells(const QStringList &words, const QString &acronym)
{
    QString letters;
    for (const QChar c : acronym)
        if (c.isLetter())
            letters += c.toUpper();
    if (letters.size() < 2)
        return false;
    qsizetype need = letters.size() - 1;
    for (qsizetype w = words.size() - 1; w >= 0 && need >= 0; --w) {
        const QString &word = words[w];
        if (word.isEmpty())
            continue;
        // Capitals inside a word count for several letters ("OpenID", "JavaScript").
        QString initials;
        initials += word[0].toUpper();
        for (qsizetype k = 1; k < word.size(); ++k)
            if (word[k].isUpper())
                initials += word[k];
        bool matched = false;
        for (qsizetype take = qMin(initials.size(), need + 1); take >= 1 && !matched; --take) {
            if (letters.mid(need - take + 1, take) == initials.left(take)) {
                need -= take;
                matched = true;
            }
        }
        if (!matched && !isSmallWord(word))
            return false;
    }
    return need < 0;
}

QStringList wordsOf(const QString &text, bool splitHyphens)
{
    static const QRegularExpression plain(u"[^\\p{L}\\p{N}\\-']+"_s);
    static const QRegularExpression hyphen(u"[^\\p{L}\\p{N}']+"_s);
    return text.split(splitHyphens ? hyphen : plain, Qt::SkipEmptyParts);
}

// "Words (ACR)", "ACR (Words)", "ACR stands for ...", in one prose block.
void findExpansions(const ProseBlock &block, QHash<QString, int> &out)
{
    static const QRegularExpression parenthesised(u"\\(([A-Z][A-Za-z0-9]{1,7}?)s?\\)"_s);
    static const QRegularExpression leading(u"\\b([A-Z][A-Z0-9]{1,6})s?\\s+\\(([^()]{3,80})\\)"_s);
    static const QRegularExpression standsFor(
        u"\\b([A-Z][A-Z0-9]{1,6})\\b\\s+(?:stands for|is short for|is an abbreviation (?:of|for)|means)\\b"_s);
    for (qsizetype l = 0; l < block.text.size(); ++l) {
        const QString &line = block.text[l];
        const int lineNo = block.startLine + int(l);
        if (!line.contains(u'(') && !line.contains(u" stands ") && !line.contains(u" means ")
            && !line.contains(u" short ") && !line.contains(u" abbreviation "))
            continue;
        // The text before "(ACR)" may start on the previous line of the block.
        const QString before = (l > 0 ? block.text[l - 1] + u' ' : QString());
        auto it = parenthesised.globalMatch(line);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString acronym = m.captured(1);
            const QString preceding = before + line.left(m.capturedStart());
            for (const bool split : {false, true}) {
                QStringList words = wordsOf(preceding, split);
                words = words.mid(qMax<qsizetype>(0, words.size() - (acronym.size() + 4)));
                if (spells(words, acronym)) {
                    if (!out.contains(acronym) || out[acronym] > lineNo)
                        out[acronym] = lineNo;
                    break;
                }
            }
        }
        auto lead = leading.globalMatch(line);
        while (lead.hasNext()) {
            const auto m = lead.next();
            for (const bool split : {false, true}) {
                QStringList words = wordsOf(m.captured(2), split);
                // "ACR (Words, more text)": only the words before a comma.
                if (spells(words.mid(0, m.captured(1).size() + 3), m.captured(1)) || spells(words, m.captured(1))) {
                    if (!out.contains(m.captured(1)) || out[m.captured(1)] > lineNo)
                        out[m.captured(1)] = lineNo;
                    break;
                }
            }
        }
        auto stands = standsFor.globalMatch(line);
        while (stands.hasNext()) {
            const QString acronym = stands.next().captured(1);
            if (!out.contains(acronym) || out[acronym] > lineNo)
                out[acronym] = lineNo;
        }
    }
}

// Every acronym the page defines, with the first line.
QHash<QString, int> definitionsOf(const RuleContext &context, qsizetype i)
{
    QHash<QString, int> out;
    for (const docindex::Definition &definition : context.parsed(i).definitions) {
        const QString term = definition.term.trimmed();
        if (!out.contains(term) || out[term] > definition.line)
            out[term] = definition.line;
    }
    for (const ProseBlock &block : context.facts(i).prose.blocks)
        findExpansions(block, out);
    return out;
}

} // namespace

void checkAcronyms(RuleContext &context)
{
    QHash<qsizetype, QHash<QString, int>> cache;
    auto definitions = [&](qsizetype i) -> const QHash<QString, int> & {
        auto it = cache.find(i);
        if (it == cache.end())
            it = cache.insert(i, definitionsOf(context, i));
        return *it;
    };
    for (qsizetype i = 0; i < context.size(); ++i) {
        const docindex::ParsedPage &page = context.parsed(i);
        const PageFacts &facts = context.facts(i);
        for (const docindex::Term &use : page.acronyms) {
            const QString &acronym = use.text;
            if (isCommonAcronym(acronym) || context.config().knownAcronyms.contains(acronym))
                continue;
            const int definedAt = definitions(i).value(acronym, 0);
            if (definedAt > 0 && definedAt <= use.line)
                continue;
            if (definedAt > 0 && use.line == facts.titleLine && definedAt <= facts.titleSectionEnd)
                continue;
            bool elsewhere = false;
            for (const int other : facts.prerequisitePages)
                elsewhere = elsewhere || definitions(other).contains(acronym);
            for (const int other : facts.glossaryPages)
                elsewhere = elsewhere || definitions(other).contains(acronym);
            if (elsewhere)
                continue;
            const QString message = definedAt > 0
                ? u"%1 is used before it is spelled out (line %2)"_s.arg(acronym).arg(definedAt)
                : u"%1 is never spelled out on this page, its prerequisites or a linked glossary"_s.arg(acronym);
            const QString line = facts.prose.lines.value(use.line - 1);
            const qsizetype at = findWord(line, acronym, 0, Qt::CaseSensitive);
            context.report(i, u"undefined-acronym"_s, use.line, acronym, message, 0, at >= 0 ? int(at) + 1 : 0);
        }
    }
}

} // namespace devzero::analysis
