#include "sessions/docindex/ownersindex.h"

#include "sessions/docindex/codeowners.h"
#include "sessions/docindex/gitrepository.h"
#include "sessions/docindex/sourcerow.h"
#include "sessions/docindex/sqliteconnection.h"

namespace devzero::docindex {

namespace {

Result<void> storeOwners(SqliteConnection &db, qint64 sourceId, const CodeOwners &owners, const QStringList &paths,
                         int *owned)
{
    auto insert = db.cached("INSERT OR REPLACE INTO owners(source_id, path, owners, rule) VALUES(?1, ?2, ?3, ?4)");
    if (!insert)
        return insert.error();
    for (const QString &path : paths) {
        const CodeOwnersMatch match = owners.match(path);
        if (!match.matched)
            continue;
        const QString rule = QStringLiteral("%1:%2: %3").arg(owners.fileName()).arg(match.line).arg(match.pattern)
            + (match.owners.isEmpty() ? QString() : QLatin1Char(' ') + match.owners.join(QLatin1Char(' ')));
        (*insert)->bind(1, sourceId).bind(2, path).bind(3, match.owners.join(QLatin1Char(' '))).bind(4, rule);
        if (auto done = (*insert)->exec(); !done)
            return done;
        if (!match.owners.isEmpty())
            ++*owned;
    }
    return {};
}

} // namespace

Result<OwnersUpdate> updatePageOwners(SqliteConnection &db, const GitRepository &repo, SourceRow &row,
                                      const QString &commitId, const CurrentPages &currentPages,
                                      const QStringList &added, const QStringList &removed)
{
    OwnersUpdate update;
    QString location;
    QString blob;
    for (const QString &candidate : codeOwnersLocations()) {
        auto id = repo.fileId(commitId, candidate);
        if (!id)
            return id.error();
        if (!id->isEmpty()) {
            location = candidate;
            blob = *id;
            break;
        }
    }

    const bool changed = location != row.codeownersPath || blob != row.codeownersBlob;
    CodeOwners owners;
    if (!blob.isEmpty() && (changed || !added.isEmpty())) {
        auto text = repo.readBlob(blob);
        if (!text)
            return text.error();
        owners = CodeOwners::parse(*text, location);
        update.problems = owners.problems();
    }

    if (changed) {
        auto clear = db.cached("DELETE FROM owners WHERE source_id = ?1");
        if (!clear)
            return clear.error();
        (*clear)->bind(1, row.id);
        if (auto done = (*clear)->exec(); !done)
            return done.error();
        if (!blob.isEmpty()) {
            auto pages = currentPages();
            if (!pages)
                return pages.error();
            if (auto stored = storeOwners(db, row.id, owners, *pages, &update.pagesOwned); !stored)
                return stored.error();
        }
        row.codeownersPath = location;
        row.codeownersBlob = blob;
        return update;
    }

    auto remove = db.cached("DELETE FROM owners WHERE source_id = ?1 AND path = ?2");
    if (!remove)
        return remove.error();
    for (const QString &path : removed) {
        (*remove)->bind(1, row.id).bind(2, path);
        if (auto done = (*remove)->exec(); !done)
            return done.error();
    }
    if (!blob.isEmpty()) {
        if (auto stored = storeOwners(db, row.id, owners, added, &update.pagesOwned); !stored)
            return stored.error();
    }
    return update;
}

} // namespace devzero::docindex
