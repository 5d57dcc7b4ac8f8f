// parsePage() over fixture pages written for these tests (tests/fixtures/pages):
// each page's facts, with exact line numbers, against its hand-checked
// <page>.expected file; command, placeholder, env var, acronym and definition
// forms from small snippets; bad input: invalid UTF-8, binary, huge pages,
// hostile nesting and a random mutation loop that must never crash.

#include "sessions/docindex/parsedpage.h"

#include "tests/common/testsupport.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace devzero::docindex;

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(devzero::test::fixturePath(u"pages/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QString kindName(Link::Kind kind)
{
    switch (kind) {
    case Link::Kind::Relative: return u"rel"_s;
    case Link::Kind::External: return u"ext"_s;
    case Link::Kind::Anchor: return u"anchor"_s;
    case Link::Kind::Other: return u"other"_s;
    }
    return {};
}

QString formName(Definition::Form form)
{
    switch (form) {
    case Definition::Form::Expansion: return u"expansion"_s;
    case Definition::Form::Glossary: return u"glossary"_s;
    case Definition::Form::DefinitionList: return u"list"_s;
    case Definition::Form::Sentence: return u"sentence"_s;
    }
    return {};
}

QStringList sectionsOf(const ParsedPage &page)
{
    QStringList out;
    for (const Section &s : page.sections)
        out << u"L%1 %2-%3 #%4 %5"_s.arg(s.level).arg(s.startLine).arg(s.endLine).arg(s.anchor, s.heading);
    return out;
}

QStringList linksOf(const QList<Link> &links)
{
    QStringList out;
    for (const Link &l : links) {
        QString row = u"%1 %2 %3#%4"_s.arg(l.line).arg(kindName(l.kind), l.path, l.anchor);
        if (!l.host.isEmpty())
            row += u" host="_s + l.host;
        row += u" '"_s + l.text + u'\'';
        if (l.escapesRepository)
            row += u" escapes"_s;
        out << row;
    }
    return out;
}

QStringList codeBlocksOf(const ParsedPage &page)
{
    QStringList out;
    for (const CodeBlock &c : page.codeBlocks)
        out << u"%1-%2 %3%4"_s.arg(c.startLine).arg(c.endLine).arg(c.language, c.isShell() ? u" shell"_s : QString());
    return out;
}

QStringList commandsOf(const ParsedPage &page)
{
    QStringList out;
    for (const Command &c : page.commands)
        out << u"%1 %2: %3"_s.arg(c.line).arg(c.program, c.text);
    return out;
}

QStringList termsOf(const QList<Term> &terms)
{
    QStringList out;
    for (const Term &t : terms)
        out << u"%1 %2"_s.arg(t.line).arg(t.text);
    return out;
}

QStringList definitionsOf(const ParsedPage &page)
{
    QStringList out;
    for (const Definition &d : page.definitions)
        out << u"%1 %2 %3 = %4"_s.arg(d.line).arg(formName(d.form), d.term, d.meaning);
    return out;
}

QStringList metaOf(const ParsedPage &page)
{
    return {u"title: "_s + page.title, u"frontMatterFormat: "_s + page.frontMatterFormat,
            u"bodyStartLine: %1"_s.arg(page.bodyStartLine), u"lineCount: %1"_s.arg(page.lineCount)};
}

QStringList factsOf(const ParsedPage &page, const QString &kind)
{
    if (kind == u"meta") return metaOf(page);
    if (kind == u"sections") return sectionsOf(page);
    if (kind == u"links") return linksOf(page.links);
    if (kind == u"images") return linksOf(page.images);
    if (kind == u"codeBlocks") return codeBlocksOf(page);
    if (kind == u"commands") return commandsOf(page);
    if (kind == u"inlineCode") return termsOf(page.inlineCode);
    if (kind == u"envVars") return termsOf(page.envVars);
    if (kind == u"envAssignments") return termsOf(page.envAssignments);
    if (kind == u"placeholders") return termsOf(page.placeholders);
    if (kind == u"acronyms") return termsOf(page.acronyms);
    if (kind == u"definitions") return definitionsOf(page);
    qFatal("unknown kind %s in an .expected file", qPrintable(kind));
    return {};
}

// What must hold for any input, however broken; returns what is wrong.
QString invariantViolation(const ParsedPage &page)
{
    const int last = page.lineCount;
    auto inRange = [&](int line) { return line >= 1 && line <= qMax(1, last); };
    int previous = 0;
    for (const Section &s : page.sections) {
        if (!inRange(s.startLine) || s.endLine < s.startLine || s.endLine > qMax(1, last) || s.startLine <= previous)
            return u"section %1 %2-%3 of %4 lines"_s.arg(s.anchor).arg(s.startLine).arg(s.endLine).arg(last);
        if (s.level < 0 || s.level > 6)
            return u"section level %1"_s.arg(s.level);
        previous = s.startLine;
    }
    for (const QList<Link> *links : {&page.links, &page.images})
        for (const Link &l : *links)
            if (!inRange(l.line) || (l.escapesRepository && !l.path.isEmpty()) || l.path.contains(u"/../"_s))
                return u"link %1 at line %2"_s.arg(l.target).arg(l.line);
    for (const CodeBlock &c : page.codeBlocks)
        if (!inRange(c.startLine) || c.endLine < c.startLine || c.endLine > qMax(1, last))
            return u"code block %1-%2"_s.arg(c.startLine).arg(c.endLine);
    for (const Command &c : page.commands)
        if (!inRange(c.line))
            return u"command at line %1"_s.arg(c.line);
    for (const QList<Term> *terms : {&page.inlineCode, &page.envVars, &page.placeholders, &page.acronyms, &page.envAssignments})
        for (const Term &t : *terms)
            if (!inRange(t.line))
                return u"term %1 at line %2"_s.arg(t.text).arg(t.line);
    for (const Definition &d : page.definitions)
        if (!inRange(d.line))
            return u"definition %1 at line %2"_s.arg(d.term).arg(d.line);
    return {};
}

} // namespace

class TestPageParser : public QObject
{
    Q_OBJECT

private slots:
    void expectedFacts_data();
    void expectedFacts();
    void everyKindIsExpected();
    void frontMatterRaw();
    void linksFromTheRoot();
    void commandForms_data();
    void commandForms();
    void termForms_data();
    void termForms();
    void bodyText_data();
    void bodyText();
    void sectionText();

    void invalidUtf8();
    void binaryIsEmptyWithWarning();
    void crlfAndLoneCr();
    void unclosedFrontMatter();
    void emptyAndTinyInputs_data();
    void emptyAndTinyInputs();
    void hostileInputs_data();
    void hostileInputs();
    void fiveMegabytePage();
    void fiveMegabyteLine();
    void mutationsNeverCrash();
};

void TestPageParser::expectedFacts_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("expected");
    const QDir dir(devzero::test::fixturePath(u"pages"_s));
    const QStringList files = dir.entryList({u"*.expected"_s}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 8, "the .expected files of tests/fixtures/pages are missing");
    for (const QString &file : files) {
        QFile in(dir.filePath(file));
        QVERIFY(in.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString fixture = file.chopped(qsizetype(qstrlen(".expected")));
        QString path;
        QString kind;
        QStringList rows;
        auto flush = [&] {
            if (!kind.isEmpty())
                QTest::addRow("%s %s", qPrintable(fixture), qPrintable(kind)) << fixture << path << kind << rows;
            rows.clear();
        };
        for (const QString &raw : QString::fromUtf8(in.readAll()).split(u'\n')) {
            const QString line = QString(raw).replace(u"\\n"_s, u"\n"_s);
            if (line.startsWith(u'#') || (line.isEmpty() && kind.isEmpty()))
                continue;
            if (line.startsWith(u"path: "))
                path = line.mid(6);
            else if (line.startsWith(u'[') && line.endsWith(u']')) {
                flush();
                kind = line.mid(1, line.size() - 2);
            } else if (!line.isEmpty())
                rows << line;
        }
        flush();
    }
}

void TestPageParser::expectedFacts()
{
    QFETCH(QString, fixture);
    QFETCH(QString, path);
    QFETCH(QString, kind);
    QFETCH(QStringList, expected);
    const ParsedPage page = parsePage(path, readFixture(fixture));
    QCOMPARE(factsOf(page, kind), expected);
    QVERIFY2(page.warnings.isEmpty(), qPrintable(page.warnings.join(u"; ")));
}

void TestPageParser::everyKindIsExpected()
{
    // An .expected file that forgets a kind would silently test less.
    const QDir dir(devzero::test::fixturePath(u"pages"_s));
    for (const QString &file : dir.entryList({u"*.expected"_s}, QDir::Files)) {
        QFile in(dir.filePath(file));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray text = in.readAll();
        for (const char *kind : {"[meta]", "[sections]", "[links]", "[images]", "[codeBlocks]", "[commands]", "[inlineCode]",
                                 "[envVars]", "[envAssignments]", "[placeholders]", "[acronyms]", "[definitions]"})
            QVERIFY2(text.contains(kind), qPrintable(file + u" lacks "_s + QLatin1String(kind)));
        QVERIFY2(QFile::exists(dir.filePath(file.chopped(9))), qPrintable(file));
    }
}

void TestPageParser::frontMatterRaw()
{
    const ParsedPage yaml = parsePage(u"docs/guide.md"_s, readFixture(u"guide.md"_s));
    QCOMPARE(yaml.frontMatter, QByteArray("title: \"Getting started: the \\\"quick\\\" way\"\nweight: 10\ntags: [intro, setup]\n"));
    const ParsedPage toml = parsePage(u"docs/hugo-page.md"_s, readFixture(u"hugo-page.md"_s));
    QCOMPARE(toml.frontMatter, QByteArray("title = 'Hugo: \"shortcodes\" page'\ndraft = false\n"));
    QVERIFY(!yaml.bodyText.contains(u"weight"_s));
    QVERIFY(!toml.bodyText.contains(u"draft"_s));
}

void TestPageParser::linksFromTheRoot()
{
    // The same page at the repository root: every "../" now climbs out.
    const QStringList expected = {
        u"3 rel setup.md# 'setup'"_s,
        u"3 rel #top 'up' escapes"_s,
        u"3 rel # 'deep' escapes"_s,
        u"4 rel # 'escape' escapes"_s,
        u"4 rel docs/faq.md#Why not 'root'"_s,
        u"4 rel # 'dir' escapes"_s,
        u"6 anchor links.md#details 'below'"_s,
        u"6 anchor links.md#café 'encoded'"_s,
        u"7 ext #overview host=argo-cd.readthedocs.io 'Argo'"_s,
        u"7 ext # host=example.com 'https://Example.COM:8443/x'"_s,
        u"8 ext # host=github.com 'https://github.com/org/repo/issues/1'"_s,
        u"8 ext # host=example.org 'https://example.org/a_(b)'"_s,
        u"9 other # 'mail'"_s,
        u"9 other # 'team@example.com'"_s,
        u"9 other # 'tel'"_s,
        u"11 rel #auth 'link' escapes"_s,
        u"17 rel after.md# 'after'"_s};
    QCOMPARE(linksOf(parsePage(u"links.md"_s, readFixture(u"links.md"_s)).links), expected);
}

void TestPageParser::commandForms_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("zsh percent prompt") << QByteArray("```zsh\n% brew install jq\n```\n") << QStringList{u"2 brew: brew install jq"_s};
    QTest::newRow("bash without prompts, comment skipped") << QByteArray("```bash\n# setup\nmake\nmake test\n```\n")
                                                           << QStringList{u"3 make: make"_s, u"4 make: make test"_s};
    QTest::newRow("hash is a comment outside console") << QByteArray("```sh\n# apt-get install jq\n```\n") << QStringList{};
    QTest::newRow("output skipped only when prompts exist") << QByteArray("```console\n$ ls\nfile.txt\n```\n") << QStringList{u"2 ls: ls"_s};
    QTest::newRow("unlabelled block without prompt is no shell") << QByteArray("```\nls -la\n```\n") << QStringList{};
    QTest::newRow("tilde fence and pandoc info") << QByteArray("~~~ {.bash .numberLines}\nsudo apt update\n~~~\n") << QStringList{u"2 apt: sudo apt update"_s};
    QTest::newRow("info with title") << QByteArray("```shell title=\"install.sh\"\n./install.sh\n```\n") << QStringList{u"2 install.sh: ./install.sh"_s};
    QTest::newRow("heredoc body skipped, tabs form")
        << QByteArray("```bash\ncat <<-'END' > x\n\tnot a command\n\tEND\nnext-step\n```\n")
        << QStringList{u"2 cat: cat <<-'END' > x"_s, u"5 next-step: next-step"_s};
    QTest::newRow("env and sudo options") << QByteArray("```bash\nenv -i PATH=/bin sudo -u deploy /opt/bin/tool run\n```\n")
                                          << QStringList{u"2 tool: env -i PATH=/bin sudo -u deploy /opt/bin/tool run"_s};
    QTest::newRow("then prefix") << QByteArray("```bash\nif true\nthen helm list\nfi\n```\n")
                                 << QStringList{u"2 if: if true"_s, u"3 helm: helm list"_s};
    QTest::newRow("bare > prompt") << QByteArray("```cmd\n> npm install\nadded 12 packages\n```\n") << QStringList{u"2 npm: npm install"_s};
    QTest::newRow("cmd caret continuation") << QByteArray("```bat\nC:\\> dir ^\n  /s\n```\n") << QStringList{u"2 dir: dir /s"_s};
    QTest::newRow("in a list item") << QByteArray("1. Run:\n\n   ```bash\n   kubectl get ns\n   ```\n")
                                    << QStringList{u"4 kubectl: kubectl get ns"_s};
    QTest::newRow("in a block quote") << QByteArray("> ```console\n> $ git status\n> ```\n") << QStringList{u"2 git: git status"_s};
}

