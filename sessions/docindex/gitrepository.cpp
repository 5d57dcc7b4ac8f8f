#include "sessions/docindex/gitrepository.h"

#include "sessions/common/logging.h"
#include "sessions/docindex/gitdetail.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <mutex>

namespace devzero::docindex {

namespace gitdetail {

void initLibgit2()
{
    static std::once_flag once;
    std::call_once(once, [] {
        git_libgit2_init(); // never shut down: other threads may still hold objects
        // Trees are walked over and over (history); keep big ones cached too.
        git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, size_t(4) << 20);
        git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_COMMIT, size_t(64) << 10);
    });
}

QString oidHex(const git_oid *oid)
{
    char buffer[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buffer, sizeof buffer, oid);
    return QString::fromLatin1(buffer, GIT_OID_HEXSZ);
}

bool parseOid(const QString &hex, git_oid *out)
{
    const QByteArray latin = hex.toLatin1();
    return latin.size() == GIT_OID_HEXSZ && git_oid_fromstrn(out, latin.constData(), size_t(latin.size())) == 0;
}

QString normalisedSubdir(const QString &subdir)
{
    QString s = subdir;
    while (s.startsWith(QLatin1Char('/')))
        s.remove(0, 1);
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s == QLatin1String(".") ? QString() : s;
}

Result<CommitPtr> lookupCommit(git_repository *repo, const QString &commitId)
{
    git_oid oid;
    if (!parseOid(commitId, &oid))
        return makeError(QStringLiteral("not a commit id: '%1'").arg(commitId));
    git_commit *commit = nullptr;
    if (git_commit_lookup(&commit, repo, &oid) != 0)
        return makeError(QStringLiteral("commit %1 not found: %2").arg(commitId, lastGitError()));
    return CommitPtr(commit);
}

} // namespace gitdetail

using namespace gitdetail;

namespace {

struct TransferPayload
{
    const GitTransferCallback *progress = nullptr;
    const std::atomic_bool *cancel = nullptr;
};

int transferProgress(const git_indexer_progress *stats, void *payload)
{
    const auto *p = static_cast<TransferPayload *>(payload);
    if (p->cancel && p->cancel->load())
        return -1; // libgit2 stops the transfer and returns GIT_EUSER
    if (p->progress && *p->progress)
        (*p->progress)(GitTransfer{stats->received_objects, stats->total_objects, qint64(stats->received_bytes)});
    return 0;
}

} // namespace

QString lastGitError()
{
    const git_error *error = git_error_last();
    return error && error->message ? QStringLiteral("libgit2: ") + QString::fromUtf8(error->message)
                                   : QStringLiteral("libgit2: unknown error");
}

GitRepository::GitRepository(git_repository *repo, QString path) : m_repo(repo), m_path(std::move(path)) {}

GitRepository::~GitRepository()
{
    git_repository_free(m_repo);
}

