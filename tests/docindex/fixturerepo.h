#pragma once

// Builds git repositories for the docs index tests with libgit2 directly:
// files are staged in memory and committed with a chosen author and time,
// without any working copy or the git command.

#include <QByteArray>
#include <QString>

#include <memory>

struct git_repository;
struct git_index;

namespace devzero::test {

class FixtureRepo
{
public:
    // git init at path (bare or not); HEAD names refs/heads/main.
    explicit FixtureRepo(const QString &path, bool bare = false);
    // An existing repository (e.g. a corpus clone) to add commits to
    // `branch`; the branch's tree is staged. Check ok() afterwards.
    static std::unique_ptr<FixtureRepo> openExisting(const QString &path, const QString &branch);
    ~FixtureRepo();
    FixtureRepo(const FixtureRepo &) = delete;
    FixtureRepo &operator=(const FixtureRepo &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString path() const { return m_path; }

    // Changes for the next commit, on top of the last commit's tree.
    FixtureRepo &write(const QString &path, const QByteArray &content);
    FixtureRepo &remove(const QString &path);
    FixtureRepo &rename(const QString &from, const QString &to);
    FixtureRepo &symlink(const QString &path, const QString &target);
    FixtureRepo &submodule(const QString &path, const QString &commitId);

    // Commits on the branch (main unless opened existing); returns the
    // commit id (empty on error).
    // Each commit is a minute after the previous one.
    QString commit(const QString &message, const QString &authorName = QStringLiteral("Ada Lovelace"),
                   const QString &authorEmail = QStringLiteral("ada@example.com"));

    bool tag(const QString &name, const QString &commitId);
    bool branch(const QString &name, const QString &commitId);
    // Points refs/heads/main at commitId (history rewrite, "force push").
    bool resetMain(const QString &commitId);
    QString head() const { return m_head; }

private:
    FixtureRepo() = default;
    void fail(const QString &what);
    bool addBlob(const QString &path, const QByteArray &content, unsigned int mode);

    git_repository *m_repo = nullptr;
    git_index *m_index = nullptr;
    QString m_path;
    QString m_error;
    QString m_head;
    QString m_branch = QStringLiteral("main");
    qint64 m_time = 1700000000;
};

} // namespace devzero::test
