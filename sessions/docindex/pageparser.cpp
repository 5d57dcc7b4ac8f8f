#include "sessions/docindex/parsedpage.h"

#include "sessions/docindex/frontmatter.h"
#include "sessions/docindex/mdx.h"
#include "sessions/docindex/pageadmonitions.h"
#include "sessions/docindex/pagebuilder.h"
#include "sessions/docindex/pageinput.h"

#include "sessions/common/logging.h"

using namespace Qt::StringLiterals;

namespace devzero::docindex {

namespace {

QString fileTitle(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    QString name = path.mid(slash + 1);
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot > 0)
        name.truncate(dot);
    return name;
}

} // namespace

ParsedPage parsePage(const QString &path, QByteArrayView content)
{
    ParsedPage page;
    page.path = path;

    const PageInput input = preparePageInput(content);
    page.lineCount = input.lineCount;
    if (input.binary) {
        page.binary = true;
        page.warnings.append(u"binary content (NUL byte at line %1): not parsed"_s.arg(input.nulLine));
        qCDebug(lcDocIndex) << path << "is binary";
        return page;
    }
    if (input.invalidBytes > 0) {
        page.invalidUtf8 = true;
        page.warnings.append(u"not valid UTF-8: replaced %1 %2, first at line %3"_s.arg(input.invalidBytes)
                                 .arg(input.invalidBytes == 1 ? u"byte"_s : u"bytes"_s)
                                 .arg(input.firstInvalidLine));
    }

    const QByteArrayView text(input.text);
    const FrontMatter frontMatter = splitFrontMatter(text);
    if (!frontMatter.warning.isEmpty())
        page.warnings.append(frontMatter.warning);
    if (!frontMatter.format.isEmpty()) {
        page.frontMatter = frontMatter.raw.toByteArray();
        page.frontMatterFormat = frontMatter.format;
    }
    page.bodyStartLine = frontMatter.bodyStartLine;

    const bool mdx = path.endsWith(u".mdx", Qt::CaseInsensitive);
    const NeutralisedBody neutral = neutraliseMarkup(text.sliced(frontMatter.bodyOffset), mdx);
    const QByteArray body = dedentAdmonitions(neutral.text);

    PageBuilder builder(page, body, frontMatter.bodyStartLine - 1);
    builder.build();

    page.title = frontMatterTitle(frontMatter.raw, frontMatter.format);
    if (page.title.isEmpty())
        page.title = builder.firstHeading();
    if (page.title.isEmpty())
        page.title = fileTitle(path);
    return page;
}

} // namespace devzero::docindex
