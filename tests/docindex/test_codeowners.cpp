// CODEOWNERS rules as GitHub documents them: each row is a CODEOWNERS file,
// a path, and the owners GitHub would request (or none).

#include "sessions/docindex/codeowners.h"

#include <QTest>

using namespace devzero::docindex;

class TestCodeOwners : public QObject
{
    Q_OBJECT

private slots:
    void match_data();
    void match();
    void lastMatchingLineWins();
    void reportsUnsupportedSyntax();
    void locationsInGitHubOrder();
};

void TestCodeOwners::match_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("owners"); // space-separated; empty: no owner

    QTest::newRow("star owns everything") << "* @all" << "docs/a/b.md" << "@all";
    QTest::newRow("extension at any depth") << "*.md @writers" << "docs/deep/x.md" << "@writers";
    QTest::newRow("extension does not match other files") << "*.md @writers" << "docs/x.yaml" << "";
    QTest::newRow("leading slash anchors at root") << "/docs/ @docs" << "docs/a.md" << "@docs";
    QTest::newRow("anchored folder not deeper") << "/docs/ @docs" << "src/docs/a.md" << "";
    QTest::newRow("trailing slash folder at any depth") << "apps/ @octo" << "x/apps/y/z.md" << "@octo";
    QTest::newRow("trailing slash not a file") << "apps/ @octo" << "x/apps" << "";
    QTest::newRow("middle slash anchors") << "docs/guide @g" << "docs/guide/a.md" << "@g";
    QTest::newRow("middle slash anchored, not nested") << "docs/guide @g" << "x/docs/guide/a.md" << "";
    QTest::newRow("single star: direct children") << "docs/* @d" << "docs/getting-started.md" << "@d";
    QTest::newRow("single star: not grandchildren") << "docs/* @d" << "docs/build-app/troubleshooting.md" << "";
    QTest::newRow("double star everything below") << "/docs/** @d" << "docs/a/b/c.md" << "@d";
    QTest::newRow("double star prefix any folder") << "**/logs @l" << "build/logs/x.md" << "@l";
    QTest::newRow("double star prefix at root") << "**/logs @l" << "logs/x.md" << "@l";
    QTest::newRow("double star middle zero folders") << "a/**/b.md @m" << "a/b.md" << "@m";
    QTest::newRow("double star middle many folders") << "a/**/b.md @m" << "a/x/y/b.md" << "@m";
    QTest::newRow("name without slash any depth") << "README.md @r" << "docs/sub/README.md" << "@r";
    QTest::newRow("question mark one char") << "/docs/v?.md @v" << "docs/v2.md" << "@v";
    QTest::newRow("question mark not slash") << "/docs/v?.md @v" << "docs/v/.md" << "";
    QTest::newRow("several owners kept in order") << "/docs/ @b @a x@y.org" << "docs/p.md" << "@b @a x@y.org";
    QTest::newRow("inline comment is not an owner") << "/docs/ @d # the docs team" << "docs/p.md" << "@d";
    QTest::newRow("no owners unassigns")
        << "* @all\n/docs/generated/" << "docs/generated/cli.md" << "";
    QTest::newRow("unassign keeps siblings") << "* @all\n/docs/generated/" << "docs/other.md" << "@all";
    QTest::newRow("comments and blank lines skipped") << "# owners\n\n  \n/docs/ @d" << "docs/p.md" << "@d";
    QTest::newRow("escaped hash pattern") << "\\#notes.md @h" << "#notes.md" << "@h";
    QTest::newRow("case sensitive") << "/Docs/ @d" << "docs/p.md" << "";
    QTest::newRow("root slash alone") << "/ @root" << "docs/p.md" << "@root";
}

void TestCodeOwners::match()
{
    QFETCH(QString, file);
    QFETCH(QString, path);
    QFETCH(QString, owners);
    const CodeOwners codeOwners = CodeOwners::parse(file.toUtf8());
    const CodeOwnersMatch m = codeOwners.match(path);
    QCOMPARE(m.owners.join(QLatin1Char(' ')), owners);
}

void TestCodeOwners::lastMatchingLineWins()
{
    const CodeOwners owners = CodeOwners::parse("* @everyone\n"
                                                "/docs/ @docs\n"
                                                "*.md @markdown\n"
                                                "/docs/api/ @api\n");
    QCOMPARE(owners.match(QStringLiteral("docs/api/ref.md")).owners, QStringList{QStringLiteral("@api")});
    QCOMPARE(owners.match(QStringLiteral("docs/intro.md")).owners, QStringList{QStringLiteral("@markdown")});
    QCOMPARE(owners.match(QStringLiteral("docs/logo.png")).owners, QStringList{QStringLiteral("@docs")});
    QCOMPARE(owners.match(QStringLiteral("src/main.cpp")).owners, QStringList{QStringLiteral("@everyone")});
    const CodeOwnersMatch m = owners.match(QStringLiteral("docs/api/ref.md"));
    QCOMPARE(m.line, 4);
    QCOMPARE(m.pattern, QStringLiteral("/docs/api/"));
    QVERIFY(!CodeOwners::parse("/src/ @dev\n").match(QStringLiteral("docs/a.md")).matched);
}

void TestCodeOwners::reportsUnsupportedSyntax()
{
    const CodeOwners owners = CodeOwners::parse("!docs/ @x\n/docs/[ab].md @y\n/docs/ team-without-at\n",
                                                QStringLiteral(".github/CODEOWNERS"));
    QCOMPARE(owners.problems().size(), 3);
    QVERIFY(owners.problems().at(0).startsWith(QStringLiteral(".github/CODEOWNERS:1: negation")));
    QVERIFY(owners.problems().at(1).contains(QStringLiteral(":2: character ranges")));
    QVERIFY(owners.problems().at(2).contains(QStringLiteral("team-without-at")));
    QCOMPARE(owners.rules().size(), 2); // the negated line is dropped
}

void TestCodeOwners::locationsInGitHubOrder()
{
    QCOMPARE(codeOwnersLocations(), (QStringList{QStringLiteral(".github/CODEOWNERS"), QStringLiteral("CODEOWNERS"),
                                                 QStringLiteral("docs/CODEOWNERS")}));
}

QTEST_GUILESS_MAIN(TestCodeOwners)
#include "test_codeowners.moc"