void TestPageParser::commandForms()
{
    QFETCH(QByteArray, markdown);
    QFETCH(QStringList, expected);
    QCOMPARE(commandsOf(parsePage(u"snippet.md"_s, markdown)), expected);
}

void TestPageParser::termForms_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("expected");
    auto row = [](const char *name, const char *markdown, const char *kind, const QStringList &expected) {
        QTest::newRow(name) << QByteArray(markdown) << QString::fromLatin1(kind) << expected;
    };
    row("output lines are not placeholders", "```console\n$ kubectl get app <name>\nNAME  SYNC  $HOME\ndemo  <none>\n```\n",
        "placeholders", {u"2 <name>"_s});
    row("output lines have no env vars", "```console\n$ echo $HOME\n/home/$USER_NAME\n```\n", "envVars", {u"2 HOME"_s});
    row("not placeholders", "Use `List<String>`, `cat <<EOF`, `a < in > out`, `<Tabs>`, `{{ end }}`, `<br>`.\n", "placeholders", {});
    row("more placeholder forms", "Set `${{ secrets.DEPLOY_TOKEN }}`, `xxxx-xxxx`, `CHANGE_ME` and `PASTE_TOKEN_HERE`\nor YOUR-TOKEN.\n",
        "placeholders", {u"1 ${{ secrets.DEPLOY_TOKEN }}"_s, u"1 xxxx-xxxx"_s, u"1 CHANGE_ME"_s, u"1 PASTE_TOKEN_HERE"_s, u"2 YOUR-TOKEN"_s});
    row("tldr style", "- Extract:\n\n`tar xf {{path/to/file.tar}}`\n", "placeholders", {u"3 {{path/to/file.tar}}"_s});
    row("env var forms", "`${CACHE_DIR:-/tmp}`, `$env:GOPATH`, `%APPDATA%`, `$Path`, `$1`, `$(id)`, `${{ x }}`\n", "envVars",
        {u"1 CACHE_DIR"_s, u"1 GOPATH"_s, u"1 APPDATA"_s});
    row("acronym forms", "APIs, K8S, CI/CD, HTTP-based, Part II, file.JSON, run FOO(), `NOT CODE`, https://x.io/ABC\n",
        "acronyms", {u"1 API"_s, u"1 K8S"_s, u"1 CI"_s, u"1 CD"_s, u"1 HTTP"_s});
    row("acronyms in headings and links", "# The SDK\n\nSee [the CLI](cli.md).\n", "acronyms", {u"1 SDK"_s, u"3 CLI"_s});
    row("expansions", "Role-Based Access Control (RBAC), a JSON Web Token (JWT),\nthe Bill of Materials (BOM) and TLS (mTLS).\n",
        "definitions",
        {u"1 expansion RBAC = Role-Based Access Control"_s, u"1 expansion JWT = JSON Web Token"_s, u"2 expansion BOM = Bill of Materials"_s});
    row("expansion after the acronym", "Use IAM (Identity and Access Management, a cloud service).\n", "definitions",
        {u"1 expansion IAM = Identity and Access Management"_s});
    row("pronouns define nothing", "It is a tool. This is an example.\n\nBelow is a list.\n", "definitions", {});
    row("refers to", "The Control Plane refers to the API servers.\n\nRBAC refers to role-based access control.\n", "definitions",
        {u"3 sentence RBAC = role-based access control"_s});
    row("admonition labels are not terms", "- **Note**: this is a note.\n- **Warning** - careful.\n- **Step 1**: go.\n",
        "definitions", {});
    row("definition list after a blank line", "Sync window\n\n: A time range when syncs may run.\n", "definitions",
        {u"1 list Sync window = A time range when syncs may run"_s});
}

