#include "sessions/docindex/pagebuilder.h"

#include "sessions/docindex/pagecommands.h"
#include "sessions/docindex/pagelinks.h"
#include "sessions/docindex/terms.h"

#include <QVarLengthArray>

#include <algorithm>

using namespace Qt::StringLiterals;
using devzero::markdown::Document;
using devzero::markdown::Node;

namespace devzero::docindex {

namespace {

// Above this a block's source is not re-lexed for line numbers (see
// codeSpanLineBreaks); its inline lines may then drift, never crash.
constexpr qsizetype kMaxRelexBytes = 64 * 1024;

bool isMarkupLanguage(const QString &lang)
{
    for (const QStringView m : {u"html", u"xml", u"xhtml", u"svg", u"vue", u"jsx", u"tsx", u"xaml", u"csproj", u"markdown", u"md", u"mdx"})
        if (lang == m)
            return true;
    return false;
}

// Closes the code spans in `src` the way CommonMark does (a backtick run
// closes at the next run of the same length; a backslash escapes an opening
// backtick) and returns the line breaks inside each, in order.
QList<int> lexCodeSpans(QByteArrayView src)
{
    QList<int> spans;
    const qsizetype n = src.size();
    for (qsizetype i = 0; i < n;) {
        const char c = src[i];
        if (c == '\\' && i + 1 < n && src[i + 1] != '\n') {
            i += 2;
            continue;
        }
        if (c != '`') {
            ++i;
            continue;
        }
        qsizetype run = 0;
        while (i + run < n && src[i + run] == '`')
            ++run;
        qsizetype j = i + run;
        int breaks = 0;
        bool closed = false;
        while (j < n) {
            if (src[j] == '\n') {
                ++breaks;
                ++j;
                continue;
            }
            if (src[j] != '`') {
                ++j;
                continue;
            }
            qsizetype other = 0;
            while (j + other < n && src[j + other] == '`')
                ++other;
            if (other == run) {
                closed = true;
                break;
            }
            j += other;
        }
        if (closed) {
            spans.append(breaks);
            i = j + run;
        } else {
            i += run;
        }
    }
    return spans;
}

} // namespace

struct PageBuilder::Run
{
    enum class Kind { Prose, Code, Html, Url };
    Kind kind = Kind::Prose;
    QString text;
    int line = 0;
    bool inLink = false;
};

struct PageBuilder::Inlines
{
    QList<Run> runs;
    ProseBlock prose;
    QList<Link> links;
    QList<Link> images;
    int breaks = 0;         // soft and hard line breaks
    int hiddenBreaks = 0;   // line breaks inside code spans and inline HTML