Result<std::unique_ptr<GitRepository>> GitRepository::open(const QString &path)
{
    initLibgit2();
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(QStringLiteral("no such folder"), path);
    if (!info.isDir())
        return makeError(QStringLiteral("not a folder, so not a git repository"), path);
    git_repository *repo = nullptr;
    const QByteArray native = QFile::encodeName(info.absoluteFilePath());
    if (git_repository_open_ext(&repo, native.constData(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0)
        return makeError(QStringLiteral("not a git repository (%1)").arg(lastGitError()), path);
    return std::unique_ptr<GitRepository>(new GitRepository(repo, info.absoluteFilePath()));
}

Result<std::unique_ptr<GitRepository>> GitRepository::clone(const QString &url, const QString &destination,
                                                            const GitTransferCallback &progress,
                                                            const std::atomic_bool *cancel)
{
    initLibgit2();
    TransferPayload payload{&progress, cancel};
    git_clone_options options;
    git_clone_options_init(&options, GIT_CLONE_OPTIONS_VERSION);
    options.bare = 1; // the index reads trees and blobs; a working copy would only cost disk
    options.local = GIT_CLONE_NO_LOCAL; // same transport, progress and cancel for every URL
    options.fetch_opts.callbacks.transfer_progress = transferProgress;
    options.fetch_opts.callbacks.payload = &payload;

    git_repository *repo = nullptr;
    const int rc = git_clone(&repo, url.toUtf8().constData(), QFile::encodeName(destination).constData(), &options);
    if (rc != 0) {
        const bool cancelled = rc == GIT_EUSER || (cancel && cancel->load());
        const QString message = cancelled ? QStringLiteral("clone cancelled")
                                          : QStringLiteral("clone failed: %1").arg(lastGitError());
        git_repository_free(repo);
        QDir(destination).removeRecursively(); // never leave a half clone behind
        return makeError(message, url);
    }
    return std::unique_ptr<GitRepository>(new GitRepository(repo, QFileInfo(destination).absoluteFilePath()));
}

bool GitRepository::isBare() const
{
    return git_repository_is_bare(m_repo) == 1;
}

bool GitRepository::isEmpty() const
{
    // git_repository_is_empty() only knows an unborn "master"; an
    // unborn HEAD and no reference at all is empty whatever HEAD names.
    if (git_repository_head_unborn(m_repo) != 1)
        return false;
    git_reference_iterator *it = nullptr;
    if (git_reference_iterator_new(&it, m_repo) != 0)
        return false;
    git_reference *ref = nullptr;
    const bool none = git_reference_next(&ref, it) != 0;
    git_reference_free(ref);
    git_reference_iterator_free(it);
    return none;
}

Result<void> GitRepository::fetchOrigin(const GitTransferCallback &progress, const std::atomic_bool *cancel)
{
    git_remote *remote = nullptr;
    if (git_remote_lookup(&remote, m_repo, "origin") != 0)
        return makeError(QStringLiteral("no remote named origin to fetch from"), m_path);
    RemotePtr owned(remote);
    TransferPayload payload{&progress, cancel};
    git_fetch_options options;
    git_fetch_options_init(&options, GIT_FETCH_OPTIONS_VERSION);
    options.callbacks.transfer_progress = transferProgress;
    options.callbacks.payload = &payload;
    options.prune = GIT_FETCH_PRUNE;
    if (git_remote_fetch(remote, nullptr, &options, "devzero docs update") != 0) {
        if (cancel && cancel->load())
            return makeError(QStringLiteral("fetch cancelled"), QString::fromUtf8(git_remote_url(remote)));
        return makeError(QStringLiteral("fetch failed: %1").arg(lastGitError()), QString::fromUtf8(git_remote_url(remote)));
    }
    return {};
}

QString GitRepository::headBranch() const
{
    git_reference *head = nullptr;
    if (git_reference_lookup(&head, m_repo, "HEAD") != 0)
        return {};
    ReferencePtr owned(head);
    if (git_reference_type(head) != GIT_REFERENCE_SYMBOLIC)
        return {};
    QString target = QString::fromUtf8(git_reference_symbolic_target(head));
    const QLatin1String heads("refs/heads/");
    return target.startsWith(heads) ? target.mid(heads.size()) : QString();
}

Result<QString> GitRepository::resolveCommit(const QString &ref, bool preferRemote) const
{
    if (isEmpty())
        return makeError(QStringLiteral("the repository is empty: it has no commits to index"), m_path);

    QStringList candidates;
    if (ref.isEmpty()) {
        candidates << QStringLiteral("HEAD");
        // HEAD may name a branch that does not exist (a bundle clone): fall
        // back to the only branch, else the usual default names.
        QStringList branches;
        git_branch_iterator *it = nullptr;
        if (git_branch_iterator_new(&it, m_repo, GIT_BRANCH_ALL) == 0) {
            BranchIterPtr owned(it);
            git_reference *branch = nullptr;
            git_branch_t type;
            while (git_branch_next(&branch, &type, it) == 0) {
                const QString name = QString::fromUtf8(git_reference_name(branch));
                if (!name.endsWith(QLatin1String("/HEAD")))
                    branches << name;
                git_reference_free(branch);
            }
        }
        if (branches.size() == 1)
            candidates << branches.first();
        candidates << QStringLiteral("main") << QStringLiteral("master") << QStringLiteral("origin/main")
                   << QStringLiteral("origin/master");
    } else if (preferRemote) {
        candidates << QStringLiteral("refs/remotes/origin/") + ref << ref;
    } else {
        candidates << ref << QStringLiteral("refs/remotes/origin/") + ref;
    }

    for (const QString &candidate : std::as_const(candidates)) {
        git_object *object = nullptr;
        if (git_revparse_single(&object, m_repo, candidate.toUtf8().constData()) != 0)
            continue;
        ObjectPtr owned(object);
        git_object *peeled = nullptr;
        if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) != 0)
            continue;
        ObjectPtr ownedPeeled(peeled);
        return oidHex(git_object_id(peeled));
    }
    if (ref.isEmpty())
        return makeError(QStringLiteral("HEAD does not name a commit and there is no single branch to use; give --ref"), m_path);
    return makeError(QStringLiteral("no branch, tag or commit named '%1'").arg(ref), m_path);
}

