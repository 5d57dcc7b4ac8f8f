// Incremental indexing: unchanged blobs are never parsed again, earlier
// revisions stay answerable, links and authors follow the changes.

#include "sessions/docindex/docindex.h"
#include "tests/docindex/acmedocs.h"
#include "tests/docindex/docindextesthelpers.h"
#include "tests/docindex/fixturerepo.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::docindex;
using namespace devzero::test;

namespace {

struct Lab
{
    QTemporaryDir dir;
    std::unique_ptr<FixtureRepo> repo;
    std::unique_ptr<DocIndex> index;
    AcmeDocs docs;

    QString error;
    bool setUp()
    {
        repo = std::make_unique<FixtureRepo>(dir.filePath(QStringLiteral("acme")));
        docs = buildAcmeDocs(*repo);
        if (!repo->ok()) {
            error = repo->error();
            return false;
        }
        auto opened = DocIndex::open(dir.filePath(QStringLiteral("data/docs-index.sqlite")));
        if (!opened) {
            error = opened.error().toString();
            return false;
        }
        index = std::move(*opened);
        SourceSpec spec;
        spec.name = QStringLiteral("acme");
        spec.repo = repo->path();
        spec.subdir = QStringLiteral("docs");
        auto added = index->addSource(spec);
        if (!added)
            error = added.error().toString();
        return added.ok();
    }
};

QString message(const Result<IndexStats> &r)
{
    return r ? QString() : r.error().toString();
}

} // namespace

class TestDocIndexIncremental : public QObject
{
    Q_OBJECT

private slots:
    void oneChangedPageIsParsedAlone();
    void unchangedRefParsesNothing();
    void earlierRevisionsStillResolve();
    void removedPageLeavesTheCurrentRevision();
    void linkStatusFollowsItsTarget();
    void revertedPageGetsItsOldVersionBack();
    void newAuthorComesFirst();
    void renameKeepsAuthors();
    void rewrittenHistoryReindexesFromScratch();
    void cancelKeepsThePreviousIndex();
    void updateFetchesAClone();
    void codeOwnersChangeReassignsEveryPage();
    void rewrittenHistoryRecomputesAuthors();
    void fullWalkStopsWhenEveryPageHasFiveAuthors();
    void manyPagesOnWorkerThreads();
};

void TestDocIndexIncremental::oneChangedPageIsParsedAlone()
{
    Lab lab;
    QVERIFY2(lab.setUp(), qPrintable(lab.error));
    lab.repo->write(QStringLiteral("docs/guide/waves.md"), "# Rollout waves\n\nNow with flamingos.\n");
    const QString commit = lab.repo->commit(QStringLiteral("Flamingos"), QStringLiteral("Katherine Johnson"),
                                            QStringLiteral("kj@example.com"));
    auto stats = lab.index->index(QStringLiteral("acme"));
    QVERIFY2(stats, qPrintable(message(stats)));
    QCOMPARE(stats->pagesParsed, 1);
    QCOMPARE(stats->pagesReused, lab.docs.pageCount - 1);
    QCOMPARE(stats->pagesTotal, lab.docs.pageCount);
    QCOMPARE(stats->pagesRemoved, 0);
    QCOMPARE(stats->commitId, commit);
    QCOMPARE(stats->previousCommitId, lab.docs.commits.last());
    QCOMPARE(stats->commitsWalked, 1); // only the new commit's history

    auto found = lab.index->search(QStringLiteral("flamingos"));
    QVERIFY(found);
    QCOMPARE(pathsOf(*found), QStringList{QStringLiteral("docs/guide/waves.md")});
    auto gone = lab.index->search(QStringLiteral("annotations")); // only in the old version
    QVERIFY(gone);
    QVERIFY(gone->isEmpty());
}

void TestDocIndexIncremental::unchangedRefParsesNothing()
{
    Lab lab;
    QVERIFY2(lab.setUp(), qPrintable(lab.error));
    auto stats = lab.index->index(QStringLiteral("acme"));
    QVERIFY2(stats, qPrintable(message(stats)));
    QVERIFY(stats->unchanged);
    QCOMPARE(stats->pagesParsed, 0);
    QCOMPARE(stats->pagesReused, lab.docs.pageCount);
    auto revisions = lab.index->revisions(QStringLiteral("acme"));
    QVERIFY(revisions);
    QCOMPARE(revisions->size(), 1);
}