void TestPageParser::termForms()
{
    QFETCH(QByteArray, markdown);
    QFETCH(QString, kind);
    QFETCH(QStringList, expected);
    QCOMPARE(factsOf(parsePage(u"snippet.md"_s, markdown), kind), expected);
}

void TestPageParser::bodyText_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("guide") << u"guide.md"_s << QStringList{u"Getting Started"_s, u"Run the installer."_s, u"Установка"_s}
                           << QStringList{u"weight"_s, u"echo hello"_s, u"Not a heading"_s, u"{#configure}"_s};
    QTest::newRow("mdx") << u"tabs.mdx"_s << QStringList{u"Use Homebrew on macOS."_s, u"Press Enter when asked"_s, u"import the file first."_s}
                         << QStringList{u"TabItem"_s, u"@theme"_s, u"docs-team"_s, u"comment"_s, u"brew install"_s, u"groupId"_s};
    QTest::newRow("hugo") << u"hugo-page.md"_s << QStringList{u"The API server must be reachable."_s, u"Text inside tabs stays prose."_s}
                          << QStringList{u"notice"_s, u"badge"_s, u"highlight"_s, u"helm install"_s, u"draft"_s};
    QTest::newRow("admonitions") << u"admonitions.md"_s
                                 << QStringList{u"Token lifetime"_s, u"The token in $ARGOCD_AUTH_TOKEN expires after a day."_s,
                                                u"Install with Homebrew."_s, u"A nested tip."_s, u"Back in the note."_s,
                                                u"Pro tip\nDocusaurus admonitions keep their content as prose."_s,
                                                u"Bracket title\nAlso with a bracketed title."_s}
                                 << QStringList{u"!!!"_s, u"???"_s, u"==="_s, u":::"_s, u"an indented code block"_s, u"stays code"_s};
    QTest::newRow("html and images") << u"links.md"_s << QStringList{u"Relative: setup, up, deep,"_s} << QStringList{u"arch.png"_s, u"diagram"_s};
}

