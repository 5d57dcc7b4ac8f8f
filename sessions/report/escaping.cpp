#include "sessions/report/escaping.h"

#include <QUrl>

namespace devzero::report {

namespace {

bool isBidiControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
}

bool isControl(char16_t c)
{
    if (c == u'\t' || c == u'\n' || c == u'\r')
        return false;
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

QString foldLines(const QString &text)
{
    QString out = text;
    out.replace(QLatin1String("\r\n"), QLatin1String(" "));
    out.replace(QLatin1Char('\n'), QLatin1Char(' '));
    out.replace(QLatin1Char('\r'), QLatin1Char(' '));
    out.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return out;
}

} // namespace

QString cleanText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 < n && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
                out += text.at(i);
                out += text.at(++i);
            } else {
                out += QChar(QChar::ReplacementCharacter);
            }
        } else if (QChar::isLowSurrogate(c) || isControl(c) || c == 0xFFFE || c == 0xFFFF) {
            out += QChar(QChar::ReplacementCharacter);
        } else if (isBidiControl(c)) {
            out += QStringLiteral("[U+") + QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0'))
                   + QLatin1Char(']');
        } else {
            out += QChar(c);
        }
    }
    return out;
}

QString htmlEscape(const QString &text)
{
    const QString clean = cleanText(text);
    QString out;
    out.reserve(clean.size() + clean.size() / 8);
    for (QChar c : clean) {
        switch (c.unicode()) {
        case u'&': out += QLatin1String("&amp;"); break;
        case u'<': out += QLatin1String("&lt;"); break;
        case u'>': out += QLatin1String("&gt;"); break;
        case u'"': out += QLatin1String("&quot;"); break;
        case u'\'': out += QLatin1String("&#39;"); break;
        default: out += c;
        }
    }
    return out;
}

QString safeHref(const QString &url)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return {};
    const QString scheme = parsed.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return {};
    return htmlEscape(QString::fromLatin1(parsed.toEncoded(QUrl::FullyEncoded)));
}

QString markdownText(const QString &text, bool blockStart)
{
    const QString clean = foldLines(cleanText(text)).trimmed();
    QString out;
    out.reserve(clean.size() + 16);
    for (qsizetype i = 0; i < clean.size(); ++i) {
        const QChar c = clean.at(i);
        switch (c.unicode()) {
        case u'\\': case u'`': case u'*': case u'_': case u'[': case u']': case u'~': case u'|':
            out += QLatin1Char('\\');
            out += c;
            break;
        case u'<': out += QLatin1String("&lt;"); break;
        case u'>': out += QLatin1String("&gt;"); break;
        case u'&': out += QLatin1String("&amp;"); break;
        case u'@':
            out += c;
            out += QChar(0x200B); // no @mention when pasted
            break;
        case u'#':
            out += (i == 0 && blockStart) ? QStringLiteral("\\#") : QStringLiteral("#");
            if (i + 1 < clean.size() && clean.at(i + 1).isDigit())
                out += QChar(0x200B); // no #123 cross-reference
            break;
        case u'+': case u'-': case u'=':
            // A leading one would start a list or underline a heading.
            if (i == 0 && blockStart)
                out += QLatin1Char('\\');
            out += c;
            break;
        default:
            out += c;
        }
    }
    if (!blockStart)
        return out;
    // "1. " or "1) " at the start would begin an ordered list.
    qsizetype digits = 0;
    while (digits < out.size() && out.at(digits).isDigit())
        ++digits;
    if (digits > 0 && digits < out.size() && (out.at(digits) == QLatin1Char('.') || out.at(digits) == QLatin1Char(')')))
        out.insert(digits, QLatin1Char('\\'));
    return out;
}

QString markdownCell(const QString &text)
{
    // markdownText already escapes pipes; an empty cell still needs content.
    const QString out = markdownText(text);
    return out.isEmpty() ? QStringLiteral(" ") : out;
}

QString markdownCode(const QString &text)
{
    QString clean = foldLines(cleanText(text));
    clean.replace(QLatin1Char('|'), QLatin1String("\\|"));
    int longest = 0;
    int run = 0;
    for (QChar c : clean) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString fence(longest + 1, QLatin1Char('`'));
    const bool pad = clean.startsWith(QLatin1Char('`')) || clean.endsWith(QLatin1Char('`'))
                     || clean.startsWith(QLatin1Char(' ')) || clean.endsWith(QLatin1Char(' '));
    const QString space = pad ? QStringLiteral(" ") : QString();
    if (clean.trimmed().isEmpty())
        return QStringLiteral(" ");
    return fence + space + clean + space + fence;
}

namespace {

// Splits at paired backticks: even parts are text, odd parts code.
QStringList codeParts(const QString &text)
{
    QStringList parts = text.split(QLatin1Char('`'));
    if (parts.size() % 2 == 0) {
        // An unpaired backtick: glue the last two parts back together.
        const QString last = parts.takeLast();
        parts.last() += QLatin1Char('`') + last;
    }
    return parts;
}

} // namespace

QString htmlWithCode(const QString &text)
{
    const QStringList parts = codeParts(text);
    QString out;
    for (qsizetype i = 0; i < parts.size(); ++i)
        out += i % 2 ? QStringLiteral("<code>") + htmlEscape(parts.at(i)) + QStringLiteral("</code>") : htmlEscape(parts.at(i));
    return out;
}

QString markdownWithCode(const QString &text)
{
    const QStringList parts = codeParts(text);
    QString out;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (i % 2) {
            out += markdownCode(part);
            continue;
        }
        // markdownText trims; the spaces around code spans belong to the sentence.
        if (!part.isEmpty() && part.front().isSpace())
            out += QLatin1Char(' ');
        out += markdownText(part, i == 0);
        if (part.size() > 1 && part.back().isSpace())
            out += QLatin1Char(' ');
    }
    return out;
}

QString csvText(const QString &text)
{
    QString value = cleanText(text);
    if (!value.isEmpty()) {
        const QChar first = value.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') || first == QLatin1Char('@')
            || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            value.prepend(QLatin1Char('\''));
    }
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n'))
        || value.contains(QLatin1Char('\r'))) {
        value.replace(QLatin1Char('"'), QLatin1String("\"\""));
        return QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value;
}

QString csvNumber(double value, int decimals)
{
    QString out = QString::number(value, 'f', decimals);
    if (out.contains(QLatin1Char('.'))) {
        while (out.endsWith(QLatin1Char('0')))
            out.chop(1);
        if (out.endsWith(QLatin1Char('.')))
            out.chop(1);
    }
    if (out == QLatin1String("-0"))
        out = QStringLiteral("0");
    return out;
}

QString csvInteger(qint64 value)
{
    return QString::number(value);
}

} // namespace devzero::report
