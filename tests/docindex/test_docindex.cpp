// The docs index over a fixture repository built with libgit2: what gets
// indexed, the page facts, owners and authors, search and URL resolution.

#include "sessions/docindex/docindex.h"
#include "tests/docindex/acmedocs.h"
#include "tests/docindex/docindextesthelpers.h"
#include "tests/docindex/fixturerepo.h"

#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::docindex;
using namespace devzero::test;

class TestDocIndex : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void indexesEveryPageUnderTheSubdir();
    void listsTheSource();
    void titlesFromFrontMatterHeadingOrFileName();
    void sectionsWithGitHubAnchors();
    void linksResolvedAgainstTheTree();
    void commandsEnvVarsAndPlaceholders();
    void ownersFromCodeOwners();
    void lastAuthorsFollowRenames();
    void readsThePageBlob();
    void acceptsPathForms();
    void unknownPageIsNotFound();

    void searchRanksHeadingAboveBody();
    void searchPrefixAndPhrase();
    void searchUnicode_data();
    void searchUnicode();
    void searchHostileInput_data();
    void searchHostileInput();
    void searchNothingFoundIsEmpty();
    void searchSnippetHighlights();
    void searchBySource();

    void resolve_data();
    void resolve();
    void resolveUnknownUrl();
    void resolveWithSiteUrl();
    void navProblemsReported();
    void mkdocsDocsDirAndNoSubdir();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FixtureRepo> m_repo;
    std::unique_ptr<DocIndex> m_index;
    AcmeDocs m_docs;
    IndexStats m_stats;
};

void TestDocIndex::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_repo = std::make_unique<FixtureRepo>(m_dir.filePath(QStringLiteral("acme")));
    m_docs = buildAcmeDocs(*m_repo);
    QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
    auto index = DocIndex::open(m_dir.filePath(QStringLiteral("lab.data/docs-index.sqlite")));
    QVERIFY2(index, qPrintable(index ? QString() : index.error().toString()));
    m_index = std::move(*index);
    SourceSpec spec;
    spec.name = QStringLiteral("acme");
    spec.repo = m_repo->path();
    spec.subdir = QStringLiteral("docs");
    auto stats = m_index->addSource(spec);
    QVERIFY2(stats, qPrintable(stats ? QString() : stats.error().toString()));
    m_stats = *stats;
}

void TestDocIndex::cleanupTestCase()
{
    m_index.reset();
    m_repo.reset();
}

void TestDocIndex::indexesEveryPageUnderTheSubdir()
{
    QCOMPARE(m_stats.pagesTotal, m_docs.pageCount);
    QCOMPARE(m_stats.pagesParsed, m_docs.pageCount);
    QCOMPARE(m_stats.pagesReused, 0);
    QCOMPARE(m_stats.commitId, m_docs.commits.last());
    QVERIFY(m_stats.previousCommitId.isEmpty());
    QVERIFY(m_stats.commitsWalked >= 1);
    // README.md at the root is outside docs/: not a page.
    auto readme = m_index->page(QStringLiteral("README.md"));
    QVERIFY(!readme);
}

void TestDocIndex::listsTheSource()
{
    auto sources = m_index->sources();
    QVERIFY(sources);
    QCOMPARE(sources->size(), 1);
    const SourceInfo &info = sources->first();
    QCOMPARE(info.name, QStringLiteral("acme"));
    QCOMPARE(info.subdir, QStringLiteral("docs"));
    QCOMPARE(info.pageCount, m_docs.pageCount);
    QCOMPARE(info.commitId, m_docs.commits.last());
    QVERIFY(!info.cloned); // a local repository is read in place
    QCOMPARE(info.localPath, m_repo->path());
    QVERIFY(info.indexedAt.isValid());
    auto revisions = m_index->revisions(QStringLiteral("acme"));
    QVERIFY(revisions);
    QCOMPARE(*revisions, QStringList{m_docs.commits.last()});
}

