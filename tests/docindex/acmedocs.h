#pragma once

// The "Acme platform" docs repository the docs index suites share: a small
// mkdocs site with history (four authors, a rename), a CODEOWNERS, broken
// links and anchors, duplicate and Unicode headings, front matter, MDX and
// pages in several scripts. Written for these tests; no corpus text.

#include <QString>
#include <QStringList>

namespace devzero::test {

class FixtureRepo;

struct AcmeDocs
{
    QStringList commits;  // oldest first
    int pageCount = 0;    // Markdown pages under docs/ at the last commit
};

// Builds the history into an empty FixtureRepo.
AcmeDocs buildAcmeDocs(FixtureRepo &repo);

} // namespace devzero::test
