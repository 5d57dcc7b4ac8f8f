// Hostile page FILE NAMES, page content, notes, searches and commands,
// through a real docs repository (libgit2), the docs index, the real lint
// rules and the report, in every format a reader opens:
// - Markdown: no raw HTML outside code (and none survives a renderer that
//   keeps raw HTML: cmark with Unsafe), no active javascript:/data:/vbscript:
//   link, every row of a table has its header's column count (pipes and line
//   breaks in names escaped);
// - CSV: no cell starts with = + - @ TAB or CR unless it is a number the
//   report computed;
// - PDF: no /JavaScript, /JS, /Launch, /OpenAction, /AA, form or embedded
//   file, no /URI to javascript: or data:, and the hostile text is there as
//   text (the laid-out text, and pdftotext's reading when installed);
// - HTML: only the report's own tags and attributes, links only to '#', the
//   names shown escaped. test_report_security runs the same kind of payloads
//   in headless Chromium.

#include "tests/report/support_reportlab.h"

#include "sessions/analysis/lintdocs.h"
#include "sessions/capture/clock.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/markdown/markdowndocument.h"
#include "sessions/plan/plan.h"
#include "sessions/report/renderers.h"
#include "sessions/store/planstore.h"
#include "tests/common/testsupport.h"
#include "tests/docindex/fixturerepo.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::report;

namespace {

const QByteArray kPlan = "# Inert plan\n\n## Journey {#j}\n\nOutcome: Do hostile names stay text?\n\n"
                         "### Task one {#one}\n\nGoal: Nothing.\nDone when: never.\n";

// Page file names (under docs/) a contributor could commit. Each would be
// markup, a formula, a link or a broken table row if written out raw.
QStringList hostileNames()
{
    return {
        QStringLiteral("<img src=x onerror=alert(1)>.md"),
        QStringLiteral("<svg onload=alert(2)>.md"),
        QStringLiteral("=HYPERLINK(\"x\",\"y\").md"), // no '/' in a file name, so no URL
        QStringLiteral("[x](javascript:alert(3)).md"),
        QStringLiteral("![y](data:text,alert(4)).md"),
        QStringLiteral("a|b|c.md"),
        QStringLiteral("`code` and ``more``.md"),
        QStringLiteral("line\nbreak | row.md"),
        QStringLiteral("abc\u202Egnp.exe.md"),
        QStringLiteral("+SUM(1,2).md"),
        QStringLiteral("-2+3.md"),
        QStringLiteral("@cmd.md"),
        QStringLiteral("\t=1+1.md"),
    };
}

// Free text a tester could type: notes, searches, commands.
QStringList hostileTexts()
{
    return {
        QStringLiteral("<script>alert('n1')</script>"),
        QStringLiteral("<a href=\"javascript:alert('n2')\">x</a>"),
        QStringLiteral("[click](javascript:alert('n3')) and [data](data:text/html;base64,PHNjcmlwdD4=)"),
        QStringLiteral("<javascript:alert('n4')> <data:text/html,x>"),
        QStringLiteral("| cell | cell |\n|---|---|\n| broken | table |"),
        QStringLiteral("=cmd|' /C calc'!A0"),
        QStringLiteral("@SUM(1+1)*cmd|' /C calc'!A0"),
        QStringLiteral("\r=1+1"),
        QStringLiteral("```\n</pre><img src=x onerror=alert('n5')>\n```"),
    };
}

QByteArray hostilePage(const QString &name)
{
    return "# <img src=x onerror=alert('t')> " + name.toUtf8() + "\n\n"
           "## Install [now](javascript:alert('h')) <svg onload=alert('s')>\n\n"
           "Simply run it, see [there](data:text/html,<script>alert('d')</script>) and "
           "<a href=\"vbscript:msgbox('v')\">this</a>.\n\n"
           "<div onmouseover=\"alert('div')\">raw block</div>\n\n"
           "```bash\nevilctl login --token <your-token>\n```\n";
}

ReportLimits everything(Format format)
{
    ReportLimits limits = defaultLimits(format);
    limits.pages = limits.flags = limits.searches = 1000;
    limits.sectionsPerPage = limits.itemsPerFlag = 100;
    return limits;
}


QSet<QString> words(const char *list)
{
    QSet<QString> out;
    for (const QString &w : QString::fromLatin1(list).split(u' '))
        out.insert(w);
    return out;
}

// Pipes that separate cells: not escaped with a backslash.
int cellSeparators(const QString &line)
{
    int n = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line.at(i) == u'\\') {
            ++i;
            continue;
        }
        if (line.at(i) == u'|')
            ++n;
    }
    return n;
}

// Each returns the first problem found in one format's output, or an empty
// string; checksSeeUnsafeOutput() proves each one can fail.

