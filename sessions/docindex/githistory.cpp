// The tree half of the libgit2 adapter: listing a tree, diffing two trees
// (identical subtrees skipped by id), and the one history walk.

#include "sessions/docindex/gitdetail.h"
#include "sessions/docindex/gitrepository.h"

namespace devzero::docindex {

using namespace gitdetail;

namespace {

GitEntry::Kind kindOf(git_filemode_t mode)
{
    switch (mode) {
    case GIT_FILEMODE_BLOB: return GitEntry::Kind::File;
    case GIT_FILEMODE_BLOB_EXECUTABLE: return GitEntry::Kind::Executable;
    case GIT_FILEMODE_LINK: return GitEntry::Kind::Symlink;
    case GIT_FILEMODE_COMMIT: return GitEntry::Kind::Submodule;
    case GIT_FILEMODE_TREE: return GitEntry::Kind::Tree;
    default: return GitEntry::Kind::Other;
    }
}

QString joinPath(const QString &prefix, const char *name)
{
    const QString leaf = QString::fromUtf8(name);
    return prefix.isEmpty() ? leaf : prefix + QLatin1Char('/') + leaf;
}

GitEntry toEntry(const git_tree_entry *entry, const QString &prefix)
{
    return GitEntry{joinPath(prefix, git_tree_entry_name(entry)), oidHex(git_tree_entry_id(entry)),
                    kindOf(git_tree_entry_filemode(entry))};
}

// Recursive tree listing; trees are descended into, not reported.
Result<void> collectTree(git_repository *repo, const git_tree *tree, const QString &prefix, QList<GitEntry> &out)
{
    const size_t count = git_tree_entrycount(tree);
    for (size_t i = 0; i < count; ++i) {
        const git_tree_entry *entry = git_tree_entry_byindex(tree, i);
        if (git_tree_entry_filemode(entry) == GIT_FILEMODE_TREE) {
            git_tree *sub = nullptr;
            if (git_tree_lookup(&sub, repo, git_tree_entry_id(entry)) != 0)
                return makeError(lastGitError(), joinPath(prefix, git_tree_entry_name(entry)));
            TreePtr owned(sub);
            auto nested = collectTree(repo, sub, joinPath(prefix, git_tree_entry_name(entry)), out);
            if (!nested)
                return nested;
        } else {
            out.append(toEntry(entry, prefix));
        }
    }
    return {};
}

Result<void> reportAll(git_repository *repo, const git_tree_entry *entry, const QString &prefix,
                       GitChange::Status status, QList<GitChange> &out)
{
    if (git_tree_entry_filemode(entry) != GIT_FILEMODE_TREE) {
        GitChange change;
        change.status = status;
        (status == GitChange::Status::Added ? change.newEntry : change.oldEntry) = toEntry(entry, prefix);
        out.append(change);
        return {};
    }
    git_tree *sub = nullptr;
    if (git_tree_lookup(&sub, repo, git_tree_entry_id(entry)) != 0)
        return makeError(lastGitError(), joinPath(prefix, git_tree_entry_name(entry)));
    TreePtr owned(sub);
    QList<GitEntry> entries;
    auto listed = collectTree(repo, sub, joinPath(prefix, git_tree_entry_name(entry)), entries);
    if (!listed)
        return listed;
    for (GitEntry &e : entries) {
        GitChange change;
        change.status = status;
        (status == GitChange::Status::Added ? change.newEntry : change.oldEntry) = std::move(e);
        out.append(change);
    }
    return {};
}

// Both trees may be null (= empty). Subtrees with equal ids are skipped,
// which is what makes a one-page change cost microseconds.
Result<void> diffTrees(git_repository *repo, const git_tree *oldTree, const git_tree *newTree,
                       const QString &prefix, QList<GitChange> &out)
{
    if (oldTree && newTree && git_oid_equal(git_tree_id(oldTree), git_tree_id(newTree)))
        return {};
    const size_t newCount = newTree ? git_tree_entrycount(newTree) : 0;
    for (size_t i = 0; i < newCount; ++i) {
        const git_tree_entry *n = git_tree_entry_byindex(newTree, i);
        const git_tree_entry *o = oldTree ? git_tree_entry_byname(oldTree, git_tree_entry_name(n)) : nullptr;
        if (!o) {
            auto added = reportAll(repo, n, prefix, GitChange::Status::Added, out);
            if (!added)
                return added;
            continue;
        }
        const bool sameId = git_oid_equal(git_tree_entry_id(o), git_tree_entry_id(n));
        const git_filemode_t om = git_tree_entry_filemode(o);
        const git_filemode_t nm = git_tree_entry_filemode(n);
        if (sameId && om == nm)
            continue;
        if (om == GIT_FILEMODE_TREE && nm == GIT_FILEMODE_TREE) {
            git_tree *a = nullptr;
            git_tree *b = nullptr;
            if (git_tree_lookup(&a, repo, git_tree_entry_id(o)) != 0)
                return makeError(lastGitError(), joinPath(prefix, git_tree_entry_name(o)));
            TreePtr ownedA(a);
            if (git_tree_lookup(&b, repo, git_tree_entry_id(n)) != 0)
                return makeError(lastGitError(), joinPath(prefix, git_tree_entry_name(n)));
            TreePtr ownedB(b);
            auto nested = diffTrees(repo, a, b, joinPath(prefix, git_tree_entry_name(n)), out);
            if (!nested)
                return nested;
        } else if (om == GIT_FILEMODE_TREE || nm == GIT_FILEMODE_TREE) {
            auto removed = reportAll(repo, o, prefix, GitChange::Status::Deleted, out);
            if (!removed)
                return removed;
            auto added = reportAll(repo, n, prefix, GitChange::Status::Added, out);
            if (!added)
                return added;
        } else {
            out.append(GitChange{GitChange::Status::Modified, toEntry(o, prefix), toEntry(n, prefix)});
        }
    }
    const size_t oldCount = oldTree ? git_tree_entrycount(oldTree) : 0;
    for (size_t i = 0; i < oldCount; ++i) {
        const git_tree_entry *o = git_tree_entry_byindex(oldTree, i);
        if (newTree && git_tree_entry_byname(newTree, git_tree_entry_name(o)))
            continue;
        auto removed = reportAll(repo, o, prefix, GitChange::Status::Deleted, out);
        if (!removed)
            return removed;
    }
    return {};
}

// The tree of subdir inside a commit's tree; null (not an error) when the
// commit has no such folder.
Result<TreePtr> subtreeOf(git_repository *repo, const git_commit *commit, const QString &subdir)
{
    git_tree *root = nullptr;
    if (git_commit_tree(&root, commit) != 0)
        return makeError(lastGitError(), oidHex(git_commit_id(commit)));
    TreePtr rootTree(root);
    if (subdir.isEmpty())
        return rootTree;
    git_tree_entry *entry = nullptr;
    const int rc = git_tree_entry_bypath(&entry, root, subdir.toUtf8().constData());
    if (rc == GIT_ENOTFOUND)
        return TreePtr();
    if (rc != 0)
        return makeError(lastGitError(), subdir);
    TreeEntryPtr owned(entry);
    if (git_tree_entry_filemode(entry) != GIT_FILEMODE_TREE)
        return TreePtr();
    git_tree *sub = nullptr;
    if (git_tree_lookup(&sub, repo, git_tree_entry_id(entry)) != 0)
        return makeError(lastGitError(), subdir);
    return TreePtr(sub);
}

GitCommit describe(const git_commit *commit)
{
    GitCommit info;
    info.id = oidHex(git_commit_id(commit));
    if (const git_signature *author = git_commit_author(commit)) {
        info.authorName = QString::fromUtf8(author->name);
        info.authorEmail = QString::fromUtf8(author->email);
        info.authorTime = qint64(author->when.time);
    }
    info.summary = QString::fromUtf8(git_commit_summary(const_cast<git_commit *>(commit)));
    info.parentCount = int(git_commit_parentcount(commit));
    return info;
}

} // namespace

Result<QList<GitEntry>> GitRepository::listTree(const QString &commitId, const QString &subdir) const
{
    auto commit = lookupCommit(m_repo, commitId);
    if (!commit)
        return Error{commit.error().message, m_path};
    const QString dir = normalisedSubdir(subdir);
    auto tree = subtreeOf(m_repo, commit->get(), dir);
    if (!tree)
        return tree.error();
    if (!*tree)
        return makeError(QStringLiteral("folder '%1' not found in commit %2").arg(dir, commitId.left(10)), m_path);
    QList<GitEntry> entries;
    auto collected = collectTree(m_repo, tree->get(), dir, entries);
    if (!collected)
        return collected.error();
    return entries;
}

Result<QList<GitChange>> GitRepository::diffCommits(const QString &oldCommitId, const QString &newCommitId,
                                                    const QString &subdir) const
{
    const QString dir = normalisedSubdir(subdir);
    TreePtr oldTree;
    TreePtr newTree;
    if (!oldCommitId.isEmpty()) {
        auto commit = lookupCommit(m_repo, oldCommitId);
        if (!commit)
            return Error{commit.error().message, m_path};
        auto tree = subtreeOf(m_repo, commit->get(), dir);
        if (!tree)
            return tree.error();
        oldTree = std::move(*tree);
    }
    if (!newCommitId.isEmpty()) {
        auto commit = lookupCommit(m_repo, newCommitId);
        if (!commit)
            return Error{commit.error().message, m_path};
        auto tree = subtreeOf(m_repo, commit->get(), dir);
        if (!tree)
            return tree.error();
        newTree = std::move(*tree);
    }
    QList<GitChange> changes;
    auto diffed = diffTrees(m_repo, oldTree.get(), newTree.get(), dir, changes);
    if (!diffed)
        return diffed.error();
    return changes;
}

Result<bool> GitRepository::hasFolder(const QString &commitId, const QString &path) const
{
    auto commit = lookupCommit(m_repo, commitId);
    if (!commit)
        return Error{commit.error().message, m_path};
    auto tree = subtreeOf(m_repo, commit->get(), normalisedSubdir(path));
    if (!tree)
        return tree.error();
    return bool(*tree);
}

Result<GitCommit> GitRepository::commit(const QString &commitId) const
{
    auto commit = lookupCommit(m_repo, commitId);
    if (!commit)
        return Error{commit.error().message, m_path};
    return describe(commit->get());
}

bool GitRepository::isAncestor(const QString &ancestorId, const QString &descendantId) const
{
    git_oid ancestor;
    git_oid descendant;
    if (!parseOid(ancestorId, &ancestor) || !parseOid(descendantId, &descendant))
        return false;
    if (git_oid_equal(&ancestor, &descendant))
        return true;
    return git_graph_descendant_of(m_repo, &descendant, &ancestor) == 1;
}

Result<void> GitRepository::walkHistory(const QString &tipId, const QString &stopAtId, const QString &subdir,
                                        const std::function<bool(const GitCommit &, const QList<GitChange> &)> &visit) const
{
    git_oid tip;
    if (!parseOid(tipId, &tip))
        return makeError(QStringLiteral("not a commit id: '%1'").arg(tipId), m_path);
    git_revwalk *walk = nullptr;
    if (git_revwalk_new(&walk, m_repo) != 0)
        return makeError(lastGitError(), m_path);
    RevwalkPtr owned(walk);
    git_revwalk_sorting(walk, GIT_SORT_TIME);
    if (git_revwalk_push(walk, &tip) != 0)
        return makeError(lastGitError(), tipId);
    git_oid stop;
    if (!stopAtId.isEmpty() && parseOid(stopAtId, &stop))
        git_revwalk_hide(walk, &stop);

    const QString dir = normalisedSubdir(subdir);
    git_oid oid;
    while (git_revwalk_next(&oid, walk) == 0) {
        git_commit *raw = nullptr;
        if (git_commit_lookup(&raw, m_repo, &oid) != 0)
            return makeError(lastGitError(), oidHex(&oid));
        CommitPtr commit(raw);
        const GitCommit info = describe(raw);
        QList<GitChange> changes;
        if (info.parentCount <= 1) {
            auto tree = subtreeOf(m_repo, raw, dir);
            if (!tree)
                return tree.error();
            TreePtr parentTree;
            if (info.parentCount == 1) {
                git_commit *parent = nullptr;
                if (git_commit_parent(&parent, raw, 0) != 0)
                    return makeError(lastGitError(), info.id);
                CommitPtr ownedParent(parent);
                auto ptree = subtreeOf(m_repo, parent, dir);
                if (!ptree)
                    return ptree.error();
                parentTree = std::move(*ptree);
            }
            auto diffed = diffTrees(m_repo, parentTree.get(), tree->get(), dir, changes);
            if (!diffed)
                return diffed;
        }
        if (!visit(info, changes))
            break;
    }
    return {};
}

} // namespace devzero::docindex
