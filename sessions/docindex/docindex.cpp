#include "sessions/docindex/docindex.h"

#include "sessions/common/logging.h"
#include "sessions/docindex/gitrepository.h"
#include "sessions/docindex/indexer.h"
#include "sessions/docindex/indexschema.h"
#include "sessions/docindex/sourcerow.h"
#include "sessions/docindex/sqliteconnection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace devzero::docindex {

namespace {

bool isRemoteUrl(const QString &repo)
{
    static const QRegularExpression scpLike(QStringLiteral(R"(^[\w.\-]+@[\w.\-]+:)"));
    const QString scheme = QUrl(repo).scheme().toLower();
    return scheme == QLatin1String("https") || scheme == QLatin1String("http") || scheme == QLatin1String("ssh")
        || scheme == QLatin1String("git") || scpLike.match(repo).hasMatch();
}

QString localPathOf(const QString &repo)
{
    const QUrl url(repo);
    if (url.scheme() == QLatin1String("file"))
        return QFileInfo(url.toLocalFile()).absoluteFilePath();
    return QFileInfo(repo).absoluteFilePath();
}

QString normalisedSubdir(QString subdir)
{
    subdir = QDir::cleanPath(subdir.trimmed());
    while (subdir.startsWith(QLatin1Char('/')))
        subdir.remove(0, 1);
    while (subdir.endsWith(QLatin1Char('/')))
        subdir.chop(1);
    return subdir == QLatin1String(".") ? QString() : subdir;
}

} // namespace

Result<std::unique_ptr<DocIndex>> DocIndex::open(const QString &indexPath, const QString &clonesDir)
{
    auto connection = SqliteConnection::open(indexPath);
    if (!connection)
        return connection.error();
    if (auto prepared = prepareIndexSchema(**connection); !prepared)
        return prepared.error();
    std::unique_ptr<DocIndex> index(new DocIndex);
    index->m_indexPath = QFileInfo(indexPath).absoluteFilePath();
    index->m_clonesDir = clonesDir.isEmpty() ? QFileInfo(indexPath).absolutePath() + QStringLiteral("/clones")
                                             : QFileInfo(clonesDir).absoluteFilePath();
    index->m_db = std::move(*connection);
    return index;
}

DocIndex::~DocIndex() = default;

Result<SourceRow> DocIndex::loadSource(const QString &name)
{
    auto row = findSourceRow(*m_db, name);
    if (!row)
        return row.error();
    if (!*row)
        return makeError(QStringLiteral("no docs source named '%1' (see `devzero docs list`)").arg(name), m_indexPath);
    return **row;
}

Result<GitRepository *> DocIndex::repository(const SourceRow &row)
{
    auto it = m_repositories.constFind(row.localPath);
    if (it != m_repositories.constEnd())
        return it->get();
    auto opened = GitRepository::open(row.localPath);
    if (!opened)
        return Error{QStringLiteral("docs source '%1': %2").arg(row.name, opened.error().message), opened.error().where};
    std::shared_ptr<GitRepository> repo(std::move(*opened));
    m_repositories.insert(row.localPath, repo);
    return repo.get();
}

// The WAL is checkpointed here, between writes, once it is big enough to
// matter (and by SQLite when the last connection closes).
void DocIndex::checkpointIfLarge()
{
    constexpr qint64 kLargeWal = 64 * 1024 * 1024;
    if (QFileInfo(m_indexPath + QStringLiteral("-wal")).size() < kLargeWal)
        return;
    if (auto done = m_db->exec("PRAGMA wal_checkpoint(PASSIVE)"); !done)
        qCWarning(lcDocIndex) << "checkpoint failed:" << done.error().toString();
}

Result<IndexStats> DocIndex::reindex(SourceRow &row, const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    auto repo = repository(row);
    if (!repo)
        return repo.error();
    auto commit = (*repo)->resolveCommit(row.ref, row.cloned);
    if (!commit)
        return commit.error();
    Indexer indexer(*m_db, **repo, row, progress, cancel);
    return indexer.run(*commit);
}

