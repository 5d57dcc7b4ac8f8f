// Every secret format of tests/fixtures/secrets/secrets.tsv, typed into
// everything a tester can record through the REAL `devzero` executable:
// notes (text, page, anchor), shell commands as the shell hook sends them
// (`session command ... --cwd DIR -- TEXT`), searches (query and clicked
// page), doc lookups, markers, and tool version lines of the environment
// snapshot (fake tools on disk that print the secret). Then the raw secret
// and its distinctive runs must be nowhere: the lab file and its -wal (raw
// bytes, while another connection keeps the WAL alive and again after a
// checkpoint), `devzero report` in html, md, csv, json and pdf (its text as
// pdftotext reads it, and its raw bytes), `session show` (text and --json)
// and a `lab backup` copy.
//
// The same harness, run on a control lab whose plan carries some of the
// secrets (plans are authored, not redacted), must find them in every one of
// those outputs: the scan would see a leak if there were one.
//
// Outputs are compared after flattening: whitespace, backslashes, zero-width
// characters and HTML entities removed or decoded, so a line wrap in the PDF,
// an escaped '_' in Markdown or "&#43;" in HTML cannot hide a secret.

#include "tests/capture/support_secrettable.h"
#include "tests/cli/support_devzerocli.h"
#include "tests/common/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero::test;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Whitespace, backslashes, zero-width characters and soft hyphens removed,
// HTML entities decoded: what a reader would copy out of the output.
QByteArray flatten(QByteArray bytes)
{
    static const QRegularExpression numeric(QStringLiteral("&#(x?)([0-9A-Fa-f]{1,6});"));
    if (bytes.contains('&')) {
        QString text = QString::fromUtf8(bytes);
        QString out;
        qsizetype last = 0;
        for (auto it = numeric.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            out += QStringView(text).mid(last, m.capturedStart() - last);
            bool ok = false;
            const uint code = m.captured(2).toUInt(&ok, m.captured(1).isEmpty() ? 10 : 16);
            out += ok ? QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1) : m.captured();
            last = m.capturedEnd();
        }
        out += QStringView(text).mid(last);
        out.replace(QStringLiteral("&lt;"), QStringLiteral("<")).replace(QStringLiteral("&gt;"), QStringLiteral(">"));
        out.replace(QStringLiteral("&quot;"), QStringLiteral("\"")).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        bytes = out.toUtf8();
    }
    for (const char *invisible : {"\xe2\x80\x8b", "\xe2\x80\x8c", "\xe2\x81\xa0", "\xc2\xad", "<wbr>"})
        bytes.replace(invisible, "");
    QByteArray out;
    out.reserve(bytes.size());
    for (char c : bytes) {
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\\')
            out += c;
    }
    return out;
}

// The first of `needles` found in `flat` (flattened the same way), or empty.
QString firstFound(const QByteArray &flat, const QStringList &needles)
{
    for (const QString &needle : needles) {
        const QByteArray n = flatten(needle.toUtf8());
        if (n.size() >= 6 && flat.contains(n))
            return needle;
    }
    return {};
}

QString pdftotextPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
}

struct Outputs
{
    QMap<QString, QByteArray> flat; // output name -> flattened bytes
    QString failure;                // a command that did not work
};

// `devzero report` in every format, `session show` and `lab backup`.
Outputs collectOutputs(const DevzeroCli &cli, const QString &dir, qint64 sessionId)
{
    Outputs out;
    const auto run = [&](const QStringList &args) {
        const CliRun r = cli.run(args, 120000);
        if ((!r.finished || r.exitCode != 0) && out.failure.isEmpty())
            out.failure = r.describe();
        return r;
    };
    QDir().mkpath(dir);
    for (const QString &format : {QStringLiteral("html"), QStringLiteral("md"), QStringLiteral("json"), QStringLiteral("pdf")}) {
        const QString path = dir + QStringLiteral("/report.") + format;
        run({QStringLiteral("report"), QStringLiteral("--format"), format, QStringLiteral("-o"), path});
        const QByteArray bytes = readFile(path);
        out.flat.insert(QStringLiteral("report.") + format, flatten(bytes));
        if (format == u"pdf" && !pdftotextPath().isEmpty()) {
            QProcess text;
            text.start(pdftotextPath(), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
            text.waitForFinished(60000);
            out.flat.insert(QStringLiteral("report.pdf as text"), flatten(text.readAllStandardOutput()));
        }
    }
    const QString csvDir = dir + QStringLiteral("/csv");
    run({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), csvDir});
    QByteArray csv;
    for (const QFileInfo &f : QDir(csvDir).entryInfoList({QStringLiteral("*.csv")}, QDir::Files))
        csv += readFile(f.filePath());
    out.flat.insert(QStringLiteral("report csv"), flatten(csv));
    const QString id = QString::number(sessionId);
    out.flat.insert(QStringLiteral("session show --json"), flatten(run({QStringLiteral("session"), QStringLiteral("show"), id, QStringLiteral("--json")}).out));
    out.flat.insert(QStringLiteral("session show"), flatten(run({QStringLiteral("session"), QStringLiteral("show"), id}).out));
    const QString backup = dir + QStringLiteral("/backup.sqlite");
    run({QStringLiteral("lab"), QStringLiteral("backup"), backup});
    out.flat.insert(QStringLiteral("lab backup"), flatten(labBytesOnDisk(backup)));
    for (auto it = out.flat.cbegin(); it != out.flat.cend(); ++it) {
        if (it.value().size() < 100 && out.failure.isEmpty())
            out.failure = it.key() + QStringLiteral(" is (nearly) empty");
    }
    return out;
}

