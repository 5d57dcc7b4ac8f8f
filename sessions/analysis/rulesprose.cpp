#include "sessions/analysis/rulesprose.h"

#include "sessions/docindex/frontmatter.h"
#include "sessions/docindex/mdx.h"
#include "sessions/docindex/pageadmonitions.h"
#include "sessions/docindex/pageinput.h"
#include "sessions/docindex/terms.h"
#include "sessions/markdown/markdowndocument.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using devzero::markdown::Node;

namespace devzero::analysis {

namespace {

void blank(QChar *d, qsizetype size, qsizetype from, qsizetype to)
{
    for (qsizetype i = qMax<qsizetype>(0, from); i < qMin(to, size); ++i)
        if (d[i] != u'\n')
            d[i] = u' ';
}

struct Range
{
    qsizetype from;
    qsizetype to;
};

// Index of the ')' that closes the '(' at `open`, or -1.
qsizetype closingParen(const QString &s, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < s.size(); ++i) {
        if (s[i] == u'\\') {
            ++i;
        } else if (s[i] == u'(') {
            ++depth;
        } else if (s[i] == u')' && --depth == 0) {
            return i;
        }
    }
    return -1;
}

qsizetype urlEnd(const QString &s, qsizetype from)
{
    qsizetype i = from;
    while (i < s.size() && !s[i].isSpace() && s[i] != u'<' && s[i] != u'"' && s[i] != u'`')
        ++i;
    return i;
}

} // namespace

QString maskNonProse(const QString &source, bool keepCode)
{
    QString s = source;
    QChar *d = s.data(); // one detach; indexing through the QString would check it on every access
    const qsizetype size = s.size();
    auto blank = [d, size](qsizetype from, qsizetype to) { analysis::blank(d, size, from, to); };
    QList<Range> code;
    // Code spans first: nothing inside them is a link or a tag.
    for (qsizetype i = 0; i < size;) {
        if (d[i] == u'\\') {
            i += 2;
            continue;
        }
        if (d[i] != u'`') {
            ++i;
            continue;
        }
        qsizetype n = 0;
        while (i + n < size && d[i + n] == u'`')
            ++n;
        qsizetype j = i + n;
        qsizetype close = -1;
        while (j < size) {
            if (d[j] != u'`') {
                ++j;
                continue;
            }
            qsizetype m = 0;
            while (j + m < size && d[j + m] == u'`')
                ++m;
            if (m == n) {
                close = j;
                break;
            }
            j += m;
        }
        if (close < 0) {
            i += n;
            continue;
        }
        code.append({i, close + n});
        if (keepCode) {
            blank(i, i + n);
            blank(close, close + n);
        } else {
            blank(i, close + n);
        }
        i = close + n;
    }

    qsizetype nextCode = 0; // code ranges are sorted and disjoint
    for (qsizetype i = 0; i < size; ++i) {
        while (nextCode < code.size() && code[nextCode].to <= i)
            ++nextCode;
        if (nextCode < code.size() && i >= code[nextCode].from) {
            i = code[nextCode].to - 1;
            continue;
        }
        const QChar c = d[i];
        if (c == u'\\') {
            ++i;
            continue;
        }
        if (c == u'!' && i + 1 < size && d[i + 1] == u'[') {
            // An image: alt text and target are not prose.
            const qsizetype close = s.indexOf(u"](", i);
            const qsizetype end = close < 0 ? -1 : closingParen(s, close + 1);
            if (end > 0 && !QStringView(s).sliced(i, close - i).contains(u'\n')) {
                blank(i, end + 1);
                i = end;
            }
            continue;
        }
        if (c == u']' && i + 1 < size && d[i + 1] == u'(') {
            const qsizetype end = closingParen(s, i + 1);
            if (end > 0) {
                blank(i + 1, end + 1);
                i = end;
            }
            continue;
        }
        if (c == u']' && i + 1 < size && d[i + 1] == u'[') {
            const qsizetype end = s.indexOf(u']', i + 1);
            if (end > 0 && !QStringView(s).sliced(i, end - i).contains(u'\n')) {
                blank(i + 1, end + 1);
                i = end;
            }
            continue;
        }
        if (c == u'[' && (i == 0 || d[i - 1] == u'\n')) {
            // A reference definition: "[label]: target".
            static const QRegularExpression definition(u"\\[[^\\]\\n]+\\]:[ \\t]*\\S+[^\\n]*"_s);
            const auto match = definition.match(s, i, QRegularExpression::NormalMatch,
                                                QRegularExpression::AnchorAtOffsetMatchOption);
            if (match.hasMatch()) {
                blank(i, i + match.capturedLength());
                i += match.capturedLength() - 1;
            }
            continue;
        }
        if (c == u'<') {
            // Tags and autolinks stay on one line (comments may not): look no further than that.
            qsizetype close = i + 1;
            const bool comment = QStringView(s).sliced(i).startsWith(u"<!--");
            while (close < size && d[close] != u'>' && (comment || d[close] != u'\n'))
                ++close;
            if (close >= size || d[close] != u'>')
                continue;
            const QStringView inside = QStringView(s).sliced(i, close - i + 1);
            if (inside.contains(u'\n') && !inside.startsWith(u"<!--"))
                continue;
            if (docindex::isAnglePlaceholder(inside))
                continue;
            if (i + 1 < size && (d[i + 1].isLetter() || d[i + 1] == u'/' || d[i + 1] == u'!')) {
                qsizetype end = close + 1;
                if (inside.startsWith(u"<!--")) {
                    const qsizetype commentEnd = s.indexOf(u"-->", i + 4);
                    end = commentEnd < 0 ? size : commentEnd + 3;
                }
                blank(i, end);
                i = end - 1;
            }
            continue;
        }
        if ((c == u'h' || c == u'H')
            && (QStringView(s).sliced(i).startsWith(u"http://", Qt::CaseInsensitive)
                || QStringView(s).sliced(i).startsWith(u"https://", Qt::CaseInsensitive))) {
            const qsizetype end = urlEnd(s, i);
            blank(i, end);
            i = end - 1;
            continue;
        }
        if (c == u'{' && i + 1 < size && (d[i + 1] == u':' || d[i + 1] == u'#' || d[i + 1] == u'.')) {
            const qsizetype end = s.indexOf(u'}', i);
            if (end > 0 && !QStringView(s).sliced(i, end - i).contains(u'\n')) {
                blank(i, end + 1);
                i = end;
            }
            continue;
        }
    }
    return s;
}