Result<IndexStats> DocIndex::addSource(const SourceSpec &spec, const ProgressCallback &progress,
                                       const std::atomic_bool *cancel)
{
    if (!isValidSourceName(spec.name)) {
        return makeError(QStringLiteral("'%1' is not a valid source name: use up to 64 letters, digits, '.', '_' or '-'")
                             .arg(spec.name));
    }
    if (spec.repo.trimmed().isEmpty())
        return makeError(QStringLiteral("no repository given for docs source '%1'").arg(spec.name));
    auto existing = findSourceRow(*m_db, spec.name);
    if (!existing)
        return existing.error();
    if (*existing)
        return makeError(QStringLiteral("a docs source named '%1' already exists (remove it first, or update it)").arg(spec.name));

    SourceRow row;
    row.name = spec.name;
    row.repo = spec.repo;
    row.ref = spec.ref;
    row.subdir = normalisedSubdir(spec.subdir);
    row.siteUrl = spec.siteUrl;
    row.cloned = spec.clone || isRemoteUrl(spec.repo);

    QString cloneDir;
    if (row.cloned) {
        cloneDir = m_clonesDir + QLatin1Char('/') + spec.name;
        const QString partial = m_clonesDir + QStringLiteral("/.") + spec.name + QStringLiteral(".partial");
        QDir(partial).removeRecursively();
        QDir(cloneDir).removeRecursively(); // left by a crash: no source row owns it
        if (!QDir().mkpath(m_clonesDir))
            return makeError(QStringLiteral("cannot create the folder for clones"), m_clonesDir);
        if (progress)
            progress(Progress{Progress::Stage::Cloning, 0, 0, QStringLiteral("cloning %1").arg(spec.repo)});
        auto cloned = GitRepository::clone(spec.repo, partial, [&](const GitTransfer &t) {
            if (progress)
                progress(Progress{Progress::Stage::Cloning, t.receivedObjects, t.totalObjects,
                                  QStringLiteral("%1 bytes").arg(t.receivedBytes)});
        }, cancel);
        if (!cloned)
            return cloned.error();
        if (row.ref.isEmpty())
            row.ref = (*cloned)->headBranch(); // follow origin/<that branch> on update
        cloned->reset();
        if (!QDir().rename(partial, cloneDir)) {
            QDir(partial).removeRecursively();
            return makeError(QStringLiteral("cannot move the finished clone into place"), cloneDir);
        }
        row.localPath = cloneDir;
    } else {
        row.localPath = localPathOf(spec.repo);
    }

    const auto discardClone = [&] {
        m_repositories.remove(row.localPath);
        if (!cloneDir.isEmpty())
            QDir(cloneDir).removeRecursively();
    };
    QElapsedTimer timer; // the index run, not the clone
    timer.start();
    Transaction transaction(*m_db);
    if (!transaction.begun()) {
        discardClone();
        return transaction.begun().error();
    }
    if (auto saved = saveSourceRow(*m_db, row); !saved) {
        discardClone();
        return saved.error();
    }
    auto stats = reindex(row, progress, cancel);
    if (!stats) {
        discardClone();
        return stats.error();
    }
    const qint64 beforeCommit = timer.elapsed();
    if (auto committed = transaction.commit(); !committed) {
        discardClone();
        return committed.error();
    }
    stats->phaseMs.append({QStringLiteral("commit"), timer.elapsed() - beforeCommit});
    stats->elapsedMs = timer.elapsed();
    checkpointIfLarge();
    return stats;
}

