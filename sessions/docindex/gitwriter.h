#pragma once

// Writes commits into a new git repository with libgit2: the demo lab
// (sessions/demo) needs a real history (authors, dates, renames) for blame,
// owners and revisions. It lives here because sessions/docindex is the one
// folder that calls git_*.

#include "sessions/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>

#include <memory>

namespace devzero::docindex {

struct CommitAuthor
{
    QString name;
    QString email;
    QDateTime when; // its UTC offset is kept in the commit
};

class GitWriter
{
public:
    // Creates a non-bare repository at path (the folder may exist but must be
    // empty) whose HEAD names `branch`.
    static Result<std::unique_ptr<GitWriter>> create(const QString &path, const QString &branch);
    ~GitWriter();
    GitWriter(const GitWriter &) = delete;
    GitWriter &operator=(const GitWriter &) = delete;

    // Commits exactly `tree` (repository path -> content) on the branch,
    // with the author as committer too, and checks the files out into the
    // working folder so that the repository looks like any clone.
    // Returns the commit id (40 hex characters).
    Result<QString> commit(const QMap<QString, QByteArray> &tree, const CommitAuthor &author, const QString &message);

    QString path() const { return m_path; }

private:
    GitWriter() = default;
    struct Handles;
    std::unique_ptr<Handles> m_git;
    QString m_path;
    QString m_branch;
    QString m_head;
};

} // namespace devzero::docindex
