#include "sessions/docindex/sourcerow.h"

#include "sessions/docindex/sqliteconnection.h"

#include <QRegularExpression>

namespace devzero::docindex {

namespace {

constexpr const char kSelectColumns[] =
    "SELECT id, name, repo, local_path, ref, subdir, site_url, cloned, commit_id, seq, codeowners_path, "
    "codeowners_blob, site_config_blob, warnings, indexed_at, docs_root FROM sources";

SourceRow readRow(const Statement &stmt)
{
    SourceRow row;
    row.id = stmt.int64(0);
    row.name = stmt.text(1);
    row.repo = stmt.text(2);
    row.localPath = stmt.text(3);
    row.ref = stmt.text(4);
    row.subdir = stmt.text(5);
    row.siteUrl = stmt.text(6);
    row.cloned = stmt.int64(7) != 0;
    row.commitId = stmt.text(8);
    row.seq = stmt.int64(9);
    row.codeownersPath = stmt.text(10);
    row.codeownersBlob = stmt.text(11);
    row.siteConfigBlob = stmt.text(12);
    row.warnings = stmt.text(13);
    row.indexedAt = stmt.int64(14);
    row.docsRoot = stmt.text(15);
    return row;
}

} // namespace

SourceInfo SourceRow::toInfo(int pageCount) const
{
    SourceInfo info;
    info.name = name;
    info.repo = repo;
    info.localPath = localPath;
    info.ref = ref;
    info.subdir = subdir;
    info.siteUrl = siteUrl;
    info.cloned = cloned;
    info.commitId = commitId;
    if (indexedAt > 0)
        info.indexedAt = QDateTime::fromMSecsSinceEpoch(indexedAt, Qt::UTC);
    info.pageCount = pageCount;
    return info;
}

Result<std::optional<SourceRow>> findSourceRow(SqliteConnection &db, const QString &name)
{
    static const QByteArray sql = QByteArray(kSelectColumns) + " WHERE name = ?1";
    auto stmt = db.cached(sql.constData());
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, name);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    std::optional<SourceRow> result;
    if (*row)
        result = readRow(**stmt);
    (*stmt)->reset();
    return result;
}

Result<QList<SourceRow>> allSourceRows(SqliteConnection &db)
{
    static const QByteArray sql = QByteArray(kSelectColumns) + " ORDER BY name";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    QList<SourceRow> rows;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        rows << readRow(*stmt);
    }
    return rows;
}

Result<void> saveSourceRow(SqliteConnection &db, SourceRow &row)
{
    const char *sql = row.id == 0
        ? "INSERT INTO sources(name, repo, local_path, ref, subdir, site_url, cloned, commit_id, seq, codeowners_path, "
          "codeowners_blob, site_config_blob, warnings, indexed_at, docs_root) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
          "?9, ?10, ?11, ?12, ?13, ?14, ?16)"
        : "UPDATE sources SET name = ?1, repo = ?2, local_path = ?3, ref = ?4, subdir = ?5, site_url = ?6, cloned = ?7, "
          "commit_id = ?8, seq = ?9, codeowners_path = ?10, codeowners_blob = ?11, site_config_blob = ?12, "
          "warnings = ?13, indexed_at = ?14, docs_root = ?16 WHERE id = ?15";
    auto stmt = db.cached(sql);
    if (!stmt)
        return stmt.error();
    Statement &s = **stmt;
    s.bind(1, row.name).bind(2, row.repo).bind(3, row.localPath).bind(4, row.ref);
    s.bind(5, row.subdir).bind(6, row.siteUrl);
    s.bind(7, row.cloned).bind(8, row.commitId).bind(9, row.seq);
    s.bind(10, row.codeownersPath);
    s.bind(11, row.codeownersBlob);
    s.bind(12, row.siteConfigBlob);
    s.bind(13, row.warnings).bind(14, row.indexedAt);
    s.bind(16, row.docsRoot);
    if (row.id != 0)
        s.bind(15, row.id);
    auto done = s.exec();
    if (!done)
        return done;
    if (row.id == 0)
        row.id = db.lastInsertId();
    return {};
}

Result<int> currentPageCount(SqliteConnection &db, qint64 sourceId)
{
    auto stmt = db.cached("SELECT count(*) FROM revision_pages WHERE source_id = ?1 AND last_seq IS NULL");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, sourceId);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const int count = *row ? (*stmt)->integer(0) : 0;
    (*stmt)->reset();
    return count;
}

bool isValidSourceName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return valid.match(name).hasMatch();
}

} // namespace devzero::docindex
