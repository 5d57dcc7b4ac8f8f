#pragma once

// Brings one source's index to a commit. Against the previous revision it
// diffs trees (identical subtrees skipped by id), so only changed pages are
// read and parsed; a page version (path, blob) already in the index is
// reused, never parsed again. The caller owns the transaction: any error
// or cancel rolls everything back.

#include "sessions/common/result.h"
#include "sessions/docindex/docindextypes.h"

#include <atomic>

namespace devzero::docindex {

class GitRepository;
class SqliteConnection;
struct SourceRow;

class Indexer
{
public:
    Indexer(SqliteConnection &db, const GitRepository &repo, SourceRow &row, const ProgressCallback &progress,
            const std::atomic_bool *cancel);

    // Indexes commitId as the source's new current revision and saves row.
    Result<IndexStats> run(const QString &commitId);

private:
    Result<void> closeCurrentPages(qint64 lastSeq);
    Result<QStringList> currentPagePaths();
    void report(Progress::Stage stage, qint64 done, qint64 total, const QString &message = {});
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    SqliteConnection &m_db;
    const GitRepository &m_repo;
    SourceRow &m_row;
    const ProgressCallback &m_progress;
    const std::atomic_bool *m_cancel;
};

} // namespace devzero::docindex
