#include "tests/docindex/fixturerepo.h"

#include <QDir>
#include <QFile>

#include <git2.h>

namespace devzero::test {

namespace {

QString gitMessage()
{
    const git_error *e = git_error_last();
    return e && e->message ? QString::fromUtf8(e->message) : QStringLiteral("unknown libgit2 error");
}

bool toOid(const QString &hex, git_oid *out)
{
    return git_oid_fromstr(out, hex.toLatin1().constData()) == 0;
}

} // namespace

FixtureRepo::FixtureRepo(const QString &path, bool bare) : m_path(path)
{
    git_libgit2_init();
    QDir().mkpath(path);
    if (git_repository_init(&m_repo, QFile::encodeName(path).constData(), bare ? 1 : 0) != 0) {
        fail(QStringLiteral("init"));
        return;
    }
    git_reference *head = nullptr;
    if (git_reference_symbolic_create(&head, m_repo, "HEAD", "refs/heads/main", 1, nullptr) != 0) {
        fail(QStringLiteral("HEAD"));
        return;
    }
    git_reference_free(head);
    if (git_index_new(&m_index) != 0)
        fail(QStringLiteral("index"));
}

std::unique_ptr<FixtureRepo> FixtureRepo::openExisting(const QString &path, const QString &branch)
{
    std::unique_ptr<FixtureRepo> repo(new FixtureRepo);
    git_libgit2_init();
    repo->m_path = path;
    repo->m_branch = branch;
    if (git_repository_open(&repo->m_repo, QFile::encodeName(path).constData()) != 0) {
        repo->fail(QStringLiteral("open"));
        return repo;
    }
    git_object *object = nullptr;
    const QByteArray ref = QByteArrayLiteral("refs/heads/") + branch.toUtf8();
    if (git_revparse_single(&object, repo->m_repo, ref.constData()) != 0) {
        repo->fail(QStringLiteral("branch ") + branch);
        return repo;
    }
    git_commit *commit = reinterpret_cast<git_commit *>(object);
    git_tree *tree = nullptr;
    if (git_index_new(&repo->m_index) != 0 || git_commit_tree(&tree, commit) != 0
        || git_index_read_tree(repo->m_index, tree) != 0) {
        repo->fail(QStringLiteral("stage ") + branch);
    }
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, git_commit_id(commit));
    repo->m_head = QString::fromLatin1(hex);
    repo->m_time = qint64(git_commit_time(commit));
    git_tree_free(tree);
    git_object_free(object);
    return repo;
}

FixtureRepo::~FixtureRepo()
{
    git_index_free(m_index);
    git_repository_free(m_repo);
    git_libgit2_shutdown();
}

void FixtureRepo::fail(const QString &what)
{
    if (m_error.isEmpty())
        m_error = what + QStringLiteral(": ") + gitMessage();
}

bool FixtureRepo::addBlob(const QString &path, const QByteArray &content, unsigned int mode)
{
    git_index_entry entry = {};
    const QByteArray utf8 = path.toUtf8();
    entry.path = utf8.constData();
    entry.mode = mode;
    entry.file_size = uint32_t(content.size());
    // The in-memory index has no repository behind it: write the blob first.
    if (git_blob_create_from_buffer(&entry.id, m_repo, content.constData(), size_t(content.size())) != 0
        || git_index_add(m_index, &entry) != 0) {
        fail(QStringLiteral("write ") + path);
        return false;
    }
    return true;
}

FixtureRepo &FixtureRepo::write(const QString &path, const QByteArray &content)
{
    if (ok())
        addBlob(path, content, GIT_FILEMODE_BLOB);
    return *this;
}

FixtureRepo &FixtureRepo::remove(const QString &path)
{
    if (ok() && git_index_remove(m_index, path.toUtf8().constData(), 0) != 0)
        fail(QStringLiteral("remove ") + path);
    return *this;
}