// Rows in chunks, joined one per line: searches, lookups and markers carry
// several formats each, so the suite stays quick.
QList<QStringList> chunks(const QList<SecretExample> &table, int size)
{
    QList<QStringList> out;
    for (qsizetype i = 0; i < table.size(); i += size) {
        QStringList texts;
        for (qsizetype j = i; j < std::min(table.size(), i + size); ++j)
            texts << table.at(j).text;
        out << texts;
    }
    return out;
}

} // namespace

class TestSecretsAbsent : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QList<SecretExample> m_table;
    std::unique_ptr<DevzeroCli> m_cli;
    QString m_lab;
    qint64 m_session = 0;
    int m_snapshotTools = 0;
    std::optional<Outputs> m_outputs; // rendered once, checked row by row

    // The formats whose secret (or a run of it) is in `flat`.
    QStringList leaks(const QByteArray &flat) const
    {
        QStringList found;
        for (const SecretExample &ex : m_table) {
            const QString hit = firstFound(flat, ex.pieces);
            if (!hit.isEmpty())
                found << ex.format + QStringLiteral(" (\"") + hit.left(24) + QStringLiteral("...\")");
        }
        return found;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_table = loadSecretTable(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_table.size() >= 30);
        m_lab = m_dir.filePath(QStringLiteral("lab.sqlite"));
        m_cli = std::make_unique<DevzeroCli>(m_dir.filePath(QStringLiteral("home")), m_lab);
        QDir().mkpath(m_dir.filePath(QStringLiteral("home")));

        // Fake tools for the environment snapshot: each prints one format as its version line.
        QDir().mkpath(m_dir.filePath(QStringLiteral("bin")));
        QStringList tools;
        for (const SecretExample &ex : m_table) {
            const QString line = QString(ex.text).replace(u'\n', u' ');
            if (line.size() > 190)
                continue; // the snapshot keeps 200 characters of a version line
            const QString tool = m_dir.filePath(QStringLiteral("bin/tool-") + ex.format);
            QFile text(tool + QStringLiteral(".txt"));
            QVERIFY(text.open(QIODevice::WriteOnly));
            text.write(line.toUtf8() + '\n');
            text.close();
            QFile script(tool);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write("#!/bin/sh\ncat '" + text.fileName().toUtf8() + "'\n");
            script.close();
            QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
            tools << tool;
        }
        m_snapshotTools = int(tools.size());
        QVERIFY(m_snapshotTools >= 30);

        const CliRun imported = m_cli->run({QStringLiteral("plan"), QStringLiteral("import"), fixturePlanPath()});
        DEVZERO_EXPECT_EXIT(imported, 0);
        const CliRun started = m_cli->run({QStringLiteral("session"), QStringLiteral("start"), QStringLiteral("--plan"), QStringLiteral("1"),
                                           QStringLiteral("--participant"), QStringLiteral("dz-secrets"), QStringLiteral("--consent"),
                                           QStringLiteral("--tools"), tools.join(u',')},
                                          180000);
        DEVZERO_EXPECT_EXIT(started, 0);
        const CliRun status = m_cli->run({QStringLiteral("status"), QStringLiteral("--json")});
        m_session = status.json().object().value(QStringLiteral("id")).toInteger();
        QVERIFY2(m_session > 0, qPrintable(status.describe()));
        DEVZERO_EXPECT_EXIT(m_cli->run({QStringLiteral("task"), QStringLiteral("1.1")}), 0);
    }

    void recordEverySecretEverywhere()
    {
        // Another connection keeps the WAL from being checkpointed away as each devzero exits.
        {
            QSqlDatabase held = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("held"));
            held.setDatabaseName(m_lab);
            QVERIFY(held.open());
            QSqlQuery(held).exec(QStringLiteral("PRAGMA wal_autocheckpoint=0"));
            QSqlQuery read(held);
            QVERIFY(read.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && read.next());
        }
        QElapsedTimer timer;
        timer.start();
        int runs = 0;
        const auto record = [&](const QStringList &args) {
            ++runs;
            const CliRun r = m_cli->run(args);
            return r.finished && r.exitCode == 0 ? QString() : r.describe();
        };
        // Quick by default: one note per format, shell commands four formats
        // per command line (a multi-line command, as bash history hands it
        // over). DEVZERO_LONG_SECRETS=1: one command, search, lookup and
        // marker per format.
        const bool full = qEnvironmentVariableIsSet("DEVZERO_LONG_SECRETS");
        for (const SecretExample &ex : m_table) {
            // `--` first: a text may start with '-' (a PEM block), as a careful tester would type it.
            const QString failed = record({QStringLiteral("session"), QStringLiteral("note"), QStringLiteral("--severity"), QStringLiteral("2"),
                                           QStringLiteral("--page"), QStringLiteral("docs/") + ex.text, QStringLiteral("--anchor"),
                                           QStringLiteral("see ") + ex.text, QStringLiteral("--"), ex.text});
            QVERIFY2(failed.isEmpty(), qPrintable(ex.format + u'\n' + failed));
        }
        int exitStatus = 0;
        for (const QStringList &texts : chunks(m_table, full ? 1 : 4)) {
            const QString joined = texts.join(u'\n');
            // What the shell hook runs after each command line (app/cli/shellhook.cpp).
            const QString failed = record({QStringLiteral("session"), QStringLiteral("command"), QStringLiteral("--exit"), QString::number(exitStatus++ % 3),
                                           QStringLiteral("--duration-ms"), QStringLiteral("120"), QStringLiteral("--cwd"),
                                           QStringLiteral("/home/tester/") + joined, QStringLiteral("--"), joined});
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
        }
        for (const QStringList &texts : chunks(m_table, full ? 1 : 8)) {
            const QString joined = texts.join(u'\n');
            QString failed = record({QStringLiteral("session"), QStringLiteral("search"), QStringLiteral("--results"), QStringLiteral("0"),
                                     QStringLiteral("--clicked"), QStringLiteral("docs/") + joined, QStringLiteral("--"), joined});
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
            failed = record({QStringLiteral("session"), QStringLiteral("lookup"), QStringLiteral("--anchor"), QStringLiteral("see ") + joined,
                             QStringLiteral("--dwell"), QStringLiteral("5"), QStringLiteral("--"), QStringLiteral("docs/") + joined});
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
            failed = record({QStringLiteral("session"), QStringLiteral("marker"), QStringLiteral("--"), joined});
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
        }
        qInfo("%d devzero runs recorded %lld formats in %lld ms", runs, qlonglong(m_table.size()), qlonglong(timer.elapsed()));

        // While the WAL is alive: it holds the new rows, and no secret.
        const QByteArray wal = readFile(m_lab + QStringLiteral("-wal"));
        QVERIFY2(wal.size() > 64 * 1024, qPrintable(QStringLiteral("-wal is %1 bytes").arg(wal.size())));
        QVERIFY2(wal.contains("[REDACTED:"), "the -wal holds no redacted text: the rows went elsewhere");
        QStringList found = leaks(flatten(wal));
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("in lab.sqlite-wal: ") + found.join(QStringLiteral(", "))));
        found = leaks(flatten(readFile(m_lab)));
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("in lab.sqlite: ") + found.join(QStringLiteral(", "))));

        // After a checkpoint, in the main file.
        {
            QSqlDatabase held = QSqlDatabase::database(QStringLiteral("held"));
            QSqlQuery checkpoint(held);
            QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            held.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("held"));
        const QByteArray lab = labBytesOnDisk(m_lab);
        QVERIFY(lab.contains("[REDACTED:"));
        found = leaks(flatten(lab));
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("in the lab after checkpoint: ") + found.join(QStringLiteral(", "))));
        DEVZERO_EXPECT_EXIT(m_cli->run({QStringLiteral("done")}), 0);
    }

    void snapshotRecordedTheTools()
    {
        // The fake tools ran: their (redacted) version lines are in the session.
        const CliRun show = m_cli->run({QStringLiteral("session"), QStringLiteral("show"), QString::number(m_session), QStringLiteral("--json")});
        DEVZERO_EXPECT_EXIT(show, 0);
        const int markers = int(show.stdoutText().count(QStringLiteral("[REDACTED:")));
        qInfo("session show --json: %d redaction markers, %d snapshot tools", markers, m_snapshotTools);
        QVERIFY2(show.stdoutText().contains(QStringLiteral("tool-github-classic-pat")), "the snapshot lost the fake tools");
        QVERIFY(markers > 2 * int(m_table.size()));
    }

    void noOutputHoldsASecret_data()
    {
        QTest::addColumn<QString>("output");
        for (const char *name : {"report.html", "report.md", "report.json", "report.pdf", "report.pdf as text", "report csv",
                                 "session show --json", "session show", "lab backup"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void noOutputHoldsASecret()
    {
        QFETCH(QString, output);
        if (!m_outputs)
            m_outputs = collectOutputs(*m_cli, m_dir.filePath(QStringLiteral("out")), m_session);
        const Outputs &outputs = *m_outputs;
        QVERIFY2(outputs.failure.isEmpty(), qPrintable(outputs.failure));
        if (output == u"report.pdf as text" && !outputs.flat.contains(output)) {
            if (runningInCi())
                QFAIL("pdftotext is missing: CI installs poppler-utils (packaging/install-deps.sh)");
            QSKIP("pdftotext is not installed (Debian package poppler-utils)");
        }
        QVERIFY(outputs.flat.contains(output));
        const QStringList found = leaks(outputs.flat.value(output));
        QVERIFY2(found.isEmpty(), qPrintable(output + QStringLiteral(" holds: ") + found.join(QStringLiteral(", "))));
    }

    void harnessFindsUnredactedSecrets()
    {
        // Control: a plan is authored text and is not redacted, so secrets in
        // its title and a task title reach every output. The scan must see them.
        QList<SecretExample> planted;
        for (const SecretExample &ex : m_table) {
            if (ex.format == u"github-classic-pat" || ex.format == u"stripe-live-secret-key" || ex.format == u"slack-bot-token")
                planted << ex;
        }
        QCOMPARE(planted.size(), 3);
        QString planText = QStringLiteral("# Control plan %1\n\nTools: git\n\n## Journey {#j}\n\nOutcome: %2\n\n### Task %3 {#t}\n\n"
                                          "Goal: %2\nDone when: %1\n")
                               .arg(planted.at(0).secret, planted.at(1).secret, planted.at(2).secret);
        const QString planPath = m_dir.filePath(QStringLiteral("control-plan.md"));
        QFile plan(planPath);
        QVERIFY(plan.open(QIODevice::WriteOnly));
        plan.write(planText.toUtf8());
        plan.close();
        DevzeroCli control(m_dir.filePath(QStringLiteral("home")), m_dir.filePath(QStringLiteral("control.sqlite")));
        DEVZERO_EXPECT_EXIT(control.run({QStringLiteral("plan"), QStringLiteral("import"), planPath}), 0);
        DEVZERO_EXPECT_EXIT(control.run({QStringLiteral("session"), QStringLiteral("start"), QStringLiteral("--plan"), QStringLiteral("1"),
                                         QStringLiteral("--participant"), QStringLiteral("dz-control"), QStringLiteral("--consent"),
                                         QStringLiteral("--no-snapshot")}),
                            0);
        DEVZERO_EXPECT_EXIT(control.run({QStringLiteral("task"), QStringLiteral("t")}), 0);
        DEVZERO_EXPECT_EXIT(control.run({QStringLiteral("note"), QStringLiteral("nothing secret here")}), 0);
        DEVZERO_EXPECT_EXIT(control.run({QStringLiteral("fail")}), 0);
        const QByteArray lab = flatten(labBytesOnDisk(control.lab()));
        const Outputs outputs = collectOutputs(control, m_dir.filePath(QStringLiteral("control-out")), 1);
        QVERIFY2(outputs.failure.isEmpty(), qPrintable(outputs.failure));
        QStringList blind;
        if (firstFound(lab, planted.at(0).pieces).isEmpty())
            blind << QStringLiteral("lab file");
        for (auto it = outputs.flat.cbegin(); it != outputs.flat.cend(); ++it) {
            if (it.key() == u"report.pdf")
                continue; // glyph ids in compressed streams: the text is checked through pdftotext
            bool any = false;
            for (const SecretExample &ex : planted)
                any = any || !firstFound(it.value(), ex.pieces).isEmpty();
            if (!any)
                blind << it.key();
        }
        QVERIFY2(blind.isEmpty(), qPrintable(QStringLiteral("the scan found no planted secret in: ") + blind.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestSecretsAbsent)
#include "test_secrets_absent.moc"
