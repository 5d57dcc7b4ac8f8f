#include "sessions/docindex/pagedefinitions.h"

#include "sessions/docindex/terms.h"

#include <QStringView>
#include <QVarLengthArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace devzero::docindex {

namespace {

constexpr qsizetype kMaxMeaning = 300;

bool isMinorWord(QStringView w)
{
    for (const QStringView m : {u"of", u"and", u"for", u"the", u"to", u"in", u"on", u"a", u"an", u"at", u"by", u"with", u"as", u"&", u"or"})
        if (w.compare(m, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

struct Word
{
    QStringView text;
    qsizetype start;
};

// Upper-case letters of a word with inner capitals ("OpenID" -> "OID").
QString capitalsOf(QStringView w)
{
    QString caps;
    for (const QChar c : w)
        if (c.isUpper())
            caps.append(c);
    return caps.size() >= 2 ? caps : QString();
}

// Matches the acronym's letters [0, acrEnd) against words [0, wordEnd),
// from the end. Returns the index of the first word used, or -1.
// `budget` bounds the backtracking on hostile input ("AA AA AA ... (AAAAAA)").
qsizetype matchBackwards(QStringView acr, qsizetype acrEnd, const QVarLengthArray<Word, 32> &words, qsizetype wordEnd, int &budget)
{
    if (acrEnd == 0)
        return wordEnd; // the word after the last one looked at
    if (wordEnd == 0 || --budget <= 0)
        return -1;
    const QStringView w = words[wordEnd - 1].text;
    const QString caps = capitalsOf(w);
    if (!caps.isEmpty() && caps.size() <= acrEnd && acr.first(acrEnd).endsWith(caps, Qt::CaseInsensitive)) {
        if (const qsizetype r = matchBackwards(acr, acrEnd - caps.size(), words, wordEnd - 1, budget); r >= 0)
            return r;
    }
    if (w[0].toUpper() == acr[acrEnd - 1].toUpper()) {
        if (const qsizetype r = matchBackwards(acr, acrEnd - 1, words, wordEnd - 1, budget); r >= 0)
            return r;
    }
    if (acrEnd < acr.size() && isMinorWord(w))
        return matchBackwards(acr, acrEnd, words, wordEnd - 1, budget);
    return -1;
}

// Splits text into words (hyphenated parts separately) for the matcher.
QVarLengthArray<Word, 32> wordsOf(QStringView text, qsizetype base)
{
    QVarLengthArray<Word, 32> words;
    for (qsizetype i = 0; i < text.size();) {
        if (!(text[i].isLetterOrNumber() || text[i] == u'&')) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && (text[end].isLetterOrNumber() || text[end] == u'&' || text[end] == u'\''))
            ++end;
        words.append({text.sliced(i, end - i), base + i});
        i = end;
    }
    return words;
}

// "API", "APIs" -> "API"; empty when not shaped like an acronym.
QString acronymShape(QStringView s)
{
    s = s.trimmed();
    if (s.size() >= 3 && s.back() == u's' && s[s.size() - 2].isUpper())
        s.chop(1);
    if (s.size() < 2 || s.size() > 8 || !(s[0] >= u'A' && s[0] <= u'Z'))
        return {};
    int upper = 0;
    for (const QChar c : s) {
        if (c >= u'A' && c <= u'Z')
            ++upper;
        else if (!(c >= u'0' && c <= u'9'))
            return {};
    }
    return upper >= 2 ? s.toString() : QString();
}

QString lettersOf(const QString &acr)
{
    QString letters;
    for (const QChar c : acr)
        if (c.isLetter())
            letters.append(c);
    return letters;
}

QString simplified(QStringView s)
{
    return s.toString().simplified();
}

// Start of the clause that ends at `end`: after the last . : ; , ( or line start.
qsizetype clauseStart(QStringView text, qsizetype end)
{
    qsizetype i = end;
    const qsizetype limit = qMax<qsizetype>(0, end - 200);
    while (i > limit) {
        const QChar c = text[i - 1];
        if (c == u'.' || c == u':' || c == u';' || c == u',' || c == u'(' || c == u')' || c == u'"')
            break;
        --i;
    }
    return i;
}

bool isPronounOrDeterminer(QStringView w)
{
    for (const QStringView p : {u"It", u"This", u"That", u"These", u"Those", u"There", u"Here", u"The", u"A", u"An",
                                u"Each", u"Every", u"One", u"What", u"Which", u"Who", u"He", u"She", u"They", u"We",
                                u"You", u"I", u"Our", u"Your", u"Its", u"Their", u"My", u"His", u"Her", u"Everything",
                                u"Nothing", u"Something", u"Anything", u"Another", u"Other", u"Such", u"Why", u"How",
                                u"When", u"Where", u"Today", u"Now", u"Note", u"If", u"But", u"And", u"So", u"Then",
                                u"Which", u"Whatever", u"All", u"Some", u"Any", u"No", u"Not", u"Default", u"Below",
                                u"Above", u"Following", u"Next", u"Example", u"Previously", u"Usually", u"Also"})
        if (w == p)
            return true;
    return false;
}

QString sentenceFrom(QStringView text)
{
    qsizetype end = 0;
    while (end < text.size() && end < kMaxMeaning) {
        if (text[end] == u'.' && (end + 1 == text.size() || text[end + 1].isSpace()))
            break;
        ++end;
    }
    return simplified(text.first(end));
}

} // namespace

int ProseBlock::lineAt(qsizetype offset) const
{
    if (lines.isEmpty())
        return 0;
    const auto it = std::upper_bound(lineOffsets.cbegin(), lineOffsets.cend(), offset);
    const qsizetype index = qMax<qsizetype>(0, (it - lineOffsets.cbegin()) - 1);
    return lines[index];
}

void findAcronymDefinitions(const ProseBlock &prose, QList<Definition> &out)
{
    const QStringView text = prose.text;
    qsizetype close = -1;
    for (qsizetype open = text.indexOf(u'('); open >= 0; open = text.indexOf(u'(', open + 1)) {
        if (close < open)
            close = text.indexOf(u')', open); // one search per ')' keeps "(((...)" linear
        if (close < 0)
            return;
        if (close - open > 120)
            continue;
        const QStringView inner = text.sliced(open + 1, close - open - 1);
        // Words (ACR)
        if (const QString acr = acronymShape(inner); !acr.isEmpty()) {
            const QString letters = lettersOf(acr);
            const qsizetype from = clauseStart(text, open);
            const auto words = wordsOf(text.sliced(from, open - from), from);
            int budget = 500;
            const qsizetype first = matchBackwards(letters, letters.size(), words, words.size(), budget);
            if (first >= 0 && first < words.size() && !isMinorWord(words[first].text)) {
                const QString meaning = simplified(text.sliced(words[first].start, open - words[first].start));
                if (words.size() - first >= 2) // "TLS (mTLS)", "ID (ID)" are not expansions
                    out.append({acr, meaning, prose.lineAt(open), Definition::Form::Expansion});
            }
            continue;
        }
        // ACR (Words)
        qsizetype wordEnd = open;
        while (wordEnd > 0 && text[wordEnd - 1] == u' ')
            --wordEnd;
        qsizetype wordStart = wordEnd;
        while (wordStart > 0 && text[wordStart - 1].isLetterOrNumber())
            --wordStart;
        const QString acr = acronymShape(text.sliced(wordStart, wordEnd - wordStart));
        if (acr.isEmpty() || wordEnd == open)
            continue;
        QStringView expansion = inner;
        for (const QStringView stop : {u",", u";", u" - ", u" – ", u" — "}) {
            const qsizetype at = expansion.indexOf(stop);
            if (at >= 0)
                expansion = expansion.first(at);
        }
        const auto words = wordsOf(expansion, 0);
        const QString letters = lettersOf(acr);
        int budget = 500;
        const qsizetype first = matchBackwards(letters, letters.size(), words, words.size(), budget);
        if (first >= 0 && words.size() - first >= 2 && !isMinorWord(words[first].text))
            out.append({acr, simplified(expansion.sliced(words[first].start)), prose.lineAt(wordStart), Definition::Form::Expansion});
    }
}

void findSentenceDefinition(const ProseBlock &prose, QList<Definition> &out)
{
    // The verb must come within the first 60 characters, after a capitalised term.
    if (prose.text.isEmpty() || !(prose.text[0].isUpper() || prose.text[0].isDigit()))
        return;
    const QStringView text = QStringView(prose.text).first(qMin<qsizetype>(prose.text.size(), 72));
    qsizetype verb = -1;
    qsizetype meaningStart = -1;
    for (qsizetype at = 1; at < text.size() && at < 60 && verb < 0; ++at) {
        if (text[at] != u' ' || at + 4 >= text.size() || !(text[at + 1] == u'i' || text[at + 1] == u'r'))
            continue;
        const QStringView rest = text.sliced(at);
        if (rest.startsWith(u" is a ") || rest.startsWith(u" is an ")) {
            verb = at;
            meaningStart = at + 4;
        } else if (rest.startsWith(u" refers to ")) {
            verb = at;
            meaningStart = at + 11;
        }
    }
    if (verb < 0)
        return;
    const QStringView term = text.first(verb).trimmed();
    const QList<QStringView> words = term.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || words.size() > 4 || isPronounOrDeterminer(words.first()))
        return;
    for (const QStringView w : words) {
        if (!(w[0].isUpper() || w[0].isDigit()))
            return;
        for (const QChar c : w)
            if (!(c.isLetterOrNumber() || c == u'-' || c == u'.' || c == u'/' || c == u'+'))
                return;
    }
    const QString meaning = sentenceFrom(QStringView(prose.text).sliced(meaningStart));
    if (!meaning.isEmpty())
        out.append({term.toString(), meaning, prose.lineAt(0), Definition::Form::Sentence});
}

void findDefinitionList(const ProseBlock &prose, const ProseBlock *previous, QList<Definition> &out)
{
    auto isTermLine = [](QStringView line) {
        line = line.trimmed();
        return !line.isEmpty() && line.size() <= 80 && !line.startsWith(u':') && !line.endsWith(u'.')
            && !line.endsWith(u':') && line.count(u' ') < 8;
    };
    bool candidate = prose.text.startsWith(u": ");
    for (qsizetype nl = prose.text.indexOf(u'\n'); nl >= 0 && !candidate; nl = prose.text.indexOf(u'\n', nl + 1))
        candidate = nl + 2 < prose.text.size() && prose.text[nl + 1] == u':' && prose.text[nl + 2] == u' ';
    if (!candidate)
        return;
    const QList<QStringView> lines = QStringView(prose.text).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringView line = lines[i].trimmed();
        if (!line.startsWith(u": ") || line.size() < 3)
            continue;
        QString meaning = simplified(line.sliced(2));
        if (meaning.endsWith(u'.'))
            meaning.chop(1);
        if (i > 0 && isTermLine(lines[i - 1])) {
            out.append({lines[i - 1].trimmed().toString(), meaning, prose.lines.value(i - 1), Definition::Form::DefinitionList});
        } else if (i == 0 && previous && isTermLine(previous->text) && !previous->text.contains(u'\n')) {
            out.append({previous->text.trimmed(), meaning, previous->lines.value(0), Definition::Form::DefinitionList});
        }
    }
}

