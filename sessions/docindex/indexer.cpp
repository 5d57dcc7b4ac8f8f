#include "sessions/docindex/indexer.h"

#include "sessions/common/logging.h"
#include "sessions/docindex/gitrepository.h"
#include "sessions/docindex/linkresolver.h"
#include "sessions/docindex/parsepool.h"
#include "sessions/docindex/authorsindex.h"
#include "sessions/docindex/ownersindex.h"
#include "sessions/docindex/indexedpages.h"
#include "sessions/docindex/parsedpage.h"
#include "sessions/docindex/siteurls.h"
#include "sessions/docindex/sourcerow.h"
#include "sessions/docindex/sqliteconnection.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>

#include <optional>
#include <thread>

namespace devzero::docindex {

Indexer::Indexer(SqliteConnection &db, const GitRepository &repo, SourceRow &row, const ProgressCallback &progress,
                 const std::atomic_bool *cancel)
    : m_db(db), m_repo(repo), m_row(row), m_progress(progress), m_cancel(cancel)
{
}

void Indexer::report(Progress::Stage stage, qint64 done, qint64 total, const QString &message)
{
    if (m_progress)
        m_progress(Progress{stage, done, total, message});
}

Result<QStringList> Indexer::currentPagePaths()
{
    auto stmt = m_db.cached("SELECT p.path FROM pages p JOIN revision_pages r ON r.page_id = p.id "
                            "WHERE r.source_id = ?1 AND r.last_seq IS NULL");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, m_row.id);
    QStringList paths;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        paths << (*stmt)->text(0);
    }
    (*stmt)->reset();
    return paths;
}

// The previous revision cannot be diffed against (its commit is gone, e.g.
// after a force push): every page leaves the current revision, and the run
// starts over; page versions still in the tree are reused, not re-parsed.
Result<void> Indexer::closeCurrentPages(qint64 lastSeq)
{
    PageStore store(m_db);
    auto ids = m_db.prepare("SELECT page_id FROM revision_pages WHERE source_id = ?1 AND last_seq IS NULL");
    if (!ids)
        return ids.error();
    ids->bind(1, m_row.id);
    QList<qint64> pageIds;
    for (;;) {
        auto row = ids->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        pageIds << ids->int64(0);
    }
    for (qint64 id : std::as_const(pageIds)) {
        if (auto removed = store.removeFromSearch(id); !removed)
            return removed;
        if (auto closed = store.closeSpan(id, lastSeq); !closed)
            return closed;
    }
    auto assets = m_db.cached("DELETE FROM assets WHERE source_id = ?1");
    if (!assets)
        return assets.error();
    (*assets)->bind(1, m_row.id);
    if (auto done = (*assets)->exec(); !done)
        return done;
    m_row.codeownersPath.clear();
    m_row.codeownersBlob.clear();
    m_row.siteConfigBlob.clear();
    return {};
}