Result<IndexStats> DocIndex::updateSource(const QString &name, const ProgressCallback &progress,
                                          const std::atomic_bool *cancel)
{
    auto row = loadSource(name);
    if (!row)
        return row.error();
    if (row->cloned) {
        auto repo = repository(*row);
        if (!repo)
            return repo.error();
        if (progress)
            progress(Progress{Progress::Stage::Fetching, 0, 0, QStringLiteral("fetching %1").arg(row->repo)});
        auto fetched = (*repo)->fetchOrigin([&](const GitTransfer &t) {
            if (progress)
                progress(Progress{Progress::Stage::Fetching, t.receivedObjects, t.totalObjects, {}});
        }, cancel);
        if (!fetched)
            return fetched.error();
    }
    return index(name, progress, cancel);
}

Result<IndexStats> DocIndex::index(const QString &name, const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    QElapsedTimer timer;
    timer.start();
    Transaction transaction(*m_db);
    if (!transaction.begun())
        return transaction.begun().error();
    auto row = loadSource(name);
    if (!row)
        return row.error();
    auto stats = reindex(*row, progress, cancel);
    if (!stats)
        return stats.error();
    const qint64 beforeCommit = timer.elapsed();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    stats->phaseMs.append({QStringLiteral("commit"), timer.elapsed() - beforeCommit});
    stats->elapsedMs = timer.elapsed();
    checkpointIfLarge();
    return stats;
}

Result<void> DocIndex::removeSource(const QString &name)
{
    auto row = loadSource(name);
    if (!row)
        return row.error();
    Transaction transaction(*m_db);
    if (!transaction.begun())
        return transaction.begun();
    auto search = m_db->cached("DELETE FROM page_fts WHERE source_id = ?1");
    if (!search)
        return search.error();
    (*search)->bind(1, row->id);
    if (auto done = (*search)->exec(); !done)
        return done;
    auto source = m_db->cached("DELETE FROM sources WHERE id = ?1");
    if (!source)
        return source.error();
    (*source)->bind(1, row->id);
    if (auto done = (*source)->exec(); !done)
        return done;
    if (auto committed = transaction.commit(); !committed)
        return committed;
    m_repositories.remove(row->localPath);
    // Only a clone the index made is deleted; a repository read in place is the user's.
    if (row->cloned && row->localPath.startsWith(m_clonesDir + QLatin1Char('/')))
        QDir(row->localPath).removeRecursively();
    return {};
}

Result<QList<SourceInfo>> DocIndex::sources()
{
    auto rows = allSourceRows(*m_db);
    if (!rows)
        return rows.error();
    QList<SourceInfo> infos;
    for (const SourceRow &row : std::as_const(*rows)) {
        auto count = currentPageCount(*m_db, row.id);
        if (!count)
            return count.error();
        infos << row.toInfo(*count);
    }
    return infos;
}

Result<SourceInfo> DocIndex::source(const QString &name)
{
    auto row = loadSource(name);
    if (!row)
        return row.error();
    auto count = currentPageCount(*m_db, row->id);
    if (!count)
        return count.error();
    return row->toInfo(*count);
}

Result<QStringList> DocIndex::pages(const QString &name)
{
    auto row = loadSource(name);
    if (!row)
        return row.error();
    auto stmt = m_db->cached("SELECT p.path FROM pages p JOIN revision_pages r ON r.page_id = p.id "
                             "WHERE r.source_id = ?1 AND r.last_seq IS NULL ORDER BY p.path");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, row->id);
    QStringList paths;
    for (;;) {
        auto next = (*stmt)->step();
        if (!next)
            return next.error();
        if (!*next)
            break;
        paths << (*stmt)->text(0);
    }
    (*stmt)->reset();
    return paths;
}

Result<QStringList> DocIndex::revisions(const QString &name)
{
    auto row = loadSource(name);
    if (!row)
        return row.error();
    auto stmt = m_db->cached("SELECT commit_id FROM revisions WHERE source_id = ?1 ORDER BY seq");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, row->id);
    QStringList commits;
    for (;;) {
        auto next = (*stmt)->step();
        if (!next)
            return next.error();
        if (!*next)
            break;
        commits << (*stmt)->text(0);
    }
    (*stmt)->reset();
    return commits;
}

} // namespace devzero::docindex