bool glossaryDefinition(const QString &boldText, const QString &rest, int line, QList<Definition> &out)
{
    QStringView term = QStringView(boldText).trimmed();
    bool separated = false;
    if (term.endsWith(u':')) {
        term.chop(1);
        term = term.trimmed();
        separated = true;
    }
    QStringView meaning = QStringView(rest).trimmed();
    for (const QStringView sep : {u":", u"-", u"–", u"—"}) {
        if (!separated && meaning.startsWith(sep)) {
            meaning = meaning.sliced(sep.size()).trimmed();
            separated = true;
        }
    }
    if (!separated || term.isEmpty() || meaning.isEmpty() || term.count(u' ') > 5)
        return false;
    for (const QStringView label : {u"Note", u"Notes", u"Warning", u"Tip", u"Important", u"Caution", u"Danger",
                                    u"Info", u"Example", u"Examples", u"Default", u"Required", u"Optional",
                                    u"Deprecated", u"Prerequisites", u"Result", u"Output", u"Usage", u"See also",
                                    u"Hint", u"Attention", u"Todo", u"Update", u"Fix", u"Fixed", u"New", u"Changed"})
        if (term.compare(label, Qt::CaseInsensitive) == 0)
            return false;
    if (term.startsWith(u"Step ", Qt::CaseInsensitive))
        return false;
    QString text = simplified(meaning).left(kMaxMeaning);
    if (text.endsWith(u'.'))
        text.chop(1);
    out.append({term.toString(), text, line, Definition::Form::Glossary});
    return true;
}

} // namespace devzero::docindex
