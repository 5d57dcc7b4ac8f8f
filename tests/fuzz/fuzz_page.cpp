// Markdown page ingestion on any bytes: front matter, MDX and shortcode
// neutralising, cmark, links, anchors. The first byte picks the page's path
// (and so whether it is read as MDX); the rest is the file.

#include "sessions/docindex/frontmatter.h"
#include "sessions/docindex/mdx.h"
#include "sessions/docindex/parsedpage.h"
#include "tests/fuzz/fuzzcheck.h"

using namespace devzero;
using namespace devzero::docindex;

namespace {

void checkLink(const Link &link, int lineCount)
{
    FUZZ_CHECK(link.line >= 1 && link.line <= lineCount, "a link's line is in the file");
    if (link.kind != Link::Kind::Relative)
        return;
    FUZZ_CHECK(!link.escapesRepository || link.path.isEmpty(), "an escaping link names no path");
    FUZZ_CHECK(!link.path.endsWith(QLatin1Char('/')), "a resolved path has no trailing '/'");
    for (const QStringView segment : QStringView(link.path).split(QLatin1Char('/'))) {
        FUZZ_CHECK(segment != u".." && segment != u".", "a resolved path has no '.' or '..'");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const QString paths[] = {QStringLiteral("docs/guide/page.md"), QStringLiteral("docs/tabs/page.mdx"),
                                    QStringLiteral("README.md"), QStringLiteral("a/b/c/deep.markdown")};
    const QString path = paths[data[0] % 4];
    const QByteArrayView content = fuzz::bytes(data + 1, size - 1);

    // The pieces on their own: front matter bounds, line-keeping neutralising.
    const FrontMatter fm = splitFrontMatter(content);
    FUZZ_CHECK(fm.bodyOffset >= 0 && fm.bodyOffset <= content.size(), "the body starts inside the text");
    FUZZ_CHECK(fm.raw.isEmpty() || (fm.raw.data() >= content.data() && fm.raw.data() + fm.raw.size() <= content.data() + content.size()),
               "raw front matter is a view into the text");
    FUZZ_CHECK(fm.bodyStartLine >= 1, "the body has a line");
    (void)frontMatterTitle(fm.raw, fm.format);
    const QByteArrayView body = content.sliced(fm.bodyOffset);
    const NeutralisedBody neutral = neutraliseMarkup(body, path.endsWith(QLatin1String(".mdx")));
    FUZZ_CHECK(neutral.text.count('\n') == body.count('\n'), "neutralising keeps every line break");

    const ParsedPage page = parsePage(path, content);
    FUZZ_CHECK(page.path == path, "the page keeps its path");
    FUZZ_CHECK(page.bodyStartLine >= 1, "the body has a line");
    if (page.binary) {
        FUZZ_CHECK(page.sections.isEmpty() && page.links.isEmpty(), "a binary page is empty");
        return 0;
    }
    for (const Section &s : page.sections) {
        FUZZ_CHECK(s.level >= 0 && s.level <= 6, "heading levels are 0..6");
        FUZZ_CHECK(s.startLine >= 1 && s.startLine <= s.endLine, "a section spans lines");
        FUZZ_CHECK(s.endLine <= qMax(page.lineCount, 1), "a section ends inside the file");
        if (s.level > 0) {
            // Anchors are stable: making one from an anchor changes nothing.
            const QString anchor = githubAnchor(s.heading);
            FUZZ_CHECK(githubAnchor(anchor) == anchor, "githubAnchor is idempotent");
        }
    }
    for (const Link &link : page.links)
        checkLink(link, page.lineCount);
    for (const Link &image : page.images)
        checkLink(image, page.lineCount);
    for (const CodeBlock &block : page.codeBlocks)
        FUZZ_CHECK(block.startLine >= 1 && block.startLine <= block.endLine, "a code block spans lines");
    return 0;
}
