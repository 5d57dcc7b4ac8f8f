#include "sessions/plan/planfields.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace devzero::plan::detail {

namespace {

using markdown::Node;
using Type = markdown::Node::Type;

// Hand-written plans nest a few levels; a hostile file may nest thousands
// (">>>>..."). Deeper content is dropped instead of exhausting the stack.
constexpr int MaxDepth = 48;

// A key is one to three words that start with a letter, then a colon and
// whitespace (so "https://..." and "10:30" are never keys). Longer phrases
// ending in a colon ("In the next step you will:") stay prose.
const QRegularExpression &keyAtStart()
{
    static const QRegularExpression re(QStringLiteral(
        "^([A-Za-z][A-Za-z0-9_-]*(?:[ \\t]+[A-Za-z0-9_-]+){0,2})[ \\t]*:(?=\\s|$)"));
    return re;
}

// The whole text of a **bold** or *emphasized* key, with or without its colon.
const QRegularExpression &wholeKey()
{
    static const QRegularExpression re(QStringLiteral(
        "^([A-Za-z][A-Za-z0-9_-]*(?:[ \\t]+[A-Za-z0-9_-]+){0,2})[ \\t]*(:?)$"));
    return re;
}

struct Line
{
    QList<Node> nodes;
    int number = 0;
    int column = 0;
    bool hardBreakBefore = false;
};

// Line endings inside an inline node: breaks nested in emphasis or links,
// and raw HTML spanning lines. (A code span hides its line endings; cmark
// turns them into spaces.)
int lineEndingsInside(const Node &node, int depth = 0)
{
    if (depth > MaxDepth)
        return 0;
    if (node.type() == Type::HtmlInline)
        return int(node.literalUtf8().count('\n'));
    int count = 0;
    for (Node child = node.firstChild(); !child.isNull(); child = child.next()) {
        if (child.type() == Type::SoftBreak || child.type() == Type::LineBreak)
            ++count;
        else
            count += lineEndingsInside(child, depth + 1);
    }
    return count;
}

int firstNonBlankColumn(QByteArrayView raw)
{
    qsizetype i = 0;
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t'))
        ++i;
    return int(i) + 1;
}

// Lines are counted from the paragraph start rather than taken from cmark's
// inline positions: cmark does not advance its line after a backslash hard
// break, and gives lazy continuation lines the paragraph's indent.
QList<Line> splitLines(const Node &paragraph, const PlanSource &source)
{
    QList<Line> lines;
    Line current;
    current.number = paragraph.startLine();
    current.column = paragraph.startColumn();
    int hiddenLineEndings = 0; // inside the current line's nodes
    for (Node n = paragraph.firstChild(); !n.isNull(); n = n.next()) {
        if (n.type() == Type::SoftBreak || n.type() == Type::LineBreak) {
            lines.append(current);
            const int nextNumber = current.number + hiddenLineEndings + 1;
            current = Line{};
            current.number = nextNumber;
            current.column = firstNonBlankColumn(source.line(nextNumber));
            current.hardBreakBefore = n.type() == Type::LineBreak;
            hiddenLineEndings = 0;
            continue;
        }
        current.nodes.append(n);
        hiddenLineEndings += lineEndingsInside(n);
    }
    if (!current.nodes.isEmpty())
        lines.append(current);
    return lines;
}

void appendInline(const Node &node, Field &field, QString &out, int depth = 0)
{
    if (depth > MaxDepth)
        return;
    switch (node.type()) {
    case Type::Text: {
        const QString text = node.literal();
        if (!text.trimmed().isEmpty())
            field.textOutsideCode = true;
        out += text;
        break;
    }
    case Type::Code:
        out += node.literal();
        field.commands.append(node.literal());
        break;
    case Type::SoftBreak:
        out += QLatin1Char(' ');
        break;
    case Type::LineBreak:
        out += QLatin1Char('\n');
        break;
    case Type::HtmlInline:
        break;
    default:
        for (Node child = node.firstChild(); !child.isNull(); child = child.next())
            appendInline(child, field, out, depth + 1);
        break;
    }
}

struct KeyMatch
{
    QString key;
    QString firstText;       // what follows the colon in the key's own node
    qsizetype firstNode = 0; // first node of the line after the key
    int column = 0;          // of the key in the source line
};

// Where the key starts in the source. Searching the raw line is needed
// because a continuation line's prefix ("> ", list indent) is not in the AST.
int keyColumn(const Line &line, const QString &key, const PlanSource &source)
{
    const QByteArrayView raw = source.line(line.number);
    const qsizetype from = qBound(qsizetype(0), qsizetype(line.column - 1), raw.size());
    const qsizetype at = raw.indexOf(key.toUtf8(), from);
    return at >= 0 ? int(at) + 1 : line.column;
}

// The escaped colon in "Note\: text" keeps a line prose; cmark hides the
// backslash, so look at the source.
bool colonIsEscaped(int lineNumber, int column, const PlanSource &source)
{
    const QByteArrayView raw = source.line(lineNumber);
    const qsizetype colon = raw.indexOf(':', qMax(0, column - 1));
    return colon > 0 && raw[colon - 1] == '\\';
}

std::optional<KeyMatch> matchKey(const Line &line, const PlanSource &source)
{
    if (line.nodes.isEmpty())
        return std::nullopt;
    const Node first = line.nodes.first();
    std::optional<KeyMatch> match;
    if (first.type() == Type::Text) {
        const QString text = first.literal();
        const QRegularExpressionMatch m = keyAtStart().match(text);
        if (m.hasMatch())
            match = KeyMatch{m.captured(1), text.mid(m.capturedEnd(0)), 1};
    } else if (first.type() == Type::Strong || first.type() == Type::Emph) {
        const QRegularExpressionMatch m = wholeKey().match(first.plainText());
        if (m.hasMatch() && !m.captured(2).isEmpty()) {
            match = KeyMatch{m.captured(1), QString(), 1}; // **Key:** value
        } else if (m.hasMatch() && line.nodes.size() > 1 && line.nodes[1].type() == Type::Text) {
            const QString after = line.nodes[1].literal(); // **Key**: value
            if (after.startsWith(QLatin1Char(':')) && (after.size() == 1 || after[1].isSpace()))
                match = KeyMatch{m.captured(1), after.mid(1), 2};
        }
    }
    if (!match)
        return std::nullopt;
    match->column = keyColumn(line, match->key, source);
    if (colonIsEscaped(line.number, match->column, source))
        return std::nullopt;
    return match;
}

// Where the value starts in the source: after the key's colon and any
// closing emphasis markers and blanks; the key itself when there is no value.
int valueColumnOf(int lineNumber, int keyColumn, const PlanSource &source)
{
    const QByteArrayView raw = source.line(lineNumber);
    qsizetype pos = raw.indexOf(':', qMax(0, keyColumn - 1));
    if (pos < 0)
        return keyColumn;
    ++pos;
    while (pos < raw.size() && (raw[pos] == '*' || raw[pos] == '_'))
        ++pos;
    while (pos < raw.size() && (raw[pos] == ' ' || raw[pos] == '\t'))
        ++pos;
    return pos < raw.size() ? int(pos) + 1 : keyColumn;
}

class SectionReader
{
public:
    explicit SectionReader(const PlanSource &source) : m_source(source) {}

