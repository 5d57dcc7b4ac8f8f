#include "sessions/markdown/markdowndocument.h"

#include <QtTest>

using devzero::markdown::Document;
using devzero::markdown::Node;

namespace {

QList<Node> collect(const Node &from, Node::Type type)
{
    QList<Node> found;
    from.walk([&](Node n) {
        if (n.type() == type)
            found.append(n);
        return true;
    });
    return found;
}

Node first(const Document &doc, Node::Type type)
{
    const QList<Node> all = collect(doc.root(), type);
    return all.isEmpty() ? Node() : all.first();
}

} // namespace

class TestMarkdownDocument : public QObject
{
    Q_OBJECT

private slots:
    void blockTypes_data();
    void blockTypes();
    void inlineTypes();
    void lineNumbers();
    void headingLevels();
    void lists();
    void walkVisitsInPreOrder();
    void walkSkipsChildren();
    void walkStaysInsideSubtree();
    void fenceInfo();
    void linkUrlAndTitle();
    void plainText();
    void safeHtml_data();
    void safeHtml();
    void unsafeHtmlKeepsRaw();
    void sourcePositionsInHtml();
    void smartPunctuation();
    void invalidUtf8DoesNotCrash();
    void emptyAndNullInput();
    void moveSemantics();
    void nullNodeIsHarmless();
};

void TestMarkdownDocument::blockTypes_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<int>("type");
    QTest::newRow("paragraph") << QByteArray("hello") << int(Node::Type::Paragraph);
    QTest::newRow("atx heading") << QByteArray("# Title") << int(Node::Type::Heading);
    QTest::newRow("setext heading") << QByteArray("Title\n=====") << int(Node::Type::Heading);
    QTest::newRow("block quote") << QByteArray("> quoted") << int(Node::Type::BlockQuote);
    QTest::newRow("bullet list") << QByteArray("- a\n- b") << int(Node::Type::List);
    QTest::newRow("fenced code") << QByteArray("```\nx\n```") << int(Node::Type::CodeBlock);
    QTest::newRow("indented code") << QByteArray("    x = 1") << int(Node::Type::CodeBlock);
    QTest::newRow("html block") << QByteArray("<div>\nhi\n</div>") << int(Node::Type::HtmlBlock);
    QTest::newRow("thematic break") << QByteArray("---") << int(Node::Type::ThematicBreak);
}

void TestMarkdownDocument::blockTypes()
{
    QFETCH(QByteArray, markdown);
    QFETCH(int, type);
    const Document doc = Document::parse(markdown);
    QCOMPARE(doc.root().type(), Node::Type::Document);
    const Node block = doc.root().firstChild();
    QCOMPARE(int(block.type()), type);
    QVERIFY(block.isBlock());
    QCOMPARE(block.parent(), doc.root());
}

void TestMarkdownDocument::inlineTypes()
{
    const Document doc = Document::parse("*em* **strong** `code` [l](u) ![i](p.png) <b>x</b>  \nnext\nsoft");
    const Node para = doc.root().firstChild();
    QList<Node::Type> types;
    for (Node n = para.firstChild(); !n.isNull(); n = n.next())
        types.append(n.type());
    QVERIFY(types.contains(Node::Type::Emph));
    QVERIFY(types.contains(Node::Type::Strong));
    QVERIFY(types.contains(Node::Type::Code));
    QVERIFY(types.contains(Node::Type::Link));
    QVERIFY(types.contains(Node::Type::Image));
    QVERIFY(types.contains(Node::Type::HtmlInline));
    QVERIFY(types.contains(Node::Type::LineBreak));
    QVERIFY(types.contains(Node::Type::SoftBreak));
    QVERIFY(!para.firstChild().isBlock());
    QCOMPARE(para.lastChild().type(), Node::Type::Text);
    QCOMPARE(para.lastChild().literal(), QStringLiteral("soft"));
    QCOMPARE(para.lastChild().previous().type(), Node::Type::SoftBreak);
}

