// `devzero report` as a user runs it (the real executable): every format
// on the lab of support_reportlab.h with its docs index in the lab's data
// folder, so owners come from CODEOWNERS and flags from the real rules;
// filters; and bad input, each with its exit code and a message that says
// what and where.

#include "tests/report/support_reportlab.h"

#include "tests/common/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestReportCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::ReportLab m_lab;
    QString m_labPath;

    Run devzero(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DEVZERO_LAB"));
        p.setProcessEnvironment(env);
        p.start(test::devzeroExecutable(), QStringList{QStringLiteral("--lab"), m_labPath} + args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QString out(const QString &name) const { return m_dir.filePath(QStringLiteral("out/") + name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(test::devzeroExecutable()).isExecutable(), qPrintable(test::devzeroExecutable()));
        m_labPath = m_dir.filePath(QStringLiteral("lab.sqlite"));
        // The command looks for the docs index in <lab>.data/, as `devzero docs add` leaves it.
        const QString failed = test::buildReportLab(m_dir.path(), m_lab, m_labPath, m_dir.filePath(QStringLiteral("lab.data/docs-index.sqlite")));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("out"))));
    }

    void formats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("starts");
        QTest::newRow("html") << QStringLiteral("html") << QStringLiteral("r.html") << QByteArray("<!DOCTYPE html>");
        QTest::newRow("md") << QStringLiteral("md") << QStringLiteral("r.md") << QByteArray("# Developer Zero report: Paylark onboarding");
        QTest::newRow("json") << QStringLiteral("json") << QStringLiteral("r.json") << QByteArray("{");
        QTest::newRow("pdf") << QStringLiteral("pdf") << QStringLiteral("r.pdf") << QByteArray("%PDF-");
    }
    void formats()
    {
        QFETCH(QString, format);
        QFETCH(QString, file);
        QFETCH(QByteArray, starts);
        const Run run = devzero({QStringLiteral("report"), QStringLiteral("--format"), format, QStringLiteral("-o"), out(file)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(), QStringLiteral("wrote ") + out(file));
        QFile written(out(file));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().startsWith(starts));
    }

    void jsonCarriesOwnersAndRankedFlags()
    {
        const Run run = devzero({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"),
                                 out(QStringLiteral("all.json"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(out(QStringLiteral("all.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(report.value(QStringLiteral("schema")).toString(), QStringLiteral("devzero.report/1"));
        QCOMPARE(report.value(QStringLiteral("docs")).toObject().value(QStringLiteral("source")).toString(), QStringLiteral("paylark"));
        QCOMPARE(report.value(QStringLiteral("counts")).toObject().value(QStringLiteral("sessions")).toInt(), 3);
        const QJsonArray pages = report.value(QStringLiteral("pages")).toArray();
        QVERIFY(!pages.isEmpty());
        const QJsonObject top = pages.first().toObject();
        QCOMPARE(top.value(QStringLiteral("page")).toString(), QStringLiteral("docs/webhooks.md"));
        QCOMPARE(top.value(QStringLiteral("ownership")).toObject().value(QStringLiteral("owners")).toArray(),
                 QJsonArray{QStringLiteral("@paylark/webhooks")});
        // The real rules ran over the indexed pages, and their flags are ranked.
        const QJsonArray flags = report.value(QStringLiteral("flags")).toArray();
        QVERIFY2(!flags.isEmpty(), "the rules found nothing on pages with a broken link and an undefined acronym");
        double previous = std::numeric_limits<double>::infinity();
        bool brokenLink = false;
        for (qsizetype i = 0; i < flags.size(); ++i) {
            const QJsonObject f = flags.at(i).toObject();
            QCOMPARE(f.value(QStringLiteral("rank")).toInt(), int(i + 1));
            QVERIFY(f.value(QStringLiteral("score")).toDouble() <= previous);
            previous = f.value(QStringLiteral("score")).toDouble();
            if (f.value(QStringLiteral("path")).toString() == QLatin1String("docs/webhooks.md")
                && f.value(QStringLiteral("message")).toString().contains(QStringLiteral("secrets.md")))
                brokenLink = true;
        }
        QVERIFY2(brokenLink, "no flag for the broken link to secrets.md on docs/webhooks.md");
    }

    void csvWritesAFolder()
    {
        const QString folder = out(QStringLiteral("tables"));
        const Run run = devzero({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), folder});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(QStringLiteral("wrote ")), 11);
        QVERIFY(QFile::exists(folder + QStringLiteral("/tasks.csv")));
        QVERIFY(QFile::exists(folder + QStringLiteral("/timeline.csv")));
    }

    void filtersSelectSessions_data()
    {
        QTest::addColumn<QStringList>("filter");
        QTest::addColumn<int>("sessions");
        QTest::newRow("docs revision") << QStringList{QStringLiteral("--docs-rev"), QStringLiteral("bbbb")} << 2;
        QTest::newRow("since") << QStringList{QStringLiteral("--since"), QStringLiteral("2026-01-06")} << 2;
        QTest::newRow("until") << QStringList{QStringLiteral("--until"), QStringLiteral("2026-01-05")} << 1;
        QTest::newRow("plan") << QStringList{QStringLiteral("--plan"), QStringLiteral("1")} << 3;
        QTest::newRow("nothing matches") << QStringList{QStringLiteral("--since"), QStringLiteral("2027-01-01")} << 0;
    }
    void filtersSelectSessions()
    {
        QFETCH(QStringList, filter);
        QFETCH(int, sessions);
        const QString file = out(QStringLiteral("filtered.json"));
        const Run run = devzero(QStringList{QStringLiteral("--json"), QStringLiteral("report"), QStringLiteral("--format"),
                                            QStringLiteral("json"), QStringLiteral("-o"), file, QStringLiteral("--no-flags")}
                                + filter);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(summary.value(QStringLiteral("sessions")).toInt(), sessions);
        QCOMPARE(summary.value(QStringLiteral("flags")).toInt(), 0);
        QCOMPARE(summary.value(QStringLiteral("files")).toArray(), QJsonArray{file});
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString html = QStringLiteral("x.html");
        QTest::newRow("no format") << QStringList{QStringLiteral("-o"), html} << 2 << QStringLiteral("needs --format");
        QTest::newRow("unknown format") << QStringList{QStringLiteral("--format"), QStringLiteral("docx"), QStringLiteral("-o"), html}
                                        << 2 << QStringLiteral("unknown --format \"docx\"");
        QTest::newRow("no output") << QStringList{QStringLiteral("--format"), QStringLiteral("html")} << 2 << QStringLiteral("needs -o PATH");
        QTest::newRow("bad date") << QStringList{QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("-o"), html,
                                                 QStringLiteral("--since"), QStringLiteral("2026-13-01")}
                                  << 2 << QStringLiteral("--since needs a date as YYYY-MM-DD");
        QTest::newRow("since after until") << QStringList{QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("-o"), html,
                                                          QStringLiteral("--since"), QStringLiteral("2026-02-01"),
                                                          QStringLiteral("--until"), QStringLiteral("2026-01-01")}
                                           << 2 << QStringLiteral("--since: the start date 2026-02-01 is after the end date 2026-01-01");
        QTest::newRow("not a plan id") << QStringList{QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("-o"), html,
                                                      QStringLiteral("--plan"), QStringLiteral("first")}
                                       << 2 << QStringLiteral("--plan needs a whole number");
        QTest::newRow("unknown plan") << QStringList{QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("-o"), html,
                                                     QStringLiteral("--plan"), QStringLiteral("99")}
                                      << 4 << QStringLiteral("--plan: no plan 99 in the lab");
        QTest::newRow("unknown source") << QStringList{QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("-o"), html,
                                                       QStringLiteral("--source"), QStringLiteral("nope")}
                                        << 4 << QStringLiteral("--source:");
        QTest::newRow("stray argument") << QStringList{QStringLiteral("everything"), QStringLiteral("--format"), QStringLiteral("html"),
                                                       QStringLiteral("-o"), html}
                                        << 2 << QStringLiteral("report takes no argument \"everything\"");
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        for (QString &a : args) {
            if (a == QLatin1String("x.html"))
                a = out(a);
        }
        const Run run = devzero(QStringList{QStringLiteral("report")} + args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!QFile::exists(out(QStringLiteral("x.html"))));
    }

    void unwritableTargets_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("message");
        QTest::newRow("html into a folder") << QStringLiteral("html") << QStringLiteral("out") << QStringLiteral("is a folder");
        QTest::newRow("csv onto a file") << QStringLiteral("csv") << QStringLiteral("lab.sqlite") << QStringLiteral("not a folder");
        QTest::newRow("missing folder") << QStringLiteral("md") << QStringLiteral("no/such/dir/r.md") << QStringLiteral("cannot write the report");
    }
    void unwritableTargets()
    {
        QFETCH(QString, format);
        QFETCH(QString, target);
        QFETCH(QString, message);
        QFile::remove(m_dir.filePath(QStringLiteral("no/such/dir")));
        const Run run = devzero({QStringLiteral("report"), QStringLiteral("--format"), format, QStringLiteral("-o"), m_dir.filePath(target)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY2(run.err.contains(m_dir.filePath(target)), qPrintable(run.err)); // says where
    }

    void withoutDocsIndex()
    {
        // A lab without docs: the report still works and says what it cannot show.
        QTemporaryDir bare;
        test::ReportLab lab;
        QVERIFY(test::buildLabOnly(bare.filePath(QStringLiteral("lab.sqlite")), lab).isEmpty());
        QProcess p;
        p.start(test::devzeroExecutable(), {QStringLiteral("--lab"), bare.filePath(QStringLiteral("lab.sqlite")), QStringLiteral("report"),
                                            QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("-o"),
                                            bare.filePath(QStringLiteral("r.md"))});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("note: No docs index was given")));
        QFile md(bare.filePath(QStringLiteral("r.md")));
        QVERIFY(md.open(QIODevice::ReadOnly));
        QVERIFY(md.readAll().contains("No hidden-assumption flags were given"));
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "test_report_cli.moc"
