// The docs index over the real corpora (../shared/corpora): structural
// facts only, never one exact wording. libgit2 cannot read git bundles, so
// `git clone --bare` turns each bundle into a repository first; the pages
// are then counted with libgit2 directly, independently of the index.

#include "sessions/docindex/docindex.h"
#include "sessions/docindex/ftsquery.h"
#include "sessions/docindex/siteurls.h"
#include "tests/common/testsupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <git2.h>

using namespace devzero;
using namespace devzero::docindex;

namespace {

QString cloneBundle(const QString &bundle, const QString &destination)
{
    QProcess git;
    git.start(QStringLiteral("git"), {QStringLiteral("clone"), QStringLiteral("--bare"), QStringLiteral("-q"), bundle, destination});
    if (!git.waitForFinished(120000) || git.exitCode() != 0)
        return QString::fromUtf8(git.readAllStandardError());
    return {};
}

struct WalkCount
{
    QString prefix;
    int pages = 0;
};

int countPage(const char *root, const git_tree_entry *entry, void *payload)
{
    auto *count = static_cast<WalkCount *>(payload);
    if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB || git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK)
        return 0;
    const QString path = QString::fromUtf8(root) + QString::fromUtf8(git_tree_entry_name(entry));
    const bool page = path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".mdx"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".markdown"), Qt::CaseInsensitive);
    if (page && (count->prefix.isEmpty() || path.startsWith(count->prefix)))
        ++count->pages;
    return 0;
}

// Markdown blobs of a branch's tree (under prefix), counted with libgit2.
int countMarkdownFiles(const QString &repoPath, const QString &branch, const QString &prefix)
{
    git_libgit2_init();
    git_repository *repo = nullptr;
    git_object *object = nullptr;
    git_tree *tree = nullptr;
    WalkCount count{prefix, 0};
    const QByteArray spec = branch.toUtf8() + "^{tree}";
    if (git_repository_open(&repo, repoPath.toUtf8().constData()) == 0
        && git_revparse_single(&object, repo, spec.constData()) == 0) {
        tree = reinterpret_cast<git_tree *>(object);
        git_tree_walk(tree, GIT_TREEWALK_PRE, countPage, &count);
    } else {
        count.pages = -1;
    }
    git_object_free(object);
    git_repository_free(repo);
    git_libgit2_shutdown();
    return count.pages;
}

QString firstBranch(const QString &repo)
{
    QProcess git;
    git.setWorkingDirectory(repo);
    git.start(QStringLiteral("git"), {QStringLiteral("for-each-ref"), QStringLiteral("--format=%(refname:short)"),
                                      QStringLiteral("refs/heads")});
    git.waitForFinished();
    return QString::fromUtf8(git.readAllStandardOutput()).section(QLatin1Char('\n'), 0, 0).trimmed();
}

} // namespace

class TestDocIndexCorpus : public QObject
{
    Q_OBJECT

private slots:
    void argoCd();
    void tldr();
};

void TestDocIndexCorpus::argoCd()
{
    DEVZERO_REQUIRE_CORPUS(bundle, "argo-cd-docs.bundle");
    QTemporaryDir dir;
    const QString repo = dir.filePath(QStringLiteral("argo-cd.git"));
    const QString cloneError = cloneBundle(bundle, repo);
    QVERIFY2(cloneError.isEmpty(), qPrintable(cloneError));
    const int expected = countMarkdownFiles(repo, firstBranch(repo), QStringLiteral("docs/"));
    QVERIFY(expected > 100);

    auto opened = DocIndex::open(dir.filePath(QStringLiteral("data/docs-index.sqlite")));
    QVERIFY(opened);
    DocIndex &index = **opened;
    SourceSpec spec;
    spec.name = QStringLiteral("argo");
    spec.repo = repo;
    spec.subdir = QStringLiteral("docs");
    auto stats = index.addSource(spec);
    QVERIFY2(stats, qPrintable(stats ? QString() : stats.error().toString()));
    QCOMPARE(stats->pagesTotal, expected);
    QCOMPARE(stats->pagesSkipped, 0);
    QVERIFY(stats->commitsWalked > 100);

    auto pages = index.pages(QStringLiteral("argo"));
    QVERIFY(pages);
    QCOMPARE(int(pages->size()), expected);
    int relativeLinks = 0;
    int brokenAnchors = 0;
    int withAuthors = 0;
    int resolvedBack = 0;
    for (const QString &path : std::as_const(*pages)) {
        auto page = index.page(path, QStringLiteral("argo"));
        QVERIFY2(page, qPrintable(path));
        // CODEOWNERS gives every docs page an owner.
        QVERIFY2(!page->owners.isEmpty(), qPrintable(path));
        QVERIFY2(page->ownersRule.startsWith(QStringLiteral("CODEOWNERS:")), qPrintable(page->ownersRule));
        withAuthors += page->authors.isEmpty() ? 0 : 1;
        QVERIFY(page->authors.size() <= 5);
        QVERIFY(!page->title.isEmpty());
        for (const PageLink &link : page->links) {
            if (link.kind != QLatin1String("relative") || link.status != PageLink::Status::Ok || link.image)
                continue;
            ++relativeLinks;
            // Every link resolved to a page names a page that exists.
            if (link.path.endsWith(QLatin1String(".md"))) {
                auto target = index.page(link.path, QStringLiteral("argo"));
                QVERIFY2(target, qPrintable(path + QStringLiteral(" -> ") + link.path));
            }
        }
        for (const PageLink &link : page->links)
            brokenAnchors += link.status == PageLink::Status::BrokenAnchor ? 1 : 0;
        // The published URL (mkdocs rules, a readthedocs version prefix) leads back to the page.
        const QString key = siteKey(path, QStringLiteral("docs"));
        auto resolved = index.resolveUrl(QStringLiteral("https://argo.example.io/en/stable/") + key
                                         + (key.isEmpty() ? QString() : QStringLiteral("/")));
        QVERIFY2(resolved, qPrintable(path));
        resolvedBack += resolved->path == path ? 1 : 0;
    }
    QVERIFY(relativeLinks > 500);
    QVERIFY2(brokenAnchors >= 1, "the corpus has at least one broken in-page anchor");
    QCOMPARE(withAuthors, expected);
    // A page and a folder index can share a URL (a.md and a/index.md); all others come back.
    QVERIFY2(resolvedBack >= expected - 5, qPrintable(QString::number(resolvedBack)));

    // A page's own title finds the page.
    int found = 0;
    for (qsizetype i = 0; i < pages->size(); i += 23) {
        auto page = index.page(pages->at(i), QStringLiteral("argo"));
        QVERIFY(page);
        auto results = index.search(page->title, SearchOptions{QStringLiteral("argo"), 10});
        QVERIFY(results);
        for (const SearchResult &r : std::as_const(*results))
            found += r.path == page->path ? 1 : 0;
    }
    QVERIFY2(found >= int(pages->size() / 23) - 2, qPrintable(QString::number(found)));
}