void TestDocIndexIncremental::earlierRevisionsStillResolve()
{
    Lab lab;
    QVERIFY2(lab.setUp(), qPrintable(lab.error));
    auto before = lab.index->page(QStringLiteral("docs/guide/waves.md"));
    QVERIFY(before);
    lab.repo->write(QStringLiteral("docs/guide/waves.md"), "# Waves, renamed title\n\nShorter.\n");
    const QString second = lab.repo->commit(QStringLiteral("Retitle"));
    QVERIFY(lab.index->index(QStringLiteral("acme")));

    const QString first = lab.docs.commits.last();
    auto current = lab.index->page(QStringLiteral("docs/guide/waves.md"));
    QVERIFY(current);
    QCOMPARE(current->title, QStringLiteral("Waves, renamed title"));
    QCOMPARE(current->commitId, second);
    auto old = lab.index->page(QStringLiteral("docs/guide/waves.md"), {}, first.left(8));
    QVERIFY2(old, qPrintable(old ? QString() : old.error().toString()));
    QCOMPARE(old->title, QStringLiteral("Rollout waves"));
    QCOMPARE(old->blobId, before->blobId);
    QCOMPARE(old->commitId, first);
    QVERIFY(anchorsOf(*old).contains(QStringLiteral("hooks")));
    auto oldBytes = lab.index->readPageBlob(QStringLiteral("docs/guide/waves.md"), {}, first);
    QVERIFY(oldBytes);
    QVERIFY(oldBytes->startsWith("# Rollout waves"));
    // A page that did not change is the same version at both revisions.
    auto same = lab.index->page(QStringLiteral("docs/index.md"), {}, first);
    QVERIFY(same);
    QCOMPARE(same->blobId, lab.index->page(QStringLiteral("docs/index.md"))->blobId);
    auto revisions = lab.index->revisions(QStringLiteral("acme"));
    QVERIFY(revisions);
    QCOMPARE(*revisions, (QStringList{first, second}));
    auto never = lab.index->page(QStringLiteral("docs/index.md"), {}, QStringLiteral("0123456789"));
    QVERIFY(!never);
    QVERIFY(never.error().message.contains(QStringLiteral("no indexed revision matches")));
}

void TestDocIndexIncremental::removedPageLeavesTheCurrentRevision()
{
    Lab lab;
    QVERIFY2(lab.setUp(), qPrintable(lab.error));
    lab.repo->remove(QStringLiteral("docs/reference/ordering.md"));
    lab.repo->commit(QStringLiteral("Drop ordering"));
    auto stats = lab.index->index(QStringLiteral("acme"));
    QVERIFY2(stats, qPrintable(message(stats)));
    QCOMPARE(stats->pagesRemoved, 1);
    QCOMPARE(stats->pagesParsed, 0);
    QCOMPARE(stats->pagesTotal, lab.docs.pageCount - 1);
    QVERIFY(!lab.index->page(QStringLiteral("docs/reference/ordering.md")));
    QVERIFY(lab.index->page(QStringLiteral("docs/reference/ordering.md"), {}, lab.docs.commits.last()));
    auto results = lab.index->search(QStringLiteral("beach"));
    QVERIFY(results);
    QVERIFY(results->isEmpty());
}