void TestDocIndex::titlesFromFrontMatterHeadingOrFileName()
{
    auto started = m_index->page(QStringLiteral("docs/getting-started.md"));
    QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
    QCOMPARE(started->title, QStringLiteral("Getting Started with Acme"));
    QCOMPARE(started->frontMatterFormat, QStringLiteral("yaml"));
    auto waves = m_index->page(QStringLiteral("docs/guide/waves.md"));
    QVERIFY(waves);
    QCOMPARE(waves->title, QStringLiteral("Rollout waves"));
    auto gallery = m_index->page(QStringLiteral("docs/gallery.mdx"));
    QVERIFY(gallery);
    QCOMPARE(gallery->title, QStringLiteral("Component gallery"));
}

void TestDocIndex::sectionsWithGitHubAnchors()
{
    auto page = m_index->page(QStringLiteral("docs/getting-started.md"));
    QVERIFY(page);
    const QStringList anchors = anchorsOf(*page);
    QVERIFY2(anchors.contains(QStringLiteral("install-the-cli")), qPrintable(anchors.join(u',')));
    QVERIFY(anchors.contains(QStringLiteral("configure")));
    QVERIFY(anchors.contains(QStringLiteral("configure-1")));
    QVERIFY(anchors.contains(QStringLiteral("überblick-über-größen")));
    for (const PageSection &s : page->sections) {
        if (s.anchor == QLatin1String("install-the-cli")) {
            // Line numbers are lines of the file in git, front matter included.
            QCOMPARE(s.startLine, 10);
            QCOMPARE(s.level, 2);
            QVERIFY(s.endLine > s.startLine);
        }
    }
}

void TestDocIndex::linksResolvedAgainstTheTree()
{
    auto page = m_index->page(QStringLiteral("docs/index.md"));
    QVERIFY(page);
    const auto expect = [&](const char *target, PageLink::Status status) {
        const PageLink *link = linkTo(*page, QString::fromUtf8(target));
        QVERIFY2(link, target);
        QVERIFY2(link->status == status, qPrintable(QStringLiteral("%1: %2").arg(QString::fromUtf8(target),
                                                                               linkStatusName(link->status))));
    };
    expect("getting-started.md", PageLink::Status::Ok);
    expect("getting-started.md#install-the-cli", PageLink::Status::Ok);
    expect("missing-page.md", PageLink::Status::BrokenFile);
    expect("getting-started.md#no-such-section", PageLink::Status::BrokenAnchor);
    expect("guide/", PageLink::Status::Ok);
    expect("../../../etc/passwd", PageLink::Status::EscapesRepository);
    expect("assets/logo.png", PageLink::Status::Ok);
    QVERIFY(linkTo(*page, QStringLiteral("assets/logo.png"))->image);
    QCOMPARE(linkTo(*page, QStringLiteral("getting-started.md"))->path, QStringLiteral("docs/getting-started.md"));
    QCOMPARE(linkTo(*page, QStringLiteral("guide/"))->path, QStringLiteral("docs/guide/index.md"));
    QVERIFY(linkTo(*page, QStringLiteral("missing-page.md"))->broken());

    auto started = m_index->page(QStringLiteral("docs/getting-started.md"));
    QVERIFY(started);
    const PageLink *self = linkTo(*started, QStringLiteral("#configure"));
    QVERIFY(self);
    QCOMPARE(self->status, PageLink::Status::Ok);
    const PageLink *unicode = linkTo(*started, QStringLiteral("#überblick-über-größen"));
    QVERIFY(unicode);
    QCOMPARE(unicode->status, PageLink::Status::Ok);
    QVERIFY(m_stats.warnings.join(u'\n').contains(QStringLiteral("docs/index.md:8: link '../../../etc/passwd' leads out")));
}

void TestDocIndex::commandsEnvVarsAndPlaceholders()
{
    auto page = m_index->page(QStringLiteral("docs/getting-started.md"));
    QVERIFY(page);
    QStringList programs;
    for (const PageCommand &c : page->commands)
        programs << c.program;
    QVERIFY2(programs.contains(QStringLiteral("acme")), qPrintable(programs.join(u',')));
    QVERIFY(programs.contains(QStringLiteral("kubectl")));
    QStringList env;
    for (const PageTerm &t : page->termsOf(QStringLiteral("env")))
        env << t.text;
    QVERIFY2(env.contains(QStringLiteral("ACME_TOKEN")), qPrintable(env.join(u',')));
    QStringList placeholders;
    for (const PageTerm &t : page->termsOf(QStringLiteral("placeholder")))
        placeholders << t.text;
    QVERIFY2(placeholders.contains(QStringLiteral("<your-token>")), qPrintable(placeholders.join(u',')));
    QStringList inlineCode;
    for (const PageTerm &t : page->termsOf(QStringLiteral("inline-code")))
        inlineCode << t.text;
    QVERIFY(inlineCode.contains(QStringLiteral("ACME_HOME")));
}