void TestMarkdownDocument::lineNumbers()
{
    const Document doc = Document::parse("# One\n\ntext line 3\ncontinued\n\n## Two\n\n```sh\nls\n```\n");
    Node n = doc.root().firstChild();
    QCOMPARE(n.startLine(), 1);
    QCOMPARE(n.startColumn(), 1);
    n = n.next();
    QCOMPARE(n.type(), Node::Type::Paragraph);
    QCOMPARE(n.startLine(), 3);
    QCOMPARE(n.endLine(), 4);
    n = n.next();
    QCOMPARE(n.startLine(), 6);
    n = n.next();
    QCOMPARE(n.type(), Node::Type::CodeBlock);
    QCOMPARE(n.startLine(), 8);
    QCOMPARE(n.endLine(), 10);

    const Document indented = Document::parse("- item\n\n  > quote in item\n");
    const Node quote = first(indented, Node::Type::BlockQuote);
    QCOMPARE(quote.startLine(), 3);
    QCOMPARE(quote.startColumn(), 3);
}

void TestMarkdownDocument::headingLevels()
{
    const Document doc = Document::parse("# a\n## b\n### c\n###### f\nSetext\n---\n");
    QList<int> levels;
    for (const Node &h : collect(doc.root(), Node::Type::Heading))
        levels.append(h.headingLevel());
    QCOMPARE(levels, (QList<int>{1, 2, 3, 6, 2}));
    QCOMPARE(doc.root().firstChild().firstChild().headingLevel(), 0); // a Text node
}

void TestMarkdownDocument::lists()
{
    const Document doc = Document::parse("3. three\n4. four\n\n- bullet\n");
    const QList<Node> lists = collect(doc.root(), Node::Type::List);
    QCOMPARE(lists.size(), 2);
    QVERIFY(lists[0].isOrderedList());
    QCOMPARE(lists[0].listStart(), 3);
    QVERIFY(!lists[1].isOrderedList());
    QCOMPARE(lists[1].listStart(), 0);
    QCOMPARE(collect(doc.root(), Node::Type::Item).size(), 3);
}

void TestMarkdownDocument::walkVisitsInPreOrder()
{
    const Document doc = Document::parse("# T\n\npara *em*\n");
    QList<Node::Type> order;
    doc.root().walk([&](Node n) {
        order.append(n.type());
        return true;
    });
    const QList<Node::Type> expected{Node::Type::Document, Node::Type::Heading, Node::Type::Text,
                                     Node::Type::Paragraph, Node::Type::Text, Node::Type::Emph,
                                     Node::Type::Text};
    QCOMPARE(order, expected);
}

void TestMarkdownDocument::walkSkipsChildren()
{
    const Document doc = Document::parse("> quoted *text*\n\nafter *x*\n");
    int emphSeen = 0;
    int paragraphs = 0;
    doc.root().walk([&](Node n) {
        if (n.type() == Node::Type::Emph)
            ++emphSeen;
        if (n.type() == Node::Type::Paragraph)
            ++paragraphs;
        return n.type() != Node::Type::BlockQuote;
    });
    QCOMPARE(emphSeen, 1);   // only the one outside the quote
    QCOMPARE(paragraphs, 1); // the quote's paragraph is never visited
}

void TestMarkdownDocument::walkStaysInsideSubtree()
{
    const Document doc = Document::parse("first *a*\n\nsecond *b*\n");
    const Node firstPara = doc.root().firstChild();
    int visited = 0;
    QStringList texts;
    firstPara.walk([&](Node n) {
        ++visited;
        if (n.type() == Node::Type::Text)
            texts.append(n.literal());
        return true;
    });
    QCOMPARE(texts, (QStringList{QStringLiteral("first "), QStringLiteral("a")}));
    QCOMPARE(visited, 4); // paragraph, text, emph, text

    // A leaf with siblings visits itself only.
    visited = 0;
    firstPara.firstChild().walk([&](Node) {
        ++visited;
        return true;
    });
    QCOMPARE(visited, 1);
}