void TestDocIndexIncremental::linkStatusFollowsItsTarget()
{
    Lab lab;
    QVERIFY2(lab.setUp(), qPrintable(lab.error));
    const auto statusOf = [&](const QString &target) {
        auto page = lab.index->page(QStringLiteral("docs/index.md"));
        const PageLink *link = page ? linkTo(*page, target) : nullptr;
        return link ? link->status : PageLink::Status::Other;
    };
    const QString install = QStringLiteral("getting-started.md#install-the-cli");
    QCOMPARE(statusOf(install), PageLink::Status::Ok);

    // The target loses the section: index.md is not parsed again, yet its link breaks.
    lab.repo->write(QStringLiteral("docs/getting-started.md"), "# Getting started\n\nNo install section any more.\n");
    lab.repo->commit(QStringLiteral("Drop the install section"));
    auto stats = lab.index->index(QStringLiteral("acme"));
    QVERIFY2(stats, qPrintable(message(stats)));
    QCOMPARE(stats->pagesParsed, 1);
    QCOMPARE(statusOf(install), PageLink::Status::BrokenAnchor);

    lab.repo->remove(QStringLiteral("docs/getting-started.md"));
    lab.repo->commit(QStringLiteral("Drop the page"));
    QVERIFY(lab.index->index(QStringLiteral("acme")));
    QCOMPARE(statusOf(install), PageLink::Status::BrokenFile);
    QCOMPARE(statusOf(QStringLiteral("getting-started.md")), PageLink::Status::BrokenFile);

    lab.repo->write(QStringLiteral("docs/getting-started.md"), "# Getting started\n\n## Install the CLI\n\nBack.\n");
    lab.repo->commit(QStringLiteral("Restore"));
    QVERIFY(lab.index->index(QStringLiteral("acme")));
    QCOMPARE(statusOf(install), PageLink::Status::Ok);

    // A missing page that appears fixes the link to it.
    QCOMPARE(statusOf(QStringLiteral("missing-page.md")), PageLink::Status::BrokenFile);
    lab.repo->write(QStringLiteral("docs/missing-page.md"), "# Not missing any more\n");
    lab.repo->commit(QStringLiteral("Add the missing page"));
    QVERIFY(lab.index->index(QStringLiteral("acme")));
    QCOMPARE(statusOf(QStringLiteral("missing-page.md")), PageLink::Status::Ok);
}

void TestDocIndexIncremental::revertedPageGetsItsOldVersionBack()
{
    Lab lab;
    QVERIFY2(lab.setUp(), qPrintable(lab.error));
    auto original = lab.index->page(QStringLiteral("docs/guide/index.md"));
    QVERIFY(original);
    auto originalBytes = lab.index->readPageBlob(QStringLiteral("docs/guide/index.md"));
    QVERIFY(originalBytes);
    lab.repo->write(QStringLiteral("docs/guide/index.md"), "# Guides\n\nTemporary pelicans.\n");
    lab.repo->commit(QStringLiteral("Pelicans"));
    QVERIFY(lab.index->index(QStringLiteral("acme")));
    lab.repo->write(QStringLiteral("docs/guide/index.md"), *originalBytes);
    lab.repo->commit(QStringLiteral("Revert pelicans"));
    auto stats = lab.index->index(QStringLiteral("acme"));
    QVERIFY2(stats, qPrintable(message(stats)));
    auto reverted = lab.index->page(QStringLiteral("docs/guide/index.md"));
    QVERIFY(reverted);
    QCOMPARE(reverted->blobId, original->blobId);
    auto pelicans = lab.index->search(QStringLiteral("pelicans"));
    QVERIFY(pelicans);
    QVERIFY(pelicans->isEmpty());
    auto tasks = lab.index->search(QStringLiteral("task oriented"));
    QVERIFY(tasks);
    QCOMPARE(pathsOf(*tasks), QStringList{QStringLiteral("docs/guide/index.md")});
}

