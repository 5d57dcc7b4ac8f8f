#pragma once

// Internals shared by the two files of the libgit2 adapter: gitrepository.cpp
// (open, clone, fetch, refs, blobs) and githistory.cpp (trees, diffs, the
// history walk). Include nowhere else.

#include "sessions/common/result.h"
#include "sessions/docindex/gitrepository.h"

#include <git2.h>

#include <memory>

namespace devzero::docindex::gitdetail {

// RAII for every libgit2 handle this adapter holds.
template<typename T, void (*Free)(T *)>
struct GitFree {
    void operator()(T *p) const { Free(p); }
};
template<typename T, void (*Free)(T *)>
using GitPtr = std::unique_ptr<T, GitFree<T, Free>>;

using CommitPtr = GitPtr<git_commit, git_commit_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using TreeEntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;
using ObjectPtr = GitPtr<git_object, git_object_free>;
using ReferencePtr = GitPtr<git_reference, git_reference_free>;
using RemotePtr = GitPtr<git_remote, git_remote_free>;
using RevwalkPtr = GitPtr<git_revwalk, git_revwalk_free>;
using OdbPtr = GitPtr<git_odb, git_odb_free>;
using OdbObjectPtr = GitPtr<git_odb_object, git_odb_object_free>;
using BranchIterPtr = GitPtr<git_branch_iterator, git_branch_iterator_free>;

void initLibgit2();
QString oidHex(const git_oid *oid);
bool parseOid(const QString &hex, git_oid *out);
QString normalisedSubdir(const QString &subdir);
Result<CommitPtr> lookupCommit(git_repository *repo, const QString &commitId);

} // namespace devzero::docindex::gitdetail
