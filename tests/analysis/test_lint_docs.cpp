// `devzero lint-docs` through the real executable, on the demo platform's
// docs: formats, exit codes, one page, configs, and a docs-index source.

#include "tests/common/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe(const QStringList &args) const
    {
        return QStringLiteral("devzero %1 -> %2\n%3\n%4")
            .arg(args.join(QLatin1Char(' ')))
            .arg(exitCode)
            .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err.left(2000)));
    }
};

} // namespace

using namespace Qt::StringLiterals;

class TestLintDocs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    const QString m_demo = QStringLiteral("resources/demo/docs-repo");

    Run devzero(const QStringList &args, const QString &workingDir = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DEVZERO_LAB"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(workingDir.isEmpty() ? test::sourceDir() : workingDir);
        process.start(test::devzeroExecutable(), args);
        Run run;
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QJsonObject jsonOf(const Run &run)
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning() << "not JSON:" << error.errorString() << run.out.left(200);
        return doc.object();
    }

    QSet<QString> flagKeys(const QJsonObject &report)
    {
        QSet<QString> keys;
        for (const QJsonValue &v : report.value(QStringLiteral("flags")).toArray()) {
            const QJsonObject f = v.toObject();
            keys.insert(QStringLiteral("%1 %2:%3 %4").arg(f.value(QStringLiteral("rule")).toString(),
                                                          f.value(QStringLiteral("path")).toString())
                            .arg(f.value(QStringLiteral("line")).toInt())
                            .arg(f.value(QStringLiteral("term")).toString()));
        }
        return keys;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY2(QFile::exists(test::devzeroExecutable()), qPrintable(test::devzeroExecutable()));
    }

    void textLikeACompiler()
    {
        const QStringList args = {QStringLiteral("lint-docs"), m_demo};
        const Run run = devzero(args);
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe(args))); // the demo has broken links: errors
        const QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 40);
        static const QRegularExpression format(
            QStringLiteral("^(resources/demo/docs-repo/docs/[^:]+\\.md):(\\d+)(:\\d+)?: (error|warning|info): .+ \\[([a-z-]+)\\]$"));
        QString previousSeverity = QStringLiteral("error");
        for (const QString &line : lines) {
            const auto m = format.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            QVERIFY2(QFile::exists(test::sourceDir() + QLatin1Char('/') + m.captured(1)), qPrintable(line));
            QVERIFY(m.captured(2).toInt() >= 1);
            // Errors come first.
            if (m.captured(4) == QStringLiteral("error"))
                QCOMPARE(previousSeverity, QStringLiteral("error"));
            previousSeverity = m.captured(4);
        }
        QVERIFY2(run.err.contains("lint-docs: ") && run.err.contains(" in 13 pages"), run.err.constData());
        // Printed from inside the repository, paths need no prefix.
        const Run inside = devzero({QStringLiteral("lint-docs")}, test::sourceDir() + QLatin1Char('/') + m_demo);
        QCOMPARE(inside.exitCode, 1);
        QVERIFY(inside.out.startsWith("docs/"));
        QCOMPARE(inside.out.count('\n'), run.out.count('\n'));
    }

    void failOn_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("failOn");
        QTest::addColumn<int>("exitCode");

        QTest::newRow("default is error") << m_demo << QString() << 1;
        QTest::newRow("never") << m_demo << QStringLiteral("never") << 0;
        QTest::newRow("info") << m_demo << QStringLiteral("info") << 1;
        const QString clean = m_demo + QStringLiteral("/docs/getting-started.md");
        QTest::newRow("clean page, info") << clean << QStringLiteral("info") << 0;
        const QString warningsOnly = m_demo + QStringLiteral("/docs/cli.md");
        QTest::newRow("warnings only, error") << warningsOnly << QStringLiteral("error") << 0;
        QTest::newRow("warnings only, warning") << warningsOnly << QStringLiteral("warning") << 1;
    }

    void failOn()
    {
        QFETCH(QString, path);
        QFETCH(QString, failOn);
        QFETCH(int, exitCode);
        QStringList args = {QStringLiteral("lint-docs"), path};
        if (!failOn.isEmpty())
            args << QStringLiteral("--fail-on") << failOn;
        const Run run = devzero(args);
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe(args)));
    }

    void onePageReportsOnlyThatPage()
    {
        const QStringList args = {QStringLiteral("lint-docs"), m_demo + QStringLiteral("/docs/cli.md"),
                                  QStringLiteral("--format"), QStringLiteral("json")};
        const Run run = devzero(args);
        const QJsonObject report = jsonOf(run);
        const QJsonArray flags = report.value(QStringLiteral("flags")).toArray();
        QVERIFY2(!flags.isEmpty(), qPrintable(run.describe(args)));
        for (const QJsonValue &f : flags)
            QCOMPARE(f.toObject().value(QStringLiteral("path")).toString(), QStringLiteral("docs/cli.md"));
        // The whole docs folder was read: the prerequisite page introduces apt-get.
        QCOMPARE(report.value(QStringLiteral("pages")).toInt(), 13);
        QVERIFY(!run.out.contains("apt-get"));
    }

    void jsonReport()
    {
        const QStringList args = {QStringLiteral("lint-docs"), m_demo, QStringLiteral("--format"), QStringLiteral("json")};
        const Run run = devzero(args);
        QCOMPARE(run.exitCode, 1);
        const QJsonObject report = jsonOf(run);
        QCOMPARE(report.value(QStringLiteral("schema")).toString(), QStringLiteral("devzero.lint/1"));
        QCOMPARE(report.value(QStringLiteral("tool")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("devzero"));
        QCOMPARE(report.value(QStringLiteral("pages")).toInt(), 13);
        QCOMPARE(report.value(QStringLiteral("rules")).toArray().size(), 9);
        const QJsonArray flags = report.value(QStringLiteral("flags")).toArray();
        const QJsonObject summary = report.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("total")).toInt(), flags.size());
        int errors = 0, warnings = 0, infos = 0;
        double previous = 1e9;
        for (const QJsonValue &v : flags) {
            const QJsonObject f = v.toObject();
            for (const char *field : {"rule", "severity", "message", "explanation", "path", "line", "end_line", "column",
                                      "anchor", "term", "excerpt", "generated", "score", "blob_id"})
                QVERIFY2(f.contains(QLatin1String(field)), field);
            const QString severity = f.value(QStringLiteral("severity")).toString();
            errors += severity == QStringLiteral("error");
            warnings += severity == QStringLiteral("warning");
            infos += severity == QStringLiteral("info");
            QVERIFY(f.value(QStringLiteral("score")).toDouble() <= previous);
            previous = f.value(QStringLiteral("score")).toDouble();
            QVERIFY(f.value(QStringLiteral("blob_id")).toString().isEmpty()); // a working tree has no blobs
        }
        QCOMPARE(summary.value(QStringLiteral("error")).toInt(), errors);
        QCOMPARE(summary.value(QStringLiteral("warning")).toInt(), warnings);
        QCOMPARE(summary.value(QStringLiteral("info")).toInt(), infos);

        // The global --json picks the same report.
        const Run global = devzero({QStringLiteral("--json"), QStringLiteral("lint-docs"), m_demo});
        QCOMPARE(flagKeys(jsonOf(global)), flagKeys(report));
    }

    void sarifReport()
    {
        const Run json = devzero({QStringLiteral("lint-docs"), m_demo, QStringLiteral("--format"), QStringLiteral("json")});
        const QStringList args = {QStringLiteral("lint-docs"), m_demo, QStringLiteral("--format"), QStringLiteral("sarif")};
        const Run run = devzero(args);
        QCOMPARE(run.exitCode, 1);
        const QJsonObject log = jsonOf(run);
        QCOMPARE(log.value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
        const QJsonObject sarifRun = log.value(QStringLiteral("runs")).toArray().first().toObject();
        const QJsonArray results = sarifRun.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), jsonOf(json).value(QStringLiteral("flags")).toArray().size());
        const QString root = sarifRun.value(QStringLiteral("originalUriBaseIds")).toObject().value(QStringLiteral("%SRCROOT%"))
                                 .toObject().value(QStringLiteral("uri")).toString();
        QVERIFY2(root.startsWith(QStringLiteral("file:///")) && root.endsWith(QStringLiteral("/resources/demo/docs-repo/")),
                 qPrintable(root));
        for (const QJsonValue &v : results) {
            const QString uri = v.toObject().value(QStringLiteral("locations")).toArray().first().toObject()
                                    .value(QStringLiteral("physicalLocation")).toObject()
                                    .value(QStringLiteral("artifactLocation")).toObject().value(QStringLiteral("uri")).toString();
            QVERIFY2(QFile::exists(test::sourceDir() + QLatin1Char('/') + m_demo + QLatin1Char('/') + uri), qPrintable(uri));
        }
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");

        const QString demo = QStringLiteral("resources/demo/docs-repo");
        QTest::newRow("bad format") << QStringList{u"lint-docs"_s, demo, u"--format"_s, u"xml"_s} << 2 << "--format must be";
        QTest::newRow("bad fail-on") << QStringList{u"lint-docs"_s, demo, u"--fail-on"_s, u"fatal"_s} << 2 << "--fail-on must be";
        QTest::newRow("two paths") << QStringList{u"lint-docs"_s, demo, u"docs"_s} << 2 << "one PATH";
        QTest::newRow("path and source") << QStringList{u"lint-docs"_s, demo, u"--source"_s, u"x"_s} << 2 << "not both";
        QTest::newRow("unknown option") << QStringList{u"lint-docs"_s, u"--colour"_s} << 2 << "colour";
        QTest::newRow("missing path") << QStringList{u"lint-docs"_s, u"no/such/folder"_s} << 4 << "no such file or folder";
        QTest::newRow("missing config") << QStringList{u"lint-docs"_s, demo, u"--config"_s, u"no-such.yml"_s} << 2 << "no such config file";
        QTest::newRow("not a page") << QStringList{u"lint-docs"_s, demo + u"/mkdocs.yml"_s} << 2 << "not a Markdown page";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run run = devzero(args);
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe(args)));
        QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(run.describe(args)));
        QVERIFY(run.out.isEmpty());
    }

    void invalidConfigSaysWhere()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile config(dir.filePath(QStringLiteral("lint.yml")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("generated:\n\t- docs/**\n");
        config.close();
        const QStringList args = {QStringLiteral("lint-docs"), m_demo, QStringLiteral("--config"), config.fileName()};
        const Run run = devzero(args);
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe(args)));
        QVERIFY2(run.err.contains("lint.yml:2: tab in the indentation"), qPrintable(run.describe(args)));
    }

    void configReplacesTheRepositoryFile()
    {
        QTemporaryDir dir;
        QFile config(dir.filePath(QStringLiteral("strict.yml")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("# No internal hosts configured.\nseverity:\n  minimising-word: error\n");
        config.close();
        const Run run = devzero({QStringLiteral("lint-docs"), m_demo, QStringLiteral("--config"), config.fileName(),
                                 QStringLiteral("--format"), QStringLiteral("json")});
        const QSet<QString> keys = flagKeys(jsonOf(run));
        QVERIFY(!keys.isEmpty());
        // The host only the repository's config names is public again ...
        for (const QString &k : keys)
            QVERIFY2(!k.contains(QStringLiteral("grafana.ops.paylark.example")), qPrintable(k));
        // ... and the configured severity applies.
        int words = 0;
        for (const QJsonValue &v : jsonOf(run).value(QStringLiteral("flags")).toArray()) {
            const QJsonObject f = v.toObject();
            if (f.value(QStringLiteral("rule")).toString() != QStringLiteral("minimising-word") || f.value(QStringLiteral("generated")).toBool())
                continue;
            ++words;
            QCOMPARE(f.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        }
        QVERIFY(words >= 5);
    }

    void unknownSource()
    {
        QTemporaryDir dir;
        const QStringList args = {QStringLiteral("--lab"), dir.filePath(QStringLiteral("lab.sqlite")), QStringLiteral("lint-docs"),
                                  QStringLiteral("--source"), QStringLiteral("nope")};
        const Run run = devzero(args);
        QVERIFY2(run.exitCode == 4, qPrintable(run.describe(args)));
        QVERIFY(run.err.contains("no docs source"));
    }

    // The same repository read from the docs index gives the same flags, with blob ids.
    void sourceMatchesTheWorkingTree()
    {
        const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
        if (git.isEmpty())
            QSKIP("git is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString repo = dir.filePath(QStringLiteral("paylark"));
        const QString demo = test::sourceDir() + QLatin1Char('/') + m_demo;
        QVERIFY(QDir().mkpath(repo + QStringLiteral("/docs/sdks")));
        QVERIFY(QDir().mkpath(repo + QStringLiteral("/docs/reference/api")));
        for (const QString &file : {QStringLiteral(".devzero.yml"), QStringLiteral("mkdocs.yml"), QStringLiteral("CODEOWNERS")})
            QVERIFY(QFile::copy(demo + QLatin1Char('/') + file, repo + QLatin1Char('/') + file));
        const QDir docs(demo + QStringLiteral("/docs"));
        for (const QString &page : docs.entryList({QStringLiteral("*.md")}, QDir::Files))
            QVERIFY(QFile::copy(docs.filePath(page), repo + QStringLiteral("/docs/") + page));
        QVERIFY(QFile::copy(docs.filePath(QStringLiteral("sdks/node.md")), repo + QStringLiteral("/docs/sdks/node.md")));
        QVERIFY(QFile::copy(docs.filePath(QStringLiteral("reference/api/payments.md")),
                            repo + QStringLiteral("/docs/reference/api/payments.md")));
        auto gitRun = [&](const QStringList &args) {
            QProcess p;
            p.setWorkingDirectory(repo);
            p.start(git, QStringList{u"-c"_s, u"user.name=Test"_s, u"-c"_s,
                                     u"user.email=test@example.invalid"_s}
                             + args);
            return p.waitForFinished(60000) && p.exitCode() == 0;
        };
        QVERIFY(gitRun({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")}));
        QVERIFY(gitRun({QStringLiteral("add"), QStringLiteral("-A")}));
        QVERIFY(gitRun({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("Docs")}));

        const QString lab = dir.filePath(QStringLiteral("lab.sqlite"));
        const Run add = devzero({QStringLiteral("--lab"), lab, QStringLiteral("docs"), QStringLiteral("add"), QStringLiteral("paylark"),
                                 QStringLiteral("--repo"), repo, QStringLiteral("--subdir"), QStringLiteral("docs")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.describe({QStringLiteral("docs add")})));
        const Run fromSource = devzero({QStringLiteral("--lab"), lab, QStringLiteral("lint-docs"), QStringLiteral("--source"),
                                        QStringLiteral("paylark"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(fromSource.exitCode == 1, qPrintable(fromSource.describe({QStringLiteral("lint-docs --source")})));
        const Run fromTree = devzero({QStringLiteral("lint-docs"), repo, QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject sourceReport = jsonOf(fromSource);
        QCOMPARE(sourceReport.value(QStringLiteral("root")).toString(), QStringLiteral("source:paylark"));
        QCOMPARE(sourceReport.value(QStringLiteral("pages")).toInt(), 13);
        QCOMPARE(flagKeys(sourceReport), flagKeys(jsonOf(fromTree)));
        for (const QJsonValue &v : sourceReport.value(QStringLiteral("flags")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("blob_id")).toString().size(), 40);
    }
};

QTEST_GUILESS_MAIN(TestLintDocs)
#include "test_lint_docs.moc"
