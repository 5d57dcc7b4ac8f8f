#pragma once

// The static hidden-assumption rules: what an insider no longer sees in a
// docs page (a tool everybody "just has", an acronym nobody defines, a token
// whose origin is never explained, a step that relies on another page ...).
// They read the parsed pages of one docs repository and return flags, most
// important first. Precision beats volume: each rule stays silent when in
// doubt, fires once per term per page (at its first problematic use), and
// never looks inside code for prose problems.
//
// The reading path of a page is the page, the pages its prerequisites
// section ("Prerequisites", "Before you begin", "Requirements", "What you
// need") links, and, for terms, any glossary page it links.

#include "sessions/analysis/docsconfig.h"
#include "sessions/analysis/flag.h"
#include "sessions/docindex/parsedpage.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

namespace devzero::analysis {

struct RuleInfo
{
    QString id;          // "undeclared-tool"
    QString title;       // "Undeclared tool"
    QString explanation; // one line a docs owner understands
    Severity defaultSeverity = Severity::Warning;
};

// Every rule, in a stable order (the order of `devzero lint-docs` help and SARIF).
const QList<RuleInfo> &rules();
const RuleInfo *findRule(const QString &id);

// One page to check. The prose rules need exact lines and columns of the
// prose, which ParsedPage does not keep, so the page's bytes come along.
struct RulePage
{
    docindex::ParsedPage parsed;
    QByteArray content;  // the file as stored (front matter included)
    QString blobId;      // copied to its flags; empty for a working tree
};

// parsePage() plus the bytes. `path` is the repository path ("docs/x.md").
RulePage makeRulePage(const QString &path, const QByteArray &content, const QString &blobId = {});

// Runs every rule over the pages of one repository. `existingPaths` holds
// every file (and folder) of the repository as repository paths, so that a
// link to an image or a YAML file is not reported as broken; the pages
// themselves count as existing. Flags come back sorted (sortFlags).
QList<Flag> runRules(const QList<RulePage> &pages, const DocsConfig &config, const QSet<QString> &existingPaths);

// error 3, warning 2, info 1.
double severityWeight(Severity severity);
// Highest staticScore first, then path, then line, then rule id.
void sortFlags(QList<Flag> &flags);

} // namespace devzero::analysis