void TestPageParser::bodyText()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const ParsedPage page = parsePage(u"docs/"_s + fixture, readFixture(fixture));
    for (const QString &text : present)
        QVERIFY2(page.bodyText.contains(text), qPrintable(text));
    for (const QString &text : absent)
        QVERIFY2(!page.bodyText.contains(text), qPrintable(text));
}

void TestPageParser::sectionText()
{
    const ParsedPage page = parsePage(u"docs/guide.md"_s, readFixture(u"guide.md"_s));
    QCOMPARE(page.sections.size(), 12);
    QCOMPARE(page.sections[0].text, u"This page walks a new developer through the first deployment."_s);
    QCOMPARE(page.sections[3].text, u"Again, on a second machine."_s);
    QCOMPARE(page.sections[9].text, u"Custom anchor below {#not-a-heading-id}"_s);
    QCOMPARE(page.sections[10].text, QString()); // only a code block
    QCOMPARE(page.sections[11].text, u"Trailing text of the last section."_s);
}

void TestPageParser::invalidUtf8()
{
    const QByteArray bytes = "# Title\n\nfine line\nbad \xC3\x28 byte and \xFF here\n\n## Next\n";
    const ParsedPage page = parsePage(u"bad.md"_s, bytes);
    QVERIFY(page.invalidUtf8);
    QCOMPARE(page.warnings, QStringList{u"not valid UTF-8: replaced 2 bytes, first at line 4"_s});
    QCOMPARE(sectionsOf(page), (QStringList{u"L1 1-5 #title Title"_s, u"L2 6-6 #next Next"_s}));
    QVERIFY(page.bodyText.contains(u"bad \uFFFD( byte and \uFFFD here"_s));
    // Overlong and surrogate encodings are invalid too.
    const ParsedPage overlong = parsePage(u"o.md"_s, QByteArray("a\n\xC0\xAF\n\xED\xA0\x80\n"));
    QCOMPARE(overlong.warnings, QStringList{u"not valid UTF-8: replaced 5 bytes, first at line 2"_s});
}