FixtureRepo &FixtureRepo::rename(const QString &from, const QString &to)
{
    if (!ok())
        return *this;
    const git_index_entry *entry = git_index_get_bypath(m_index, from.toUtf8().constData(), 0);
    if (!entry) {
        m_error = QStringLiteral("rename: no ") + from;
        return *this;
    }
    git_index_entry copy = *entry;
    const QByteArray utf8 = to.toUtf8();
    copy.path = utf8.constData();
    if (git_index_add(m_index, &copy) != 0) {
        fail(QStringLiteral("rename to ") + to);
        return *this;
    }
    return remove(from);
}

FixtureRepo &FixtureRepo::symlink(const QString &path, const QString &target)
{
    if (ok())
        addBlob(path, target.toUtf8(), GIT_FILEMODE_LINK);
    return *this;
}

FixtureRepo &FixtureRepo::submodule(const QString &path, const QString &commitId)
{
    if (!ok())
        return *this;
    git_index_entry entry = {};
    const QByteArray utf8 = path.toUtf8();
    entry.path = utf8.constData();
    entry.mode = GIT_FILEMODE_COMMIT;
    if (!toOid(commitId, &entry.id) || git_index_add(m_index, &entry) != 0)
        fail(QStringLiteral("submodule ") + path);
    return *this;
}

QString FixtureRepo::commit(const QString &message, const QString &authorName, const QString &authorEmail)
{
    if (!ok())
        return {};
    git_oid treeId;
    if (git_index_write_tree_to(&treeId, m_index, m_repo) != 0) {
        fail(QStringLiteral("write tree"));
        return {};
    }
    git_tree *tree = nullptr;
    if (git_tree_lookup(&tree, m_repo, &treeId) != 0) {
        fail(QStringLiteral("tree"));
        return {};
    }
    m_time += 60;
    git_signature *author = nullptr;
    git_signature_new(&author, authorName.toUtf8().constData(), authorEmail.toUtf8().constData(), m_time, 0);
    git_commit *parent = nullptr;
    git_oid parentId;
    const bool hasParent = !m_head.isEmpty() && toOid(m_head, &parentId)
        && git_commit_lookup(&parent, m_repo, &parentId) == 0;
    const git_commit *parents[] = {parent};
    git_oid commitId;
    const QByteArray refName = QByteArrayLiteral("refs/heads/") + m_branch.toUtf8();
    const int rc = git_commit_create(&commitId, m_repo, refName.constData(), author, author, nullptr,
                                     message.toUtf8().constData(), tree, hasParent ? 1 : 0, parents);
    git_commit_free(parent);
    git_signature_free(author);
    git_tree_free(tree);
    if (rc != 0) {
        fail(QStringLiteral("commit"));
        return {};
    }
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &commitId);
    m_head = QString::fromLatin1(hex);
    return m_head;
}

bool FixtureRepo::tag(const QString &name, const QString &commitId)
{
    git_oid id;
    git_object *target = nullptr;
    if (!toOid(commitId, &id) || git_object_lookup(&target, m_repo, &id, GIT_OBJECT_COMMIT) != 0)
        return false;
    git_oid tagId;
    const int rc = git_tag_create_lightweight(&tagId, m_repo, name.toUtf8().constData(), target, 1);
    git_object_free(target);
    return rc == 0;
}

bool FixtureRepo::branch(const QString &name, const QString &commitId)
{
    git_oid id;
    if (!toOid(commitId, &id))
        return false;
    git_reference *ref = nullptr;
    const QByteArray refName = QByteArrayLiteral("refs/heads/") + name.toUtf8();
    const int rc = git_reference_create(&ref, m_repo, refName.constData(), &id, 1, nullptr);
    git_reference_free(ref);
    return rc == 0;
}

bool FixtureRepo::resetMain(const QString &commitId)
{
    if (!branch(QStringLiteral("main"), commitId))
        return false;
    m_head = commitId;
    // Restage that commit's tree so the next commit builds on it.
    git_oid id;
    git_commit *commit = nullptr;
    git_tree *tree = nullptr;
    if (!toOid(commitId, &id) || git_commit_lookup(&commit, m_repo, &id) != 0 || git_commit_tree(&tree, commit) != 0) {
        git_commit_free(commit);
        return false;
    }
    const int rc = git_index_read_tree(m_index, tree);
    git_tree_free(tree);
    git_commit_free(commit);
    return rc == 0;
}

} // namespace devzero::test
