#pragma once

// The one adapter around libgit2: nobody outside this adapter (this header,
// gitrepository.cpp, githistory.cpp, gitdetail.h) calls git_*.
// Reads trees and blobs straight from the object database (no checkout), so
// bare repositories work like any other. Object ids are 40-char hex strings.
// A GitRepository is used by one thread at a time; open one per thread.

#include "sessions/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

struct git_repository;

namespace devzero::docindex {

struct GitEntry
{
    enum class Kind { File, Executable, Symlink, Submodule, Tree, Other };
    QString path;   // repository path ("docs/intro.md")
    QString id;     // blob (or submodule commit) id
    Kind kind = Kind::File;

    bool isRegularFile() const { return kind == Kind::File || kind == Kind::Executable; }
};

struct GitChange
{
    enum class Status { Added, Deleted, Modified };
    Status status = Status::Modified;
    GitEntry oldEntry; // empty path when Added
    GitEntry newEntry; // empty path when Deleted
    const QString &path() const { return newEntry.path.isEmpty() ? oldEntry.path : newEntry.path; }
};

struct GitCommit
{
    QString id;
    QString authorName;
    QString authorEmail;
    qint64 authorTime = 0; // seconds since the epoch, UTC
    QString summary;
    int parentCount = 0;
};

struct GitTransfer
{
    qint64 receivedObjects = 0;
    qint64 totalObjects = 0;
    qint64 receivedBytes = 0;
};

using GitTransferCallback = std::function<void(const GitTransfer &)>;

class GitRepository
{
public:
    // Opens a working copy or a bare repository at path (no upward search).
    static Result<std::unique_ptr<GitRepository>> open(const QString &path);

    // Clones url into destination as a bare repository. On any failure or
    // cancel nothing is left at destination.
    static Result<std::unique_ptr<GitRepository>> clone(const QString &url, const QString &destination,
                                                        const GitTransferCallback &progress,
                                                        const std::atomic_bool *cancel);

    ~GitRepository();
    GitRepository(const GitRepository &) = delete;
    GitRepository &operator=(const GitRepository &) = delete;

    QString path() const { return m_path; }
    bool isBare() const;
    bool isEmpty() const; // no commits at all

    // Fetches every branch of "origin" into refs/remotes/origin/*.
    Result<void> fetchOrigin(const GitTransferCallback &progress, const std::atomic_bool *cancel);

    // The branch HEAD names ("main"), empty when HEAD is detached or missing.
    QString headBranch() const;

    // Resolves a branch, tag, remote branch or commit id to a commit id.
    // With an empty ref: HEAD, else the only branch, else main/master.
    // preferRemote: try refs/remotes/origin/<ref> first (clones we fetch into).
    Result<QString> resolveCommit(const QString &ref, bool preferRemote = false) const;

    // Every entry under subdir (the whole tree when empty) of a commit,
    // trees descended into and not reported. Fails when subdir is missing.
    Result<QList<GitEntry>> listTree(const QString &commitId, const QString &subdir) const;

    // Entries that differ under subdir between two commits (either may be
    // empty = an empty tree). Identical subtrees are skipped by id.
    Result<QList<GitChange>> diffCommits(const QString &oldCommitId, const QString &newCommitId,
                                         const QString &subdir) const;

    // Blob content. maxSize > 0: fails with tooLarge set instead of reading
    // a bigger blob.
    Result<QByteArray> readBlob(const QString &blobId, qint64 maxSize = 0, bool *tooLarge = nullptr) const;
    Result<qint64> blobSize(const QString &blobId) const;

    // The blob id of a file in a commit's tree; empty when there is no such file.
    Result<QString> fileId(const QString &commitId, const QString &path) const;
    // True when the commit's tree has a folder at path (or path is empty).
    Result<bool> hasFolder(const QString &commitId, const QString &path) const;

    // A file of a commit's tree, or a null QByteArray when it does not exist.
    Result<QByteArray> readFile(const QString &commitId, const QString &path) const;

    Result<GitCommit> commit(const QString &commitId) const;
    bool isAncestor(const QString &ancestorId, const QString &descendantId) const;

    // One walk of the history from tip (newest first), stopping below stopAt
    // when given. For every commit with at most one parent, the entries
    // under subdir that changed against its first parent. Merge commits are
    // reported with no changes: what they bring in is reported by the
    // commits on the merged branch. Return false from visit to stop early.
    Result<void> walkHistory(const QString &tipId, const QString &stopAtId, const QString &subdir,
                             const std::function<bool(const GitCommit &, const QList<GitChange> &)> &visit) const;

private:
    explicit GitRepository(git_repository *repo, QString path);

    git_repository *m_repo = nullptr;
    QString m_path;
};

// "libgit2: <message>" for the last libgit2 error on this thread.
QString lastGitError();

} // namespace devzero::docindex
