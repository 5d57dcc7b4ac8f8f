#include "sessions/docindex/mdx.h"

#include <QList>

#include <cstring>

namespace devzero::docindex {

namespace {

// A construct longer than this is not what it looked like; the limits keep
// the scan linear on hostile input.
constexpr qsizetype kMaxTagBytes = 8192;
constexpr qsizetype kMaxShortcodeBytes = 4096;
constexpr qsizetype kMaxEsmLines = 200;

bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }

bool isBlank(QByteArrayView line)
{
    for (char c : line)
        if (!isSpace(c))
            return false;
    return true;
}

struct Fence
{
    char ch = 0;
    qsizetype length = 0;
    bool onlyFence = false; // nothing but the fence run on the line
};

Fence fenceIn(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && (isSpace(line[i]) || line[i] == '>'))
        ++i;
    if (i >= line.size() || (line[i] != '`' && line[i] != '~'))
        return {};
    const char c = line[i];
    qsizetype n = 0;
    while (i + n < line.size() && line[i + n] == c)
        ++n;
    if (n < 3)
        return {};
    const QByteArrayView rest = line.sliced(i + n);
    if (c == '`' && rest.contains('`'))
        return {};
    return {c, n, isBlank(rest)};
}

bool looksLikeEsm(QByteArrayView line)
{
    if (line.startsWith("import")) {
        const QByteArrayView rest = line.sliced(6);
        if (rest.isEmpty() || !(rest[0] == ' ' || rest[0] == '{' || rest[0] == '*'))
            return false;
        const QByteArrayView body = rest.trimmed();
        return body.startsWith('{') || body.startsWith('*') || body.startsWith('"') || body.startsWith('\'')
            || body.contains(" from ") || body.contains("from'") || body.contains("from\"");
    }
    if (line.startsWith("export ")) {
        const QByteArrayView body = line.sliced(7).trimmed();
        for (const char *word : {"const ", "let ", "var ", "function", "default ", "class ", "async ", "{", "*", "type ", "interface "})
            if (body.startsWith(word))
                return true;
    }
    return false;
}

class Neutraliser
{
public:
    Neutraliser(QByteArrayView in, bool mdx) : m_in(in), m_mdx(mdx) {}

    QByteArray run()
    {
        m_out.reserve(m_in.size());
        startLine();
        Fence fence;
        qsizetype pos = 0;
        while (pos < m_in.size()) {
            qsizetype lineEnd = m_in.indexOf('\n', pos);
            if (lineEnd < 0)
                lineEnd = m_in.size();
            const QByteArrayView line = m_in.sliced(pos, lineEnd - pos);
            if (fence.ch) {
                const Fence close = fenceIn(line);
                if (close.ch == fence.ch && close.length >= fence.length && close.onlyFence)
                    fence = {};
                else
                    m_lineCode.back() = true;
                m_out.append(line);
                pos = lineEnd;
            } else if (const Fence open = fenceIn(line); open.ch) {
                fence = open;
                m_out.append(line);
                pos = lineEnd;
            } else if (m_mdx && m_stack.isEmpty() && currentOutLineBlank() && previousLineBlank() && looksLikeEsm(line)) {
                pos = skipEsm(pos);
                continue;
            } else {
                pos = scanInline(pos);
            }
            if (pos < m_in.size()) {
                newLine();
                ++pos;
            }
        }
        if (m_mdx && m_nextElementId > 0)
            dedentElements();
        return m_out;
    }

private:
    struct Element
    {
        QByteArrayView name;
        int id = 0;
    };

    void startLine()
    {
        m_outLineStart = m_out.size();
        m_lineElement.append(m_stack.isEmpty() ? -1 : m_stack.last().id);
        m_lineCode.append(false);
    }

    void newLine()
    {
        m_prevLineBlank = isBlank(QByteArrayView(m_out).sliced(m_outLineStart));
        m_out.append('\n');
        startLine();
    }