void TestPageParser::binaryIsEmptyWithWarning()
{
    const QByteArray bytes("# Looks like Markdown\n\nbut line 3 has a \0 NUL byte\n", 50);
    const ParsedPage page = parsePage(u"docs/blob.md"_s, bytes);
    QVERIFY(page.binary);
    QCOMPARE(page.warnings, QStringList{u"binary content (NUL byte at line 3): not parsed"_s});
    QVERIFY(page.sections.isEmpty());
    QVERIFY(page.bodyText.isEmpty());
    QCOMPARE(page.path, u"docs/blob.md"_s);
    // UTF-16 text is binary to a UTF-8 reader.
    const ParsedPage utf16 = parsePage(u"u.md"_s, QByteArray("\xFF\xFE#\0 \0T\0", 8));
    QVERIFY(utf16.binary);
}

void TestPageParser::crlfAndLoneCr()
{
    const QByteArray bytes = "---\r\ntitle: Windows\r\n---\r\n# Head\r\n\r\nText\rwith a lone CR\r\n\r\n## Two\r\n";
    const ParsedPage page = parsePage(u"w.md"_s, bytes);
    QCOMPARE(page.title, u"Windows"_s);
    QCOMPARE(page.lineCount, 8);
    QCOMPARE(sectionsOf(page), (QStringList{u"L1 4-7 #head Head"_s, u"L2 8-8 #two Two"_s}));
    QVERIFY(page.bodyText.contains(u"Text with a lone CR"_s));
}