void TestDocIndexIncremental::newAuthorComesFirst()
{
    Lab lab;
    QVERIFY2(lab.setUp(), qPrintable(lab.error));
    lab.repo->write(QStringLiteral("docs/getting-started.md"), "# Getting started\n\nRewritten.\n");
    lab.repo->commit(QStringLiteral("Rewrite"), QStringLiteral("Katherine Johnson"), QStringLiteral("kj@example.com"));
    QVERIFY(lab.index->index(QStringLiteral("acme")));
    auto page = lab.index->page(QStringLiteral("docs/getting-started.md"));
    QVERIFY(page);
    QCOMPARE(authorNames(*page), (QStringList{QStringLiteral("Katherine Johnson"), QStringLiteral("Margaret Hamilton"),
                                              QStringLiteral("Ada Lovelace")}));
    // The same author again does not appear twice; six authors are cut to five.
    const QList<QPair<QString, QString>> editors = {
        {QStringLiteral("Barbara Liskov"), QStringLiteral("bl@example.com")},
        {QStringLiteral("Frances Allen"), QStringLiteral("fa@example.com")},
        {QStringLiteral("Radia Perlman"), QStringLiteral("rp@example.com")},
        {QStringLiteral("Katherine Johnson"), QStringLiteral("kj@example.com")}};
    for (const auto &[name, email] : editors) {
        lab.repo->write(QStringLiteral("docs/getting-started.md"), "# Getting started\n\nBy " + name.toUtf8() + "\n");
        lab.repo->commit(QStringLiteral("Edit"), name, email);
    }
    QVERIFY(lab.index->index(QStringLiteral("acme")));
    page = lab.index->page(QStringLiteral("docs/getting-started.md"));
    QVERIFY(page);
    QCOMPARE(authorNames(*page), (QStringList{QStringLiteral("Katherine Johnson"), QStringLiteral("Radia Perlman"),
                                              QStringLiteral("Frances Allen"), QStringLiteral("Barbara Liskov"),
                                              QStringLiteral("Margaret Hamilton")}));
}

void TestDocIndexIncremental::renameKeepsAuthors()
{
    Lab lab;
    QVERIFY2(lab.setUp(), qPrintable(lab.error));
    lab.repo->rename(QStringLiteral("docs/i18n/ru.md"), QStringLiteral("docs/i18n/russian.md"));
    lab.repo->commit(QStringLiteral("Longer name"), QStringLiteral("Barbara Liskov"), QStringLiteral("bl@example.com"));
    auto stats = lab.index->index(QStringLiteral("acme"));
    QVERIFY2(stats, qPrintable(message(stats)));
    QCOMPARE(stats->pagesRemoved, 1);
    auto page = lab.index->page(QStringLiteral("docs/i18n/russian.md"));
    QVERIFY(page);
    QCOMPARE(authorNames(*page), (QStringList{QStringLiteral("Barbara Liskov"), QStringLiteral("Linus Torvalds")}));
    QVERIFY(!lab.index->page(QStringLiteral("docs/i18n/ru.md")));
    auto resolved = lab.index->resolveUrl(QStringLiteral("https://docs.acme.dev/i18n/russian/"));
    QVERIFY(resolved);
    QCOMPARE(resolved->path, QStringLiteral("docs/i18n/russian.md"));
    QVERIFY(!lab.index->resolveUrl(QStringLiteral("https://docs.acme.dev/i18n/ru/")));
}

void TestDocIndexIncremental::rewrittenHistoryReindexesFromScratch()
{
    Lab lab;
    QVERIFY2(lab.setUp(), qPrintable(lab.error));
    // Force-push: main moves to an older commit plus a new one, and the
    // previously indexed commit is garbage-collected.
    const QString indexed = lab.docs.commits.last();
    QVERIFY(lab.repo->resetMain(lab.docs.commits.at(2)));
    lab.repo->write(QStringLiteral("docs/new.md"), "# Brand new\n");
    lab.repo->commit(QStringLiteral("Rewritten"));
    const QString object = lab.repo->path() + QStringLiteral("/.git/objects/") + indexed.left(2) + QLatin1Char('/') + indexed.mid(2);
    QVERIFY2(QFile::remove(object), qPrintable(object));
    // A later run of the program: nothing cached from before the rewrite.
    lab.index.reset();
    auto reopened = DocIndex::open(lab.dir.filePath(QStringLiteral("data/docs-index.sqlite")));
    QVERIFY(reopened);
    lab.index = std::move(*reopened);

    auto stats = lab.index->index(QStringLiteral("acme"));
    QVERIFY2(stats, qPrintable(message(stats)));
    QVERIFY2(stats->notes.join(u'\n').contains(QStringLiteral("no longer in the repository")), qPrintable(stats->notes.join(u'\n')));
    QCOMPARE(stats->pagesTotal, lab.docs.pageCount + 1);
    QVERIFY(lab.index->page(QStringLiteral("docs/guide/sync-waves.md"))); // the name before the rename
    QVERIFY(!lab.index->page(QStringLiteral("docs/guide/waves.md")));
    auto results = lab.index->search(QStringLiteral("brand"));
    QVERIFY(results);
    QCOMPARE(pathsOf(*results), QStringList{QStringLiteral("docs/new.md")});
    auto waves = lab.index->search(QStringLiteral("hooks"));
    QVERIFY(waves);
    QCOMPARE(pathsOf(*waves), QStringList{QStringLiteral("docs/guide/sync-waves.md")});
}

