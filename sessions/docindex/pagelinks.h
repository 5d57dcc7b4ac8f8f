#pragma once

// Classifies a link target and resolves relative ones against the page's
// folder. Whether the target page or anchor exists is the indexer's job.

#include "sessions/docindex/parsedpage.h"

#include <QStringView>

namespace devzero::docindex {

// Relative: `path` is the normalised repository path ("docs/user-guide/x.md";
// a leading '/' means the repository root; no trailing '/'), `anchor` the
// percent-decoded fragment. A link that climbs above the root has
// escapesRepository set and an empty `path`. Anchor: `path` is the page
// itself. External: http(s) and protocol-relative "//host" with `host`
// lower-cased. Everything else (mailto:, tel:, ftp:, data:, ...) is Other.
Link classifyLink(const QString &target, const QString &pagePath);

// Bare http:// and https:// URLs in prose text (cmark leaves them as text),
// as External links, trailing sentence punctuation not included.
void findBareUrls(QStringView text, int line, QList<Link> &out);

} // namespace devzero::docindex