void TestDocIndex::ownersFromCodeOwners()
{
    auto guide = m_index->page(QStringLiteral("docs/guide/waves.md"));
    QVERIFY(guide);
    QCOMPARE(guide->owners, (QStringList{QStringLiteral("@acme/guides"), QStringLiteral("@grace")}));
    QVERIFY2(guide->ownersRule.startsWith(QStringLiteral("CODEOWNERS:4: /docs/guide/")), qPrintable(guide->ownersRule));
    auto index = m_index->page(QStringLiteral("docs/index.md"));
    QVERIFY(index);
    QCOMPARE(index->owners, QStringList{QStringLiteral("@acme/docs")});
    // The last matching line has no owners: the generated page is unassigned.
    auto generated = m_index->page(QStringLiteral("docs/generated/cli.md"));
    QVERIFY(generated);
    QVERIFY(generated->owners.isEmpty());
    QVERIFY(generated->ownersRule.startsWith(QStringLiteral("CODEOWNERS:5:")));
}

void TestDocIndex::lastAuthorsFollowRenames()
{
    auto waves = m_index->page(QStringLiteral("docs/guide/waves.md"));
    QVERIFY(waves);
    // Margaret renamed it, Grace wrote it under its old name.
    QCOMPARE(authorNames(*waves), (QStringList{QStringLiteral("Margaret Hamilton"), QStringLiteral("Grace Hopper")}));
    QCOMPARE(waves->authors.first().commitId, m_docs.commits.at(3));
    QVERIFY(waves->authors.first().time > waves->authors.last().time);
    auto started = m_index->page(QStringLiteral("docs/getting-started.md"));
    QVERIFY(started);
    QCOMPARE(authorNames(*started), (QStringList{QStringLiteral("Margaret Hamilton"), QStringLiteral("Ada Lovelace")}));
    auto ru = m_index->page(QStringLiteral("docs/i18n/ru.md"));
    QVERIFY(ru);
    QCOMPARE(authorNames(*ru), QStringList{QStringLiteral("Linus Torvalds")});
    QCOMPARE(ru->authors.first().email, QStringLiteral("linus@example.com"));
}

void TestDocIndex::readsThePageBlob()
{
    auto bytes = m_index->readPageBlob(QStringLiteral("docs/i18n/ru.md"));
    QVERIFY(bytes);
    QCOMPARE(QString::fromUtf8(*bytes), QStringLiteral("# Установка\n\nУстановите клиент и настройте доступ к кластеру.\n"));
}

void TestDocIndex::acceptsPathForms()
{
    for (const QString &form : {QStringLiteral("docs/faq.md"), QStringLiteral("acme:docs/index.md"), QStringLiteral("index.md"),
                                QStringLiteral("./docs/index.md"), QStringLiteral("acme:index.md")}) {
        auto page = m_index->page(form);
        if (form == QLatin1String("docs/faq.md")) {
            QVERIFY(!page);
            continue;
        }
        QVERIFY2(page, qPrintable(form));
        QCOMPARE(page->path, QStringLiteral("docs/index.md"));
        QCOMPARE(page->source, QStringLiteral("acme"));
    }
}

void TestDocIndex::unknownPageIsNotFound()
{
    auto page = m_index->page(QStringLiteral("docs/nope.md"));
    QVERIFY(!page);
    QVERIFY2(page.error().message.contains(QStringLiteral("no page 'docs/nope.md'")), qPrintable(page.error().message));
    auto unknownSource = m_index->page(QStringLiteral("docs/index.md"), QStringLiteral("other"));
    QVERIFY(!unknownSource);
    QVERIFY(unknownSource.error().message.contains(QStringLiteral("no docs source named 'other'")));
}

