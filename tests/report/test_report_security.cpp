// Hostile text in every place a report shows it: notes (text, page,
// anchor), searches, failed commands, the tester's pseudonym, flags (docs
// paths, excerpts, terms, messages), and a real docs repository indexed
// with libgit2 and linted by the real rules (page title, headings, prose,
// commands, a CODEOWNERS owner, a commit author, a page of broken UTF-8). The HTML must stay inert:
// checked statically (only the report's own tags and attributes, valid
// UTF-8, no bidi controls), then in headless Chromium (Debian's `chromium`,
// packaging/install-deps.sh): no payload may change document.title or add
// an element, and no request may reach the QTcpServer this test listens
// with. A control page carrying the same payloads unescaped proves the
// harness would see both if they happened. Markdown, CSV and JSON get their
// own checks.

#include "tests/report/support_reportlab.h"

#include "sessions/analysis/lintdocs.h"
#include "sessions/capture/clock.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/plan/plan.h"
#include "sessions/report/renderers.h"
#include "sessions/store/planstore.h"
#include "tests/common/testsupport.h"
#include "tests/docindex/fixturerepo.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::report;

// Skips locally and fails in CI (CI set) when Chromium is missing.
#define REQUIRE_CHROMIUM()                                                                       \
    if (!QFileInfo(chromiumPath()).isExecutable()) {                                             \
        if (test::runningInCi())                                                                 \
            QFAIL(qPrintable(chromiumPath() + QStringLiteral(" is missing: CI installs it with packaging/install-deps.sh"))); \
        QSKIP("chromium is not installed (packaging/install-deps.sh installs it)");             \
    }

namespace {

// Debian's package; DEVZERO_CHROMIUM names another binary (or a missing
// one, to check that CI fails rather than skips).
QString chromiumPath()
{
    const QString fromEnv = qEnvironmentVariable("DEVZERO_CHROMIUM");
    return fromEnv.isEmpty() ? QStringLiteral("/usr/bin/chromium") : fromEnv;
}

const QByteArray kPlan = R"(# Security plan

## Journey {#j}

Outcome: Does hostile text stay text?

### Task one {#one}

Goal: Nothing.
Done when: never.
)";

// Each payload would change the title, add an element or fetch from the
// listener if a browser ever read it as markup. %1 is the listener's port.
QStringList payloads(quint16 port)
{
    const QString p = QString::number(port);
    return {
        QStringLiteral("<script>document.title='PWNED-1'</script>"),
        QStringLiteral("<img src=x onerror=\"document.title='PWNED-2'\">"),
        QStringLiteral("<a id=\"pwned3\" href=\"javascript:document.title='PWNED-3'\">click</a>"),
        QStringLiteral("<img src=\"http://127.0.0.1:%1/leak-4\">").arg(p),
        QStringLiteral("\"><svg onload=\"document.title='PWNED-5'\"><div id=\"pwned5\">"),
        QStringLiteral("</title></textarea></style><script>document.title='PWNED-6'</script>"),
        QStringLiteral("<style>@import url(http://127.0.0.1:%1/leak-7);</style>").arg(p),
        QStringLiteral("<iframe src=\"http://127.0.0.1:%1/leak-8\"></iframe>").arg(p),
        QStringLiteral("<link rel=stylesheet href=\"http://127.0.0.1:%1/leak-9\">").arg(p),
        QStringLiteral("<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:%1/leak-10\">").arg(p),
        QStringLiteral("<base href=\"http://127.0.0.1:%1/\"><div id=\"pwned11\">x</div>").arg(p),
        QStringLiteral("' onmouseover='document.title=\"PWNED-12\"' x='"),
        QStringLiteral("<svg><image href=\"http://127.0.0.1:%1/leak-13\"/></svg>").arg(p),
        QStringLiteral("abc\u202Egnp.exe \u2066isolate\u2069"),
        QString::fromUtf8("broken \xff\xfe\xc3( utf-8 ") + QChar(0xD800) + QStringLiteral(" lone surrogate"),
        QStringLiteral("=HYPERLINK(\"http://127.0.0.1:%1/leak-14\",\"x\")").arg(p),
        QStringLiteral("@paylark/docs please see #12 | `code` [link](javascript:alert(1))"),
        QStringLiteral("-2+3+cmd|' /C calc'!A0"),
        QStringLiteral("+SUM(1,2)"),
        QStringLiteral("\t=1+1"),
    };
}