void TestPageParser::unclosedFrontMatter()
{
    const ParsedPage page = parsePage(u"u.md"_s, QByteArray("---\ntitle: Never closed\n\n# Real heading\n"));
    QCOMPARE(page.frontMatterFormat, QString());
    QCOMPARE(page.warnings, QStringList{u"front matter opened at line 1 is never closed; read as Markdown"_s});
    QCOMPARE(page.title, u"Real heading"_s);
    // A page that opens with a thematic break is not front matter and no warning.
    const ParsedPage rule = parsePage(u"r.md"_s, QByteArray("---\n\nJust text.\n"));
    QVERIFY(rule.warnings.isEmpty());
    QCOMPARE(rule.bodyStartLine, 1);
}

void TestPageParser::emptyAndTinyInputs_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("lineCount");
    QTest::addColumn<int>("sections");
    QTest::newRow("empty") << QByteArray() << 0 << 0;
    QTest::newRow("newline") << QByteArray("\n") << 1 << 0;
    QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF") << 0 << 0;
    QTest::newRow("only front matter") << QByteArray("---\ntitle: x\n---\n") << 3 << 0;
    QTest::newRow("empty front matter") << QByteArray("---\n---\n# H\n") << 3 << 1;
    QTest::newRow("heading without newline") << QByteArray("# H") << 1 << 1;
    QTest::newRow("bom then heading") << QByteArray("\xEF\xBB\xBF# H\n") << 1 << 1;
}

