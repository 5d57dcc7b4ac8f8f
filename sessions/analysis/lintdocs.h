#pragma once

// `devzero lint-docs`: the static rules over a docs repository, in CI like
// Vale or markdownlint. Pages come from a working tree (a folder) or from a
// source of the docs index (its last indexed revision, read from git).
//
// Working tree: the repository root is the nearest folder, from PATH up,
// holding `.devzero.yml`, `.git` or `mkdocs.yml` (else PATH itself). Pages
// are the *.md, *.markdown and *.mdx files under PATH, or under mkdocs.yml's
// docs_dir when PATH is the root; hidden folders and node_modules are
// skipped. Paths in flags are relative to the root. PATH may also be one
// page: the whole docs folder is read (for prerequisites and links) and
// only that page's flags are returned.
//
// JSON output (lintJson) has the schema "devzero.lint/1":
//   { "schema": "devzero.lint/1", "tool": {"name", "version"}, "root", "pages",
//     "summary": {"error", "warning", "info", "total"},
//     "rules": [{"id", "title", "explanation", "severity"}],
//     "flags": [{"rule", "severity", "message", "explanation", "path", "line", "end_line",
//                "column", "anchor", "term", "excerpt", "generated", "score", "blob_id"}] }
// Flags are sorted by score (highest first), then path, then line. New
// fields may be added within version 1; renamed or removed ones bump it.

#include "sessions/analysis/docsconfig.h"
#include "sessions/analysis/flag.h"
#include "sessions/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace devzero::docindex {
class DocIndex;
}

namespace devzero::analysis {

inline constexpr char kLintSchema[] = "devzero.lint/1";

struct LintResult
{
    QString root;          // absolute repository root (working tree), or "source:NAME"
    QString pathPrefix;    // put before a flag's path to name the file from the current folder
    QList<Flag> flags;
    int pageCount = 0;     // pages read (the whole docs folder, even for one page)
    QStringList warnings;  // config warnings, pages skipped (too large, binary, unreadable)
    DocsConfig config;
};

// `configPath` empty: `.devzero.yml` at the root when it exists.
// Errors: PATH missing ("no such file or folder"), unreadable or invalid config.
Result<LintResult> lintWorkingTree(const QString &path, const QString &configPath = {});

// The source's pages at its last indexed revision. `configPath` empty: the
// `.devzero.yml` of that revision when it has one. `extraInternalHosts`
// (the app's settings) are added to the config's internal host patterns.
Result<LintResult> lintSource(docindex::DocIndex &index, const QString &source, const QString &configPath = {},
                              const QStringList &extraInternalHosts = {});

// True when a flag at or above `threshold` exists.
bool hasFlagAtLeast(const QList<Flag> &flags, Severity threshold);

QJsonObject flagJson(const Flag &flag);
QJsonObject lintJson(const LintResult &result, const QString &toolVersion);

} // namespace devzero::analysis
