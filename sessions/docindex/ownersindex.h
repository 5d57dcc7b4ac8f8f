#pragma once

// Keeps the owners table (CODEOWNERS match per current page) in step with a
// new revision: everything again when the CODEOWNERS file changed, else
// only the pages that appeared or went away.

#include "sessions/common/result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace devzero::docindex {

class GitRepository;
class SqliteConnection;
struct SourceRow;

struct OwnersUpdate
{
    QStringList problems; // CODEOWNERS lines GitHub would not honour
    int pagesOwned = 0;   // pages given owners in this run
};

// Every current page path, asked for only when everything must be redone.
using CurrentPages = std::function<Result<QStringList>()>;

// added/removed: the page paths this revision brought or took away.
// Updates row.codeownersPath/Blob.
Result<OwnersUpdate> updatePageOwners(SqliteConnection &db, const GitRepository &repo, SourceRow &row,
                                      const QString &commitId, const CurrentPages &currentPages,
                                      const QStringList &added, const QStringList &removed);

} // namespace devzero::docindex
