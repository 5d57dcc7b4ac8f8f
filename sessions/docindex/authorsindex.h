#pragma once

// The last few authors of every current page, from ONE walk of the history
// (newest first), each commit diffed against its first parent under the
// subdir only. Exact renames (same blob, new path) are followed, so a moved
// page keeps its authors. A full walk stops as soon as every page has its
// authors; an incremental one walks only the commits since the previous
// revision and merges with the stored lists.
//
// The walk touches no database, so it runs on its own thread (with its own
// GitRepository) while the pages are parsed; storing is a separate step.

#include "sessions/common/result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>

namespace devzero::docindex {

class GitRepository;
class SqliteConnection;

inline constexpr int kAuthorsPerPage = 5;

struct AuthorEntry
{
    QString name;
    QString email;
    QString commitId;
    qint64 time = 0;
    QString key() const { return email.isEmpty() ? name.toLower() : email.toLower(); }
};

struct AuthorWalk
{
    bool incremental = false;
    int commitsWalked = 0;
    QHash<QString, QList<AuthorEntry>> authors; // by current path, newest first
    QHash<QString, QString> originOf;           // current path -> its name before renames seen
};

// pages: the paths to find authors for (every current page on a full walk,
// the changed ones on an incremental walk). previousCommit empty or not an
// ancestor of tip: full walk. Stops when either flag is set (the user's
// cancel, or the indexer giving up on the run).
Result<AuthorWalk> walkPageAuthors(const GitRepository &repo, const QString &subdir, const QString &tip,
                                   const QString &previousCommit, const QSet<QString> &pages,
                                   const std::atomic_bool *cancel, const std::atomic_bool *abort = nullptr);

// Writes the walk: a full walk replaces every list of the source; an
// incremental one merges with the stored lists. Removed pages lose theirs.
Result<int> storePageAuthors(SqliteConnection &db, qint64 sourceId, const AuthorWalk &walk,
                             const QStringList &removed);

bool isPagePath(const QString &path); // .md, .markdown, .mdx

} // namespace devzero::docindex
