#pragma once

// Neutralises site-generator syntax that is not Markdown, before cmark sees
// the page: Hugo shortcodes in every page, and in .mdx pages the ESM
// import/export blocks, JSX tags and {/* comments */}. Removed text keeps its
// line breaks, so every line number still matches the original file. Code
// blocks and code spans are left alone.

#include <QByteArray>
#include <QByteArrayView>

namespace devzero::docindex {

struct NeutralisedBody
{
    // Refers to the input bytes (no copy) when nothing changed.
    QByteArray text;
    bool changed = false;
};

// Shortcodes: "{{< ref "x.md" >}}" and "{{< relref ... >}}" become the path
// (so links written with them resolve), a "{{< highlight LANG >}}" pair on
// lines of its own becomes a code fence, every other shortcode tag is removed
// and the Markdown between paired tags stays.
//
// MDX: JSX tags are removed but the Markdown between them stays (the text of
// <TabItem> is prose and its code blocks are code), and the content of each
// JSX element is dedented, because MDX has no indented code blocks while
// cmark would read indented tab content as one. A tag-like "<API_KEY>" (no
// lower-case letter, not self-closing) is a placeholder, not JSX.
NeutralisedBody neutraliseMarkup(QByteArrayView body, bool mdx);

} // namespace devzero::docindex