void TestMarkdownDocument::fenceInfo()
{
    const Document doc = Document::parse("```bash title=x\necho hi\n```\n\n~~~\nplain\n~~~\n\n    indented\n");
    const QList<Node> blocks = collect(doc.root(), Node::Type::CodeBlock);
    QCOMPARE(blocks.size(), 3);
    QCOMPARE(blocks[0].fenceInfo(), QStringLiteral("bash title=x"));
    QCOMPARE(blocks[0].literal(), QStringLiteral("echo hi\n"));
    QCOMPARE(blocks[0].literalUtf8(), QByteArrayView("echo hi\n"));
    QCOMPARE(blocks[1].fenceInfo(), QString());
    QCOMPARE(blocks[2].literal(), QStringLiteral("indented\n"));
    QCOMPARE(doc.root().fenceInfo(), QString()); // not a code block
}

void TestMarkdownDocument::linkUrlAndTitle()
{
    const Document doc = Document::parse("[docs](https://example.org/a \"The title\") ![img](x.png)");
    const Node link = first(doc, Node::Type::Link);
    QCOMPARE(link.url(), QStringLiteral("https://example.org/a"));
    QCOMPARE(link.title(), QStringLiteral("The title"));
    QCOMPARE(link.plainText(), QStringLiteral("docs"));
    QCOMPARE(first(doc, Node::Type::Image).url(), QStringLiteral("x.png"));
    QCOMPARE(doc.root().url(), QString());
}

void TestMarkdownDocument::plainText()
{
    const Document doc = Document::parse("# Run `kubectl` *now*\n\nline one\nline two  \nthree <b>x</b>\n\n```\ncode block\n```\n");
    const Node heading = doc.root().firstChild();
    QCOMPARE(heading.plainText(), QStringLiteral("Run kubectl now"));
    const Node para = heading.next();
    // Inline HTML is not text; soft and hard breaks become newlines.
    QCOMPARE(para.plainText(), QStringLiteral("line one\nline two\nthree x"));
    const QString all = doc.root().plainText();
    QVERIFY(all.startsWith(QStringLiteral("Run kubectl now")));
    QVERIFY(!all.contains(QStringLiteral("code block"))); // code blocks are not inline text
    QCOMPARE(Document::parse("caf\xc3\xa9").root().plainText(), QStringView(u"caf\u00e9").toString());
}

void TestMarkdownDocument::safeHtml_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<QByteArray>("mustNotContain");
    QTest::addColumn<QByteArray>("mustContain");
    QTest::newRow("script block") << QByteArray("<script>alert(1)</script>\n\ntext")
                                  << QByteArray("<script") << QByteArray("<p>text</p>");
    QTest::newRow("inline script") << QByteArray("a <script>alert(1)</script> b")
                                   << QByteArray("<script") << QByteArray("a ");
    QTest::newRow("javascript link") << QByteArray("[click](javascript:alert(1))")
                                     << QByteArray("javascript:") << QByteArray(">click</a>");
    QTest::newRow("vbscript link") << QByteArray("[x](VBScript:msgbox)")
                                   << QByteArray("msgbox") << QByteArray(">x</a>");
    QTest::newRow("onerror attribute") << QByteArray("<img src=x onerror=alert(1)>")
                                       << QByteArray("onerror") << QByteArray("raw HTML omitted");
    QTest::newRow("escaped text") << QByteArray("1 < 2 & \"q\"")
                                  << QByteArray("1 < 2") << QByteArray("1 &lt; 2 &amp;");
}

void TestMarkdownDocument::safeHtml()
{
    QFETCH(QByteArray, markdown);
    QFETCH(QByteArray, mustNotContain);
    QFETCH(QByteArray, mustContain);
    const QByteArray html = Document::parse(markdown).renderHtml();
    QVERIFY2(!html.toLower().contains(mustNotContain.toLower()), html.constData());
    QVERIFY2(html.contains(mustContain), html.constData());
    QCOMPARE(devzero::markdown::renderHtml(markdown), html);
}

