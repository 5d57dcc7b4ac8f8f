#pragma once

// Schema of the docs index file (<lab data>/docs-index.sqlite): its own
// PRAGMA user_version and forward migrations, independent of the lab
// database. The index is a derived cache: everything in it can be rebuilt
// from the repositories, but a newer schema is still refused, never guessed.
//
// Revisions are kept as spans: revision_pages holds, for each parsed page
// version (source, path, blob), the range of revision sequence numbers in
// which it was current (last_seq NULL = current). A new revision touches only
// the rows of pages that changed, yet "which blob did this path have at
// revision N" stays one indexed query.

#include "sessions/common/result.h"

namespace devzero::docindex {

class SqliteConnection;

inline constexpr int kIndexSchemaVersion = 1;

// Sets the connection's pragmas (WAL, foreign keys) and migrates the schema
// forward. Fails on a schema newer than this binary knows.
Result<void> prepareIndexSchema(SqliteConnection &db);

} // namespace devzero::docindex
