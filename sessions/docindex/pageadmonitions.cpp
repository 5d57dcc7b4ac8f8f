#include "sessions/docindex/pageadmonitions.h"

#include <QList>

#include <cctype>

namespace devzero::docindex {

namespace {

qsizetype indentOf(QByteArrayView line)
{
    qsizetype n = 0;
    while (n < line.size() && line[n] == ' ')
        ++n;
    return n;
}

bool isBlank(QByteArrayView line)
{
    for (char c : line)
        if (c != ' ' && c != '\t')
            return false;
    return true;
}

// "!!! note", "??? tip \"Title\"", "???+ warning", "=== \"Tab\"": the
// marker at `text` (indentation already skipped), or 0.
qsizetype markerLength(QByteArrayView text)
{
    if (text.startsWith("!!! ") || text.startsWith("??? "))
        return 4;
    if (text.startsWith("???+ "))
        return 5;
    if (text.startsWith("=== \"") || text.startsWith("=== '"))
        return 4;
    return 0;
}

// ":::tip", ":::note Title", ":::info[Title]", ":::": the title, or null
// when the line is not a Docusaurus admonition fence.
QByteArrayView docusaurusFence(QByteArrayView text, bool *isFenceLine)
{
    *isFenceLine = false;
    if (!text.startsWith(":::"))
        return {};
    qsizetype i = 3;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '-' || text[i] == '_'))
        ++i;
    QByteArrayView rest = text.sliced(i).trimmed();
    if (rest.startsWith('[') && rest.endsWith(']'))
        rest = rest.sliced(1, rest.size() - 2);
    else if (rest.startsWith('{') || rest.contains(":::"))
        return {}; // ":::{...}" or prose that merely starts with colons
    *isFenceLine = true;
    return rest.isEmpty() ? QByteArrayView("") : rest;
}

bool isFence(QByteArrayView text)
{
    return text.startsWith("```") || text.startsWith("~~~");
}

// The quoted title after the marker ('!!! note "Title"' -> "Title").
QByteArrayView titleOf(QByteArrayView rest)
{
    for (const char quote : {'"', '\''}) {
        const qsizetype open = rest.indexOf(quote);
        if (open < 0)
            continue;
        const qsizetype close = rest.indexOf(quote, open + 1);
        if (close > open)
            return rest.sliced(open + 1, close - open - 1);
    }
    return {};
}

bool hasMarker(const QByteArray &body)
{
    qsizetype start = 0;
    while (start < body.size()) {
        qsizetype i = start;
        while (i < body.size() && body[i] == ' ')
            ++i;
        if (i < body.size() && (body[i] == '!' || body[i] == '?' || body[i] == '=')
            && markerLength(QByteArrayView(body).sliced(i)) > 0)
            return true;
        if (i + 2 < body.size() && body[i] == ':' && body[i + 1] == ':' && body[i + 2] == ':')
            return true;
        const qsizetype next = body.indexOf('\n', i);
        if (next < 0)
            return false;
        start = next + 1;
    }
    return false;
}

} // namespace

QByteArray dedentAdmonitions(const QByteArray &body)
{
    if (!hasMarker(body))
        return body;
    QByteArray out;
    out.reserve(body.size());
    QList<qsizetype> contentIndents; // of the open admonitions, innermost last
    bool inFence = false;
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf('\n', start);
        const bool last = end < 0;
        if (last)
            end = body.size();
        QByteArrayView line = QByteArrayView(body).sliced(start, end - start);
        if (!isBlank(line)) {
            const qsizetype indent = indentOf(line);
            while (!contentIndents.isEmpty() && indent < contentIndents.last() && !inFence)
                contentIndents.removeLast();
            const qsizetype dedent = qMin(indent, 4 * contentIndents.size());
            line = line.sliced(dedent);
            const QByteArrayView text = line.sliced(indentOf(line));
            if (isFence(text))
                inFence = !inFence;
            const qsizetype marker = inFence ? 0 : markerLength(text);
            bool docusaurus = false;
            const QByteArrayView docusaurusTitle = inFence ? QByteArrayView() : docusaurusFence(text, &docusaurus);
            if (marker > 0) {
                contentIndents.append(indent + 4);
                line = titleOf(text.sliced(marker));
            } else if (docusaurus) {
                line = docusaurusTitle;
            }
        }
        out.append(line);
        if (last)
            break;
        out.append('\n');
        start = end + 1;
    }
    return out;
}

} // namespace devzero::docindex