void TestMarkdownDocument::unsafeHtmlKeepsRaw()
{
    const QByteArray md("<div class=\"x\">raw</div>\n\n[a](javascript:void)");
    const QByteArray html = Document::parse(md).renderHtml(Document::Unsafe);
    QVERIFY(html.contains("<div class=\"x\">raw</div>"));
    QVERIFY(html.contains("javascript:void"));
}

void TestMarkdownDocument::sourcePositionsInHtml()
{
    const Document doc = Document::parse("para\n\n# head\n");
    QVERIFY(!doc.renderHtml().contains("data-sourcepos"));
    QVERIFY(doc.renderHtml(Document::SourcePositions).contains("data-sourcepos=\"3:1-3:6\""));
}

void TestMarkdownDocument::smartPunctuation()
{
    const QByteArray md("\"quoted\" -- dash");
    QVERIFY(Document::parse(md).root().plainText().contains(QLatin1Char('"')));
    const QString smart = Document::parse(md, Document::Smart).root().plainText();
    QVERIFY2(smart.contains(QChar(0x201C)), qPrintable(smart));
    QVERIFY(smart.contains(QChar(0x2013)));
}

void TestMarkdownDocument::invalidUtf8DoesNotCrash()
{
    const QByteArray bad("# Ti\xfftle\n\nbody \xc3\x28 and \xed\xa0\x80 end\n");
    const Document doc = Document::parse(bad);
    const Node heading = doc.root().firstChild();
    QCOMPARE(heading.type(), Node::Type::Heading);
    const QString title = heading.plainText();
    QVERIFY(title.contains(QChar(0xFFFD)));
    QVERIFY(title.startsWith(QStringLiteral("Ti")));
    QVERIFY(heading.next().plainText().endsWith(QStringLiteral("end")));
    QVERIFY(!doc.renderHtml().isEmpty());

    // A binary blob with NULs parses to something and renders without crashing.
    QByteArray blob;
    for (int i = 0; i < 4096; ++i)
        blob.append(char((i * 131 + 7) & 0xff));
    const Document binary = Document::parse(blob);
    QVERIFY(!binary.root().isNull());
    QVERIFY(!binary.renderHtml().isEmpty());
    (void)binary.root().plainText();
}

void TestMarkdownDocument::emptyAndNullInput()
{
    const Document empty = Document::parse(QByteArrayView());
    QCOMPARE(empty.root().type(), Node::Type::Document);
    QVERIFY(empty.root().firstChild().isNull());
    QCOMPARE(empty.renderHtml(), QByteArray());
    QCOMPARE(empty.root().plainText(), QString());
}

void TestMarkdownDocument::moveSemantics()
{
    Document a = Document::parse("# Moved\n");
    const Node rootBefore = a.root();
    Document b(std::move(a));
    QVERIFY(a.root().isNull()); // NOLINT(bugprone-use-after-move): moved-from is empty by contract
    QCOMPARE(b.root(), rootBefore);
    QCOMPARE(b.root().firstChild().plainText(), QStringLiteral("Moved"));
    QCOMPARE(a.renderHtml(), QByteArray());

    Document c = Document::parse("other");
    c = std::move(b);
    QCOMPARE(c.root(), rootBefore);
    QVERIFY(c.renderHtml().contains("<h1>Moved</h1>"));

    Document d;
    QVERIFY(d.root().isNull());
    d = Document::parse("x");
    QCOMPARE(d.root().firstChild().type(), Node::Type::Paragraph);
}

void TestMarkdownDocument::nullNodeIsHarmless()
{
    const Node n;
    QVERIFY(n.isNull());
    QCOMPARE(n.type(), Node::Type::None);
    QVERIFY(!n.isBlock());
    QVERIFY(n.parent().isNull());
    QVERIFY(n.firstChild().isNull());
    QCOMPARE(n.startLine(), 0);
    QCOMPARE(n.plainText(), QString());
    QVERIFY(n.literalUtf8().isEmpty());
    int visits = 0;
    n.walk([&](Node) {
        ++visits;
        return true;
    });
    QCOMPARE(visits, 0);
}

QTEST_GUILESS_MAIN(TestMarkdownDocument)
#include "test_markdown_document.moc"
