// Escaping per format (sessions/report/escaping.h): HTML, Markdown for
// GitHub issues, CSV with its formula-injection guard, and the cleaning
// every format shares.

#include "sessions/report/escaping.h"

#include <QTest>

using namespace devzero::report;

class TestReportEscaping : public QObject
{
    Q_OBJECT

private slots:
    void cleanText_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("kubectl apply") << QStringLiteral("kubectl apply");
        QTest::newRow("tab and newline kept") << QStringLiteral("a\tb\nc\r\n") << QStringLiteral("a\tb\nc\r\n");
        QTest::newRow("NUL and ESC") << QStringLiteral("a") + QChar(0) + QStringLiteral("b\x1b[31m")
                                     << QStringLiteral("a\uFFFDb\uFFFD[31m");
        QTest::newRow("C1 control") << QStringLiteral("x\u0085y") << QStringLiteral("x\uFFFDy");
        QTest::newRow("RTL override") << QStringLiteral("abc\u202Edcb") << QStringLiteral("abc[U+202E]dcb");
        QTest::newRow("isolate") << QStringLiteral("\u2066x\u2069") << QStringLiteral("[U+2066]x[U+2069]");
        QTest::newRow("Arabic letter mark") << QStringLiteral("\u061C") << QStringLiteral("[U+061C]");
        QTest::newRow("Hebrew text kept") << QStringLiteral("שלום") << QStringLiteral("שלום");
        QTest::newRow("emoji pair kept") << QStringLiteral("ok \U0001F600") << QStringLiteral("ok \U0001F600");
        QTest::newRow("lone high surrogate") << QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b") << QStringLiteral("a\uFFFDb");
        QTest::newRow("lone low surrogate") << QString(QChar(0xDC00)) << QStringLiteral("\uFFFD");
        QTest::newRow("noncharacter") << QString(QChar(0xFFFF)) << QStringLiteral("\uFFFD");
        QTest::newRow("broken UTF-8 decoded") << QString::fromUtf8("a\xff\xfe" "b") << QStringLiteral("a\uFFFD\uFFFDb");
    }
    void cleanText()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(devzero::report::cleanText(input), expected);
    }

    void html_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("script") << QStringLiteral("<script>alert(1)</script>")
                                << QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;");
        QTest::newRow("attribute break-out") << QStringLiteral("\" onerror='x'") << QStringLiteral("&quot; onerror=&#39;x&#39;");
        QTest::newRow("ampersand") << QStringLiteral("a && b &amp;") << QStringLiteral("a &amp;&amp; b &amp;amp;");
        QTest::newRow("bidi") << QStringLiteral("\u202E<") << QStringLiteral("[U+202E]&lt;");
    }
    void html()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(htmlEscape(input), expected);
    }

    void safeHref_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("https") << QStringLiteral("https://docs.example/a?b=1&c=2") << QStringLiteral("https://docs.example/a?b=1&amp;c=2");
        QTest::newRow("http") << QStringLiteral("http://docs.example/") << QStringLiteral("http://docs.example/");
        QTest::newRow("raw quote rejected") << QStringLiteral("https://x.example/\"onmouseover=") << QString();
        QTest::newRow("encoded quote kept") << QStringLiteral("https://x.example/%22a") << QStringLiteral("https://x.example/%22a");
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << QString();
        QTest::newRow("javascript, case and space") << QStringLiteral(" JavaScript:alert(1)") << QString();
        QTest::newRow("data") << QStringLiteral("data:text/html,<script>") << QString();
        QTest::newRow("relative") << QStringLiteral("../secrets.md") << QString();
        QTest::newRow("no host") << QStringLiteral("https:///x") << QString();
    }
    void safeHref()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QCOMPARE(devzero::report::safeHref(url), expected);
    }

    void markdown_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("blockStart");
        QTest::newRow("plain") << QStringLiteral("run the installer") << QStringLiteral("run the installer") << false;
        QTest::newRow("pipe") << QStringLiteral("a | b") << QStringLiteral("a \\| b") << false;
        QTest::newRow("angle brackets") << QStringLiteral("<img src=x onerror=alert(1)>")
                                        << QStringLiteral("&lt;img src=x onerror=alert(1)&gt;") << false;
        QTest::newRow("backticks") << QStringLiteral("use `jq`") << QStringLiteral("use \\`jq\\`") << false;
        QTest::newRow("emphasis") << QStringLiteral("*bold* _it_ ~x~") << QStringLiteral("\\*bold\\* \\_it\\_ \\~x\\~") << false;
        QTest::newRow("link") << QStringLiteral("[x](javascript:alert(1))") << QStringLiteral("\\[x\\](javascript:alert(1))") << false;
        QTest::newRow("image") << QStringLiteral("![x](http://127.0.0.1/x)") << QStringLiteral("!\\[x\\](http://127.0.0.1/x)") << false;
        QTest::newRow("backslash") << QStringLiteral("C:\\temp") << QStringLiteral("C:\\\\temp") << false;
        QTest::newRow("mention") << QStringLiteral("ask @docs-team") << QStringLiteral("ask @\u200Bdocs-team") << false;
        QTest::newRow("issue reference") << QStringLiteral("see #12") << QStringLiteral("see #\u200B12") << false;
        QTest::newRow("heading at start") << QStringLiteral("# not a heading") << QStringLiteral("\\# not a heading") << true;
        QTest::newRow("list at start") << QStringLiteral("- item") << QStringLiteral("\\- item") << true;
        QTest::newRow("ordered list at start") << QStringLiteral("1. first") << QStringLiteral("1\\. first") << true;
        QTest::newRow("mid-line markers stay") << QStringLiteral("1.2 # - +") << QStringLiteral("1.2 # - +") << false;
        QTest::newRow("heading mid-line is text") << QStringLiteral("# x") << QStringLiteral("# x") << false;
        QTest::newRow("quote at start") << QStringLiteral("> quoted") << QStringLiteral("&gt; quoted") << false;
        QTest::newRow("newlines folded") << QStringLiteral("one\ntwo\r\nthree") << QStringLiteral("one two three") << false;
        QTest::newRow("entity") << QStringLiteral("&lt;b&gt;") << QStringLiteral("&amp;lt;b&amp;gt;") << false;
        QTest::newRow("html comment") << QStringLiteral("<!-- x -->") << QStringLiteral("&lt;!-- x --&gt;") << false;
    }
    void markdown()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(bool, blockStart);
        QCOMPARE(markdownText(input, blockStart), expected);
    }

    void markdownCode_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("jq .id") << QStringLiteral("`jq .id`");
        QTest::newRow("backtick inside") << QStringLiteral("echo `date`") << QStringLiteral("`` echo `date` ``");
        QTest::newRow("double backticks inside") << QStringLiteral("a``b") << QStringLiteral("```a``b```");
        QTest::newRow("pipe escaped for tables") << QStringLiteral("curl x | jq") << QStringLiteral("`curl x \\| jq`");
        QTest::newRow("leading backtick padded") << QStringLiteral("`x") << QStringLiteral("`` `x ``");
        QTest::newRow("newline folded") << QStringLiteral("a\nb") << QStringLiteral("`a b`");
        QTest::newRow("mention stays inert in code") << QStringLiteral("@paylark/docs") << QStringLiteral("`@paylark/docs`");
        QTest::newRow("empty") << QString() << QStringLiteral(" ");
    }
    void markdownCode()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(devzero::report::markdownCode(input), expected);
    }

    void withCode_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("markdown");
        QTest::newRow("message") << QStringLiteral("`jq` is used but never introduced")
                                 << QStringLiteral("<code>jq</code> is used but never introduced")
                                 << QStringLiteral("`jq` is used but never introduced");
        QTest::newRow("hostile code") << QStringLiteral("`<script>|x` here")
                                      << QStringLiteral("<code>&lt;script&gt;|x</code> here")
                                      << QStringLiteral("`<script>\\|x` here");
        QTest::newRow("unpaired") << QStringLiteral("a ` b") << QStringLiteral("a ` b") << QStringLiteral("a \\` b");
        QTest::newRow("two spans") << QStringLiteral("`a` or `b`") << QStringLiteral("<code>a</code> or <code>b</code>")
                                   << QStringLiteral("`a` or `b`");
    }
    void withCode()
    {
        QFETCH(QString, input);
        QFETCH(QString, html);
        QFETCH(QString, markdown);
        QCOMPARE(htmlWithCode(input), html);
        QCOMPARE(markdownWithCode(input), markdown);
    }

    void markdownCellIsNeverEmpty()
    {
        QCOMPARE(markdownCell(QString()), QStringLiteral(" "));
        QCOMPARE(markdownCell(QStringLiteral("a|b")), QStringLiteral("a\\|b"));
    }

    void csv_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("jq") << QStringLiteral("jq");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("CRLF") << QStringLiteral("a\r\nb") << QStringLiteral("\"a\r\nb\"");
        QTest::newRow("formula =") << QStringLiteral("=HYPERLINK(\"http://x\",\"y\")") << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        QTest::newRow("formula +") << QStringLiteral("+1+1") << QStringLiteral("'+1+1");
        QTest::newRow("formula -") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("formula @") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("formula tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("formula CR") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        QTest::newRow("equals later is fine") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("control cleaned") << QStringLiteral("a\x01") << QStringLiteral("a\uFFFD");
    }
    void csv()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(csvText(input), expected);
    }

    void csvNumbersAreNotGuarded()
    {
        QCOMPARE(csvNumber(-1.25), QStringLiteral("-1.25"));
        QCOMPARE(csvNumber(0.5), QStringLiteral("0.5"));
        QCOMPARE(csvNumber(3.0), QStringLiteral("3"));
        QCOMPARE(csvNumber(-0.0000001), QStringLiteral("0"));
        QCOMPARE(csvNumber(1.0 / 3.0), QStringLiteral("0.333333"));
        QCOMPARE(csvInteger(-4), QStringLiteral("-4"));
    }
};

QTEST_GUILESS_MAIN(TestReportEscaping)
#include "test_report_escaping.moc"