void TestDocIndex::searchRanksHeadingAboveBody()
{
    auto results = m_index->search(QStringLiteral("waves"));
    QVERIFY(results);
    const QStringList paths = pathsOf(*results);
    QVERIFY2(paths.size() >= 2, qPrintable(paths.join(u',')));
    QCOMPARE(paths.first(), QStringLiteral("docs/guide/waves.md"));
    QVERIFY(paths.contains(QStringLiteral("docs/reference/ordering.md")));
    QVERIFY(results->first().score > results->last().score);
    QCOMPARE(results->first().anchor, QStringLiteral("rollout-waves"));
    QCOMPARE(results->first().heading, QStringLiteral("Rollout waves"));
    QCOMPARE(results->first().source, QStringLiteral("acme"));
}

void TestDocIndex::searchPrefixAndPhrase()
{
    auto prefix = m_index->search(QStringLiteral("deploy*"));
    QVERIFY(prefix);
    QCOMPARE(pathsOf(*prefix), QStringList{QStringLiteral("docs/getting-started.md")});
    auto noPrefix = m_index->search(QStringLiteral("deploy"));
    QVERIFY(noPrefix);
    QVERIFY(noPrefix->isEmpty()); // only "deployment" is in the docs

    auto phrase = m_index->search(QStringLiteral("\"duplicate heading\""));
    QVERIFY(phrase);
    QCOMPARE(pathsOf(*phrase), QStringList{QStringLiteral("docs/getting-started.md")});
    QCOMPARE(phrase->first().anchor, QStringLiteral("configure-1"));
    auto reversed = m_index->search(QStringLiteral("\"heading duplicate\""));
    QVERIFY(reversed);
    QVERIFY(reversed->isEmpty());
}

void TestDocIndex::searchUnicode_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("path");
    QTest::newRow("cyrillic") << QStringLiteral("клиент") << QStringLiteral("docs/i18n/ru.md");
    QTest::newRow("cyrillic heading") << QStringLiteral("Установка") << QStringLiteral("docs/i18n/ru.md");
    QTest::newRow("arabic") << QStringLiteral("العميل") << QStringLiteral("docs/i18n/ar.md");
    QTest::newRow("devanagari") << QStringLiteral("स्थापित") << QStringLiteral("docs/i18n/hi.md");
    QTest::newRow("katakana") << QStringLiteral("クライアント") << QStringLiteral("docs/i18n/ja.md");
    QTest::newRow("diacritics folded") << QStringLiteral("uberblick") << QStringLiteral("docs/getting-started.md");
    QTest::newRow("umlaut as written") << QStringLiteral("Größen") << QStringLiteral("docs/getting-started.md");
}

void TestDocIndex::searchUnicode()
{
    QFETCH(QString, query);
    QFETCH(QString, path);
    auto results = m_index->search(query);
    QVERIFY2(results, qPrintable(results ? QString() : results.error().toString()));
    if (path.isEmpty()) {
        QVERIFY(results->isEmpty());
        return;
    }
    QVERIFY2(!results->isEmpty(), qPrintable(query));
    QCOMPARE(results->first().path, path);
}

void TestDocIndex::searchHostileInput_data()
{
    QTest::addColumn<QString>("query");
    for (const char *q : {"\"", "-", "AND", "OR NOT", "c++", "*", "\"\"", "(", ")", "NEAR(a b)", "title:", "^", "a OR",
                          "'; DROP TABLE pages; --", "\\", "{{ .Values.x }}", "$(rm -rf /)", "%", "💥"}) {
        QTest::newRow(q) << QString::fromUtf8(q);
    }
}

void TestDocIndex::searchHostileInput()
{
    QFETCH(QString, query);
    auto results = m_index->search(query);
    QVERIFY2(results, qPrintable(results ? QString() : results.error().toString()));
}

void TestDocIndex::searchNothingFoundIsEmpty()
{
    auto results = m_index->search(QStringLiteral("zyzzyva"));
    QVERIFY(results);
    QVERIFY(results->isEmpty());
    auto blank = m_index->search(QStringLiteral("   "));
    QVERIFY(blank);
    QVERIFY(blank->isEmpty());
}