    void readBlocks(const QList<Node> &blocks, int depth = 0)
    {
        if (depth > MaxDepth)
            return;
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            const Node block = blocks[i];
            switch (block.type()) {
            case Type::Paragraph: {
                const qsizetype before = m_content.fields.size();
                readParagraph(block);
                const bool endsWithEmptyField = m_content.fields.size() > before
                                                && m_content.fields.last().value.isEmpty();
                if (endsWithEmptyField)
                    i = takeFollowingBlocks(blocks, i);
                break;
            }
            case Type::List:
                if (isFieldList(block)) {
                    for (Node item = block.firstChild(); !item.isNull(); item = item.next())
                        readBlocks(children(item), depth + 1);
                } else {
                    addProse(block, blockText(block));
                }
                break;
            case Type::HtmlBlock:
                break; // comments and markup are not plan content
            default:
                addProse(block, blockText(block));
                break;
            }
        }
    }

    SectionContent take() { return std::move(m_content); }

private:
    static QList<Node> children(const Node &node)
    {
        QList<Node> result;
        for (Node c = node.firstChild(); !c.isNull(); c = c.next())
            result.append(c);
        return result;
    }

    void addProse(const Node &block, const QString &text, int line = 0, int column = 0)
    {
        m_content.prose.append(Prose{block, text, line ? line : block.startLine(),
                                     column ? column : block.startColumn()});
    }