    bool currentOutLineBlank() const { return isBlank(QByteArrayView(m_out).sliced(m_outLineStart)); }
    bool previousLineBlank() const { return m_lineElement.size() == 1 || m_prevLineBlank; }

    // Drops [from, to) but keeps its line breaks.
    void drop(qsizetype from, qsizetype to)
    {
        for (qsizetype i = from; i < to; ++i)
            if (m_in[i] == '\n')
                newLine();
    }

    qsizetype skipEsm(qsizetype pos)
    {
        int depth = 0;
        qsizetype lines = 0;
        while (pos < m_in.size()) {
            qsizetype lineEnd = m_in.indexOf('\n', pos);
            if (lineEnd < 0)
                lineEnd = m_in.size();
            const QByteArrayView line = m_in.sliced(pos, lineEnd - pos);
            if (isBlank(line) && (depth <= 0 || lines > kMaxEsmLines))
                return pos;
            for (char c : line) {
                depth += (c == '{' || c == '[' || c == '(');
                depth -= (c == '}' || c == ']' || c == ')');
            }
            ++lines;
            if (lineEnd >= m_in.size())
                return lineEnd;
            newLine();
            pos = lineEnd + 1;
        }
        return pos;
    }

    // Scans one line from `pos`; a construct may run over later lines.
    // Returns the offset of the '\n' that ends the line, or the input size.
    qsizetype scanInline(qsizetype i)
    {
        const qsizetype size = m_in.size();
        while (i < size && m_in[i] != '\n') {
            const char c = m_in[i];
            if (c == '\\' && i + 1 < size && m_in[i + 1] != '\n') {
                m_out.append(m_in.sliced(i, 2));
                i += 2;
                continue;
            }
            if (c == '`') {
                i = copyCodeSpan(i);
                continue;
            }
            if (c == '{' && i + 2 < size && m_in[i + 1] == '{' && (m_in[i + 2] == '<' || m_in[i + 2] == '%')) {
                if (const qsizetype end = shortcode(i); end > i) {
                    i = end;
                    continue;
                }
            }
            if (m_mdx && c == '{' && m_in.sliced(i).startsWith("{/*")) {
                if (const qsizetype end = jsxComment(i); end > i) {
                    i = end;
                    continue;
                }
            }
            if (m_mdx && c == '<' && i >= m_noJsxUntil) {
                if (const qsizetype end = jsxTag(i); end > i) {
                    i = end;
                    continue;
                }
            }
            m_out.append(c);
            ++i;
        }
        return i;
    }

    qsizetype copyCodeSpan(qsizetype i)
    {
        qsizetype n = 0;
        while (i + n < m_in.size() && m_in[i + n] == '`')
            ++n;
        qsizetype lineEnd = m_in.indexOf('\n', i);
        if (lineEnd < 0)
            lineEnd = m_in.size();
        for (qsizetype j = i + n; j < lineEnd;) {
            if (m_in[j] != '`') {
                ++j;
                continue;
            }
            qsizetype m = 0;
            while (j + m < lineEnd && m_in[j + m] == '`')
                ++m;
            if (m == n) {
                m_out.append(m_in.sliced(i, j + m - i));
                return j + m;
            }
            j += m;
        }
        m_out.append(m_in.sliced(i, n));
        return i + n;
    }

    qsizetype findCloser(QByteArrayView closer, qsizetype from, qsizetype &cache, qsizetype &noneFrom)
    {
        if (noneFrom >= 0 && from >= noneFrom)
            return -1;
        if (cache >= from)
            return cache;
        cache = m_in.indexOf(closer, from);
        if (cache < 0)
            noneFrom = from;
        return cache;
    }