void TestDocIndexCorpus::tldr()
{
    DEVZERO_REQUIRE_CORPUS(bundle, "tldr-pages.bundle");
    QTemporaryDir dir;
    const QString repo = dir.filePath(QStringLiteral("tldr.git"));
    const QString cloneError = cloneBundle(bundle, repo);
    QVERIFY2(cloneError.isEmpty(), qPrintable(cloneError));
    const int expected = countMarkdownFiles(repo, firstBranch(repo), QString());
    QVERIFY(expected > 30000);

    auto opened = DocIndex::open(dir.filePath(QStringLiteral("data/docs-index.sqlite")));
    QVERIFY(opened);
    DocIndex &index = **opened;
    SourceSpec spec;
    spec.name = QStringLiteral("tldr");
    spec.repo = repo; // HEAD names no branch in this bundle: the only branch is used
    auto stats = index.addSource(spec);
    QVERIFY2(stats, qPrintable(stats ? QString() : stats.error().toString()));
    QCOMPARE(stats->pagesTotal, expected);
    QCOMPARE(stats->pagesParsed, expected);

    auto pages = index.pages(QStringLiteral("tldr"));
    QVERIFY(pages);
    // Several scripts: a word taken from a page in each language folder
    // finds pages of that language.
    int scripts = 0;
    QStringList missed;
    for (const char *lang : {"ru", "ar", "hi", "zh", "ja", "ko", "th", "el", "he", "uk", "fa", "bn"}) {
        const QString folder = QStringLiteral("pages.%1/").arg(QString::fromLatin1(lang));
        QString sample;
        for (const QString &path : std::as_const(*pages)) {
            if (path.startsWith(folder)) {
                sample = path;
                break;
            }
        }
        if (sample.isEmpty())
            continue;
        auto bytes = index.readPageBlob(sample, QStringLiteral("tldr"));
        QVERIFY(bytes);
        // The first word of the description line with a non-Latin letter.
        static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{M}]{2,}"));
        QString term;
        for (const QString &line : QString::fromUtf8(*bytes).split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1Char('>')))
                continue;
            for (auto it = word.globalMatch(line); it.hasNext();) {
                const QString w = it.next().captured();
                if (w.at(0).unicode() > 0x24F) {
                    term = w.left(4);
                    break;
                }
            }
            if (!term.isEmpty())
                break;
        }
        if (term.isEmpty())
            continue;
        auto results = index.search(term + QLatin1Char('*'), SearchOptions{QStringLiteral("tldr"), 50});
        QVERIFY2(results, qPrintable(term));
        const bool hit = std::any_of(results->cbegin(), results->cend(),
                                     [&](const SearchResult &r) { return r.path.startsWith(folder); });
        if (hit)
            ++scripts;
        else
            missed << QStringLiteral("%1 (%2)").arg(folder, term);
    }
    QVERIFY2(scripts >= 6, qPrintable(missed.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestDocIndexCorpus)
#include "test_docindex_corpus.moc"