namespace {

QStringList htmlAnchors(const QString &text);

class ProseWalker
{
public:
    ProseWalker(ProseFacts &facts, const QStringList &bodyLines, int offset)
        : m_facts(facts), m_body(bodyLines), m_offset(offset)
    {
    }

    void visit(Node parent, bool inList)
    {
        for (Node child = parent.firstChild(); !child.isNull(); child = child.next()) {
            switch (child.type()) {
            case Node::Type::Paragraph:
                addBlock(child, ProseBlock::Kind::Paragraph, 0, inList);
                break;
            case Node::Type::Heading:
                addBlock(child, ProseBlock::Kind::Heading, child.headingLevel(), inList);
                break;
            case Node::Type::List:
                if (child.isOrderedList())
                    m_facts.orderedLists.append({child.startLine() + m_offset, child.endLine() + m_offset});
                visit(child, true);
                break;
            case Node::Type::Item:
            case Node::Type::BlockQuote:
            case Node::Type::CustomBlock:
                visit(child, inList);
                break;
            case Node::Type::HtmlBlock:
                htmlBlock(child);
                break;
            default:
                break;
            }
        }
    }

private:
    QString source(int first, int last) const
    {
        QStringList lines;
        for (int l = first; l <= last; ++l)
            lines << m_body.value(l - 1);
        return lines.join(u'\n');
    }

