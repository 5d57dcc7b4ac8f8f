#include "sessions/docindex/authorsindex.h"

#include "sessions/docindex/gitrepository.h"
#include "sessions/docindex/sqliteconnection.h"

namespace devzero::docindex {

namespace {

// Adds author unless already listed; false when the list is full or has it.
bool addAuthor(QList<AuthorEntry> &list, const AuthorEntry &author)
{
    if (list.size() >= kAuthorsPerPage)
        return false;
    const QString key = author.key();
    for (const AuthorEntry &a : std::as_const(list)) {
        if (a.key() == key)
            return false;
    }
    list << author;
    return true;
}

Result<QList<AuthorEntry>> storedAuthors(SqliteConnection &db, qint64 sourceId, const QString &path)
{
    auto stmt = db.cached("SELECT name, email, commit_id, time FROM authors WHERE source_id = ?1 AND path = ?2 ORDER BY rank");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, sourceId).bind(2, path);
    QList<AuthorEntry> authors;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        authors << AuthorEntry{(*stmt)->text(0), (*stmt)->text(1), (*stmt)->text(2), (*stmt)->int64(3)};
    }
    (*stmt)->reset();
    return authors;
}

Result<void> deleteAuthors(SqliteConnection &db, qint64 sourceId, const QString &path)
{
    auto stmt = db.cached("DELETE FROM authors WHERE source_id = ?1 AND path = ?2");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, sourceId).bind(2, path);
    return (*stmt)->exec();
}

Result<void> insertAuthors(SqliteConnection &db, qint64 sourceId, const QString &path, const QList<AuthorEntry> &authors)
{
    auto stmt = db.cached("INSERT OR REPLACE INTO authors(source_id, path, rank, name, email, commit_id, time) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!stmt)
        return stmt.error();
    for (qsizetype i = 0; i < authors.size(); ++i) {
        const AuthorEntry &a = authors.at(i);
        (*stmt)->bind(1, sourceId).bind(2, path).bind(3, int(i)).bind(4, a.name).bind(5, a.email);
        (*stmt)->bind(6, a.commitId).bind(7, a.time);
        if (auto done = (*stmt)->exec(); !done)
            return done;
    }
    return {};
}

} // namespace

bool isPagePath(const QString &path)
{
    return path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".markdown"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".mdx"), Qt::CaseInsensitive);
}

Result<AuthorWalk> walkPageAuthors(const GitRepository &repo, const QString &subdir, const QString &tip,
                                   const QString &previousCommit, const QSet<QString> &pages,
                                   const std::atomic_bool *cancel, const std::atomic_bool *abort)
{
    const auto stopped = [&] { return (cancel && cancel->load()) || (abort && abort->load()); };
    AuthorWalk walk;
    walk.incremental = !previousCommit.isEmpty() && repo.isAncestor(previousCommit, tip);
    QHash<QString, QString> aliases; // path at this point of history -> current path ("" = none)
    int remaining = int(pages.size());
    const auto currentOf = [&](const QString &path) -> QString {
        auto it = aliases.constFind(path);
        return it != aliases.constEnd() ? *it : path;
    };

    auto walked = repo.walkHistory(tip, walk.incremental ? previousCommit : QString(), subdir,
                                   [&](const GitCommit &commit, const QList<GitChange> &changes) {
        ++walk.commitsWalked;
        if (stopped())
            return false;
        const AuthorEntry author{commit.authorName, commit.authorEmail, commit.id, commit.authorTime};
        QHash<QString, QString> deletedByBlob;
        QList<QPair<QString, QString>> renames; // old, new
        for (const GitChange &change : changes) {
            if (change.status == GitChange::Status::Deleted && isPagePath(change.oldEntry.path))
                deletedByBlob.insert(change.oldEntry.id, change.oldEntry.path);
        }
        for (const GitChange &change : changes) {
            const QString &path = change.path();
            if (!isPagePath(path) || change.status == GitChange::Status::Deleted)
                continue; // a deleted path is no current page's content
            if (change.status == GitChange::Status::Added) {
                const QString from = deletedByBlob.value(change.newEntry.id);
                if (!from.isEmpty())
                    renames.append({from, path});
            }
            const QString current = currentOf(path);
            if (current.isEmpty() || !pages.contains(current))
                continue;
            QList<AuthorEntry> &list = walk.authors[current];
            if (addAuthor(list, author) && list.size() == kAuthorsPerPage)
                --remaining;
        }
        for (const auto &[from, to] : std::as_const(renames)) {
            aliases.insert(from, currentOf(to));
            aliases.insert(to, QString()); // before the rename, `to` was not this page
        }
        return walk.incremental || remaining > 0;
    });
    if (!walked)
        return walked.error();
    if (stopped())
        return makeError(QStringLiteral("indexing cancelled"));
    for (auto it = aliases.cbegin(); it != aliases.cend(); ++it) {
        if (!it.value().isEmpty())
            walk.originOf.insert(it.value(), it.key());
    }
    return walk;
}

Result<int> storePageAuthors(SqliteConnection &db, qint64 sourceId, const AuthorWalk &walk, const QStringList &removed)
{
    int updated = 0;
    if (!walk.incremental) {
        auto clear = db.cached("DELETE FROM authors WHERE source_id = ?1");
        if (!clear)
            return clear.error();
        (*clear)->bind(1, sourceId);
        if (auto done = (*clear)->exec(); !done)
            return done.error();
        for (auto it = walk.authors.cbegin(); it != walk.authors.cend(); ++it) {
            if (auto stored = insertAuthors(db, sourceId, it.key(), it.value()); !stored)
                return stored.error();
            ++updated;
        }
        return updated;
    }

    // Newer authors first, then the stored list of the page (under its
    // name before any rename seen in the walk).
    for (auto it = walk.authors.cbegin(); it != walk.authors.cend(); ++it) {
        QList<AuthorEntry> merged = it.value();
        auto stored = storedAuthors(db, sourceId, walk.originOf.value(it.key(), it.key()));
        if (!stored)
            return stored.error();
        for (const AuthorEntry &a : std::as_const(*stored))
            addAuthor(merged, a);
        if (auto cleared = deleteAuthors(db, sourceId, it.key()); !cleared)
            return cleared.error();
        if (auto inserted = insertAuthors(db, sourceId, it.key(), merged); !inserted)
            return inserted.error();
        ++updated;
    }
    for (const QString &path : removed) {
        if (walk.authors.contains(path))
            continue;
        if (auto cleared = deleteAuthors(db, sourceId, path); !cleared)
            return cleared.error();
    }
    return updated;
}

} // namespace devzero::docindex
