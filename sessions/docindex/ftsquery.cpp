#include "sessions/docindex/ftsquery.h"

#include <QStringList>

namespace devzero::docindex {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c.isSurrogate();
}

bool searchable(QStringView word)
{
    for (const QChar c : word) {
        if (isWordChar(c))
            return true;
    }
    return false;
}

// FTS5 string literal: double quotes inside are doubled.
QString quoted(QStringView text)
{
    QString out = text.toString();
    out.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

qsizetype wordChars(QStringView word)
{
    qsizetype n = 0;
    for (const QChar c : word)
        n += isWordChar(c) ? 1 : 0;
    return n;
}

struct Piece
{
    QStringView text;
    bool phrase = false;
    bool prefix = false;
};

// Splits user text into words and phrases; the shared first step of both
// the MATCH expression and the highlighting terms.
QList<Piece> pieces(const QString &text)
{
    QList<Piece> out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Piece piece;
        if (c == QLatin1Char('"')) {
            const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
            const qsizetype end = close < 0 ? n : close;
            piece.text = QStringView(text).mid(i + 1, end - i - 1).trimmed();
            piece.phrase = true;
            i = end + 1;
            while (i < n && text.at(i) == QLatin1Char('*')) {
                piece.prefix = true;
                ++i;
            }
        } else {
            qsizetype end = i;
            while (end < n && !text.at(end).isSpace() && text.at(end) != QLatin1Char('"'))
                ++end;
            piece.text = QStringView(text).mid(i, end - i);
            i = end;
            while (piece.text.endsWith(QLatin1Char('*'))) {
                piece.text.chop(1);
                piece.prefix = true;
            }
        }
        if (!searchable(piece.text))
            continue;
        if (piece.prefix && !piece.phrase && wordChars(piece.text) < 2)
            piece.prefix = false;
        out << piece;
    }
    return out;
}

} // namespace

QString toFtsQuery(const QString &userText)
{
    const QString text = userText.normalized(QString::NormalizationForm_C);
    QStringList terms;
    for (const Piece &piece : pieces(text))
        terms << quoted(piece.text) + (piece.prefix ? QStringLiteral("*") : QString());
    return terms.join(QLatin1Char(' '));
}

QString foldForSearch(QStringView word)
{
    const QString decomposed = word.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (!c.isMark())
            out += c;
    }
    return out.toCaseFolded();
}

QList<SearchTerm> searchTerms(const QString &userText)
{
    const QString text = userText.normalized(QString::NormalizationForm_C);
    QList<SearchTerm> terms;
    for (const Piece &piece : pieces(text)) {
        // A phrase highlights as its words; only its last word may be a prefix.
        QList<QStringView> words;
        qsizetype start = -1;
        for (qsizetype i = 0; i <= piece.text.size(); ++i) {
            const bool inWord = i < piece.text.size() && isWordChar(piece.text.at(i));
            if (inWord && start < 0)
                start = i;
            if (!inWord && start >= 0) {
                words << piece.text.mid(start, i - start);
                start = -1;
            }
        }
        for (qsizetype w = 0; w < words.size(); ++w)
            terms << SearchTerm{foldForSearch(words.at(w)), piece.prefix && w == words.size() - 1};
    }
    return terms;
}

} // namespace devzero::docindex
