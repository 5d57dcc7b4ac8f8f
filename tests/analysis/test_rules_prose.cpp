// The prose view the prose rules read: exact lines, code and links blanked.

#include "sessions/analysis/rulesprose.h"

#include <QTest>

using namespace devzero::analysis;

using namespace Qt::StringLiterals;

class TestRulesProse : public QObject
{
    Q_OBJECT

private slots:
    void mask_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("prose");
        QTest::addColumn<QString>("text");

        QTest::newRow("code span") << "Run `just go` now" << "Run           now" << "Run  just go  now";
        QTest::newRow("double backticks") << "a ``x ` y`` b" << "a           b" << "a   x ` y   b";
        QTest::newRow("unclosed backtick") << "a `b" << "a `b" << "a `b";
        QTest::newRow("link target") << "[easy](https://x.example/simply)" << "[easy]                          "
                                     << "[easy]                          ";
        QTest::newRow("image") << "![simply](a.png) ok" << "                 ok" << "                 ok";
        QTest::newRow("bare url") << "see https://x.example/just now" << "see                        now"
                                  << "see                        now";
        QTest::newRow("autolink") << "<https://x.example/just>" << "                        " << "                        ";
        QTest::newRow("html tag") << "a <b>bold</b> c" << "a    bold     c" << "a    bold     c";
        QTest::newRow("comment") << "a <!-- simply --> b" << "a                 b" << "a                 b";
        QTest::newRow("angle placeholder kept") << "use <your-token> here" << "use <your-token> here"
                                                << "use <your-token> here";
        QTest::newRow("placeholder in code") << "set `<your-token>`" << "set               " << "set  <your-token> ";
        QTest::newRow("attribute list") << "## Limits {#quotas}" << "## Limits          " << "## Limits          ";
        QTest::newRow("reference definition") << "[docs]: https://x.example/just" << "                              "
                                              << "                              ";
        QTest::newRow("escaped backtick") << "a \\`b` c" << "a \\`b` c" << "a \\`b` c";
        QTest::newRow("code span over lines") << "a `b\nc` d" << "a   \n   d" << "a  b\nc  d";
    }

    void mask()
    {
        QFETCH(QString, source);
        QFETCH(QString, prose);
        QFETCH(QString, text);
        QCOMPARE(maskNonProse(source, false), prose);
        QCOMPARE(maskNonProse(source, true), text);
        QCOMPARE(maskNonProse(source, false).size(), source.size());
    }

    void linesMatchTheFile()
    {
        const QByteArray page = "---\n"                      // 1
                                "title: Lines\n"             // 2
                                "---\n"                      // 3
                                "\n"                         // 4
                                "# Lines\n"                  // 5
                                "\n"                         // 6
                                "!!! note\n"                 // 7
                                "    Simply note this.\n"    // 8
                                "\n"                         // 9
                                "```bash\n"                  // 10
                                "echo simply\n"              // 11
                                "```\n"                      // 12
                                "\n"                         // 13
                                "1. First\n"                 // 14
                                "2. Second\n"                // 15
                                "   continued\n";            // 16
        const ProseFacts facts = extractProse(QStringLiteral("docs/x.md"), page);
        QCOMPARE(facts.lines.size(), 16);
        QCOMPARE(facts.lines[7], QStringLiteral("    Simply note this."));
        QStringList starts;
        for (const ProseBlock &block : facts.blocks)
            starts << QStringLiteral("%1-%2:%3").arg(block.startLine).arg(block.endLine()).arg(block.prose.first().trimmed());
        // Front matter is not prose; the admonition's text is (its marker line is not);
        // the code block is not; list items are.
        QCOMPARE(starts, (QStringList{u"5-5:# Lines"_s, u"8-8:Simply note this."_s, u"14-14:1. First"_s, u"15-16:2. Second"_s}));
        QCOMPARE(facts.orderedLists.size(), 1);
        QCOMPARE(facts.orderedLists.first().startLine, 14);
        QCOMPARE(facts.orderedLists.first().endLine, 16);
        QVERIFY(facts.blocks[2].inList);
        QVERIFY(!facts.generatorMarker);
    }

    void ignoreDirectives()
    {
        const QByteArray page = "# A\n"                                                    // 1
                                "\n"                                                       // 2
                                "<!-- devzero-ignore minimising-word, broken-link -->\n"   // 3
                                "One paragraph\n"                                          // 4
                                "over two lines.\n"                                        // 5
                                "\n"                                                       // 6
                                "- item\n"                                                 // 7
                                "\n"                                                       // 8
                                "  <!-- devzero-ignore undeclared-tool -->\n"              // 9
                                "  ```bash\n"                                              // 10
                                "  jq .\n"                                                 // 11
                                "  ```\n"                                                  // 12
                                "<!-- a comment -->\n";                                    // 13
        const ProseFacts facts = extractProse(QStringLiteral("a.md"), page);
        QCOMPARE(facts.ignores.size(), 2);
        QCOMPARE(facts.ignores[0].firstLine, 4);
        QCOMPARE(facts.ignores[0].lastLine, 5);
        QCOMPARE(facts.ignores[0].rules, (QStringList{u"minimising-word"_s, u"broken-link"_s}));
        QCOMPARE(facts.ignores[1].firstLine, 10);
        QCOMPARE(facts.ignores[1].lastLine, 12);
        QCOMPARE(facts.ignores[1].rules, QStringList{u"undeclared-tool"_s});
    }

    void anchorsAndMarkers()
    {
        const QByteArray page = "<!-- Generated by apigen. DO NOT EDIT. -->\n"
                                "# API\n"
                                "\n"
                                "<a id=\"legacy-anchor\"></a>\n"
                                "Text {: #para-id }\n";
        const ProseFacts facts = extractProse(QStringLiteral("a.md"), page);
        QVERIFY(facts.generatorMarker);
        QVERIFY(facts.extraAnchors.contains(QStringLiteral("legacy-anchor")));
        QVERIFY(facts.extraAnchors.contains(QStringLiteral("para-id")));
    }

    void badInput()
    {
        QVERIFY(extractProse(QStringLiteral("bin.md"), QByteArray("a\0b", 3)).blocks.isEmpty());
        const ProseFacts broken = extractProse(QStringLiteral("utf.md"), QByteArray("# T\n\nbad \xff\xfe byte, simply\n"));
        QCOMPARE(broken.blocks.size(), 2);
        QVERIFY(broken.blocks[1].prose.first().contains(QStringLiteral("simply")));
        QVERIFY(extractProse(QStringLiteral("empty.md"), QByteArray()).blocks.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRulesProse)
#include "test_rules_prose.moc"