// A docs repository whose every text a report can show is hostile: title,
// headings, prose, a command with a placeholder, a CODEOWNERS owner, the
// last author (libgit2 refuses '<' and '>' in names and trims quotes at
// the ends, so quotes inside and an event handler instead), and a page that is not valid UTF-8. %1: the
// listener's port.
QString buildHostileDocs(const QString &dir, quint16 port, docindex::DocIndex &index)
{
    const QByteArray p = QByteArray::number(port);
    const QByteArray page = "# <script>document.title='PWNED-D1'</script> Setup <img src=x onerror=\"document.title='PWNED-D2'\">\n\n"
                            "## Install <a id=\"pwned-d3\" href=\"javascript:document.title='PWNED-D3'\">now</a>\n\n"
                            "Simply run the tool, <img src=\"http://127.0.0.1:" + p + "/leak-d4\"> then the next step.\n\n"
                            "```bash\nevilctl login --token <your-token> \"</pre><script>document.title='PWNED-D5'</script>\"\n```\n\n"
                            "See [the setup](javascript:document.title='PWNED-D6') and [more](http://127.0.0.1:" + p + "/leak-d7).\n";
    const QByteArray broken = "# Broken \xff\xfe page\n\nSimply \xc3( run `evilctl`.\n";
    const QByteArray codeowners = "/docs/ @paylark/docs @x\"><script>document.title='PWNED-D8'</script>\n";
    test::FixtureRepo repo(dir);
    repo.write(QStringLiteral("CODEOWNERS"), codeowners)
        .write(QStringLiteral("docs/hostile.md"), page)
        .write(QStringLiteral("docs/broken.md"), broken);
    repo.commit(QStringLiteral("Hostile pages"), QStringLiteral("Mallory\" onmouseover=\"document.title='PWNED-D9'"),
                QStringLiteral("mallory@example.com"));
    if (!repo.ok())
        return repo.error();
    docindex::SourceSpec spec;
    spec.name = QStringLiteral("hostile");
    spec.repo = dir;
    if (auto added = index.addSource(spec); !added)
        return added.error().toString();
    return {};
}

