// lintSource with internal host patterns from the app's settings: a link to
// a host the settings call internal is flagged, and only with them.

#include "sessions/analysis/lintdocs.h"
#include "sessions/docindex/docindex.h"
#include "tests/docindex/fixturerepo.h"

#include <QTemporaryDir>
#include <QTest>

using namespace devzero;

class TestLintSourceHosts : public QObject
{
    Q_OBJECT

    static int internalLinks(const analysis::LintResult &result, const QString &term)
    {
        int n = 0;
        for (const analysis::Flag &f : result.flags)
            n += f.ruleId == QLatin1String("internal-link") && f.term.contains(term);
        return n;
    }

private slots:
    void settingsHostsJoinTheRepositoryConfig()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::FixtureRepo repo(dir.filePath(QStringLiteral("docs-repo")));
        repo.write(QStringLiteral("docs/setup.md"),
                   "# Setup\n\nRequest access on [the team wiki](https://wiki.quill.example/access) first,\n"
                   "then read [the public guide](https://guide.example.org/start).\n");
        QVERIFY(!repo.commit(QStringLiteral("Setup page")).isEmpty());
        QVERIFY2(repo.ok(), qPrintable(repo.error()));

        auto index = docindex::DocIndex::open(dir.filePath(QStringLiteral("lab.data/docs-index.sqlite")));
        QVERIFY(index);
        docindex::SourceSpec spec;
        spec.name = QStringLiteral("quill");
        spec.repo = repo.path();
        spec.subdir = QStringLiteral("docs");
        QVERIFY((*index)->addSource(spec));

        auto plain = analysis::lintSource(**index, QStringLiteral("quill"));
        QVERIFY2(plain, qPrintable(plain ? QString() : plain.error().toString()));
        QCOMPARE(internalLinks(*plain, QStringLiteral("wiki.quill.example")), 0);

        auto withSettings = analysis::lintSource(**index, QStringLiteral("quill"), {}, {QStringLiteral("*.QUILL.example")});
        QVERIFY2(withSettings, qPrintable(withSettings ? QString() : withSettings.error().toString()));
        QCOMPARE(internalLinks(*withSettings, QStringLiteral("wiki.quill.example")), 1);
        QCOMPARE(internalLinks(*withSettings, QStringLiteral("guide.example.org")), 0);
    }
};

QTEST_GUILESS_MAIN(TestLintSourceHosts)
#include "test_lint_source_hosts.moc"
