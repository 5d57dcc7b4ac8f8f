#pragma once

// The docs index: git-hosted Markdown docs read with libgit2, parsed with
// cmark (parsePage), stored in a SQLite cache with FTS5 search. One object
// owns one connection; create one per thread (a worker indexes while the UI
// searches through its own DocIndex). Every write runs in one transaction:
// an error or a cancel leaves the previous good index untouched.
//
// A big index run parses pages on worker threads and walks the history on
// another (parsePage is called concurrently); progress callbacks are made
// on the calling thread. Lookups that find nothing fail with a message
// starting "no " ("no page ...", "no docs source ...", "no indexed page
// ..."), which the CLI maps to its not-found exit code.

#include "sessions/common/result.h"
#include "sessions/docindex/docindextypes.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <atomic>
#include <memory>

namespace devzero::docindex {

class SqliteConnection;
class GitRepository;
struct SourceRow;

class DocIndex
{
public:
    // Opens (creating when missing) the index file. Clones of remote
    // repositories go to clonesDir, by default "clones" beside the file.
    static Result<std::unique_ptr<DocIndex>> open(const QString &indexPath, const QString &clonesDir = {});
    ~DocIndex();
    DocIndex(const DocIndex &) = delete;
    DocIndex &operator=(const DocIndex &) = delete;

    QString indexPath() const { return m_indexPath; }
    QString clonesDir() const { return m_clonesDir; }

    // Registers and indexes a source. A local path or file:// URL is read in
    // place (unless spec.clone); anything else is cloned (bare) into
    // clonesDir/NAME. On failure nothing is registered and no clone is left.
    Result<IndexStats> addSource(const SourceSpec &spec, const ProgressCallback &progress = {},
                                 const std::atomic_bool *cancel = nullptr);
    // Fetches (clones only) and re-indexes the source's ref.
    Result<IndexStats> updateSource(const QString &name, const ProgressCallback &progress = {},
                                    const std::atomic_bool *cancel = nullptr);
    // Re-indexes the source's ref as the repository has it now (no fetch).
    Result<IndexStats> index(const QString &name, const ProgressCallback &progress = {},
                             const std::atomic_bool *cancel = nullptr);
    // Forgets the source and deletes its clone (never a repository read in place).
    Result<void> removeSource(const QString &name);

    Result<QList<SourceInfo>> sources();
    Result<SourceInfo> source(const QString &name);

    // Full-text search over the current revision of every source (or one).
    // No match is an empty list, not an error; odd input never is a syntax error.
    Result<QList<SearchResult>> search(const QString &query, const SearchOptions &options = {});

    // A page by "path" or "source:path" (path relative to the subdir also
    // accepted) at the current revision, or at a commit (full or abbreviated
    // id) indexed earlier.
    Result<PageInfo> page(const QString &page, const QString &source = {}, const QString &revision = {});

    // A docs-site URL (or repository URL, or path) to its page and anchor.
    Result<ResolvedUrl> resolveUrl(const QString &url, const QString &source = {});

    // The raw bytes of a page at the current or an earlier revision, read
    // from the repository (renderers show exactly what was indexed).
    Result<QByteArray> readPageBlob(const QString &page, const QString &source = {}, const QString &revision = {});

    // Paths of the pages of a source at its current revision, sorted.
    Result<QStringList> pages(const QString &name);

    // Which commits of a source were indexed, oldest first.
    Result<QStringList> revisions(const QString &name);

private:
    DocIndex() = default;
    Result<SourceRow> loadSource(const QString &name);
    Result<GitRepository *> repository(const SourceRow &row);
    Result<IndexStats> reindex(SourceRow &row, const ProgressCallback &progress, const std::atomic_bool *cancel);
    void checkpointIfLarge();
    struct PageRef;
    Result<PageRef> findPage(const QString &page, const QString &source, const QString &revision);

    QString m_indexPath;
    QString m_clonesDir;
    std::unique_ptr<SqliteConnection> m_db;
    QHash<QString, std::shared_ptr<GitRepository>> m_repositories; // by local path
};

} // namespace devzero::docindex