void TestDocIndexIncremental::cancelKeepsThePreviousIndex()
{
    Lab lab;
    QVERIFY2(lab.setUp(), qPrintable(lab.error));
    lab.repo->write(QStringLiteral("docs/guide/waves.md"), "# Rollout waves\n\nWith walruses.\n");
    lab.repo->commit(QStringLiteral("Walruses"));
    std::atomic_bool cancel{false};
    auto stats = lab.index->index(QStringLiteral("acme"), [&](const Progress &p) {
        if (p.stage == Progress::Stage::Parsing)
            cancel.store(true);
    }, &cancel);
    QVERIFY(!stats);
    QVERIFY2(stats.error().message.contains(QStringLiteral("cancelled")), qPrintable(stats.error().message));
    auto source = lab.index->source(QStringLiteral("acme"));
    QVERIFY(source);
    QCOMPARE(source->commitId, lab.docs.commits.last());
    QCOMPARE(source->pageCount, lab.docs.pageCount);
    auto old = lab.index->search(QStringLiteral("annotations"));
    QVERIFY(old);
    QCOMPARE(pathsOf(*old), QStringList{QStringLiteral("docs/guide/waves.md")});
    auto walruses = lab.index->search(QStringLiteral("walruses"));
    QVERIFY(walruses);
    QVERIFY(walruses->isEmpty());
    // Not cancelled, the same run goes through.
    QVERIFY(lab.index->index(QStringLiteral("acme")));
    QCOMPARE(lab.index->search(QStringLiteral("walruses"))->size(), 1);
}

void TestDocIndexIncremental::updateFetchesAClone()
{
    QTemporaryDir dir;
    FixtureRepo origin(dir.filePath(QStringLiteral("origin")));
    const AcmeDocs docs = buildAcmeDocs(origin);
    QVERIFY2(origin.ok(), qPrintable(origin.error()));
    auto index = DocIndex::open(dir.filePath(QStringLiteral("data/docs-index.sqlite")));
    QVERIFY(index);
    SourceSpec spec;
    spec.name = QStringLiteral("acme");
    spec.repo = QUrl::fromLocalFile(origin.path()).toString();
    spec.subdir = QStringLiteral("docs");
    spec.clone = true;
    QList<Progress> seen;
    auto added = (*index)->addSource(spec, [&](const Progress &p) { seen << p; });
    QVERIFY2(added, qPrintable(message(added)));
    QCOMPARE(added->pagesTotal, docs.pageCount);
    auto info = (*index)->source(QStringLiteral("acme"));
    QVERIFY(info);
    QVERIFY(info->cloned);
    QCOMPARE(info->localPath, dir.filePath(QStringLiteral("data/clones/acme")));
    QCOMPARE(info->ref, QStringLiteral("main"));
    QVERIFY(std::any_of(seen.cbegin(), seen.cend(), [](const Progress &p) {
        return p.stage == Progress::Stage::Cloning && p.total > 0;
    }));

    origin.write(QStringLiteral("docs/changelog.md"), "# Changelog\n\nFetched later.\n");
    origin.commit(QStringLiteral("Changelog"));
    auto before = (*index)->index(QStringLiteral("acme")); // no fetch: nothing new yet
    QVERIFY(before);
    QVERIFY(before->unchanged);
    auto updated = (*index)->updateSource(QStringLiteral("acme"));
    QVERIFY2(updated, qPrintable(message(updated)));
    QCOMPARE(updated->pagesParsed, 1);
    QCOMPARE(updated->pagesTotal, docs.pageCount + 1);
    QCOMPARE(updated->commitId, origin.head());

    QVERIFY((*index)->removeSource(QStringLiteral("acme")));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("data/clones/acme")))); // our clone goes with it
    QVERIFY(QFileInfo::exists(origin.path()));
}