    qsizetype shortcode(qsizetype i)
    {
        const bool angle = m_in[i + 2] == '<';
        const qsizetype end = angle ? findCloser(">}}", i + 3, m_angleCloser, m_noAngleCloser)
                                    : findCloser("%}}", i + 3, m_percentCloser, m_noPercentCloser);
        if (end < 0 || end - i > kMaxShortcodeBytes)
            return -1;
        const QByteArrayView inner = m_in.sliced(i + 3, end - i - 3).trimmed();
        qsizetype nameEnd = 0;
        while (nameEnd < inner.size() && !isSpace(inner[nameEnd]) && inner[nameEnd] != '\n')
            ++nameEnd;
        const QByteArrayView name = inner.first(nameEnd);
        const QByteArrayView args = inner.sliced(nameEnd).trimmed();
        if ((name == "ref" || name == "relref") && (args.startsWith('"') || args.startsWith('\''))) {
            const qsizetype close = args.indexOf(args[0], 1);
            if (close > 1 && !args.first(close).contains('\n'))
                m_out.append(args.sliced(1, close - 1));
        } else if ((name == "highlight" || name == "/highlight") && !inner.contains('\n') && currentOutLineBlank()) {
            m_out.append("```");
            qsizetype langEnd = 0;
            while (langEnd < args.size() && !isSpace(args[langEnd]))
                ++langEnd;
            if (name == "highlight")
                m_out.append(args.first(langEnd));
        }
        drop(i, end + 3);
        return end + 3;
    }

    qsizetype jsxComment(qsizetype i)
    {
        const qsizetype end = findCloser("*/}", i + 3, m_commentCloser, m_noCommentCloser);
        if (end < 0)
            return -1;
        drop(i, end + 3);
        return end + 3;
    }

    // Skips a string or {expression} starting at j; returns the offset after
    // it, or -1.
    qsizetype skipQuoted(qsizetype j, qsizetype limit) const
    {
        const char quote = m_in[j];
        for (++j; j < limit; ++j) {
            if (m_in[j] == '\\')
                ++j;
            else if (m_in[j] == quote)
                return j + 1;
        }
        return -1;
    }

    qsizetype skipExpression(qsizetype j, qsizetype limit) const
    {
        int depth = 0;
        while (j < limit) {
            const char c = m_in[j];
            if (c == '"' || c == '\'' || c == '`') {
                j = skipQuoted(j, limit);
                if (j < 0)
                    return -1;
                continue;
            }
            depth += (c == '{');
            depth -= (c == '}');
            ++j;
            if (depth == 0)
                return j;
        }
        return -1;
    }

    qsizetype jsxTag(qsizetype i)
    {
        const qsizetype size = m_in.size();
        if (i > 0 && (isAlnum(m_in[i - 1]) || m_in[i - 1] == '_'))
            return -1; // Map<String>: a generic, not a tag
        qsizetype j = i + 1;
        const bool closing = j < size && m_in[j] == '/';
        if (closing)
            ++j;
        if (j >= size || !(isUpper(m_in[j]) || m_in[j] == '>'))
            return -1;
        const qsizetype nameStart = j;
        while (j < size && (isAlnum(m_in[j]) || m_in[j] == '.' || m_in[j] == '_' || m_in[j] == '-' || m_in[j] == ':'))
            ++j;
        const QByteArrayView name = m_in.sliced(nameStart, j - nameStart);
        const qsizetype limit = qMin(size, i + kMaxTagBytes);
        qsizetype end = -1;
        bool selfClosing = false;
        while (j < limit) {
            const char c = m_in[j];
            if (c == '>') {
                end = j + 1;
                break;
            }
            if (c == '/' && j + 1 < size && m_in[j + 1] == '>') {
                selfClosing = true;
                end = j + 2;
                break;
            }
            if (c == '"' || c == '\'') {
                j = skipQuoted(j, limit);
            } else if (c == '{') {
                j = skipExpression(j, limit);
            } else if (isSpace(c) || c == '\n' || isAlnum(c) || c == '_' || c == '-' || c == ':' || c == '.' || c == '=') {
                ++j;
            } else {
                break;
            }
            if (j < 0)
                break;
        }
        if (end < 0) {
            if (j < 0 || j - i > 256)
                m_noJsxUntil = (j < 0 ? limit : j); // a long broken tag: read its text as text
            return -1;
        }
        bool hasLower = false;
        for (char c : name)
            hasLower = hasLower || isLower(c);
        if (!selfClosing && !hasLower && name.size() > 1)
            return -1; // <API_KEY>, <TOKEN>: placeholders in prose
        drop(i, end);
        if (closing) {
            for (qsizetype k = m_stack.size() - 1; k >= 0; --k) {
                if (m_stack[k].name == name) {
                    m_stack.resize(k);
                    break;
                }
            }
        } else if (!selfClosing) {
            m_stack.append({name, m_nextElementId++});
        }
        return end;
    }

