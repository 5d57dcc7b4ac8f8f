#include "sessions/docindex/frontmatter.h"

#include <cctype>

using namespace Qt::StringLiterals;

namespace devzero::docindex {

namespace {

struct LineView
{
    QByteArrayView text; // without the '\n'
    qsizetype next = 0;  // offset of the following line
};

LineView lineAt(QByteArrayView text, qsizetype offset)
{
    qsizetype end = text.indexOf('\n', offset);
    if (end < 0)
        return {text.sliced(offset), text.size()};
    return {text.sliced(offset, end - offset), end + 1};
}

QByteArrayView trimmedRight(QByteArrayView line)
{
    while (!line.isEmpty() && (line.back() == ' ' || line.back() == '\t'))
        line.chop(1);
    return line;
}

bool isKeyLine(QByteArrayView line, char separator)
{
    // "key:" (YAML) or "key =" (TOML) at the start of a line, or a TOML table.
    if (separator == '=' && line.startsWith('['))
        return true;
    qsizetype i = 0;
    while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '-' || line[i] == '"' || line[i] == '\''))
        ++i;
    if (i == 0)
        return false;
    while (i < line.size() && line[i] == ' ')
        ++i;
    return i < line.size() && line[i] == separator;
}

QString unquoteDouble(QByteArrayView v)
{
    // v starts after the opening quote.
    QByteArray out;
    for (qsizetype i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (c == '"')
            break;
        if (c == '\\' && i + 1 < v.size()) {
            const char e = v[++i];
            out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            continue;
        }
        out.append(c);
    }
    return QString::fromUtf8(out);
}

QString unquoteSingle(QByteArrayView v)
{
    QByteArray out;
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (v[i] == '\'') {
            if (i + 1 < v.size() && v[i + 1] == '\'') {
                out.append('\'');
                ++i;
                continue;
            }
            break;
        }
        out.append(v[i]);
    }
    return QString::fromUtf8(out);
}

QString scalarValue(QByteArrayView value)
{
    value = value.trimmed();
    if (value.startsWith('"'))
        return unquoteDouble(value.sliced(1));
    if (value.startsWith('\''))
        return unquoteSingle(value.sliced(1));
    // A plain scalar ends at a comment.
    const qsizetype hash = value.indexOf(" #");
    if (hash >= 0)
        value = value.first(hash);
    return QString::fromUtf8(value.trimmed());
}

} // namespace

FrontMatter splitFrontMatter(QByteArrayView text)
{
    FrontMatter fm;
    if (text.size() < 3)
        return fm;
    const LineView first = lineAt(text, 0);
    const QByteArrayView fence = trimmedRight(first.text);
    const bool yaml = fence == "---";
    const bool toml = fence == "+++";
    if (!yaml && !toml)
        return fm;

    bool sawKey = false;
    bool firstIsKey = false;
    int line = 2;
    for (qsizetype offset = first.next; offset < text.size(); ++line) {
        const LineView current = lineAt(text, offset);
        const QByteArrayView content = trimmedRight(current.text);
        const bool closes = yaml ? (content == "---" || content == "...") : content == "+++";
        if (closes) {
            if (!sawKey && !(offset == first.next)) {
                // "---" text "---" without any key is two thematic breaks.
                return fm;
            }
            fm.raw = text.sliced(first.next, offset - first.next);
            fm.format = yaml ? u"yaml"_s : u"toml"_s;
            fm.bodyOffset = current.next;
            fm.bodyStartLine = line + 1;
            return fm;
        }
        const bool key = isKeyLine(current.text, yaml ? ':' : '=');
        firstIsKey = firstIsKey || (key && line == 2);
        sawKey = sawKey || key;
        offset = current.next;
    }
    // Only warn when it clearly started as front matter, not for a page that
    // opens with a thematic break.
    if (firstIsKey)
        fm.warning = u"front matter opened at line 1 is never closed; read as Markdown"_s;
    return fm;
}

QString frontMatterTitle(QByteArrayView raw, const QString &format)
{
    const bool yaml = format == u"yaml";
    if (!yaml && format != u"toml")
        return {};
    const QByteArrayView key = yaml ? QByteArrayView("title:") : QByteArrayView("title");
    for (qsizetype offset = 0; offset < raw.size();) {
        const LineView current = lineAt(raw, offset);
        offset = current.next;
        if (!current.text.startsWith(key))
            continue;
        QByteArrayView rest = current.text.sliced(key.size());
        if (!yaml) {
            rest = rest.trimmed();
            if (!rest.startsWith('='))
                continue;
            return scalarValue(rest.sliced(1));
        }
        const QByteArrayView value = rest.trimmed();
        const bool block = value.startsWith('|') || value.startsWith('>');
        if (!value.isEmpty() && !block)
            return scalarValue(value);
        // Block scalar or a plain scalar on the next, indented lines.
        QByteArray joined;
        while (offset < raw.size()) {
            const LineView next = lineAt(raw, offset);
            if (!next.text.startsWith(' ') && !next.text.startsWith('\t') && !next.text.trimmed().isEmpty())
                break;
            offset = next.next;
            if (next.text.trimmed().isEmpty())
                continue;
            if (!joined.isEmpty())
                joined.append(' ');
            joined.append(next.text.trimmed());
        }
        return block ? QString::fromUtf8(joined) : scalarValue(joined);
    }
    return {};
}

} // namespace devzero::docindex