void TestDocIndexIncremental::codeOwnersChangeReassignsEveryPage()
{
    Lab lab;
    QVERIFY2(lab.setUp(), qPrintable(lab.error));
    const auto ownersOf = [&](const char *path) {
        auto page = lab.index->page(QString::fromLatin1(path));
        return page ? page->owners.join(u' ') : QStringLiteral("<no page>");
    };
    QCOMPARE(ownersOf("docs/i18n/ru.md"), QStringLiteral("@acme/docs"));
    // .github/CODEOWNERS takes precedence over the root file, for every page,
    // although no page changed.
    lab.repo->write(QStringLiteral(".github/CODEOWNERS"), "/docs/i18n/ @acme/translators\n");
    lab.repo->commit(QStringLiteral("Translators own translations"));
    auto stats = lab.index->index(QStringLiteral("acme"));
    QVERIFY2(stats, qPrintable(message(stats)));
    QCOMPARE(stats->pagesParsed, 0);
    QCOMPARE(ownersOf("docs/i18n/ru.md"), QStringLiteral("@acme/translators"));
    QCOMPARE(ownersOf("docs/index.md"), QString()); // the root file no longer counts
    auto page = lab.index->page(QStringLiteral("docs/i18n/ru.md"));
    QVERIFY(page->ownersRule.startsWith(QStringLiteral(".github/CODEOWNERS:1:")));
    // Without either, docs/CODEOWNERS is used.
    lab.repo->remove(QStringLiteral(".github/CODEOWNERS")).remove(QStringLiteral("CODEOWNERS"));
    lab.repo->write(QStringLiteral("docs/CODEOWNERS"), "*.md @acme/writers\n");
    lab.repo->commit(QStringLiteral("Owners beside the docs"));
    QVERIFY(lab.index->index(QStringLiteral("acme")));
    QCOMPARE(ownersOf("docs/index.md"), QStringLiteral("@acme/writers"));
    QCOMPARE(ownersOf("docs/i18n/ru.md"), QStringLiteral("@acme/writers"));
}

void TestDocIndexIncremental::rewrittenHistoryRecomputesAuthors()
{
    Lab lab;
    QVERIFY2(lab.setUp(), qPrintable(lab.error));
    // Force-push without garbage collection: the old tip still exists but
    // is no ancestor of the new one.
    QVERIFY(lab.repo->resetMain(lab.docs.commits.at(2)));
    lab.repo->write(QStringLiteral("docs/guide/sync-waves.md"), "# Rollout waves\n\nRewritten history.\n");
    lab.repo->commit(QStringLiteral("Rewrite"), QStringLiteral("Barbara Liskov"), QStringLiteral("bl@example.com"));
    auto stats = lab.index->index(QStringLiteral("acme"));
    QVERIFY2(stats, qPrintable(message(stats)));
    QVERIFY(stats->commitsWalked >= 4); // the whole new history, not only the new commit
    auto index = lab.index->page(QStringLiteral("docs/index.md"));
    QVERIFY(index);
    QCOMPARE(authorNames(*index), QStringList{QStringLiteral("Ada Lovelace")}); // unchanged page keeps its authors
    auto waves = lab.index->page(QStringLiteral("docs/guide/sync-waves.md"));
    QVERIFY(waves);
    QCOMPARE(authorNames(*waves), (QStringList{QStringLiteral("Barbara Liskov"), QStringLiteral("Grace Hopper")}));
    auto started = lab.index->page(QStringLiteral("docs/getting-started.md"));
    QVERIFY(started);
    QCOMPARE(authorNames(*started), QStringList{QStringLiteral("Ada Lovelace")}); // Margaret's edit is gone
}