    void addBlock(Node node, ProseBlock::Kind kind, int level, bool inList)
    {
        const int first = node.startLine();
        const int last = qMax(first, node.endLine());
        if (first <= 0)
            return;
        const QString raw = source(first, last);
        ProseBlock block;
        block.kind = kind;
        block.level = level;
        block.startLine = first + m_offset;
        block.inList = inList;
        if (raw.contains(u'{') || raw.contains(u'='))
            m_facts.extraAnchors << htmlAnchors(raw); // "{#id}" on headings, inline <a id="x">
        block.prose = maskNonProse(raw, false).split(u'\n');
        block.text = maskNonProse(raw, true).split(u'\n');
        m_facts.blocks.append(block);
    }

    // The block a directive applies to: the next sibling, else the next
    // block after the directive's container.
    static Node nextBlock(Node node)
    {
        for (Node n = node; !n.isNull(); n = n.parent()) {
            if (!n.next().isNull())
                return n.next();
            if (n.parent().type() == Node::Type::Document)
                break;
        }
        return {};
    }

    void htmlBlock(Node node)
    {
        const QString html = node.literal();
        if (html.contains(u'='))
            m_facts.extraAnchors << htmlAnchors(html);
        ignoreDirective(node, html);
    }

    void ignoreDirective(Node node, const QString &html)
    {
        static const QRegularExpression directive(u"<!--\\s*devzero-ignore\\s+([^>]*?)\\s*-->"_s);
        if (!html.contains(u"devzero-ignore"))
            return;
        const auto match = directive.match(html);
        if (!match.hasMatch())
            return;
        const Node target = nextBlock(node);
        if (target.isNull())
            return;
        IgnoreDirective ignore;
        ignore.firstLine = target.startLine() + m_offset;
        ignore.lastLine = qMax(target.startLine(), target.endLine()) + m_offset;
        static const QRegularExpression separators(u"[\\s,]+"_s);
        ignore.rules = match.captured(1).split(separators, Qt::SkipEmptyParts);
        m_facts.ignores.append(ignore);
    }

    ProseFacts &m_facts;
    const QStringList &m_body;
    int m_offset;
};

bool hasGeneratorMarker(const QStringList &lines)
{
    for (int i = 0; i < qMin<qsizetype>(lines.size(), 10); ++i) {
        const QString &line = lines[i];
        if (line.contains(u"generated"_s, Qt::CaseInsensitive)
            && (line.contains(u"do not edit"_s, Qt::CaseInsensitive) || line.contains(u"don't edit"_s, Qt::CaseInsensitive)
                || line.contains(u"do not modify"_s, Qt::CaseInsensitive)))
            return true;
    }
    return false;
}

QStringList htmlAnchors(const QString &text)
{
    static const QRegularExpression attribute(u"\\b(?:id|name)\\s*=\\s*[\"']([^\"'<>\\s]+)[\"']"_s);
    static const QRegularExpression attrList(u"\\{\\s*:?\\s*#([A-Za-z0-9_:.\\-]+)"_s);
    QStringList out;
    for (const auto *re : {&attribute, &attrList}) {
        auto it = re->globalMatch(text);
        while (it.hasNext())
            out << it.next().captured(1);
    }
    return out;
}

} // namespace

ProseFacts extractProse(const QString &path, QByteArrayView content)
{
    ProseFacts facts;
    const docindex::PageInput input = docindex::preparePageInput(content);
    if (input.binary)
        return facts;
    const QString whole = QString::fromUtf8(input.text);
    facts.lines = whole.split(u'\n');
    if (whole.endsWith(u'\n'))
        facts.lines.removeLast();
    facts.generatorMarker = hasGeneratorMarker(facts.lines);

    const QByteArrayView text(input.text);
    const docindex::FrontMatter frontMatter = docindex::splitFrontMatter(text);
    const bool mdx = path.endsWith(u".mdx", Qt::CaseInsensitive);
    const docindex::NeutralisedBody neutral = docindex::neutraliseMarkup(text.sliced(frontMatter.bodyOffset), mdx);
    const QByteArray body = docindex::dedentAdmonitions(neutral.text);
    const QStringList bodyLines = QString::fromUtf8(body).split(u'\n');

    const markdown::Document document = markdown::Document::parse(body);
    ProseWalker walker(facts, bodyLines, frontMatter.bodyStartLine - 1);
    walker.visit(document.root(), false);
    return facts;
}

} // namespace devzero::analysis