    void dedentElements()
    {
        QList<qsizetype> lineStarts;
        lineStarts.reserve(m_lineElement.size());
        lineStarts.append(0);
        for (qsizetype i = 0; i < m_out.size(); ++i)
            if (m_out[i] == '\n')
                lineStarts.append(i + 1);
        auto indentOf = [&](qsizetype line) {
            const qsizetype start = lineStarts[line];
            const qsizetype end = line + 1 < lineStarts.size() ? lineStarts[line + 1] - 1 : m_out.size();
            qsizetype n = 0;
            while (start + n < end && isSpace(m_out[start + n]))
                ++n;
            return start + n == end ? qsizetype(-1) : n; // -1: blank
        };
        QList<qsizetype> minIndent(m_nextElementId, -1);
        const qsizetype lines = qMin(lineStarts.size(), m_lineElement.size());
        for (qsizetype line = 0; line < lines; ++line) {
            const int element = m_lineElement[line];
            if (element < 0 || m_lineCode[line])
                continue;
            const qsizetype indent = indentOf(line);
            if (indent >= 0 && (minIndent[element] < 0 || indent < minIndent[element]))
                minIndent[element] = indent;
        }
        QByteArray out;
        out.reserve(m_out.size());
        for (qsizetype line = 0; line < lineStarts.size(); ++line) {
            const qsizetype start = lineStarts[line];
            const qsizetype end = line + 1 < lineStarts.size() ? lineStarts[line + 1] : m_out.size();
            qsizetype skip = 0;
            const int element = line < lines ? m_lineElement[line] : -1;
            if (element >= 0 && minIndent[element] > 0) {
                while (skip < minIndent[element] && start + skip < end && isSpace(m_out[start + skip]))
                    ++skip;
            }
            out.append(QByteArrayView(m_out).sliced(start + skip, end - start - skip));
        }
        m_out = std::move(out);
    }

    QByteArrayView m_in;
    bool m_mdx = false;
    QByteArray m_out;
    qsizetype m_outLineStart = 0;
    bool m_prevLineBlank = true;
    QList<int> m_lineElement; // innermost open JSX element at each output line's start
    QList<bool> m_lineCode;   // output line is inside a fenced code block
    QList<Element> m_stack;
    int m_nextElementId = 0;
    qsizetype m_noJsxUntil = 0;
    qsizetype m_angleCloser = -1, m_noAngleCloser = -1;
    qsizetype m_percentCloser = -1, m_noPercentCloser = -1;
    qsizetype m_commentCloser = -1, m_noCommentCloser = -1;
};

bool hasShortcode(QByteArrayView body)
{
    const char *p = body.data();
    const char *end = p + body.size();
    while (p && end - p >= 3) {
        p = static_cast<const char *>(std::memchr(p, '{', size_t(end - p - 2)));
        if (!p)
            return false;
        if (p[1] == '{' && (p[2] == '<' || p[2] == '%'))
            return true;
        ++p;
    }
    return false;
}

} // namespace

NeutralisedBody neutraliseMarkup(QByteArrayView body, bool mdx)
{
    NeutralisedBody result;
    if (!mdx && !hasShortcode(body)) {
        result.text = QByteArray::fromRawData(body.data(), body.size());
        return result;
    }
    result.text = Neutraliser(body, mdx).run();
    result.changed = true;
    return result;
}

} // namespace devzero::docindex
