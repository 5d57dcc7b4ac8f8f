#pragma once

// The prose of a page line by line, as the prose rules need it: exact file
// lines and columns, with everything that is not prose blanked out (code
// spans, URLs, link targets, HTML). ParsedPage keeps prose per section for
// search, without line positions, so the rules read the page again here with
// the same preparation steps as parsePage (UTF-8 repair, front matter, MDX and
// shortcodes, admonitions) and the one cmark adapter.

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace devzero::analysis {

struct ProseBlock
{
    enum class Kind { Paragraph, Heading };
    Kind kind = Kind::Paragraph;
    int level = 0;        // headings: 1..6
    int startLine = 0;    // file line of the first line
    QStringList prose;    // one entry per line: code spans, URLs, link targets, HTML blanked with spaces
    QStringList text;     // the same with the content of code spans kept (only the backticks blanked)
    bool inList = false;  // a paragraph inside a list item

    int endLine() const { return startLine + int(prose.size()) - 1; }
};

struct OrderedListSpan
{
    int startLine = 0;
    int endLine = 0;
};

// `<!-- devzero-ignore RULE [RULE...] -->` on a line of its own: the rules are
// off for the block that starts on the next line.
struct IgnoreDirective
{
    int firstLine = 0;
    int lastLine = 0;
    QStringList rules;
};

struct ProseFacts
{
    QStringList lines;                 // the file's lines (UTF-8 repaired); lines[0] is line 1
    QList<ProseBlock> blocks;          // in file order
    QList<OrderedListSpan> orderedLists; // outermost and nested ordered lists
    QList<IgnoreDirective> ignores;
    QStringList extraAnchors;          // id="x" / name="x" in raw HTML, {#x} / {: #x} attribute lists
    bool generatorMarker = false;      // a comment near the top says "generated" and "do not edit"
};

ProseFacts extractProse(const QString &path, QByteArrayView content);

// Blanks what is not prose in the Markdown source of one block (lines joined
// with '\n'), keeping every character position: code spans (or only their
// backticks when keepCode), images, link targets, reference definitions,
// autolinks, HTML tags (not angle placeholders such as <your-token>), bare
// URLs and attribute lists.
QString maskNonProse(const QString &source, bool keepCode);

} // namespace devzero::analysis
