// URL to page: the pure half of DocIndex::resolveUrl (the URL a tester
// pasted, reduced to keys and candidate page paths; the SQL lookups are left
// out) and link classification. Input lines: a URL or link target, a docs
// root, a page path.

#include "sessions/docindex/pagelinks.h"
#include "sessions/docindex/siteurls.h"
#include "tests/fuzz/fuzzcheck.h"

#include <QUrl>

using namespace devzero;
using namespace devzero::docindex;

namespace {

// Some candidate of a key maps back to the key: a page found for a URL is a
// page whose own key is the URL's.
void checkCandidates(const QString &key, const QString &docsRoot)
{
    const QStringList candidates = pageCandidates(key, docsRoot);
    FUZZ_CHECK(!candidates.isEmpty(), "every key has candidates");
    if (key.startsWith(QLatin1Char('/')) || key.endsWith(QLatin1Char('/')) || docsRoot.endsWith(QLatin1Char('/')))
        return; // not a key normaliseUrlPath can make from split segments
    bool back = false;
    for (const QString &candidate : candidates)
        back = back || siteKey(candidate, docsRoot) == key;
    FUZZ_CHECK(back, "a candidate page has the key it was found for");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QStringList lines = fuzz::text(data, size).split(QLatin1Char('\n'));
    const QString input = lines.value(0);
    const QString docsRoot = lines.value(1);
    const QString pagePath = lines.value(2);

    const QUrl url(input.trimmed(), QUrl::TolerantMode);
    if (url.isValid()) {
        (void)url.fragment(QUrl::FullyDecoded);
        const QStringList segments = url.path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        const int versionLength = versionPrefixLength(segments);
        FUZZ_CHECK(versionLength >= 0 && versionLength <= qMin<qsizetype>(2, segments.size()),
                   "a version prefix is 0, 1 or 2 of the segments");
        for (qsizetype skip = 0; skip <= segments.size(); ++skip) {
            const QString key = normaliseUrlPath(segments.mid(skip).join(QLatin1Char('/')));
            FUZZ_CHECK(!key.startsWith(QLatin1Char('/')), "a key has no leading '/'");
            checkCandidates(key, docsRoot);
        }
    }

    (void)siteKey(pagePath, docsRoot);
    (void)repositoryKey(pagePath);

    const Link link = classifyLink(input, pagePath);
    FUZZ_CHECK(link.target == input, "a link keeps its target as written");
    if (link.kind == Link::Kind::External)
        FUZZ_CHECK(link.host == link.host.toLower(), "hosts are lower-case");
    if (link.kind == Link::Kind::Relative) {
        FUZZ_CHECK(!link.escapesRepository || link.path.isEmpty(), "an escaping link names no path");
        // Page paths come from a git tree: only a clean one promises a clean result.
        const QStringList pageSegments = pagePath.split(QLatin1Char('/'));
        const bool cleanPage = !pageSegments.contains(QStringLiteral("..")) && !pageSegments.contains(QStringLiteral("."));
        // An empty path is the repository root ("../" from a top-level folder).
        if (cleanPage && !link.escapesRepository && !link.path.isEmpty() && link.path != pagePath) {
            for (const QStringView segment : QStringView(link.path).split(QLatin1Char('/')))
                FUZZ_CHECK(!segment.isEmpty() && segment != u".." && segment != u".",
                           "a resolved path has no empty, '.' or '..' segment");
        }
    }
    QList<Link> bare;
    findBareUrls(input, 1, bare);
    for (const Link &l : std::as_const(bare)) {
        FUZZ_CHECK(l.kind == Link::Kind::External, "bare URLs are external");
        FUZZ_CHECK(input.contains(l.target), "a bare URL is text of the input");
    }
    return 0;
}