QString markdownProblem(const QByteArray &bytes)
{
    const QString md = QString::fromUtf8(bytes);
    if (md.contains(QChar(0x202E)))
        return QStringLiteral("a raw U+202E");
    // Even a renderer that keeps raw HTML and every URL makes nothing active of it.
    const QString html = QString::fromUtf8(markdown::renderHtml(bytes, markdown::Document::Unsafe));
    const QSet<QString> tags = words("p h1 h2 h3 h4 h5 h6 table thead tbody tr th td a code pre ul ol li em strong br sub "
                                     "blockquote hr del");
    static const QRegularExpression tag(QStringLiteral("<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>"));
    static const QRegularExpression handler(QStringLiteral("\\son[a-z]+\\s*="), QRegularExpression::CaseInsensitiveOption);
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!tags.contains(m.captured(2).toLower()) || m.captured(3).contains(handler))
            return QStringLiteral("raw HTML ") + m.captured().left(100);
    }
    static const QRegularExpression url(QStringLiteral("(?:href|src)=\"\\s*([^\"]*)\""), QRegularExpression::CaseInsensitiveOption);
    for (auto it = url.globalMatch(html); it.hasNext();) {
        const QString target = it.next().captured(1).toLower();
        for (const char *scheme : {"javascript:", "data:", "vbscript:"}) {
            if (target.startsWith(QLatin1String(scheme)))
                return QStringLiteral("active link to ") + target.left(100);
        }
    }
    // Tables: every row has its header's number of cells.
    int expected = -1;
    for (const QString &line : md.split(u'\n')) {
        if (!line.startsWith(u'|')) {
            expected = -1;
            continue;
        }
        if (expected < 0)
            expected = cellSeparators(line);
        if (cellSeparators(line) != expected)
            return QStringLiteral("a row breaks its table: ") + line.left(200);
    }
    return {};
}

QString csvProblem(const QList<CsvFile> &files, QSet<QString> *guarded = nullptr)
{
    static const QRegularExpression numeric(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
    for (const CsvFile &f : files) {
        for (const QStringList &row : test::parseCsv(QString::fromUtf8(f.content))) {
            for (const QString &field : row) {
                if (guarded && field.startsWith(u'\''))
                    guarded->insert(field.mid(1));
                if (field.isEmpty() || numeric.match(field).hasMatch())
                    continue;
                if (QStringView(u"=+-@\t\r").contains(field.front()))
                    return QStringLiteral("%1: formula cell %2").arg(f.name, field.left(60));
            }
        }
    }
    return {};
}

QString pdfProblem(const QByteArray &pdf)
{
    const QString latin = QString::fromLatin1(pdf);
    for (const char *key : {"/JavaScript", "/JS", "/Launch", "/OpenAction", "/AA", "/SubmitForm", "/ImportData",
                            "/EmbeddedFile", "/RichMedia", "/GoToR", "/AcroForm"}) {
        // A name ends at a delimiter: "/JS" must not match "/JSomething".
        const QRegularExpression name(QRegularExpression::escape(QString::fromLatin1(key)) + QStringLiteral("(?![A-Za-z0-9])"));
        if (latin.contains(name))
            return QString::fromLatin1(key);
    }
    static const QRegularExpression uri(QStringLiteral("/URI\\s*\\(([^)]*)\\)"));
    for (auto it = uri.globalMatch(latin); it.hasNext();) {
        const QString target = it.next().captured(1).trimmed().toLower();
        if (!target.startsWith(QLatin1String("http")) && !target.startsWith(u'#'))
            return QStringLiteral("/URI ") + target.left(100);
    }
    return {};
}

QString htmlProblem(const QString &html)
{
    const QSet<QString> tags = words("html head meta title style body main header h1 h2 h3 p nav a section div span table "
                                     "thead tbody tr th td b br code pre blockquote ol li i svg rect line circle path text footer");
    const QSet<QString> attributes = words("lang charset http-equiv content name class id href style dir colspan xmlns "
                                           "viewBox width height role aria-label x y x1 y1 x2 y2 cx cy r d fill stroke "
                                           "stroke-width font-size text-anchor font-weight");
    static const QRegularExpression tag(QStringLiteral("<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>"));
    static const QRegularExpression attribute(QStringLiteral("\\s([A-Za-z-]+)(?:=\"([^\"]*)\")?"));
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!tags.contains(m.captured(2)))
            return QStringLiteral("unexpected tag <%1>").arg(m.captured(2));
        for (auto a = attribute.globalMatch(m.captured(3)); a.hasNext();) {
            const QRegularExpressionMatch am = a.next();
            if (!attributes.contains(am.captured(1)))
                return QStringLiteral("attribute %1 in <%2>").arg(am.captured(1), m.captured(2));
            if (am.captured(1) == u"href" && !am.captured(2).startsWith(u'#'))
                return QStringLiteral("link to ") + am.captured(2).left(100);
        }
    }
    if (html.contains(QChar(0x202E)))
        return QStringLiteral("a raw U+202E");
    return {};
}

} // namespace

