#include "sessions/docindex/gitwriter.h"

#include <QDir>
#include <QFile>

#include <git2.h>

namespace devzero::docindex {

namespace {

Error gitError(const QString &what, const QString &where)
{
    const git_error *e = git_error_last();
    const QString detail = e && e->message ? QString::fromUtf8(e->message) : QStringLiteral("unknown error");
    return Error{what + QStringLiteral(": libgit2: ") + detail, where};
}

template<typename T, void (*Free)(T *)>
struct Owned
{
    T *ptr = nullptr;
    Owned() = default;
    Owned(const Owned &) = delete;
    Owned &operator=(const Owned &) = delete;
    ~Owned() { Free(ptr); }
};

} // namespace

struct GitWriter::Handles
{
    git_repository *repo = nullptr;
    bool initialised = false;
    ~Handles()
    {
        git_repository_free(repo);
        if (initialised)
            git_libgit2_shutdown();
    }
};

GitWriter::~GitWriter() = default;

Result<std::unique_ptr<GitWriter>> GitWriter::create(const QString &path, const QString &branch)
{
    const QDir dir(path);
    if (dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
        return Error{QStringLiteral("the folder for the demo repository is not empty"), path};
    if (!QDir().mkpath(path))
        return Error{QStringLiteral("cannot create the folder for the demo repository"), path};

    std::unique_ptr<GitWriter> writer(new GitWriter);
    writer->m_git = std::make_unique<Handles>();
    git_libgit2_init();
    writer->m_git->initialised = true;
    writer->m_path = path;
    writer->m_branch = branch;

    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
    const QByteArray head = branch.toUtf8();
    options.initial_head = head.constData();
    if (git_repository_init_ext(&writer->m_git->repo, QFile::encodeName(path).constData(), &options) != 0)
        return gitError(QStringLiteral("cannot create the demo repository"), path);
    return writer;
}

Result<QString> GitWriter::commit(const QMap<QString, QByteArray> &tree, const CommitAuthor &author,
                                  const QString &message)
{
    git_repository *repo = m_git->repo;
    // An in-memory index holds exactly `tree`: what the commit must contain.
    Owned<git_index, git_index_free> index;
    if (git_index_new(&index.ptr) != 0)
        return gitError(QStringLiteral("cannot create an index"), m_path);
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        git_index_entry entry = {};
        const QByteArray filePath = it.key().toUtf8();
        entry.path = filePath.constData();
        entry.mode = GIT_FILEMODE_BLOB;
        entry.file_size = uint32_t(it.value().size());
        if (git_blob_create_from_buffer(&entry.id, repo, it.value().constData(), size_t(it.value().size())) != 0
            || git_index_add(index.ptr, &entry) != 0)
            return gitError(QStringLiteral("cannot store the file"), it.key());
    }
    git_oid treeId;
    if (git_index_write_tree_to(&treeId, index.ptr, repo) != 0)
        return gitError(QStringLiteral("cannot write the tree"), m_path);
    Owned<git_tree, git_tree_free> gitTree;
    if (git_tree_lookup(&gitTree.ptr, repo, &treeId) != 0)
        return gitError(QStringLiteral("cannot read the tree back"), m_path);

    const int offsetMinutes = author.when.offsetFromUtc() / 60;
    Owned<git_signature, git_signature_free> signature;
    if (git_signature_new(&signature.ptr, author.name.toUtf8().constData(), author.email.toUtf8().constData(),
                          git_time_t(author.when.toSecsSinceEpoch()), offsetMinutes) != 0)
        return gitError(QStringLiteral("invalid author"), author.name);

    Owned<git_commit, git_commit_free> parent;
    if (!m_head.isEmpty()) {
        git_oid parentId;
        if (git_oid_fromstr(&parentId, m_head.toLatin1().constData()) != 0
            || git_commit_lookup(&parent.ptr, repo, &parentId) != 0)
            return gitError(QStringLiteral("cannot find the previous commit"), m_head);
    }
    const git_commit *parents[] = {parent.ptr};
    const QByteArray refName = QByteArrayLiteral("refs/heads/") + m_branch.toUtf8();
    git_oid commitId;
    if (git_commit_create(&commitId, repo, refName.constData(), signature.ptr, signature.ptr, "UTF-8",
                          message.toUtf8().constData(), gitTree.ptr, parent.ptr ? 1 : 0, parents)
        != 0)
        return gitError(QStringLiteral("cannot commit"), message.section(QLatin1Char('\n'), 0, 0));

    // A working copy that matches HEAD, so `git status` in it is clean.
    git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
    checkout.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED;
    if (git_checkout_head(repo, &checkout) != 0)
        return gitError(QStringLiteral("cannot check out the commit"), m_path);

    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &commitId);
    m_head = QString::fromLatin1(hex);
    return m_head;
}

} // namespace devzero::docindex
