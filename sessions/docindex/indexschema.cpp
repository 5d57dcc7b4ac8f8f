#include "sessions/docindex/indexschema.h"

#include "sessions/docindex/sqliteconnection.h"

#include <iterator>

namespace devzero::docindex {

namespace {

// Migration N takes the schema from version N to N+1. Append, never edit.
const char *const kMigrations[] = {
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE sources(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  repo TEXT NOT NULL,
  local_path TEXT NOT NULL,
  ref TEXT NOT NULL DEFAULT '',
  subdir TEXT NOT NULL DEFAULT '',
  site_url TEXT NOT NULL DEFAULT '',
  cloned INTEGER NOT NULL DEFAULT 0,
  commit_id TEXT NOT NULL DEFAULT '',
  seq INTEGER NOT NULL DEFAULT 0,
  codeowners_path TEXT NOT NULL DEFAULT '',
  codeowners_blob TEXT NOT NULL DEFAULT '',
  site_config_blob TEXT NOT NULL DEFAULT '',
  docs_root TEXT NOT NULL DEFAULT '',
  warnings TEXT NOT NULL DEFAULT '',
  indexed_at INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE revisions(
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  commit_id TEXT NOT NULL,
  indexed_at INTEGER NOT NULL,
  page_count INTEGER NOT NULL,
  UNIQUE(source_id, seq)
);
CREATE INDEX revisions_by_commit ON revisions(source_id, commit_id);

CREATE TABLE pages(
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  blob_id TEXT NOT NULL,
  title TEXT NOT NULL,
  size INTEGER NOT NULL,
  line_count INTEGER NOT NULL,
  front_matter_format TEXT NOT NULL DEFAULT '',
  warnings TEXT NOT NULL DEFAULT '',
  UNIQUE(source_id, path, blob_id)
);

CREATE TABLE revision_pages(
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL,
  first_seq INTEGER NOT NULL,
  last_seq INTEGER,
  PRIMARY KEY(page_id, first_seq)
) WITHOUT ROWID;
CREATE INDEX revision_pages_current ON revision_pages(source_id, last_seq);

CREATE TABLE sections(
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  anchor TEXT NOT NULL,
  heading TEXT NOT NULL,
  level INTEGER NOT NULL,
  start_line INTEGER NOT NULL,
  end_line INTEGER NOT NULL
);
CREATE INDEX sections_by_page ON sections(page_id, anchor);

CREATE TABLE links(
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  path TEXT NOT NULL DEFAULT '',
  anchor TEXT NOT NULL DEFAULT '',
  host TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  line INTEGER NOT NULL,
  escapes INTEGER NOT NULL DEFAULT 0,
  image INTEGER NOT NULL DEFAULT 0,
  status INTEGER NOT NULL DEFAULT 0,
  resolved_path TEXT NOT NULL DEFAULT ''
);
CREATE INDEX links_by_page ON links(page_id);
CREATE INDEX links_by_target ON links(path) WHERE path <> '';

CREATE TABLE code_blocks(
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  start_line INTEGER NOT NULL,
  end_line INTEGER NOT NULL
);
CREATE INDEX code_blocks_by_page ON code_blocks(page_id);

CREATE TABLE commands(
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  program TEXT NOT NULL,
  text TEXT NOT NULL,
  line INTEGER NOT NULL
);
CREATE INDEX commands_by_page ON commands(page_id);

CREATE TABLE terms(
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  meaning TEXT NOT NULL DEFAULT '',
  line INTEGER NOT NULL,
  count INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY(page_id, kind, text, line)
) WITHOUT ROWID;

CREATE TABLE assets(
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  PRIMARY KEY(source_id, path)
) WITHOUT ROWID;

CREATE TABLE owners(
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  owners TEXT NOT NULL,
  rule TEXT NOT NULL,
  PRIMARY KEY(source_id, path)
) WITHOUT ROWID;

CREATE TABLE authors(
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  rank INTEGER NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  commit_id TEXT NOT NULL,
  time INTEGER NOT NULL,
  PRIMARY KEY(source_id, path, rank)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE page_fts USING fts5(
  title, heading, body, source_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
)sql",
};

constexpr int kMigrationCount = int(std::size(kMigrations));
static_assert(kMigrationCount == kIndexSchemaVersion, "one migration per schema version");

} // namespace

Result<void> prepareIndexSchema(SqliteConnection &db)
{
    // WAL: readers (the GUI) never block the indexer and vice versa.
    // synchronous=NORMAL is enough for a cache that can be rebuilt. No
    // automatic checkpoint inside a commit: copying a fresh full index from
    // the WAL into the file would double the commit; DocIndex checkpoints
    // when the WAL grows large, and SQLite does when the connection closes.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                               "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-32000", "PRAGMA wal_autocheckpoint=0"}) {
        auto done = db.exec(pragma);
        if (!done)
            return Error{QStringLiteral("cannot configure the docs index: %1").arg(done.error().message), db.path()};
    }
    auto version = db.scalar("PRAGMA user_version");
    if (!version)
        return Error{QStringLiteral("cannot read the docs index: %1").arg(version.error().message), db.path()};
    if (*version > kIndexSchemaVersion) {
        return makeError(QStringLiteral("the docs index has schema version %1 but this devzero knows only up to %2; "
                                        "use a newer devzero or delete the file to rebuild it")
                             .arg(*version)
                             .arg(kIndexSchemaVersion),
                         db.path());
    }
    if (*version == kIndexSchemaVersion)
        return {};

    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun().error();
    for (int step = int(*version); step < kMigrationCount; ++step) {
        auto migrated = db.exec(kMigrations[step]);
        if (!migrated) {
            return Error{QStringLiteral("migrating the docs index to version %1 failed: %2")
                             .arg(step + 1)
                             .arg(migrated.error().message),
                         db.path()};
        }
    }
    auto stamped = db.exec(QStringLiteral("PRAGMA user_version=%1").arg(kIndexSchemaVersion).toUtf8().constData());
    if (!stamped)
        return stamped;
    return transaction.commit();
}

} // namespace devzero::docindex
