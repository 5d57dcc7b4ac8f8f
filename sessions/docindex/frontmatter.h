#pragma once

// Front matter at the very top of a page: YAML between "---" lines (closed by
// "---" or "..."), TOML between "+++" lines.

#include <QByteArrayView>
#include <QString>

namespace devzero::docindex {

struct FrontMatter
{
    QByteArrayView raw;     // between the fences, without them
    QString format;         // "yaml", "toml", or empty when there is none
    qsizetype bodyOffset = 0; // byte offset of the body (after the closing fence line)
    int bodyStartLine = 1;  // 1-based line of the body's first line
    QString warning;        // e.g. an opening fence that is never closed
};

// A leading "---" that is not closed, or whose block has no "key:" line, is
// not front matter (it is a thematic break) and `format` stays empty.
FrontMatter splitFrontMatter(QByteArrayView text);

// The `title` key at the top level, unquoted; empty when absent.
QString frontMatterTitle(QByteArrayView raw, const QString &format);

} // namespace devzero::docindex
