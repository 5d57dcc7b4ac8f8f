// mkdocs.yml subset reader and the URL <-> page key rules.

#include "sessions/docindex/mkdocsconfig.h"
#include "sessions/docindex/siteurls.h"

#include <QTest>

using namespace devzero::docindex;

class TestSiteUrls : public QObject
{
    Q_OBJECT

private slots:
    void readsNavAndSettings();
    void defaultsWithoutSettings();
    void tagsAndInlineNavAreNotGuessed();
    void normalise_data();
    void normalise();
    void siteKeys_data();
    void siteKeys();
    void versionPrefix_data();
    void versionPrefix();
};

void TestSiteUrls::readsNavAndSettings()
{
    const QByteArray yaml = "site_name: Demo  # the name\n"
                            "docs_dir: 'site-docs/'\n"
                            "site_url: https://docs.example.com/guide/\n"
                            "use_directory_urls: false\n"
                            "theme:\n"
                            "  name: material\n"
                            "nav:\n"
                            "- Overview: index.md\n"
                            "- getting_started.md\n"
                            "- Operator Manual:\n"
                            "  - operator/index.md\n"
                            "  - 'High: Availability':\n"
                            "    - Overview: operator/ha.md\n"
                            "  - External: https://example.com/x\n"
                            "- FAQ: \"faq.md\"\n"
                            "markdown_extensions:\n"
                            "- toc\n";
    const MkDocsConfig config = parseMkDocsConfig(yaml);
    QCOMPARE(config.docsDir, QStringLiteral("site-docs"));
    QCOMPARE(config.siteUrl, QStringLiteral("https://docs.example.com/guide/"));
    QCOMPARE(config.useDirectoryUrls, false);
    QCOMPARE(config.nav.size(), 6);
    QCOMPARE(config.nav.at(0).title, QStringLiteral("Overview"));
    QCOMPARE(config.nav.at(0).target, QStringLiteral("index.md"));
    QCOMPARE(config.nav.at(0).line, 8);
    QCOMPARE(config.nav.at(1).title, QString());
    QCOMPARE(config.nav.at(1).target, QStringLiteral("getting_started.md"));
    QCOMPARE(config.nav.at(2).parents, QStringList{QStringLiteral("Operator Manual")});
    QCOMPARE(config.nav.at(3).target, QStringLiteral("operator/ha.md"));
    QCOMPARE(config.nav.at(3).parents,
             (QStringList{QStringLiteral("Operator Manual"), QStringLiteral("High: Availability")}));
    QCOMPARE(config.nav.at(4).target, QStringLiteral("https://example.com/x"));
    QCOMPARE(config.nav.at(5).title, QStringLiteral("FAQ"));
    QCOMPARE(config.nav.at(5).target, QStringLiteral("faq.md"));
    QCOMPARE(config.nav.at(5).parents, QStringList());
}

void TestSiteUrls::defaultsWithoutSettings()
{
    const MkDocsConfig config = parseMkDocsConfig("site_name: x\n");
    QCOMPARE(config.docsDir, QStringLiteral("docs"));
    QVERIFY(config.siteUrl.isEmpty());
    QVERIFY(config.useDirectoryUrls);
    QVERIFY(config.nav.isEmpty());
}

void TestSiteUrls::tagsAndInlineNavAreNotGuessed()
{
    const MkDocsConfig config = parseMkDocsConfig("site_url: !ENV READTHEDOCS_CANONICAL_URL\nnav: [a.md, b.md]\n");
    QVERIFY(config.siteUrl.isEmpty());
    QVERIFY(config.nav.isEmpty());
    QCOMPARE(config.problems.size(), 1);
    QVERIFY(config.problems.first().startsWith(QStringLiteral("mkdocs.yml:2:")));
}

void TestSiteUrls::normalise_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("key");
    QTest::newRow("directory url") << "/getting_started/" << "getting_started";
    QTest::newRow("no slash") << "getting_started" << "getting_started";
    QTest::newRow("html") << "user-guide/sync.html" << "user-guide/sync";
    QTest::newRow("index.html") << "user-guide/index.html" << "user-guide";
    QTest::newRow("md") << "a/b.md" << "a/b";
    QTest::newRow("root") << "/" << "";
    QTest::newRow("root index") << "index.html" << "";
    QTest::newRow("readme") << "a/README.md" << "a";
}

void TestSiteUrls::normalise()
{
    QFETCH(QString, url);
    QFETCH(QString, key);
    QCOMPARE(normaliseUrlPath(url), key);
}

void TestSiteUrls::siteKeys_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("site");
    QTest::addColumn<QString>("repo");
    QTest::newRow("page") << "docs/getting_started.md" << "docs" << "getting_started" << "docs/getting_started";
    QTest::newRow("index") << "docs/index.md" << "docs" << "" << "docs/index";
    QTest::newRow("folder index") << "docs/op/index.md" << "docs" << "op" << "docs/op/index";
    QTest::newRow("readme") << "docs/op/README.md" << "docs" << "op" << "docs/op/README";
    QTest::newRow("mdx") << "docs/a.mdx" << "docs" << "a" << "docs/a";
    QTest::newRow("outside root") << "README.md" << "docs" << QString() << "README";
    QTest::newRow("no root") << "guide/a.md" << "" << "guide/a" << "guide/a";
}

void TestSiteUrls::siteKeys()
{
    QFETCH(QString, page);
    QFETCH(QString, root);
    QFETCH(QString, site);
    QFETCH(QString, repo);
    QCOMPARE(siteKey(page, root), site);
    QCOMPARE(siteKey(page, root).isNull(), site.isNull());
    QCOMPARE(repositoryKey(page), repo);
}

void TestSiteUrls::versionPrefix_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("length");
    QTest::newRow("en/stable") << "en/stable/getting_started" << 2;
    QTest::newRow("en/latest") << "en/latest/x" << 2;
    QTest::newRow("en/v2.3") << "en/v2.3/x" << 2;
    QTest::newRow("en/release-2.3") << "en/2.3.1/x" << 2;
    QTest::newRow("pt-br/latest") << "pt-br/latest/x" << 2;
    QTest::newRow("bare version") << "v1.2/x" << 1;
    QTest::newRow("bare latest") << "latest/x" << 1;
    QTest::newRow("not a version") << "user-guide/x" << 0;
    QTest::newRow("two letters, no version") << "ui/settings" << 0;
}

void TestSiteUrls::versionPrefix()
{
    QFETCH(QString, path);
    QFETCH(int, length);
    QCOMPARE(versionPrefixLength(path.split(QLatin1Char('/'))), length);
}

QTEST_GUILESS_MAIN(TestSiteUrls)
#include "test_site_urls.moc"