Result<IndexStats> Indexer::run(const QString &commitId)
{
    QElapsedTimer timer;
    timer.start();
    IndexStats stats;
    stats.source = m_row.name;
    stats.commitId = commitId;
    stats.previousCommitId = m_row.commitId;

    if (m_row.seq > 0 && m_row.commitId == commitId) {
        auto total = currentPageCount(m_db, m_row.id);
        if (!total)
            return total.error();
        stats.unchanged = true;
        stats.pagesTotal = *total;
        stats.pagesReused = *total;
        stats.elapsedMs = timer.elapsed();
        return stats;
    }

    if (!m_row.subdir.isEmpty()) {
        auto exists = m_repo.hasFolder(commitId, m_row.subdir);
        if (!exists)
            return exists.error();
        if (!*exists) {
            return makeError(QStringLiteral("folder '%1' not found in commit %2").arg(m_row.subdir, commitId.left(12)),
                             m_row.localPath);
        }
    }

    const qint64 previousSeq = m_row.seq;
    const qint64 seq = previousSeq + 1;
    const bool incremental = !m_row.commitId.isEmpty() && m_repo.commit(m_row.commitId).ok();
    if (!incremental && previousSeq > 0) {
        stats.notes << QStringLiteral("previous commit %1 is no longer in the repository (history rewritten and "
                                      "garbage-collected?): full re-index of %2; pages of earlier revisions stay in the index")
                           .arg(m_row.commitId.left(12), commitId.left(12));
        if (auto closed = closeCurrentPages(previousSeq); !closed)
            return closed.error();
    }

    QElapsedTimer phase;
    phase.start();
    const auto endPhase = [&](const char *name) { stats.phaseMs.append({QString::fromLatin1(name), phase.restart()}); };
    report(Progress::Stage::Reading, 0, 0, QStringLiteral("reading the tree of %1").arg(commitId.left(12)));
    auto changes = m_repo.diffCommits(incremental ? m_row.commitId : QString(), commitId, m_row.subdir);
    if (!changes)
        return changes.error();

    QList<PageJob> opened;
    QStringList closedPaths;
    QStringList addedAssets;
    QStringList removedAssets;
    for (const GitChange &change : std::as_const(*changes)) {
        const GitEntry &oldEntry = change.oldEntry;
        const GitEntry &newEntry = change.newEntry;
        if (!oldEntry.path.isEmpty()) {
            if (isPagePath(oldEntry.path) && oldEntry.isRegularFile())
                closedPaths << oldEntry.path;
            else if (oldEntry.kind != GitEntry::Kind::Submodule)
                removedAssets << oldEntry.path;
        }
        if (newEntry.path.isEmpty())
            continue;
        if (newEntry.kind == GitEntry::Kind::Submodule) {
            stats.notes << QStringLiteral("%1: submodule skipped (its pages live in another repository)").arg(newEntry.path);
            ++stats.pagesSkipped;
        } else if (isPagePath(newEntry.path) && newEntry.kind == GitEntry::Kind::Symlink) {
            stats.notes << QStringLiteral("%1: symbolic link skipped (the page it points to is indexed under its own path)")
                               .arg(newEntry.path);
            ++stats.pagesSkipped;
            addedAssets << newEntry.path; // links to it still reach something
        } else if (isPagePath(newEntry.path) && newEntry.isRegularFile()) {
            opened << PageJob{newEntry.path, newEntry.id};
        } else {
            addedAssets << newEntry.path;
        }
    }

    endPhase("tree");
    PageStore store(m_db);
    for (const QString &path : std::as_const(closedPaths)) {
        auto id = store.current(m_row.id, path);
        if (!id)
            return id.error();
        if (*id == 0)
            continue;
        if (auto removed = store.removeFromSearch(*id); !removed)
            return removed.error();
        if (auto closed = store.closeSpan(*id, previousSeq); !closed)
            return closed.error();
    }

    // The history walk for last authors needs only the page paths: on a
    // big run it goes to its own thread while the pages are parsed. Only
    // new commits are walked when the old tip is in the new history; after
    // a history rewrite every page's authors are found again.
    const bool linear = incremental && m_repo.isAncestor(m_row.commitId, commitId);
    if (incremental && !linear) {
        stats.notes << QStringLiteral("history rewritten: previous commit %1 is not an ancestor of %2 (force-push?); "
                                      "last authors are found again from the new history")
                           .arg(m_row.commitId.left(12), commitId.left(12));
    }
    QSet<QString> pagePaths;
    if (incremental && !linear) {
        auto unchanged = currentPagePaths(); // changed pages' spans are closed by now
        if (!unchanged)
            return unchanged.error();
        pagePaths = QSet<QString>(unchanged->cbegin(), unchanged->cend());
    }
    for (const PageJob &job : std::as_const(opened))
        pagePaths.insert(job.path);
    const QString previousCommit = linear ? m_row.commitId : QString();
    std::atomic_bool abortWalk{false};
    std::optional<Result<AuthorWalk>> walkResult;
    std::thread walker;
    if (opened.size() >= 32) {
        walker = std::thread([&, repoPath = m_repo.path(), subdir = m_row.subdir] {
            auto repo = GitRepository::open(repoPath);
            if (!repo)
                walkResult = Result<AuthorWalk>(repo.error());
            else
                walkResult = walkPageAuthors(**repo, subdir, commitId, previousCommit, pagePaths, m_cancel, &abortWalk);
        });
    }
    // Every return below joins the walker first; an early one stops it.
    struct Joiner
    {
        std::thread &thread;
        std::atomic_bool &abort;
        bool finished = false;
        ~Joiner()
        {
            if (!finished)
                abort.store(true);
            if (thread.joinable())
                thread.join();
        }
    } joiner{walker, abortWalk};

    QList<qint64> newPageIds;
    QStringList openedPaths;
    QSet<QString> skippedPaths;
    qint64 readNs = 0;
    qint64 parseNs = 0;
    qint64 searchNs = 0;
    QElapsedTimer step;
    const qint64 total = opened.size();
    report(Progress::Stage::Parsing, 0, total);
    ParsePool pool(m_repo, opened, m_cancel);
    for (qsizetype i = 0; i < pool.size(); ++i) {
        if (cancelled())
            return makeError(QStringLiteral("indexing cancelled"), m_row.name);
        if (i % 256 == 0 && i > 0)
            report(Progress::Stage::Parsing, i, total);
        const PageJob &job = pool.job(i);
        ParsedJob parsed = pool.take(i);
        readNs += parsed.readNs;
        parseNs += parsed.parseNs;
        switch (parsed.outcome) {
        case ParsedJob::Outcome::Failed:
            return parsed.error;
        case ParsedJob::Outcome::TooLarge:
            stats.warnings << QStringLiteral("%1: skipped: %2 bytes is over the %3 MB page size limit")
                                  .arg(job.path).arg(parsed.size).arg(kMaxPageBytes / (1024 * 1024));
            ++stats.pagesSkipped;
            skippedPaths.insert(job.path);
            continue;
        case ParsedJob::Outcome::Binary:
            stats.warnings << QStringLiteral("%1: skipped: binary content (a NUL byte), not a Markdown page").arg(job.path);
            ++stats.pagesSkipped;
            skippedPaths.insert(job.path);
            continue;
        case ParsedJob::Outcome::Parsed:
            break;
        }
        const ParsedPage &page = parsed.page;
        ++stats.pagesParsed;
        stats.bytesParsed += parsed.size;
        // A source's first index has no page versions to reuse.
        auto existing = previousSeq > 0 ? store.find(m_row.id, job.path, job.blobId) : Result<qint64>(qint64(0));
        if (!existing)
            return existing.error();
        qint64 pageId = *existing;
        QList<qint64> sectionIds;
        const bool fresh = pageId == 0;
        if (fresh) {
            for (const QString &warning : page.warnings)
                stats.warnings << job.path + QStringLiteral(": ") + warning;
            for (const QList<Link> *list : {&page.links, &page.images}) {
                for (const Link &link : *list) {
                    if (link.escapesRepository) {
                        stats.warnings << QStringLiteral("%1:%2: link '%3' leads out of the repository; not followed")
                                              .arg(job.path).arg(link.line).arg(link.target);
                    }
                }
            }
            auto inserted = store.insert(m_row.id, job.blobId, parsed.size, page, &sectionIds);
            if (!inserted)
                return inserted.error();
            pageId = *inserted;
        }
        step.start();
        if (auto searchable = store.addToSearch(m_row.id, pageId, page, fresh ? &sectionIds : nullptr); !searchable)
            return searchable.error();
        searchNs += step.nsecsElapsed();
        if (auto spanned = store.openSpan(m_row.id, pageId, seq); !spanned)
            return spanned.error();
        newPageIds << pageId;
        openedPaths << job.path;
    }
    report(Progress::Stage::Parsing, total, total);
    const qint64 pagesMs = phase.restart();
    // Reading and parsing overlap the writing when workers run them: their
    // times add up the workers' clocks, so they may exceed the wall time.
    stats.phaseMs.append({QStringLiteral("read (workers)"), readNs / 1000000});
    stats.phaseMs.append({QStringLiteral("parse (workers)"), parseNs / 1000000});
    stats.phaseMs.append({QStringLiteral("fts"), searchNs / 1000000});
    stats.phaseMs.append({QStringLiteral("pages (wall)"), pagesMs});

    auto insertAsset = m_db.cached("INSERT OR IGNORE INTO assets(source_id, path) VALUES(?1, ?2)");
    auto deleteAsset = m_db.cached("DELETE FROM assets WHERE source_id = ?1 AND path = ?2");
    if (!insertAsset || !deleteAsset)
        return !insertAsset ? insertAsset.error() : deleteAsset.error();
    for (const QString &path : std::as_const(removedAssets)) {
        (*deleteAsset)->bind(1, m_row.id).bind(2, path);
        if (auto done = (*deleteAsset)->exec(); !done)
            return done.error();
    }
    for (const QString &path : std::as_const(addedAssets)) {
        (*insertAsset)->bind(1, m_row.id).bind(2, path);
        if (auto done = (*insertAsset)->exec(); !done)
            return done.error();
    }

    report(Progress::Stage::Writing, 0, 0, QStringLiteral("checking links"));
    LinkResolver links(m_db, m_row.id, m_row.subdir);
    if (auto resolved = links.resolvePages(newPageIds); !resolved)
        return resolved.error();
    if (incremental) {
        QSet<QString> changed(closedPaths.cbegin(), closedPaths.cend());
        for (const QString &p : std::as_const(openedPaths))
            changed.insert(p);
        for (const QString &p : std::as_const(addedAssets))
            changed.insert(p);
        for (const QString &p : std::as_const(removedAssets))
            changed.insert(p);
        if (auto resolved = links.resolveLinksTo(changed); !resolved)
            return resolved.error();
    }

    endPhase("links");
    // Pages that came or went (a changed page keeps its path: same owners, same URL).
    const QSet<QString> closedSet(closedPaths.cbegin(), closedPaths.cend());
    const QSet<QString> openedSet(openedPaths.cbegin(), openedPaths.cend());
    QStringList addedPages;
    QStringList removedPages;
    for (const QString &p : std::as_const(openedPaths)) {
        if (!closedSet.contains(p))
            addedPages << p;
    }
    for (const QString &p : std::as_const(closedPaths)) {
        if (!openedSet.contains(p))
            removedPages << p;
    }
    const auto current = [this]() { return currentPagePaths(); };

    report(Progress::Stage::Writing, 0, 0, QStringLiteral("reading CODEOWNERS"));
    auto owners = updatePageOwners(m_db, m_repo, m_row, commitId, current, addedPages, removedPages);
    if (!owners)
        return owners.error();
    stats.warnings << owners->problems;

    auto layout = readSiteLayout(m_repo, commitId, m_row.subdir, m_row.siteConfigBlob,
                                 !addedPages.isEmpty() || !removedPages.isEmpty());
    if (!layout)
        return layout.error();
    stats.warnings << layout->navProblems;
    m_row.siteConfigBlob = layout->fingerprint();
    m_row.docsRoot = layout->docsRoot;
    endPhase("owners+urls");

    report(Progress::Stage::History, 0, 0, QStringLiteral("finding the last authors of each page"));
    if (walker.joinable()) {
        walker.join();
    } else {
        walkResult = walkPageAuthors(m_repo, m_row.subdir, commitId, previousCommit, pagePaths, m_cancel);
    }
    joiner.finished = true;
    if (cancelled())
        return makeError(QStringLiteral("indexing cancelled"), m_row.name);
    if (!walkResult || !*walkResult)
        return walkResult ? walkResult->error() : makeError(QStringLiteral("history walk did not run"), m_row.name);
    AuthorWalk &walk = **walkResult;
    for (const QString &skipped : std::as_const(skippedPaths))
        walk.authors.remove(skipped); // binary or too large: not a page
    auto authors = storePageAuthors(m_db, m_row.id, walk, removedPages);
    if (!authors)
        return authors.error();
    stats.commitsWalked = walk.commitsWalked;
    endPhase("authors (wait+store)");

    auto pageCount = currentPageCount(m_db, m_row.id);
    if (!pageCount)
        return pageCount.error();
    stats.pagesTotal = *pageCount;
    stats.pagesReused = stats.pagesTotal - int(newPageIds.size());
    stats.pagesRemoved = int(removedPages.size());

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto revision = m_db.cached("INSERT INTO revisions(source_id, seq, commit_id, indexed_at, page_count) "
                                "VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!revision)
        return revision.error();
    (*revision)->bind(1, m_row.id).bind(2, seq).bind(3, commitId).bind(4, now).bind(5, stats.pagesTotal);
    if (auto done = (*revision)->exec(); !done)
        return done.error();

    m_row.commitId = commitId;
    m_row.seq = seq;
    m_row.indexedAt = now;
    m_row.warnings = stats.warnings.join(QLatin1Char('\n'));
    if (auto saved = saveSourceRow(m_db, m_row); !saved)
        return saved.error();

    stats.elapsedMs = timer.elapsed();
    report(Progress::Stage::Done, stats.pagesTotal, stats.pagesTotal);
    qCDebug(lcDocIndex) << "indexed" << m_row.name << commitId.left(12) << "parsed" << stats.pagesParsed << "reused"
                        << stats.pagesReused << "in" << stats.elapsedMs << "ms";
    return stats;
}

} // namespace devzero::docindex