Result<qint64> GitRepository::blobSize(const QString &blobId) const
{
    git_oid oid;
    if (!parseOid(blobId, &oid))
        return makeError(QStringLiteral("not a blob id: '%1'").arg(blobId), m_path);
    git_odb *odb = nullptr;
    if (git_repository_odb(&odb, m_repo) != 0)
        return makeError(lastGitError(), m_path);
    OdbPtr ownedOdb(odb);
    size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (git_odb_read_header(&size, &type, odb, &oid) != 0)
        return makeError(QStringLiteral("blob %1 not found: %2").arg(blobId, lastGitError()), m_path);
    return qint64(size);
}

Result<QByteArray> GitRepository::readBlob(const QString &blobId, qint64 maxSize, bool *tooLarge) const
{
    if (tooLarge)
        *tooLarge = false;
    git_oid oid;
    if (!parseOid(blobId, &oid))
        return makeError(QStringLiteral("not a blob id: '%1'").arg(blobId), m_path);
    git_odb *odb = nullptr;
    if (git_repository_odb(&odb, m_repo) != 0)
        return makeError(lastGitError(), m_path);
    OdbPtr ownedOdb(odb);
    if (maxSize > 0) {
        size_t size = 0;
        git_object_t type = GIT_OBJECT_INVALID;
        if (git_odb_read_header(&size, &type, odb, &oid) != 0)
            return makeError(QStringLiteral("blob %1 not found: %2").arg(blobId, lastGitError()), m_path);
        if (qint64(size) > maxSize) {
            if (tooLarge)
                *tooLarge = true;
            return makeError(QStringLiteral("%1 bytes, over the %2 byte limit").arg(size).arg(maxSize), blobId);
        }
    }
    git_odb_object *object = nullptr;
    if (git_odb_read(&object, odb, &oid) != 0)
        return makeError(QStringLiteral("blob %1 not readable: %2").arg(blobId, lastGitError()), m_path);
    OdbObjectPtr owned(object);
    if (git_odb_object_type(object) != GIT_OBJECT_BLOB)
        return makeError(QStringLiteral("object %1 is not a blob").arg(blobId), m_path);
    return QByteArray(static_cast<const char *>(git_odb_object_data(object)), qsizetype(git_odb_object_size(object)));
}

Result<QString> GitRepository::fileId(const QString &commitId, const QString &path) const
{
    auto commit = lookupCommit(m_repo, commitId);
    if (!commit)
        return Error{commit.error().message, m_path};
    git_tree *root = nullptr;
    if (git_commit_tree(&root, commit->get()) != 0)
        return makeError(lastGitError(), m_path);
    TreePtr rootTree(root);
    git_tree_entry *entry = nullptr;
    const int rc = git_tree_entry_bypath(&entry, root, path.toUtf8().constData());
    if (rc == GIT_ENOTFOUND)
        return QString();
    if (rc != 0)
        return makeError(lastGitError(), path);
    TreeEntryPtr owned(entry);
    const git_filemode_t mode = git_tree_entry_filemode(entry);
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE)
        return QString();
    return oidHex(git_tree_entry_id(entry));
}

Result<QByteArray> GitRepository::readFile(const QString &commitId, const QString &path) const
{
    // A null id: no such file (or not a regular one) at that commit.
    Result<QString> id = fileId(commitId, path);
    if (!id)
        return id.error();
    if (id->isEmpty())
        return QByteArray();
    auto content = readBlob(*id);
    if (!content)
        return content.error();
    if (content->isNull())
        return QByteArray(""); // an empty file exists: keep it distinct from "missing"
    return content;
}

} // namespace devzero::docindex
