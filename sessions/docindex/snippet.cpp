#include "sessions/docindex/snippet.h"

#include <QSet>

namespace devzero::docindex {

namespace {

struct Token
{
    qsizetype start = 0;
    qsizetype end = 0; // exclusive
    int term = -1;     // index of the matching query term, -1 when none
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c.isSurrogate();
}

QList<Token> tokenize(const QString &text)
{
    QList<Token> tokens;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool inWord = i < text.size() && isWordChar(text.at(i));
        if (inWord && start < 0)
            start = i;
        if (!inWord && start >= 0) {
            tokens << Token{start, i, -1};
            start = -1;
        }
    }
    return tokens;
}

QString render(const QString &text, const QList<Token> &tokens, qsizetype first, qsizetype last, const QString &open,
               const QString &close)
{
    QString out;
    if (first > 0)
        out += QStringLiteral("\u2026");
    qsizetype pos = tokens.at(first).start;
    for (qsizetype i = first; i <= last; ++i) {
        const Token &t = tokens.at(i);
        out += QStringView(text).mid(pos, t.start - pos);
        if (t.term >= 0)
            out += open + QStringView(text).mid(t.start, t.end - t.start) + close;
        else
            out += QStringView(text).mid(t.start, t.end - t.start);
        pos = t.end;
    }
    if (last + 1 < tokens.size())
        out += QStringLiteral("\u2026");
    else
        out += QStringView(text).mid(pos); // closing punctuation
    return out.simplified();
}

} // namespace

QString makeSnippet(const QString &text, const QList<SearchTerm> &terms, const QString &open, const QString &close,
                    int words)
{
    QList<Token> tokens = tokenize(text);
    bool any = false;
    for (Token &t : tokens) {
        const QString folded = foldForSearch(QStringView(text).mid(t.start, t.end - t.start));
        for (qsizetype k = 0; k < terms.size(); ++k) {
            const SearchTerm &term = terms.at(k);
            if (term.prefix ? folded.startsWith(term.folded) : folded == term.folded) {
                t.term = int(k);
                any = true;
                break;
            }
        }
    }
    if (!any || tokens.isEmpty())
        return {};
    // The window (of `words` tokens) holding the most distinct terms, the
    // earliest on ties; it starts a little before its first match.
    qsizetype bestStart = 0;
    int bestDistinct = -1;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (tokens.at(i).term < 0)
            continue;
        QSet<int> distinct;
        for (qsizetype j = i; j < tokens.size() && j < i + words; ++j) {
            if (tokens.at(j).term >= 0)
                distinct.insert(tokens.at(j).term);
        }
        if (int(distinct.size()) > bestDistinct) {
            bestDistinct = int(distinct.size());
            bestStart = i;
        }
    }
    const qsizetype first = qMax<qsizetype>(0, bestStart - 3);
    const qsizetype last = qMin<qsizetype>(tokens.size() - 1, first + words - 1);
    return render(text, tokens, first, last, open, close);
}

QString leadingWords(const QString &text, int words)
{
    const QList<Token> tokens = tokenize(text);
    if (tokens.isEmpty())
        return {};
    return render(text, tokens, 0, qMin<qsizetype>(tokens.size() - 1, words - 1), QString(), QString());
}

} // namespace devzero::docindex
