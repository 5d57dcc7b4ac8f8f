#pragma once

// The values the docs index API takes and returns. Plain structs: they cross
// threads (a worker indexes, the UI shows) and serialise to JSON in the CLI.

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace devzero::docindex {

// Pages above this size are skipped with a warning: real docs pages are far
// smaller, and a generated 50 MB file would dominate the index and search.
inline constexpr qint64 kMaxPageBytes = 8 * 1024 * 1024;

// Markers around highlighted words in SearchResult::snippet.
inline constexpr char16_t kHighlightOpen[] = u"\u00ab";  // «
inline constexpr char16_t kHighlightClose[] = u"\u00bb"; // »

struct SourceSpec
{
    QString name;     // [A-Za-z0-9._-]+, unique in the index
    QString repo;     // local path, file:// URL, or a remote URL (https://, ssh://, git@)
    QString ref;      // branch, tag or commit; empty: the repository's default
    QString subdir;   // folder of the docs inside the repository; empty: everything
    QString siteUrl;  // published site root, e.g. https://docs.example.com/ (optional)
    bool clone = false; // clone even a local repository instead of reading it in place
};

struct SourceInfo
{
    QString name;
    QString repo;
    QString localPath;   // where the repository is read from
    QString ref;
    QString subdir;
    QString siteUrl;
    bool cloned = false; // the index owns localPath (a clone in the lab's data folder)
    QString commitId;    // last indexed commit
    QDateTime indexedAt;
    int pageCount = 0;
};

struct Progress
{
    enum class Stage { Cloning, Fetching, Reading, Parsing, History, Writing, Done };
    Stage stage = Stage::Reading;
    qint64 done = 0;
    qint64 total = 0; // 0 when unknown
    QString message;
};
using ProgressCallback = std::function<void(const Progress &)>;

QString stageName(Progress::Stage stage);

struct IndexStats
{
    QString source;
    QString commitId;
    QString previousCommitId;  // empty on a first index
    int pagesTotal = 0;        // pages at the indexed revision
    int pagesParsed = 0;       // blobs parsed in this run
    int pagesReused = 0;       // unchanged blobs taken from the index
    int pagesRemoved = 0;      // pages gone since the previous revision
    int pagesSkipped = 0;      // binary, too large, symlinks, submodules
    qint64 bytesParsed = 0;
    int commitsWalked = 0;     // history walk for last authors
    qint64 elapsedMs = 0;
    bool unchanged = false;    // the ref still pointed at the indexed commit
    QStringList warnings;      // "docs/big.md: skipped: ..." one per problem
    QStringList notes;         // "docs/vendor: submodule skipped"
    QList<QPair<QString, qint64>> phaseMs; // where the time went: ("parse", 120), ...
};

struct SearchOptions
{
    QString source; // only this source; empty: every source
    int limit = 20;
};

struct SearchResult
{
    QString source;
    QString path;
    QString anchor;   // section anchor; empty for the text before the first heading
    QString title;    // page title
    QString heading;  // section heading
    QString snippet;  // with kHighlightOpen/kHighlightClose around matches
    double score = 0; // higher is better (negated bm25)
    int startLine = 0;
    int endLine = 0;
};

struct PageSection
{
    QString anchor;
    QString heading;
    int level = 0;
    int startLine = 0;
    int endLine = 0;
};

struct PageLink
{
    enum class Status { Ok, BrokenFile, BrokenAnchor, EscapesRepository, OutsideIndex, External, Other };
    Status status = Status::Other;
    QString kind;        // "relative", "external", "anchor", "other"
    QString target;      // as written
    QString path;        // resolved repository path (relative links)
    QString anchor;
    QString host;        // external links
    QString text;
    int line = 0;
    bool image = false;  // ![alt](src): its target is a file, not a page
    bool broken() const
    {
        return status == Status::BrokenFile || status == Status::BrokenAnchor || status == Status::EscapesRepository;
    }
};
QString linkStatusName(PageLink::Status status);

struct PageCommand
{
    QString program;
    QString text;
    int line = 0;
};

struct PageTerm
{
    QString kind;    // "inline-code", "env", "env-assignment", "placeholder", "acronym", "definition"
    QString text;
    QString meaning; // definitions only
    int line = 0;    // first occurrence
    int count = 1;   // occurrences on the page
};

struct PageAuthor
{
    QString name;
    QString email;
    QString commitId;
    QDateTime time;
};

struct PageInfo
{
    QString source;
    QString path;
    QString blobId;
    QString commitId;   // the revision this answer describes
    QString title;
    int lineCount = 0;
    qint64 size = 0;
    QString frontMatterFormat;
    QStringList warnings;
    QString siteUrl;    // where the page is published, when known
    QList<PageSection> sections;
    QList<PageLink> links;
    QList<PageCommand> commands;
    QList<PageTerm> terms;
    QStringList owners;        // from CODEOWNERS, in file order
    QString ownersRule;        // "CODEOWNERS:12: /docs/** @team"
    QList<PageAuthor> authors; // newest first, at most 5

    QList<PageTerm> termsOf(const QString &kind) const;
};

struct ResolvedUrl
{
    QString source;
    QString path;
    QString anchor;      // from the URL's #fragment
    bool anchorFound = false;
    QString heading;     // the section the anchor names
    int startLine = 0;
    QString title;
    QString matchedBy;   // "mkdocs", "site-url", "path", "repository-path"
};

} // namespace devzero::docindex
