#include "sessions/docindex/anchors.h"

#include "sessions/docindex/parsedpage.h"

#include <QStringView>

using namespace Qt::StringLiterals;

namespace devzero::docindex {

namespace {

// github-slugger removes punctuation, symbols, controls, format characters,
// separators other than the ASCII space, "other numbers" (superscripts,
// fractions) and unassigned code points; it keeps letters, marks, decimal and
// letter numbers, '-', '_' (and other connector punctuation) and ' '.
bool keptInAnchor(char32_t c)
{
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ' ';
    }
    if (c == 0xFE0E || c == 0xFE0F)
        return false; // emoji presentation selectors: a mark, but part of an emoji
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Punctuation_Connector:
        return true;
    default:
        return false;
    }
}

} // namespace

QString githubAnchor(const QString &heading)
{
    // Heading text never has leading or trailing spaces once Markdown has
    // parsed it, so the anchor of "  Foo " is the anchor of "Foo".
    const QString lower = heading.trimmed().toLower();
    QString anchor;
    anchor.reserve(lower.size());
    const QChar *p = lower.constData();
    const QChar *end = p + lower.size();
    while (p < end) {
        char32_t c = p->unicode();
        int width = 1;
        if (p->isHighSurrogate() && p + 1 < end && p[1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(p[0], p[1]);
            width = 2;
        }
        if (keptInAnchor(c)) {
            if (c == ' ')
                anchor.append(u'-');
            else
                anchor.append(p, width);
        }
        p += width;
    }
    return anchor;
}

QString AnchorRegistry::unique(const QString &slug)
{
    QString anchor = slug;
    auto base = m_occurrences.find(slug);
    if (base != m_occurrences.end()) {
        int &count = base.value();
        do {
            ++count;
            anchor = slug + u'-' + QString::number(count);
        } while (m_occurrences.contains(anchor));
    }
    // The base entry may have moved if the hash rehashed; insert after use.
    m_occurrences.insert(anchor, 0);
    return anchor;
}

void AnchorRegistry::reserve(const QString &id)
{
    if (!m_occurrences.contains(id))
        m_occurrences.insert(id, 0);
}

HeadingId splitExplicitId(const QString &heading)
{
    HeadingId result;
    const QString trimmed = heading.trimmed();
    result.text = trimmed;
    if (!trimmed.endsWith(u'}'))
        return result;
    const qsizetype open = trimmed.lastIndexOf(u"{#");
    if (open < 0)
        return result;
    const QStringView inside = QStringView(trimmed).sliced(open + 2, trimmed.size() - open - 3);
    if (inside.contains(u'{') || inside.contains(u'}'))
        return result;
    qsizetype idEnd = 0;
    while (idEnd < inside.size() && !inside[idEnd].isSpace())
        ++idEnd;
    if (idEnd == 0)
        return result;
    result.explicitId = inside.first(idEnd).toString();
    result.text = QStringView(trimmed).first(open).trimmed().toString();
    return result;
}

} // namespace devzero::docindex