    void shiftLines(int by)
    {
        for (Run &run : runs)
            run.line += by;
        for (int &line : prose.lines)
            line += by;
        for (Link &link : links)
            link.line += by;
        for (Link &image : images)
            image.line += by;
    }
};

PageBuilder::PageBuilder(ParsedPage &page, QByteArrayView body, int lineOffset)
    : m_page(page), m_body(body), m_offset(lineOffset), m_mayHaveRefDefinitions(body.indexOf("]:") >= 0)
{
}

void PageBuilder::build()
{
    const Document document = Document::parse(m_body);
    document.root().walk([this](Node node) {
        switch (node.type()) {
        case Node::Type::Document:
        case Node::Type::BlockQuote:
        case Node::Type::List:
        case Node::Type::Item:
            return true;
        case Node::Type::Heading:
            heading(node);
            break;
        case Node::Type::Paragraph:
            paragraph(node);
            break;
        case Node::Type::CodeBlock:
            codeBlock(node);
            break;
        case Node::Type::HtmlBlock:
            htmlBlock(node);
            break;
        default:
            m_hasPreviousParagraph = false;
            break;
        }
        return false;
    });
    finishSections();
}

QByteArrayView PageBuilder::sourceLine(int bodyLine)
{
    if (m_lineStarts.isEmpty()) {
        m_lineStarts.append(0);
        for (qsizetype i = 0; i < m_body.size(); ++i)
            if (m_body[i] == '\n')
                m_lineStarts.append(i + 1);
    }
    if (bodyLine < 1 || bodyLine > m_lineStarts.size())
        return {};
    const qsizetype start = m_lineStarts[bodyLine - 1];
    const qsizetype end = bodyLine < m_lineStarts.size() ? m_lineStarts[bodyLine] - 1 : m_body.size();
    return m_body.sliced(start, end - start);
}

QList<int> PageBuilder::codeSpanLineBreaks(Node block)
{
    const QByteArrayView first = sourceLine(block.startLine());
    const QByteArrayView last = sourceLine(block.endLine());
    if (first.isNull() || last.isNull())
        return {};
    const qsizetype from = first.data() - m_body.data();
    const qsizetype to = (last.data() - m_body.data()) + last.size();
    if (to <= from || to - from > kMaxRelexBytes)
        return {};
    return lexCodeSpans(m_body.sliced(from, to - from));
}

int PageBuilder::refDefinitionLines(Node paragraph, const Inlines &inlines)
{
    // cmark drops the link reference definitions that open a paragraph but
    // keeps their first line as the paragraph's start (and as its inlines' line).
    if (!m_mayHaveRefDefinitions)
        return 0;
    const QByteArrayView first = sourceLine(paragraph.startLine());
    const qsizetype column = paragraph.startColumn() - 1;
    if (column < 0 || column >= first.size() || first[column] != '[')
        return 0;
    const int total = paragraph.endLine() - paragraph.startLine() + 1;
    const int content = 1 + inlines.breaks + inlines.hiddenBreaks;
    return qMax(0, total - content);
}

PageBuilder::Inlines PageBuilder::collectInlines(Node block)
{
    Inlines in;
    struct OpenLink
    {
        Node node;
        int line = 0;
        bool image = false;
        bool autolink = false;
        QString text;
    };
    QVarLengthArray<OpenLink, 4> open;
    int imageDepth = 0;
    int autolinkDepth = 0;
    bool lineStart = true;
    bool newRun = true;
    QList<int> codeBreaks;
    bool codeBreaksLoaded = false;
    qsizetype codeIndex = 0;
    const bool multiLine = block.endLine() > block.startLine();

    auto addText = [&](Run::Kind kind, const QString &text, int line) {
        for (OpenLink &link : open)
            link.text += text;
        if (imageDepth > 0)
            return;
        const bool inLink = !open.isEmpty();
        if (kind != Run::Kind::Html) {
            if (lineStart) {
                in.prose.lineOffsets.append(in.prose.text.size());
                in.prose.lines.append(line);
                lineStart = false;
            }
            in.prose.text += text;
        }
        if (!newRun && !in.runs.isEmpty()) {
            Run &last = in.runs.last();
            if (last.kind == kind && last.line == line && last.inLink == inLink && kind == Run::Kind::Prose) {
                last.text += text;
                return;
            }
        }
        in.runs.append({kind, text, line, inLink});
        newRun = kind != Run::Kind::Prose;
    };
    auto closeLink = [&](Node node) {
        if (open.isEmpty() || !(open.last().node == node))
            return;
        const OpenLink link = std::move(open.back());
        open.pop_back();
        if (link.image)
            --imageDepth;
        if (link.autolink)
            --autolinkDepth;
        Link result = classifyLink(node.url(), m_page.path);
        result.text = link.text.simplified();
        result.line = link.line;
        (link.image ? in.images : in.links).append(result);
    };

    Node node = block.firstChild();
    while (!node.isNull()) {
        const int line = node.startLine() + in.hiddenBreaks;
        bool descend = false;
        switch (node.type()) {
        case Node::Type::Text:
            addText(autolinkDepth > 0 ? Run::Kind::Url : Run::Kind::Prose, node.literal(), line);
            break;
        case Node::Type::Code: {
            const QString literal = node.literal();
            int breaks = 0;
            if (multiLine && literal.contains(u' ')) {
                if (!codeBreaksLoaded) {
                    codeBreaks = codeSpanLineBreaks(block);
                    codeBreaksLoaded = true;
                }
                breaks = codeBreaks.value(codeIndex);
            }
            ++codeIndex;
            addText(Run::Kind::Code, literal, line);
            in.hiddenBreaks += breaks;
            break;
        }
        case Node::Type::HtmlInline: {
            const QString literal = node.literal();
            addText(Run::Kind::Html, literal, line);
            in.hiddenBreaks += int(literal.count(u'\n'));
            break;
        }
        case Node::Type::SoftBreak:
        case Node::Type::LineBreak:
            ++in.breaks;
            for (OpenLink &link : open)
                link.text += u' ';
            if (imageDepth == 0) {
                in.prose.text += u'\n';
                lineStart = true;
                newRun = true;
            }
            break;
        case Node::Type::Link:
        case Node::Type::Image: {
            OpenLink link{node, line, node.type() == Node::Type::Image, false, {}};
            const Node child = node.firstChild();
            if (!link.image && !child.isNull() && child.next().isNull() && child.type() == Node::Type::Text) {
                const QString url = node.url();
                const QString literal = child.literal();
                link.autolink = url == literal || url == u"mailto:" + literal;
            }
            imageDepth += link.image;
            autolinkDepth += link.autolink;
            open.append(link);
            descend = true;
            break;
        }
        default:
            descend = true;
            break;
        }
        if (descend && !node.firstChild().isNull()) {
            node = node.firstChild();
            continue;
        }
        closeLink(node);
        while (true) {
            const Node next = node.next();
            if (!next.isNull()) {
                node = next;
                break;
            }
            node = node.parent();
            if (node.isNull() || node == block) {
                node = Node();
                break;
            }
            closeLink(node);
        }
    }

    int shift = m_offset;
    if (block.type() == Node::Type::Paragraph)
        shift += refDefinitionLines(block, in);
    in.shiftLines(shift);
    return in;
}

void PageBuilder::ensureSection()
{
    if (!m_page.sections.isEmpty())
        return;
    Section implicit;
    implicit.level = 0;
    implicit.startLine = m_page.bodyStartLine;
    m_page.sections.append(implicit);
}

void PageBuilder::appendProse(const QString &text, bool toSection)
{
    if (text.isEmpty())
        return;
    if (!m_page.bodyText.isEmpty())
        m_page.bodyText += u'\n';
    m_page.bodyText += text;
    if (toSection && !m_page.sections.isEmpty()) {
        QString &sectionText = m_page.sections.last().text;
        if (!sectionText.isEmpty())
            sectionText += u'\n';
        sectionText += text;
    }
}

void PageBuilder::inlineFacts(Inlines &in)
{
    QList<Link> bareUrls;
    for (const Run &run : in.runs) {
        switch (run.kind) {
        case Run::Kind::Prose:
            scanAcronyms(run.text, run.line, m_page.acronyms);
            scanEnvVars(run.text, run.line, m_page.envVars);
            scanPlaceholders(run.text, run.line, m_page.placeholders);
            if (!run.inLink)
                findBareUrls(run.text, run.line, bareUrls);
            break;
        case Run::Kind::Code:
            m_page.inlineCode.append({run.text, run.line});
            scanEnvVars(run.text, run.line, m_page.envVars);
            scanPlaceholders(run.text, run.line, m_page.placeholders);
            break;
        case Run::Kind::Html:
            if (isAnglePlaceholder(run.text))
                m_page.placeholders.append({run.text.trimmed(), run.line});
            break;
        case Run::Kind::Url:
            break;
        }
    }
    const qsizetype firstLink = m_page.links.size();
    m_page.links.append(std::move(in.links));
    if (!bareUrls.isEmpty()) {
        // Bare URLs were found run by run; keep the block's links in line order.
        m_page.links.append(std::move(bareUrls));
        std::stable_sort(m_page.links.begin() + firstLink, m_page.links.end(),
                         [](const Link &a, const Link &b) { return a.line < b.line; });
    }
    m_page.images.append(std::move(in.images));
}

void PageBuilder::heading(Node node)
{
    Inlines in = collectInlines(node);
    QString text = in.prose.text;
    text.replace(u'\n', u' ');
    const HeadingId id = splitExplicitId(text);
    Section section;
    section.level = node.headingLevel();
    section.startLine = node.startLine() + m_offset;
    section.heading = id.text;
    if (id.explicitId.isEmpty()) {
        section.anchor = m_anchors.unique(githubAnchor(id.text));
    } else {
        section.anchor = id.explicitId;
        m_anchors.reserve(id.explicitId);
    }
    m_page.sections.append(section);
    if (m_firstHeading.isEmpty())
        m_firstHeading = id.text;
    appendProse(id.text, false);
    inlineFacts(in);
    m_hasPreviousParagraph = false;
}

void PageBuilder::paragraph(Node node)
{
    ensureSection();
    Inlines in = collectInlines(node);
    appendProse(in.prose.text, true);
    inlineFacts(in);

    QList<Definition> &defs = m_page.definitions;
    findAcronymDefinitions(in.prose, defs);
    bool glossary = false;
    const Node first = node.firstChild();
    if (node.parent().type() == Node::Type::Item && node.previous().isNull() && first.type() == Node::Type::Strong) {
        const QString bold = first.plainText();
        if (in.prose.text.startsWith(bold))
            glossary = glossaryDefinition(bold, in.prose.text.mid(bold.size()), in.prose.lineAt(0), defs);
    }
    if (!glossary)
        findSentenceDefinition(in.prose, defs);
    findDefinitionList(in.prose, m_hasPreviousParagraph ? &m_previousParagraph : nullptr, defs);

    m_hasPreviousParagraph = !in.prose.text.contains(u'\n');
    if (m_hasPreviousParagraph)
        m_previousParagraph = in.prose;
}

void PageBuilder::codeBlock(Node node)
{
    ensureSection();
    m_hasPreviousParagraph = false;
    CodeBlock block;
    block.language = languageFromInfo(node.fenceInfo());
    block.code = node.literal();
    block.startLine = node.startLine() + m_offset;
    block.endLine = node.endLine() + m_offset;
    const QByteArrayView fenceLine = sourceLine(node.startLine());
    const qsizetype column = node.startColumn() - 1;
    const QByteArrayView fromColumn = column >= 0 && column < fenceLine.size() ? fenceLine.sliced(column) : QByteArrayView();
    // An indented block may start with "```" too; its first code line is then
    // the line itself, while a fence is never its own block's first code line.
    const QByteArrayView literal = node.literalUtf8();
    const qsizetype literalEol = literal.indexOf('\n');
    const QByteArrayView firstCode = literalEol < 0 ? literal : literal.first(literalEol);
    const bool fenced = (fromColumn.trimmed().startsWith("```") || fromColumn.trimmed().startsWith("~~~"))
        && firstCode.trimmed() != fromColumn.trimmed();
    const int firstCodeLine = block.startLine + (fenced ? 1 : 0);
    if (!fenced) // cmark counts the blank lines after an indented block into it
        block.endLine = block.startLine + qMax(0, int(block.code.count(u'\n')) - 1);
    if (block.endLine < block.startLine)
        block.endLine = block.startLine;

    QList<int> outputLines; // command output: its <none> and $X are not the reader's to fill in
    if (block.isShell())
        extractCommands(block, firstCodeLine, m_page.commands, m_page.envAssignments, &outputLines);
    const AngleForms angles = (isMarkupLanguage(block.language) || block.code.contains(u"</") || block.code.contains(u"/>"))
        ? AngleForms::NotInMarkup
        : AngleForms::Allowed;
    int line = firstCodeLine;
    qsizetype nextOutput = 0;
    for (const QStringView text : QStringView(block.code).split(u'\n')) {
        if (nextOutput < outputLines.size() && outputLines[nextOutput] == line) {
            ++nextOutput;
        } else {
            scanEnvVars(text, line, m_page.envVars);
            scanPlaceholders(text, line, m_page.placeholders, angles);
        }
        ++line;
    }
    m_page.codeBlocks.append(block);
}

void PageBuilder::htmlBlock(Node node)
{
    ensureSection();
    m_hasPreviousParagraph = false;
    const QString literal = node.literal();
    if (isAnglePlaceholder(literal))
        m_page.placeholders.append({literal.trimmed(), node.startLine() + m_offset});
}

void PageBuilder::finishSections()
{
    QList<Section> &sections = m_page.sections;
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const int end = i + 1 < sections.size() ? sections[i + 1].startLine - 1 : m_page.lineCount;
        sections[i].endLine = qMax(sections[i].startLine, end);
    }
}

} // namespace devzero::docindex
