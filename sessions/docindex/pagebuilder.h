#pragma once

// Walks the cmark tree of a page body once and fills a ParsedPage: sections,
// links, code blocks and commands, inline code, env vars, placeholders,
// acronyms, definitions and the prose for search.

#include "sessions/docindex/anchors.h"
#include "sessions/docindex/pagedefinitions.h"
#include "sessions/docindex/parsedpage.h"

#include "sessions/markdown/markdowndocument.h"

#include <QByteArrayView>

namespace devzero::docindex {

class PageBuilder
{
public:
    // `body` is what cmark parses; its line 1 is file line `lineOffset + 1`.
    PageBuilder(ParsedPage &page, QByteArrayView body, int lineOffset);

    void build();

    // Text of the first heading (for the title), empty when there is none.
    QString firstHeading() const { return m_firstHeading; }

private:
    struct Run;
    struct Inlines;

    void heading(markdown::Node node);
    void paragraph(markdown::Node node);
    void codeBlock(markdown::Node node);
    void htmlBlock(markdown::Node node);

    Inlines collectInlines(markdown::Node block);
    void inlineFacts(Inlines &inlines); // moves the links out
    void ensureSection(); // the implicit level-0 section, for content before any heading
    void appendProse(const QString &text, bool toSection);
    void finishSections();

    QByteArrayView sourceLine(int bodyLine);
    int refDefinitionLines(markdown::Node paragraph, const Inlines &inlines);
    QList<int> codeSpanLineBreaks(markdown::Node block);

    ParsedPage &m_page;
    QByteArrayView m_body;
    int m_offset = 0;
    bool m_mayHaveRefDefinitions = false; // "]:" somewhere in the body
    AnchorRegistry m_anchors;
    QString m_firstHeading;
    QList<qsizetype> m_lineStarts; // of m_body, built on first use
    ProseBlock m_previousParagraph;
    bool m_hasPreviousParagraph = false;
};

} // namespace devzero::docindex
