// User text to FTS5 MATCH: valid for any input, operators taken literally.

#include "sessions/docindex/ftsquery.h"
#include "sessions/docindex/snippet.h"

#include <QTest>

using namespace devzero::docindex;

class TestFtsQuery : public QObject
{
    Q_OBJECT

private slots:
    void translate_data();
    void translate();
    void terms();
    void fold_data();
    void fold();
    void snippets_data();
    void snippets();
};

void TestFtsQuery::translate_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("words are AND-ed") << "sync waves" << R"("sync" "waves")";
    QTest::newRow("prefix") << "argo*" << R"("argo"*)";
    QTest::newRow("phrase") << R"("sync waves")" << R"("sync waves")";
    QTest::newRow("phrase prefix") << R"("sync wav"*)" << R"("sync wav"*)";
    QTest::newRow("unterminated phrase") << R"("sync waves)" << R"("sync waves")";
    QTest::newRow("lone quote") << R"(")" << "";
    QTest::newRow("lone dash") << "-" << "";
    QTest::newRow("only stars") << "***" << "";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("spaces") << "   " << "";
    QTest::newRow("operator words are text") << "AND OR NOT NEAR" << R"("AND" "OR" "NOT" "NEAR")";
    QTest::newRow("c++") << "c++" << R"("c++")";
    QTest::newRow("column filter is text") << "title:foo" << R"("title:foo")";
    QTest::newRow("parentheses") << "(foo)" << R"x("(foo)")x";
    QTest::newRow("quote splits a word") << R"(it"s)" << R"("it" "s")";
    QTest::newRow("caret and plus") << "^foo +bar" << R"("^foo" "+bar")";
    QTest::newRow("unicode") << "Привет мир" << R"("Привет" "мир")";
    QTest::newRow("hindi marks kept") << "नमस्ते" << R"("नमस्ते")";
    QTest::newRow("mixed punctuation dropped") << "foo -- bar" << R"("foo" "bar")";
    QTest::newRow("one-letter prefix is a word") << "a*" << R"("a")";
    QTest::newRow("two-letter prefix") << "ku*" << R"("ku"*)";
}

void TestFtsQuery::translate()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(toFtsQuery(input), expected);
}

void TestFtsQuery::terms()
{
    const QList<SearchTerm> terms = searchTerms(QStringLiteral("Sync \"rollout WAVES\"* kube* - AND"));
    QStringList folded;
    QList<bool> prefix;
    for (const SearchTerm &t : terms) {
        folded << t.folded;
        prefix << t.prefix;
    }
    QCOMPARE(folded, (QStringList{QStringLiteral("sync"), QStringLiteral("rollout"), QStringLiteral("waves"),
                                  QStringLiteral("kube"), QStringLiteral("and")}));
    QCOMPARE(prefix, (QList<bool>{false, false, true, true, false}));
}

void TestFtsQuery::fold_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("folded");
    QTest::newRow("case") << "KubeCtl" << "kubectl";
    QTest::newRow("umlaut") << "Überblick" << "uberblick";
    QTest::newRow("accents") << "café" << "cafe";
    QTest::newRow("cyrillic") << "Установка" << "установка";
    QTest::newRow("ligature") << "ﬁle" << "file";
}

void TestFtsQuery::fold()
{
    QFETCH(QString, word);
    QFETCH(QString, folded);
    QCOMPARE(foldForSearch(word), folded);
}

void TestFtsQuery::snippets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("snippet");
    QTest::newRow("highlight") << "Sync waves order the resources." << "waves" << "Sync [waves] order the resources.";
    QTest::newRow("case and accents") << "Der Überblick zählt." << "uberblick" << "Der [Überblick] zählt.";
    QTest::newRow("prefix") << "Deployment pipelines deploy often." << "deploy*" << "[Deployment] pipelines [deploy] often.";
    QTest::newRow("no match") << "Nothing here." << "waves" << "";
    QTest::newRow("window around the match")
        << "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
           "seventeen eighteen nineteen twenty target twentyone twentytwo"
        << "target" << "\u2026eighteen nineteen twenty [target] twentyone twentytwo";
    QTest::newRow("cut after the window")
        << "target a b c d e f g h i j k l m n o p q r s" << "target" << "[target] a b c d e f g h i j k l m n o\u2026";
}

void TestFtsQuery::snippets()
{
    QFETCH(QString, text);
    QFETCH(QString, query);
    QFETCH(QString, snippet);
    QCOMPARE(makeSnippet(text, searchTerms(query), QStringLiteral("["), QStringLiteral("]")), snippet);
}

QTEST_GUILESS_MAIN(TestFtsQuery)
#include "test_fts_query.moc"