void TestDocIndexIncremental::fullWalkStopsWhenEveryPageHasFiveAuthors()
{
    QTemporaryDir dir;
    FixtureRepo repo(dir.filePath(QStringLiteral("busy")));
    for (int i = 1; i <= 8; ++i) {
        repo.write(QStringLiteral("docs/page.md"), "# Busy page\n\nEdit " + QByteArray::number(i) + "\n");
        repo.commit(QStringLiteral("Edit %1").arg(i), QStringLiteral("Author %1").arg(i), QStringLiteral("a%1@example.com").arg(i));
    }
    QVERIFY(repo.ok());
    auto index = DocIndex::open(dir.filePath(QStringLiteral("data/docs-index.sqlite")));
    QVERIFY(index);
    SourceSpec spec;
    spec.name = QStringLiteral("busy");
    spec.repo = repo.path();
    auto stats = (*index)->addSource(spec);
    QVERIFY2(stats, qPrintable(message(stats)));
    QCOMPARE(stats->commitsWalked, 5); // five authors found: the three oldest commits are never read
    auto page = (*index)->page(QStringLiteral("docs/page.md"));
    QVERIFY(page);
    QCOMPARE(authorNames(*page), (QStringList{QStringLiteral("Author 8"), QStringLiteral("Author 7"), QStringLiteral("Author 6"),
                                              QStringLiteral("Author 5"), QStringLiteral("Author 4")}));
}

void TestDocIndexIncremental::manyPagesOnWorkerThreads()
{
    // Enough pages for the parse workers and the history thread to run.
    QTemporaryDir dir;
    FixtureRepo repo(dir.filePath(QStringLiteral("many")));
    for (int batch = 0; batch < 3; ++batch) {
        for (int i = 0; i < 100; ++i) {
            const QByteArray n = QByteArray::number(batch * 100 + i);
            repo.write(QStringLiteral("docs/p%1.md").arg(batch * 100 + i),
                       "# Page " + n + "\n\nBody of page " + n + " links to [next](p" + QByteArray::number(batch * 100 + i + 1)
                           + ".md#page-" + QByteArray::number(batch * 100 + i + 1) + ").\n");
        }
        repo.commit(QStringLiteral("Batch %1").arg(batch), QStringLiteral("Writer %1").arg(batch),
                    QStringLiteral("w%1@example.com").arg(batch));
    }
    QVERIFY(repo.ok());
    auto index = DocIndex::open(dir.filePath(QStringLiteral("data/docs-index.sqlite")));
    QVERIFY(index);
    SourceSpec spec;
    spec.name = QStringLiteral("many");
    spec.repo = repo.path();
    spec.subdir = QStringLiteral("docs");

    // Cancelled while the workers run: nothing registered, no thread left behind.
    std::atomic_bool cancel{false};
    auto cancelled = (*index)->addSource(spec, [&](const Progress &p) {
        if (p.stage == Progress::Stage::Parsing)
            cancel.store(true);
    }, &cancel);
    QVERIFY(!cancelled);
    QVERIFY((*index)->sources()->isEmpty());

    auto stats = (*index)->addSource(spec);
    QVERIFY2(stats, qPrintable(message(stats)));
    QCOMPARE(stats->pagesTotal, 300);
    QCOMPARE(stats->pagesParsed, 300);
    for (int n : {0, 150, 299}) {
        auto page = (*index)->page(QStringLiteral("docs/p%1.md").arg(n));
        QVERIFY(page);
        QCOMPARE(page->title, QStringLiteral("Page %1").arg(n));
        QCOMPARE(authorNames(*page), QStringList{QStringLiteral("Writer %1").arg(n / 100)});
        QCOMPARE(page->links.first().status, n == 299 ? PageLink::Status::BrokenFile : PageLink::Status::Ok);
    }
    auto results = (*index)->search(QStringLiteral("\"page 150\""));
    QVERIFY(results);
    QCOMPARE(results->first().path, QStringLiteral("docs/p150.md"));
}

QTEST_GUILESS_MAIN(TestDocIndexIncremental)
#include "test_docindex_incremental.moc"