void TestDocIndex::searchSnippetHighlights()
{
    auto results = m_index->search(QStringLiteral("canaries"));
    QVERIFY(results);
    QCOMPARE(results->size(), 1);
    const QString expected = QString::fromUtf16(kHighlightOpen) + QStringLiteral("canaries") + QString::fromUtf16(kHighlightClose);
    QVERIFY2(results->first().snippet.contains(expected), qPrintable(results->first().snippet));
    QVERIFY(results->first().startLine > 0);
}

void TestDocIndex::searchBySource()
{
    SearchOptions options;
    options.source = QStringLiteral("acme");
    options.limit = 1;
    auto one = m_index->search(QStringLiteral("the"), options);
    QVERIFY(one);
    QCOMPARE(one->size(), 1);
    options.source = QStringLiteral("nope");
    auto unknown = m_index->search(QStringLiteral("the"), options);
    QVERIFY(!unknown);
}

void TestDocIndex::resolve_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("anchor");
    QTest::addColumn<bool>("anchorFound");
    QTest::newRow("readthedocs stable") << "https://acme.readthedocs.io/en/stable/getting-started/"
                                        << "docs/getting-started.md" << "" << false;
    QTest::newRow("latest with anchor") << "https://acme.readthedocs.io/en/latest/getting-started/#install-the-cli"
                                        << "docs/getting-started.md" << "install-the-cli" << true;
    QTest::newRow("missing anchor kept") << "https://acme.readthedocs.io/en/v2.3/getting-started/#gone"
                                         << "docs/getting-started.md" << "gone" << false;
    QTest::newRow("site root") << "https://acme.readthedocs.io/en/stable/" << "docs/index.md" << "" << false;
    QTest::newRow("folder index") << "https://acme.readthedocs.io/en/stable/guide/" << "docs/guide/index.md" << "" << false;
    QTest::newRow("nested page") << "https://docs.acme.dev/guide/waves/" << "docs/guide/waves.md" << "" << false;
    QTest::newRow("html urls") << "https://docs.acme.dev/guide/waves.html" << "docs/guide/waves.md" << "" << false;
    QTest::newRow("no trailing slash") << "https://docs.acme.dev/guide/waves" << "docs/guide/waves.md" << "" << false;
    QTest::newRow("github blob") << "https://github.com/acme/platform/blob/main/docs/i18n/ru.md"
                                 << "docs/i18n/ru.md" << "" << false;
    QTest::newRow("bare path") << "getting-started.md#configure-1" << "docs/getting-started.md" << "configure-1" << true;
    QTest::newRow("unicode anchor") << "https://docs.acme.dev/getting-started/#%C3%BCberblick-%C3%BCber-gr%C3%B6%C3%9Fen"
                                    << "docs/getting-started.md" << "überblick-über-größen" << true;
    QTest::newRow("mdx") << "https://docs.acme.dev/gallery/" << "docs/gallery.mdx" << "" << false;
}

void TestDocIndex::resolve()
{
    QFETCH(QString, url);
    QFETCH(QString, path);
    QFETCH(QString, anchor);
    QFETCH(bool, anchorFound);
    auto resolved = m_index->resolveUrl(url);
    QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().toString()));
    QCOMPARE(resolved->path, path);
    QCOMPARE(resolved->anchor, anchor);
    QCOMPARE(resolved->anchorFound, anchorFound);
    QCOMPARE(resolved->source, QStringLiteral("acme"));
    QVERIFY(!resolved->title.isEmpty());
    if (anchorFound)
        QVERIFY(!resolved->heading.isEmpty());
}

void TestDocIndex::resolveUnknownUrl()
{
    for (const QString &url : {QStringLiteral("https://example.com/totally/unknown/page/"),
                               QStringLiteral("https://example.com/blog/index.html"), QString()}) {
        auto resolved = m_index->resolveUrl(url);
        QVERIFY2(!resolved, qPrintable(url));
        QVERIFY(!resolved.error().message.isEmpty());
    }
}