void TestPageParser::emptyAndTinyInputs()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, lineCount);
    QFETCH(int, sections);
    const ParsedPage page = parsePage(u"dir/tiny.md"_s, bytes);
    QCOMPARE(page.lineCount, lineCount);
    QCOMPARE(page.sections.size(), sections);
    QVERIFY(!page.title.isEmpty());
    QCOMPARE(invariantViolation(page), QString());
}

void TestPageParser::hostileInputs_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const int n = 200000;
    QTest::newRow("deep brackets") << QByteArray(n, '[');
    QTest::newRow("deep quotes") << QByteArray(n, '>');
    QTest::newRow("deep lists") << QByteArray("- ").repeated(n / 2);
    QTest::newRow("unclosed backticks") << QByteArray(QByteArray("` `` ``` ").repeated(n / 9) + "\n");
    QTest::newRow("unclosed shortcodes") << QByteArray("{{< a ").repeated(n / 6);
    QTest::newRow("unclosed jsx in mdx text") << QByteArray("<A x={").repeated(n / 6);
    QTest::newRow("angle soup") << QByteArray("<a<b <c> d>").repeated(n / 11);
    QTest::newRow("parens for definitions") << QByteArray(QByteArray("Word (W").repeated(n / 8) + ")");
    QTest::newRow("dollars and percents") << QByteArray("$A%B%$${C}").repeated(n / 10);
    QTest::newRow("acronym soup") << QByteArray("ABC,").repeated(n / 4);
    QTest::newRow("url soup") << QByteArray("https://a/ABC ").repeated(n / 14);
    QTest::newRow("template soup") << QByteArray("{{ a {{<").repeated(n / 8);
    QTest::newRow("many headings") << QByteArray("# h\n").repeated(n / 4);
    QTest::newRow("shell continuation forever") << QByteArray("```bash\n" + QByteArray("a \\\n").repeated(n / 4) + "```\n");
    QTest::newRow("open quote in console") << QByteArray("```console\n$ echo '\n" + QByteArray("> x\n").repeated(n / 4) + "```\n");
}

void TestPageParser::hostileInputs()
{
    QFETCH(QByteArray, bytes);
    QElapsedTimer timer;
    timer.start();
    for (const QString &path : {u"h.md"_s, u"h.mdx"_s}) {
        const ParsedPage page = parsePage(path, bytes);
        QCOMPARE(invariantViolation(page), QString());
    }
    qDebug() << QTest::currentDataTag() << bytes.size() << "bytes in" << timer.elapsed() << "ms";
}