    bool isFieldList(const Node &list) const
    {
        for (Node item = list.firstChild(); !item.isNull(); item = item.next()) {
            const Node first = item.firstChild();
            if (first.type() != Type::Paragraph)
                continue;
            const QList<Line> lines = splitLines(first, m_source);
            if (!lines.isEmpty() && matchKey(lines.first(), m_source))
                return true;
        }
        return false;
    }

    // Reads the lines of `paragraph` from `firstLine` (0-based) on.
    void readParagraph(const Node &paragraph, qsizetype firstLine = 0)
    {
        QStringList proseLines;
        int proseLine = 0;
        int proseColumn = 0;
        qsizetype current = -1;
        const QList<Line> lines = splitLines(paragraph, m_source);
        for (qsizetype i = firstLine; i < lines.size(); ++i) {
            const Line &line = lines[i];
            if (const std::optional<KeyMatch> key = matchKey(line, m_source)) {
                finish(current);
                Field field;
                field.key = key->key;
                field.name = normalizeKey(key->key);
                field.line = line.number;
                field.column = key->column;
                if (!key->firstText.trimmed().isEmpty())
                    field.textOutsideCode = true;
                field.value = key->firstText;
                for (qsizetype i = key->firstNode; i < line.nodes.size(); ++i)
                    appendInline(line.nodes[i], field, field.value);
                field.valueLine = line.number;
                field.valueColumn = valueColumnOf(line.number, key->column, m_source);
                m_content.fields.append(field);
                current = m_content.fields.size() - 1;
                continue;
            }
            Field scratch;
            QString text;
            for (const Node &n : line.nodes)
                appendInline(n, scratch, text);
            if (current >= 0) {
                Field &field = m_content.fields[current];
                field.value += (line.hardBreakBefore ? QLatin1Char('\n') : QLatin1Char(' ')) + text;
                field.commands += scratch.commands;
                field.textOutsideCode = field.textOutsideCode || scratch.textOutsideCode;
            } else {
                if (proseLines.isEmpty()) {
                    proseLine = line.number;
                    proseColumn = line.column;
                }
                proseLines.append(text.trimmed());
            }
        }
        finish(current);
        if (!proseLines.isEmpty())
            addProse(paragraph, proseLines.join(QLatin1Char(' ')), proseLine, proseColumn);
    }

    void finish(qsizetype index)
    {
        if (index >= 0)
            m_content.fields[index].value = m_content.fields[index].value.trimmed();
    }

    // Lets an empty field at the end of blocks[index] take the blocks after
    // it; returns the index of the last block taken.
    qsizetype takeFollowingBlocks(const QList<Node> &blocks, qsizetype index)
    {
        while (index + 1 < blocks.size() && !m_content.fields.isEmpty()
               && m_content.fields.last().value.isEmpty()
               && takeFollowingBlock(m_content.fields.size() - 1, blocks[index + 1]))
            ++index;
        return index;
    }

    // "Check:" alone on its line takes the code block below it; any other
    // key alone on its line takes the list below it ("Done when:" + bullets).
    bool takeFollowingBlock(qsizetype fieldIndex, const Node &next)
    {
        Field &field = m_content.fields[fieldIndex];
        const bool isCheck = field.name == QLatin1String("check");
        if (isCheck && next.type() == Type::CodeBlock) {
            field.value = next.literal().trimmed();
            field.commands = QStringList{field.value};
            field.textOutsideCode = false;
        } else if (!isCheck && next.type() == Type::List && !isFieldList(next)) {
            field.value = listValue(next);
            field.textOutsideCode = !field.value.isEmpty();
        } else {
            return false;
        }
        field.valueLine = next.startLine();
        field.valueColumn = next.startColumn();
        readLazyFields(next);
        return true;
    }

