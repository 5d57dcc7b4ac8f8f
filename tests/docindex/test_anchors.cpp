// GitHub-style heading anchors: the slug of one heading, the duplicate
// suffixes over a page, and explicit {#id} anchors. Expected values follow
// GitHub's rendering (github-slugger's rules: lower-case, keep letters,
// marks, digits, '-', '_', spaces to '-', drop everything else).

#include "sessions/docindex/anchors.h"
#include "sessions/docindex/parsedpage.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace devzero::docindex;

class TestAnchors : public QObject
{
    Q_OBJECT

private slots:
    void slug_data();
    void slug();
    void duplicates_data();
    void duplicates();
    void explicitIdReservesItsName();
    void explicitId_data();
    void explicitId();
};

void TestAnchors::slug_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("anchor");
    auto row = [](const char *name, const QString &heading, const QString &anchor) {
        QTest::newRow(name) << heading << anchor;
    };
    row("words", u"Getting Started"_s, u"getting-started"_s);
    row("already lower", u"install"_s, u"install"_s);
    row("upper case", u"UPPER case"_s, u"upper-case"_s);
    row("underscore kept", u"foo_bar"_s, u"foo_bar"_s);
    row("hyphen kept", u"a_b-c d"_s, u"a_b-c-d"_s);
    row("c++", u"C++"_s, u"c"_s);
    row("c#", u"C#"_s, u"c"_s);
    row("double dash with spaces", u"a -- b"_s, u"a----b"_s);
    row("german", u"Ärger & Co."_s, u"ärger--co"_s);
    row("umlauts and accents", u"Café au lait"_s, u"café-au-lait"_s);
    row("cyrillic", u"Установка Argo CD"_s, u"установка-argo-cd"_s);
    row("greek", u"Ελληνικά"_s, u"ελληνικά"_s);
    row("chinese", u"安装指南"_s, u"安装指南"_s);
    row("japanese with space", u"日本語 テキスト"_s, u"日本語-テキスト"_s);
    row("leading emoji", u"🚀 Deploy"_s, u"-deploy"_s);
    row("trailing emoji", u"Deploy 🚀"_s, u"deploy-"_s);
    row("emoji with variation selector", u"I ❤️ docs"_s, u"i--docs"_s);
    row("backticks of code", u"`kubectl apply`"_s, u"kubectl-apply"_s);
    row("apostrophe and question", u"What's new?"_s, u"whats-new"_s);
    row("trailing punctuation", u"Hello, World!"_s, u"hello-world"_s);
    row("trailing colon", u"Prerequisites:"_s, u"prerequisites"_s);
    row("leading and trailing spaces", u"   Leading and trailing   "_s, u"leading-and-trailing"_s);
    row("inner double space", u"two  spaces"_s, u"two--spaces"_s);
    row("version dots", u"v1.2.3"_s, u"v123"_s);
    row("step colon", u"Step 1: Install"_s, u"step-1-install"_s);
    row("brackets", u"(parens) [brackets] {braces}"_s, u"parens-brackets-braces"_s);
    row("percent", u"100% done"_s, u"100-done"_s);
    row("superscript is not a digit", u"x² growth"_s, u"x-growth"_s);
    row("leading dash kept", u"-flag"_s, u"-flag"_s);
    row("slash", u"CI/CD"_s, u"cicd"_s);
    row("ampersand entity text", u"Q&A"_s, u"qa"_s);
    row("non-breaking space dropped", u"a\u00A0b"_s, u"ab"_s);
    row("only punctuation", u"!!!"_s, QString());
    row("empty", QString(), QString());
}

void TestAnchors::slug()
{
    QFETCH(QString, heading);
    QFETCH(QString, anchor);
    QCOMPARE(githubAnchor(heading), anchor);
}

void TestAnchors::duplicates_data()
{
    QTest::addColumn<QStringList>("headings");
    QTest::addColumn<QStringList>("anchors");
    QTest::newRow("three of a kind") << QStringList{u"Install"_s, u"Install"_s, u"Install"_s}
                                     << QStringList{u"install"_s, u"install-1"_s, u"install-2"_s};
    QTest::newRow("own anchor taken by a suffix")
        << QStringList{u"Install"_s, u"Install"_s, u"Install 1"_s, u"Install"_s}
        << QStringList{u"install"_s, u"install-1"_s, u"install-1-1"_s, u"install-2"_s};
    QTest::newRow("suffix taken by an earlier heading")
        << QStringList{u"Install 1"_s, u"Install"_s, u"Install"_s}
        << QStringList{u"install-1"_s, u"install"_s, u"install-2"_s};
    QTest::newRow("interleaved") << QStringList{u"foo"_s, u"foo-1"_s, u"foo"_s, u"foo-1"_s}
                                 << QStringList{u"foo"_s, u"foo-1"_s, u"foo-2"_s, u"foo-1-1"_s};
    QTest::newRow("different headings, same slug") << QStringList{u"C++"_s, u"C#"_s, u"C"_s}
                                                   << QStringList{u"c"_s, u"c-1"_s, u"c-2"_s};
    QTest::newRow("case differs") << QStringList{u"Setup"_s, u"SETUP"_s, u"setup"_s}
                                  << QStringList{u"setup"_s, u"setup-1"_s, u"setup-2"_s};
    QTest::newRow("empty slugs") << QStringList{u"!!!"_s, u"???"_s} << QStringList{QString(), u"-1"_s};
    QTest::newRow("unicode") << QStringList{u"Установка"_s, u"Установка"_s}
                             << QStringList{u"установка"_s, u"установка-1"_s};
}

void TestAnchors::duplicates()
{
    QFETCH(QStringList, headings);
    QFETCH(QStringList, anchors);
    AnchorRegistry registry;
    QStringList got;
    for (const QString &heading : headings)
        got.append(registry.unique(githubAnchor(heading)));
    QCOMPARE(got, anchors);
}

void TestAnchors::explicitIdReservesItsName()
{
    AnchorRegistry registry;
    registry.reserve(u"install"_s);
    QCOMPARE(registry.unique(u"install"_s), u"install-1"_s);
    QCOMPARE(registry.unique(u"setup"_s), u"setup"_s);
}

void TestAnchors::explicitId_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id");
    QTest::newRow("plain") << u"Configure the cluster {#configure}"_s << u"Configure the cluster"_s << u"configure"_s;
    QTest::newRow("with class") << u"Setup {#setup .hidden}"_s << u"Setup"_s << u"setup"_s;
    QTest::newRow("trailing space") << u"Setup {#setup}  "_s << u"Setup"_s << u"setup"_s;
    QTest::newRow("only an id") << u"{#only}"_s << QString() << u"only"_s;
    QTest::newRow("unicode id") << u"Über {#über-uns}"_s << u"Über"_s << u"über-uns"_s;
    QTest::newRow("braces without hash") << u"Set {value}"_s << u"Set {value}"_s << QString();
    QTest::newRow("not at the end") << u"Use {#x} here"_s << u"Use {#x} here"_s << QString();
    QTest::newRow("empty id") << u"Empty {#}"_s << u"Empty {#}"_s << QString();
    QTest::newRow("no braces") << u"Install"_s << u"Install"_s << QString();
}

void TestAnchors::explicitId()
{
    QFETCH(QString, heading);
    QFETCH(QString, text);
    QFETCH(QString, id);
    const HeadingId got = splitExplicitId(heading);
    QCOMPARE(got.text, text);
    QCOMPARE(got.explicitId, id);
}

QTEST_GUILESS_MAIN(TestAnchors)
#include "test_anchors.moc"
