#pragma once

// One row of the sources table, as the indexer and DocIndex use it.

#include "sessions/common/result.h"
#include "sessions/docindex/docindextypes.h"

#include <QList>
#include <QString>

#include <optional>

namespace devzero::docindex {

class SqliteConnection;

struct SourceRow
{
    qint64 id = 0;
    QString name;
    QString repo;
    QString localPath;
    QString ref;
    QString subdir;
    QString siteUrl;
    bool cloned = false;
    QString commitId;  // current revision
    qint64 seq = 0;    // sequence number of the current revision (0: none yet)
    QString codeownersPath;
    QString codeownersBlob;
    QString siteConfigBlob; // fingerprint of the site layout (mkdocs.yml path:blob:docs root)
    QString docsRoot;       // repository folder the site's URLs are relative to
    QString warnings;       // of the last index run, one per line
    qint64 indexedAt = 0;   // ms since the epoch, UTC

    SourceInfo toInfo(int pageCount) const;
};

Result<std::optional<SourceRow>> findSourceRow(SqliteConnection &db, const QString &name);
Result<QList<SourceRow>> allSourceRows(SqliteConnection &db);
// Inserts (id == 0, then sets id) or updates the row.
Result<void> saveSourceRow(SqliteConnection &db, SourceRow &row);
Result<int> currentPageCount(SqliteConnection &db, qint64 sourceId);

// Names are used as folder names for clones and as "name:path" prefixes.
bool isValidSourceName(const QString &name);

} // namespace devzero::docindex