    // A list taken as a value: one line per item. An item's lines from the
    // first "Key:" line on are not part of it (see readLazyFields).
    QString listValue(const Node &list) const
    {
        QStringList items;
        for (Node item = list.firstChild(); !item.isNull(); item = item.next()) {
            const Node first = item.firstChild();
            const QList<Line> lines = first.type() == Type::Paragraph ? splitLines(first, m_source) : QList<Line>();
            const qsizetype keyLine = firstKeyLine(lines);
            QString text;
            if (keyLine < lines.size()) {
                Field scratch;
                for (qsizetype i = 0; i < keyLine; ++i) {
                    for (const Node &n : lines[i].nodes)
                        appendInline(n, scratch, text);
                    text += QLatin1Char(' ');
                }
            } else {
                text = blockText(item);
            }
            text = text.trimmed();
            if (!text.isEmpty())
                items.append(text);
        }
        return items.join(QLatin1Char('\n'));
    }

    // Without a blank line after a list, the next "Key:" line continues the
    // list's last item in Markdown; an author means it as the next field.
    void readLazyFields(const Node &list)
    {
        for (Node item = list.firstChild(); !item.isNull(); item = item.next()) {
            const Node first = item.firstChild();
            if (first.type() != Type::Paragraph)
                continue;
            const qsizetype keyLine = firstKeyLine(splitLines(first, m_source));
            readParagraph(first, keyLine);
        }
    }

    // Index of the first line after the first that starts with a key, or
    // lines.size() when there is none.
    qsizetype firstKeyLine(const QList<Line> &lines) const
    {
        qsizetype index = 1;
        while (index < lines.size() && !matchKey(lines[index], m_source))
            ++index;
        return std::min(index, lines.size());
    }

    const PlanSource &m_source;
    SectionContent m_content;
};

} // namespace

SectionContent readSection(const QList<Node> &blocks, const PlanSource &source)
{
    SectionReader reader(source);
    reader.readBlocks(blocks);
    return reader.take();
}

QString normalizeKey(const QString &key)
{
    QString name;
    bool pendingSpace = false;
    for (const QChar c : key) {
        if (c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('_')) {
            pendingSpace = !name.isEmpty();
            continue;
        }
        if (pendingSpace)
            name += QLatin1Char(' ');
        pendingSpace = false;
        name += c.toLower();
    }
    return name;
}

namespace {

QString blockTextAt(const Node &block, int depth)
{
    if (depth > MaxDepth)
        return {};
    switch (block.type()) {
    case Type::Paragraph: {
        Field scratch;
        QString text;
        for (Node n = block.firstChild(); !n.isNull(); n = n.next())
            appendInline(n, scratch, text);
        return text.trimmed();
    }
    case Type::Heading:
        return block.plainText().trimmed();
    case Type::CodeBlock:
    case Type::HtmlBlock:
        return block.literal();
    case Type::List: {
        QStringList items;
        for (Node item = block.firstChild(); !item.isNull(); item = item.next())
            items.append(QStringLiteral("- ") + blockTextAt(item, depth + 1).replace(QLatin1Char('\n'), QLatin1Char(' ')));
        return items.join(QLatin1Char('\n'));
    }
    case Type::Item:
    case Type::BlockQuote:
    case Type::Document: {
        QStringList parts;
        for (Node c = block.firstChild(); !c.isNull(); c = c.next()) {
            const QString text = blockTextAt(c, depth + 1);
            if (!text.isEmpty())
                parts.append(text);
        }
        return parts.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

} // namespace

QString blockText(const Node &block)
{
    return blockTextAt(block, 0);
}

} // namespace devzero::plan::detail