class TestReportInert : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::ReportLab m_lab;
    std::optional<ReportModel> m_model;

    QString buildDocs()
    {
        test::FixtureRepo repo(m_dir.filePath(QStringLiteral("docs-repo")));
        for (const QString &name : hostileNames())
            repo.write(QStringLiteral("docs/") + name, hostilePage(name));
        repo.write(QStringLiteral("docs/index.md"), "# Index\n\nSimply read the pages.\n");
        repo.commit(QStringLiteral("Hostile names"), QStringLiteral("Mallory"), QStringLiteral("mallory@example.com"));
        if (!repo.ok())
            return repo.error();
        docindex::SourceSpec spec;
        spec.name = QStringLiteral("inert");
        spec.repo = repo.path();
        if (auto added = m_lab.docs->addSource(spec); !added)
            return added.error().toString();
        return {};
    }

    QString recordLab()
    {
        Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(m_dir.filePath(QStringLiteral("lab.sqlite")));
        if (!lab)
            return lab.error().toString();
        m_lab.lab = std::move(*lab);
        const plan::ParseResult parsed = plan::parsePlan(kPlan);
        if (!parsed.ok())
            return QStringLiteral("plan does not parse");
        Result<store::PlanStore::Imported> plan = store::PlanStore(*m_lab.lab).importPlan(*parsed.plan, kPlan, QStringLiteral("p.md"), 1);
        if (!plan)
            return plan.error().toString();
        capture::ManualClock clock;
        capture::SessionEngine engine(*m_lab.lab, clock);
        capture::StartRequest start;
        start.planId = plan->planId;
        start.pseudonym = QStringLiteral("=tester|<b>x</b>");
        start.consent = true;
        start.docsRevision = QStringLiteral("cafe1234");
        Result<store::SessionRow> session = engine.start(start);
        if (!session)
            return session.error().toString();
        m_lab.uuids << session->uuid;
        QString failed;
        const auto ok = [&](const auto &r) {
            if (!r && failed.isEmpty())
                failed = r.error().toString();
        };
        ok(engine.startTask(QStringLiteral("1.1")));
        const QStringList names = hostileNames();
        const QStringList texts = hostileTexts();
        for (qsizetype i = 0; i < names.size(); ++i) {
            const QString page = QStringLiteral("docs/") + names.at(i);
            const QString text = texts.at(i % texts.size());
            clock.advanceMs(10'000);
            ok(engine.lookup(page, QStringLiteral("install-now"), QStringLiteral("panel"), 5000));
            capture::NoteInput note;
            note.text = text + QStringLiteral(" on ") + names.at(i);
            note.severity = 1 + int(i % 4);
            note.category = QStringLiteral("unclear-step");
            note.page = page;
            note.anchor = names.at(i);
            ok(engine.note(note));
            ok(engine.search(text, 0, page));
            ok(engine.search(names.at(i), 0));
            ok(engine.command(text, 127, 10, QStringLiteral("/tmp/") + names.at(i)));
        }
        ok(engine.endTask(store::Outcome::Failure));
        return failed;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(m_dir.filePath(QStringLiteral("docs-index.sqlite")));
        REQUIRE_OK(index);
        m_lab.docs = std::move(*index);
        QString failed = buildDocs();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        failed = recordLab();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        Result<analysis::LintResult> lint = analysis::lintSource(*m_lab.docs, QStringLiteral("inert"));
        REQUIRE_OK(lint);
        QVERIFY2(!lint->flags.isEmpty(), "the rules found nothing on the hostile pages");
        Result<ReportModel> model = buildReportModel(*m_lab.lab, m_lab.docs.get(), lint->flags, test::fixedOptions());
        REQUIRE_OK(model);
        m_model = std::move(*model);
        // Every hostile name is a page of the index and of the report.
        for (const QString &name : hostileNames())
            QVERIFY2(m_model->docs.contains(QStringLiteral("docs/") + name), qPrintable(name));
    }

    void markdownHasNoRawHtmlNorActiveLink()
    {
        const QByteArray bytes = renderMarkdown(*m_model, everything(Format::Markdown));
        const QString problem = markdownProblem(bytes);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString md = QString::fromUtf8(bytes);
        QVERIFY(QString(md).remove(u'\\').contains(QStringLiteral("onerror=alert(1)")));
        QVERIFY2(md.count(QStringLiteral("\n|")) > 20, "the report has no tables");
        QVERIFY2(md.contains(QStringLiteral("a\\|b\\|c")), "the pipe name is not in a table");
    }

    void csvCellsAreNotFormulas()
    {
        QSet<QString> guarded;
        const QList<CsvFile> files = renderCsv(*m_model);
        const QString problem = csvProblem(files, &guarded);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // What the tester typed that starts like a formula (trimmed as recorded) is there, behind an apostrophe.
        for (const QString &typed : hostileTexts() + QStringList{QStringLiteral("@cmd.md"), QStringLiteral("\t=1+1.md")}) {
            const QString text = typed.trimmed();
            if (QStringView(u"=+-@").contains(text.front()))
                QVERIFY2(guarded.contains(text), qPrintable(text));
        }
    }

    void pdfHasNoActiveContent()
    {
        Result<QByteArray> pdf = renderPdf(*m_model, everything(Format::Pdf));
        REQUIRE_OK(pdf);
        QVERIFY(pdf->startsWith("%PDF-"));
        const QString problem = pdfProblem(*pdf);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The hostile names are in it as text.
        Result<QString> text = pdfText(*m_model, everything(Format::Pdf));
        REQUIRE_OK(text);
        for (const QString &needle : {QStringLiteral("<img src=x onerror=alert(1)>.md"), QStringLiteral("=HYPERLINK(\"x\",\"y\").md"),
                                      QStringLiteral("[x](javascript:alert(3)).md"), QStringLiteral("<script>alert('n1')</script>")})
            QVERIFY2(text->contains(needle), qPrintable(needle));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty()) {
            if (test::runningInCi())
                QFAIL("pdftotext is missing: CI installs poppler-utils");
            QSKIP("pdftotext is not installed (Debian package poppler-utils): the laid-out text was checked");
        }
        const QString file = m_dir.filePath(QStringLiteral("report.pdf"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(*pdf);
        out.close();
        QProcess reader;
        reader.start(pdftotext, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), file, QStringLiteral("-")});
        QVERIFY(reader.waitForFinished(60000));
        QString read = QString::fromUtf8(reader.readAllStandardOutput());
        read.remove(QRegularExpression(QStringLiteral("\\s")));
        for (const QString &needle : {QStringLiteral("<imgsrc=xonerror=alert(1)>.md"), QStringLiteral("=HYPERLINK(\"x\",\"y\").md")})
            QVERIFY2(read.contains(needle), qPrintable(needle));
    }

    void htmlShowsNamesAsText()
    {
        const QString html = QString::fromUtf8(renderHtml(*m_model, everything(Format::Html)));
        const QString problem = htmlProblem(html);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(html.contains(QStringLiteral("&lt;img src=x onerror=alert(1)&gt;.md")));
        QVERIFY(html.contains(QStringLiteral("&lt;svg onload=alert(2)&gt;.md")));
        QVERIFY(html.contains(QStringLiteral("abc[U+202E]gnp.exe.md")));
    }

    void checksSeeUnsafeOutput()
    {
        // The same checks on output written without escaping: each must object.
        QVERIFY(!markdownProblem("| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | x |\n").isEmpty());
        QVERIFY(!markdownProblem("See [it](javascript:alert(1)).\n").isEmpty());
        QVERIFY(!markdownProblem("| a | b |\n|---|---|\n| a|b|c.md | x |\n").isEmpty());
        QVERIFY(markdownProblem("| a | b |\n|---|---|\n| a\\|b\\|c.md | `x` |\n").isEmpty());
        QVERIFY(!csvProblem({{QStringLiteral("x.csv"), "name,n\r\n=HYPERLINK(\"x\"),-1.5\r\n"}}).isEmpty());
        QVERIFY(csvProblem({{QStringLiteral("x.csv"), "name,n\r\n'=HYPERLINK(\"x\"),-1.5\r\n"}}).isEmpty());
        QVERIFY(!pdfProblem("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj").isEmpty());
        QVERIFY(!pdfProblem("%PDF-1.4\n2 0 obj << /S /URI /URI (javascript:app.alert(1)) >> endobj").isEmpty());
        QVERIFY(!htmlProblem(QStringLiteral("<p><img src=x onerror=alert(1)></p>")).isEmpty());
        QVERIFY(!htmlProblem(QStringLiteral("<p><a href=\"javascript:alert(1)\">x</a></p>")).isEmpty());
        QVERIFY(htmlProblem(QStringLiteral("<p>&lt;img src=x onerror=alert(1)&gt;</p>")).isEmpty());
    }
};

QTEST_MAIN(TestReportInert)
#include "test_report_inert.moc"