void TestDocIndex::resolveWithSiteUrl()
{
    // A second source of the same repository, published under a path: the
    // site URL decides, and pages of the first source do not get in the way.
    SourceSpec spec;
    spec.name = QStringLiteral("acme-site");
    spec.repo = m_repo->path();
    spec.subdir = QStringLiteral("docs");
    spec.siteUrl = QStringLiteral("https://www.acme.dev/docs/");
    auto added = m_index->addSource(spec);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().toString()));
    auto resolved = m_index->resolveUrl(QStringLiteral("https://www.acme.dev/docs/en/stable/guide/waves/#hooks"));
    QVERIFY(resolved);
    QCOMPARE(resolved->source, QStringLiteral("acme-site"));
    QCOMPARE(resolved->matchedBy, QStringLiteral("site-url"));
    QCOMPARE(resolved->path, QStringLiteral("docs/guide/waves.md"));
    QCOMPARE(resolved->heading, QStringLiteral("Hooks"));
    auto page = m_index->page(QStringLiteral("docs/guide/waves.md"), QStringLiteral("acme-site"));
    QVERIFY(page);
    QCOMPARE(page->siteUrl, QStringLiteral("https://www.acme.dev/docs/guide/waves/"));
    // Now the path is in two sources: asking without a source is ambiguous.
    auto ambiguous = m_index->page(QStringLiteral("docs/guide/waves.md"));
    QVERIFY(!ambiguous);
    QVERIFY(ambiguous.error().message.contains(QStringLiteral("several sources")));
    QVERIFY(m_index->removeSource(QStringLiteral("acme-site")));
    QVERIFY(QFileInfo::exists(m_repo->path())); // a repository read in place is never deleted
}

void TestDocIndex::navProblemsReported()
{
    const QString warnings = m_stats.warnings.join(u'\n');
    QVERIFY2(warnings.contains(QStringLiteral("mkdocs.yml:8: nav entry 'removed-long-ago.md' names no page")),
             qPrintable(warnings));
}

void TestDocIndex::mkdocsDocsDirAndNoSubdir()
{
    // The whole repository is indexed; mkdocs.yml says the site is built
    // from handbook/, so site URLs are relative to that folder.
    FixtureRepo repo(m_dir.filePath(QStringLiteral("handbook-repo")));
    repo.write(QStringLiteral("mkdocs.yml"), "site_name: Handbook\ndocs_dir: handbook\nuse_directory_urls: false\n")
        .write(QStringLiteral("handbook/index.md"), "# Handbook\n")
        .write(QStringLiteral("handbook/ops/oncall.md"), "# On call\n\n## Paging\n")
        .write(QStringLiteral("NOTES.md"), "# Notes outside the site\n");
    repo.commit(QStringLiteral("Handbook"));
    QVERIFY(repo.ok());
    SourceSpec spec;
    spec.name = QStringLiteral("handbook");
    spec.repo = repo.path();
    auto added = m_index->addSource(spec);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().toString()));
    QCOMPARE(added->pagesTotal, 3);
    auto oncall = m_index->resolveUrl(QStringLiteral("https://handbook.example.org/ops/oncall.html#paging"), QStringLiteral("handbook"));
    QVERIFY2(oncall, qPrintable(oncall ? QString() : oncall.error().toString()));
    QCOMPARE(oncall->path, QStringLiteral("handbook/ops/oncall.md"));
    QCOMPARE(oncall->heading, QStringLiteral("Paging"));
    auto home = m_index->resolveUrl(QStringLiteral("https://handbook.example.org/"), QStringLiteral("handbook"));
    QVERIFY(home);
    QCOMPARE(home->path, QStringLiteral("handbook/index.md"));
    QCOMPARE(oncall->matchedBy, QStringLiteral("path"));
    // A file outside docs_dir has no site URL; it is found by its repository path.
    auto notes = m_index->resolveUrl(QStringLiteral("https://github.com/x/y/blob/main/NOTES.md"), QStringLiteral("handbook"));
    QVERIFY(notes);
    QCOMPARE(notes->path, QStringLiteral("NOTES.md"));
    QCOMPARE(notes->matchedBy, QStringLiteral("repository-path"));
    QVERIFY(m_index->removeSource(QStringLiteral("handbook")));
}

QTEST_GUILESS_MAIN(TestDocIndex)
#include "test_docindex.moc"
