#include "sessions/docindex/pagelinks.h"

using namespace Qt::StringLiterals;

namespace devzero::docindex {

namespace {

QString percentDecoded(QStringView text)
{
    if (!text.contains(u'%'))
        return text.toString();
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text.toUtf8()));
}

QString hostOf(QStringView authorityAndRest)
{
    qsizetype end = 0;
    while (end < authorityAndRest.size() && authorityAndRest[end] != u'/' && authorityAndRest[end] != u'?' && authorityAndRest[end] != u'#')
        ++end;
    QStringView host = authorityAndRest.first(end);
    if (const qsizetype at = host.lastIndexOf(u'@'); at >= 0)
        host = host.sliced(at + 1);
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        return (close > 0 ? host.first(close + 1) : host).toString().toLower();
    }
    if (const qsizetype colon = host.indexOf(u':'); colon >= 0)
        host = host.first(colon);
    return host.toString().toLower();
}

// Length of a URL scheme ("https" in "https://x"), or 0.
qsizetype schemeLength(QStringView t)
{
    if (t.isEmpty() || !(t[0].isLetter() && t[0].unicode() < 0x80))
        return 0;
    qsizetype i = 1;
    while (i < t.size() && t[i].unicode() < 0x80 && (t[i].isLetterOrNumber() || t[i] == u'+' || t[i] == u'.' || t[i] == u'-'))
        ++i;
    return (i < t.size() && t[i] == u':') ? i : 0;
}

} // namespace

Link classifyLink(const QString &target, const QString &pagePath)
{
    Link link;
    link.target = target;
    const QStringView t = QStringView(target).trimmed();
    if (t.startsWith(u'#')) {
        link.kind = Link::Kind::Anchor;
        link.path = pagePath;
        link.anchor = percentDecoded(t.sliced(1));
        return link;
    }
    if (t.startsWith(u"//")) {
        link.kind = Link::Kind::External;
        link.host = hostOf(t.sliced(2));
        return link;
    }
    if (const qsizetype scheme = schemeLength(t); scheme > 1) {
        const QString name = t.first(scheme).toString().toLower();
        const QStringView rest = t.sliced(scheme + 1);
        if ((name == u"http" || name == u"https") && rest.startsWith(u"//")) {
            link.kind = Link::Kind::External;
            link.host = hostOf(rest.sliced(2));
            if (const qsizetype hash = rest.indexOf(u'#'); hash >= 0)
                link.anchor = percentDecoded(rest.sliced(hash + 1));
        } else {
            link.kind = Link::Kind::Other;
        }
        return link;
    }
    if (t.isEmpty()) {
        link.kind = Link::Kind::Other;
        return link;
    }

    link.kind = Link::Kind::Relative;
    QStringView pathPart = t;
    if (const qsizetype hash = pathPart.indexOf(u'#'); hash >= 0) {
        link.anchor = percentDecoded(pathPart.sliced(hash + 1));
        pathPart = pathPart.first(hash);
    }
    if (const qsizetype query = pathPart.indexOf(u'?'); query >= 0)
        pathPart = pathPart.first(query);
    const QString decoded = percentDecoded(pathPart);
    if (decoded.isEmpty()) {
        link.path = pagePath; // "?tab=x": the page itself
        return link;
    }

    QStringList segments;
    if (!decoded.startsWith(u'/')) {
        const qsizetype slash = pagePath.lastIndexOf(u'/');
        if (slash > 0)
            segments = pagePath.first(slash).split(u'/', Qt::SkipEmptyParts);
    }
    for (const QStringView segment : QStringView(decoded).split(u'/')) {
        if (segment.isEmpty() || segment == u".")
            continue;
        if (segment == u"..") {
            if (segments.isEmpty()) {
                link.escapesRepository = true;
                return link; // path stays empty: it names nothing in the tree
            }
            segments.removeLast();
            continue;
        }
        segments.append(segment.toString());
    }
    link.path = segments.join(u'/');
    return link;
}

void findBareUrls(QStringView text, int line, QList<Link> &out)
{
    qsizetype from = 0;
    while (true) {
        // Looks for the ':' of "http:" / "https:" (a one-character search is
        // much cheaper than a substring search on every prose run).
        const qsizetype colon = text.indexOf(u':', from);
        if (colon < 0)
            return;
        from = colon + 1;
        const qsizetype at = colon >= 5 && text[colon - 1] == u's' ? colon - 5 : colon - 4;
        if (at < 0 || !(text[at] == u'h' && text[at + 1] == u't' && text[at + 2] == u't' && text[at + 3] == u'p'))
            continue;
        QStringView rest = text.sliced(at);
        const qsizetype schemeEnd = rest.startsWith(u"https://") ? 8 : rest.startsWith(u"http://") ? 7 : 0;
        if (schemeEnd == 0 || (at > 0 && (text[at - 1].isLetterOrNumber() || text[at - 1] == u'/')))
            continue;
        qsizetype end = schemeEnd;
        while (end < rest.size()) {
            const QChar c = rest[end];
            if (c.isSpace() || c == u'<' || c == u'>' || c == u'"' || c == u'`' || c == u'\'')
                break;
            ++end;
        }
        // Sentence punctuation and an unbalanced ')' end the URL, as GitHub does.
        qsizetype opens = rest.first(end).count(u'(');
        qsizetype closes = rest.first(end).count(u')');
        while (end > schemeEnd) {
            const QChar last = rest[end - 1];
            if (QStringView(u".,:;!?*_~").contains(last)) {
                --end;
                continue;
            }
            if (last == u')' && opens < closes) {
                --end;
                --closes;
                continue;
            }
            break;
        }
        if (end == schemeEnd)
            continue;
        Link link;
        link.kind = Link::Kind::External;
        link.target = rest.first(end).toString();
        link.text = link.target;
        link.host = hostOf(rest.sliced(schemeEnd, end - schemeEnd));
        if (const qsizetype hash = link.target.indexOf(u'#'); hash >= 0)
            link.anchor = percentDecoded(QStringView(link.target).sliced(hash + 1));
        link.line = line;
        out.append(link);
        from = qMax(from, at + end);
    }
}

} // namespace devzero::docindex