void TestPageParser::fiveMegabytePage()
{
    // A generated page of known shape: the counts prove that everything was read.
    QByteArray bytes = "---\ntitle: Big\n---\n";
    const QByteArray chunk = "## Step\n\nSet $BIG_TOKEN and read [next](next.md) or the API docs.\n\n"
                             "```console\n$ tool run --flag \\\n    --other\noutput line\n```\n\n";
    int chunks = 0;
    while (bytes.size() < 5 * 1024 * 1024) {
        bytes += chunk;
        ++chunks;
    }
    const ParsedPage page = parsePage(u"docs/big.md"_s, bytes);
    QCOMPARE(page.title, u"Big"_s);
    QCOMPARE(page.sections.size(), chunks);
    QCOMPARE(page.sections.last().anchor, u"step-%1"_s.arg(chunks - 1));
    QCOMPARE(page.sections.last().endLine, page.lineCount);
    QCOMPARE(page.links.size(), chunks);
    QCOMPARE(page.commands.size(), chunks);
    QCOMPARE(page.envVars.size(), chunks);
    QCOMPARE(page.acronyms.size(), chunks);
    QCOMPARE(page.commands.last().line, page.lineCount - 4);
    QCOMPARE(page.commands.last().text, u"tool run --flag --other"_s);
    QCOMPARE(invariantViolation(page), QString());
}

void TestPageParser::fiveMegabyteLine()
{
    QByteArray line = "Start ";
    while (line.size() < 5 * 1024 * 1024)
        line += "word $VAR `code` <your-token> [l](a.md) https://example.com/x CLI ";
    const ParsedPage page = parsePage(u"long.md"_s, QByteArray("# One line\n\n" + line + "\n"));
    QCOMPARE(page.lineCount, 3);
    QCOMPARE(page.sections.size(), 1);
    QVERIFY(page.links.size() > 100000);
    QVERIFY(page.envVars.size() > 50000);
    QCOMPARE(page.links.last().line, 3);
    QCOMPARE(invariantViolation(page), QString());
}

void TestPageParser::mutationsNeverCrash()
{
    const QStringList fixtures = {u"guide.md"_s, u"hugo-page.md"_s, u"tabs.mdx"_s, u"links.md"_s, u"shell.md"_s,
                                  u"terms.md"_s, u"release_notes.md"_s, u"admonitions.md"_s};
    static const char specials[] = "`<>{}[]()#*_\\\n\r$%|-:!/~+=\"'\0\xC3\xFF";
    QRandomGenerator random(20261128); // fixed seed: a failure can be replayed
    int parsed = 0;
    for (const QString &fixture : fixtures) {
        const QByteArray original = readFixture(fixture);
        for (int round = 0; round < 300; ++round) {
            QByteArray bytes = original;
            const int edits = 1 + random.bounded(8);
            for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
                const int at = random.bounded(bytes.size());
                const char c = specials[random.bounded(int(sizeof(specials)) - 1)];
                switch (random.bounded(4)) {
                case 0: bytes[at] = c; break;
                case 1: bytes.insert(at, c); break;
                case 2: bytes.remove(at, 1 + random.bounded(16)); break;
                default: bytes.truncate(at); break;
                }
            }
            const ParsedPage page = parsePage(u"docs/"_s + fixture, bytes);
            const QString violation = invariantViolation(page);
            if (!violation.isEmpty()) {
                // Keep the input so the failure can be replayed by hand.
                const QString saved = QDir::temp().filePath(u"page-mutation-failure-"_s + fixture);
                QFile out(saved);
                if (out.open(QIODevice::WriteOnly))
                    out.write(bytes);
                QFAIL(qPrintable(u"%1 round %2: %3 (input saved to %4)"_s.arg(fixture).arg(round).arg(violation, saved)));
            }
            ++parsed;
        }
    }
    QCOMPARE(parsed, fixtures.size() * 300);
}

QTEST_GUILESS_MAIN(TestPageParser)
#include "test_page_parser.moc"