// Records one session whose every text field carries the payloads.
QString buildHostileLab(const QString &path, const QStringList &hostile, test::ReportLab &out)
{
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(path);
    if (!lab)
        return lab.error().toString();
    out.lab = std::move(*lab);
    const plan::ParseResult parsed = plan::parsePlan(kPlan);
    if (!parsed.ok())
        return QStringLiteral("plan does not parse");
    Result<store::PlanStore::Imported> plan = store::PlanStore(*out.lab).importPlan(*parsed.plan, kPlan, QStringLiteral("p.md"), 1);
    if (!plan)
        return plan.error().toString();
    capture::ManualClock clock;
    capture::SessionEngine engine(*out.lab, clock);
    capture::StartRequest start;
    start.planId = plan->planId;
    start.pseudonym = QStringLiteral("tester ") + hostile.at(0);
    start.consent = true;
    start.docsRevision = QStringLiteral("cafe1234");
    Result<store::SessionRow> session = engine.start(start);
    if (!session)
        return session.error().toString();
    out.uuids << session->uuid;
    QString failed;
    const auto ok = [&](const auto &r) {
        if (!r && failed.isEmpty())
            failed = r.error().toString();
    };
    ok(engine.startTask(QStringLiteral("1.1")));
    for (qsizetype i = 0; i < hostile.size(); ++i) {
        const QString &h = hostile.at(i);
        clock.advanceMs(10'000);
        ok(engine.lookup(QStringLiteral("docs/") + h + QStringLiteral(".md"), QStringLiteral("a") + h, QStringLiteral("panel"), 5000));
        clock.advanceMs(1000);
        capture::NoteInput note;
        note.text = h;
        note.severity = 1 + int(i % 4);
        note.category = QStringLiteral("unclear-step");
        note.page = QStringLiteral("docs/") + h + QStringLiteral(".md");
        note.anchor = QStringLiteral("a") + h;
        ok(engine.note(note));
        ok(engine.search(h, 0));
        ok(engine.command(QStringLiteral("run ") + h, 127, 10, QStringLiteral("/tmp/") + h));
    }
    clock.advanceMs(10'000);
    ok(engine.lookup(QStringLiteral("docs/hostile.md"), QStringLiteral("install"), QStringLiteral("panel"), 5000));
    capture::NoteInput note;
    note.text = QStringLiteral("evilctl is never introduced");
    note.severity = 3;
    note.category = QStringLiteral("missing-prerequisite");
    note.page = QStringLiteral("docs/hostile.md");
    note.anchor = QStringLiteral("install");
    ok(engine.note(note));
    ok(engine.lookup(QStringLiteral("docs/broken.md"), {}, QStringLiteral("panel"), 5000));
    ok(engine.endTask(store::Outcome::Failure));
    return failed;
}

QList<analysis::Flag> hostileFlags(const QStringList &hostile)
{
    QList<analysis::Flag> flags;
    for (const QString &h : hostile) {
        analysis::Flag f;
        f.ruleId = QStringLiteral("rule-") + h;
        f.severity = analysis::Severity::Warning;
        f.message = QStringLiteral("`") + h + QStringLiteral("` is used ") + h;
        f.explanation = h;
        f.path = QStringLiteral("docs/") + h + QStringLiteral(".md");
        f.anchor = QStringLiteral("a") + h;
        f.startLine = 3;
        f.excerpt = h + QStringLiteral("\n") + h;
        f.term = h;
        flags << f;
    }
    return flags;
}


// No list cut: every hostile page, flag and search is in the HTML.
ReportLimits everything()
{
    ReportLimits limits = defaultLimits(Format::Html);
    limits.pages = limits.flags = limits.searches = 1000;
    limits.sectionsPerPage = limits.itemsPerFlag = 100;
    return limits;
}

QSet<QString> words(const char *list)
{
    QSet<QString> out;
    for (const QString &w : QString::fromLatin1(list).split(QLatin1Char(' ')))
        out.insert(w);
    return out;
}

} // namespace

class TestReportSecurity : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTcpServer m_server;
    QList<QByteArray> m_requests;
    test::ReportLab m_lab;
    std::optional<ReportModel> m_model;
    QStringList m_hostile;
    int m_docsFlags = 0;

    // Runs headless Chromium on a file and returns the DOM it ends with.
    QString dumpDom(const QString &file)
    {
        QProcess chromium;
        const QString profile = m_dir.filePath(QStringLiteral("profile-") + QFileInfo(file).baseName());
        chromium.start(chromiumPath(), {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
                                   QStringLiteral("--disable-quic"), QStringLiteral("--no-first-run"),
                                   QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-component-update"),
                                   QStringLiteral("--disable-sync"), QStringLiteral("--disable-dev-shm-usage"),
                                   QStringLiteral("--user-data-dir=") + profile, QStringLiteral("--virtual-time-budget=4000"),
                                   QStringLiteral("--dump-dom"), QUrl::fromLocalFile(file).toString()});
        if (!chromium.waitForStarted(30000))
            return {};
        // The event loop keeps running meanwhile, so the listener accepts whatever arrives.
        QDeadlineTimer deadline(120000);
        while (chromium.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(50);
        if (chromium.state() != QProcess::NotRunning) {
            chromium.kill();
            chromium.waitForFinished(5000);
            return {};
        }
        // A late request (a refresh, a lazy image) still has a moment to arrive.
        QTest::qWait(500);
        return QString::fromUtf8(chromium.readAllStandardOutput());
    }


private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_requests << QByteArray("connection");
                // Answer, or the browser would wait for the response and never finish loading.
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_requests << socket->readAll();
                    socket->write("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
            }
        });
        m_hostile = payloads(m_server.serverPort());
        const QString failed = buildHostileLab(m_dir.filePath(QStringLiteral("lab.sqlite")), m_hostile, m_lab);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(m_dir.filePath(QStringLiteral("docs-index.sqlite")));
        REQUIRE_OK(index);
        m_lab.docs = std::move(*index);
        const QString docsFailed = buildHostileDocs(m_dir.filePath(QStringLiteral("hostile-docs")), m_server.serverPort(), *m_lab.docs);
        QVERIFY2(docsFailed.isEmpty(), qPrintable(docsFailed));
        // The real rules on the hostile pages: their excerpts and terms are docs text too.
        Result<analysis::LintResult> lint = analysis::lintSource(*m_lab.docs, QStringLiteral("hostile"));
        REQUIRE_OK(lint);
        QVERIFY2(!lint->flags.isEmpty(), "the rules found nothing on the hostile page");
        m_docsFlags = int(lint->flags.size());
        Result<ReportModel> model =
            buildReportModel(*m_lab.lab, m_lab.docs.get(), hostileFlags(m_hostile) + lint->flags, test::fixedOptions());
        REQUIRE_OK(model);
        m_model = std::move(*model);
        QCOMPARE(m_model->flags.size(), m_hostile.size() + m_docsFlags);
        QCOMPARE(m_model->noteCount, m_hostile.size() + 1);
        // The docs text reached the model, so the checks below are about it too.
        QVERIFY(m_model->docs.contains(QStringLiteral("docs/hostile.md")));
        const PageDocs hostilePage = m_model->docs.value(QStringLiteral("docs/hostile.md"));
        QVERIFY2(hostilePage.title.contains(QStringLiteral("PWNED-D")), qPrintable(hostilePage.title));
        QVERIFY2(hostilePage.owners.join(QLatin1Char(' ')).contains(QStringLiteral("PWNED-D8")), qPrintable(hostilePage.owners.join(QLatin1Char(' '))));
        QVERIFY(!hostilePage.authors.isEmpty());
        QVERIFY(hostilePage.authors.first().name.contains(QStringLiteral("PWNED-D9")));
        // The page of broken UTF-8 is indexed with replacement characters, and shown.
        QVERIFY(m_model->docs.value(QStringLiteral("docs/broken.md")).title.contains(QChar(0xFFFD)));
    }

    void htmlHasOnlyItsOwnMarkup()
    {
        const QByteArray bytes = renderHtml(*m_model, everything());
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString html = decoder.decode(bytes);
        QVERIFY2(!decoder.hasError(), "the report is not valid UTF-8");
        // The policy comes before anything a payload could have written.
        const qsizetype csp = html.indexOf(QStringLiteral(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"));
        QVERIFY(csp > 0);
        QVERIFY(csp < html.indexOf(QStringLiteral("<title>")));
        // Every '<' of user text is escaped, so each '<' left starts one of the report's own tags.
        const QSet<QString> tags = words("html head meta title style body main header h1 h2 h3 p nav a section div span table "
                                         "thead tbody tr th td b br code pre blockquote ol li i svg rect line circle path text footer");
        const QSet<QString> attributes = words("lang charset http-equiv content name class id href style dir colspan xmlns "
                                               "viewBox width height role aria-label x y x1 y1 x2 y2 cx cy r d fill stroke "
                                               "stroke-width font-size text-anchor font-weight");
        const QRegularExpression tag(QStringLiteral("<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>"));
        const QRegularExpression attribute(QStringLiteral("\\s([A-Za-z-]+)(?:=\"([^\"]*)\")?"));
        int tagCount = 0;
        for (auto it = tag.globalMatch(html); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            ++tagCount;
            QVERIFY2(tags.contains(m.captured(2)), qPrintable(QStringLiteral("unexpected tag <%1>").arg(m.captured(2))));
            for (auto a = attribute.globalMatch(m.captured(3)); a.hasNext();) {
                const QRegularExpressionMatch am = a.next();
                QVERIFY2(attributes.contains(am.captured(1)),
                         qPrintable(QStringLiteral("unexpected attribute %1 in <%2>").arg(am.captured(1), m.captured(2))));
                if (am.captured(1) == QLatin1String("href"))
                    QVERIFY2(am.captured(2).startsWith(QLatin1Char('#')), qPrintable(am.captured(2)));
            }
        }
        QVERIFY(tagCount > 200);
        QCOMPARE(html.count(QStringLiteral("<script")), 0);
        QVERIFY(!html.contains(QStringLiteral("<img")));
        // No bidi control and no control character survives; the override is shown instead.
        static const QRegularExpression invisible(QStringLiteral("[\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}\\x{0000}-\\x{0008}\\x{000B}\\x{000C}\\x{000E}-\\x{001F}]"));
        QVERIFY(!html.contains(invisible));
        QVERIFY(html.contains(QStringLiteral("abc[U+202E]gnp.exe")));
        // And the payloads are there, as text: the testers' and the docs' (owner, author).
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;document.title=&#39;PWNED-1&#39;&lt;/script&gt;")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;document.title=&#39;PWNED-D8&#39;&lt;/script&gt;")));
        QVERIFY(html.contains(QStringLiteral("Mallory&quot; onmouseover=&quot;document.title=&#39;PWNED-D9")));
        QVERIFY(html.contains(QStringLiteral("PWNED-D1")));
    }

    void chromiumRunsNothingAndFetchesNothing()
    {
        REQUIRE_CHROMIUM();
        const QString file = m_dir.filePath(QStringLiteral("report.html"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(renderHtml(*m_model, everything()));
        out.close();
        m_requests.clear();
        const QString dom = dumpDom(file);
        QVERIFY2(dom.contains(QStringLiteral("</html>")), "chromium printed no DOM");
        const QRegularExpression title(QStringLiteral("<title>([^<]*)</title>"));
        const QRegularExpressionMatch t = title.match(dom);
        QVERIFY(t.hasMatch());
        QCOMPARE(t.captured(1), QStringLiteral("Developer Zero report: Security plan"));
        QVERIFY(!dom.contains(QStringLiteral("PWNED-1</title>")));
        // An element made by a payload would carry its id as an attribute of a real tag.
        for (const char *id : {"pwned3", "pwned5", "pwned11", "pwned-d3"}) {
            const QRegularExpression element(QStringLiteral("<[a-z]+[^<>]*\\sid=\"%1\"").arg(QLatin1String(id)));
            QVERIFY2(!dom.contains(element), id);
        }
        QVERIFY2(m_requests.isEmpty(), m_requests.isEmpty() ? "" : m_requests.constLast().constData());
    }

    void harnessSeesAnUnsafePage()
    {
        // The same payloads written raw, without a policy: the checks above must catch them.
        REQUIRE_CHROMIUM();
        const QString file = m_dir.filePath(QStringLiteral("unsafe.html"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("<!DOCTYPE html><html><head><title>safe</title></head><body>");
        out.write(m_hostile.at(1).toUtf8());
        out.write(m_hostile.at(3).toUtf8());
        out.write(m_hostile.at(4).toUtf8());
        out.write("</body></html>");
        out.close();
        m_requests.clear();
        const QString dom = dumpDom(file);
        QVERIFY2(dom.contains(QStringLiteral("<title>PWNED-")), qPrintable(dom.left(300)));
        QVERIFY(dom.contains(QRegularExpression(QStringLiteral("<div[^<>]*\\sid=\"pwned5\""))));
        QVERIFY2(!m_requests.isEmpty(), "the listener saw no request from the unsafe page");
        QVERIFY(m_requests.join().contains("GET /leak-4"));
    }

    void markdownKeepsPayloadsAsText()
    {
        const QString md = QString::fromUtf8(renderMarkdown(*m_model));
        QString outside;
        bool fenced = false;
        for (const QString &line : md.split(QLatin1Char('\n'))) {
            if (line.trimmed().startsWith(QLatin1String("```"))) {
                fenced = !fenced;
                continue;
            }
            if (!fenced)
                outside += line + QLatin1Char('\n');
        }
        QVERIFY(!fenced);
        // Outside code, no raw '<' but the report's own <br> and <sub>; no live mention.
        outside.remove(QRegularExpression(QStringLiteral("(`+)[^`].*?\\1")));
        outside.remove(QStringLiteral("<br>"));
        outside.remove(QStringLiteral("<sub>"));
        outside.remove(QStringLiteral("</sub>"));
        QVERIFY2(!outside.contains(QLatin1Char('<')), qPrintable(outside.mid(outside.indexOf(QLatin1Char('<')) - 40, 120)));
        QVERIFY(!outside.contains(QStringLiteral("@paylark")));
        QVERIFY(!outside.contains(QStringLiteral("](javascript:")));
        QVERIFY(!md.contains(QChar(0x202E)));
        // Table rows keep their column count: every pipe of user text is escaped.
        for (const QString &line : md.split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1String("| ")) || !line.contains(QStringLiteral("PWNED-1")))
                continue;
            QString unescaped = line;
            unescaped.remove(QStringLiteral("\\|"));
            const int cells = int(unescaped.count(QLatin1Char('|'))) - 1;
            QVERIFY2(cells == 4 || cells == 5 || cells == 11, qPrintable(line.left(200)));
        }
    }

    void csvGuardsFormulas()
    {
        // Every field, parsed as RFC 4180: none may start with = + - @ tab
        // or CR unless it is a number the report computed ("-1.5").
        static const QRegularExpression numeric(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
        QSet<QString> guarded;
        int fields = 0;
        for (const CsvFile &f : renderCsv(*m_model)) {
            const QList<QStringList> rows = test::parseCsv(QString::fromUtf8(f.content));
            QVERIFY2(rows.size() > 1, qPrintable(f.name));
            for (const QStringList &row : rows) {
                for (const QString &field : row) {
                    ++fields;
                    if (field.startsWith(QLatin1Char('\'')))
                        guarded.insert(field.mid(1));
                    if (field.isEmpty() || numeric.match(field).hasMatch())
                        continue;
                    const QChar first = field.front();
                    QVERIFY2(first != u'=' && first != u'+' && first != u'-' && first != u'@' && first != u'\t' && first != u'\r',
                             qPrintable(QStringLiteral("%1: unguarded field %2").arg(f.name, field.left(60))));
                }
            }
        }
        QVERIFY(fields > 100);
        // The payloads that start like a formula are there, each behind an apostrophe.
        for (const QString &h : m_hostile) {
            if (h.startsWith(u'=') || h.startsWith(u'+') || h.startsWith(u'-') || h.startsWith(u'@') || h.startsWith(u'\t'))
                QVERIFY2(guarded.contains(h), qPrintable(h));
        }
    }

    void jsonStaysValid()
    {
        const QByteArray bytes = renderJson(*m_model);
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        decoder.decode(bytes);
        QVERIFY(!decoder.hasError());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(QString::fromUtf8(bytes).contains(QStringLiteral("<script>document.title='PWNED-1'</script>")));
        QVERIFY(!QString::fromUtf8(bytes).contains(QChar(0x202E)));
    }
};

QTEST_GUILESS_MAIN(TestReportSecurity)
#include "test_report_security.moc"
