// `devzero shell-hook`: a real interactive bash loads the snippet from its
// rc file, runs the command lines it is fed, and the lab then holds each
// command with its exit status, duration and folder, secrets redacted, and
// nothing from the hook's own calls. The shell needs no terminal, no tmux
// and nothing from the caller's HOME (see support_interactivebash.h): CI
// runs this from a non-interactive shell without a TTY.

#include "sessions/store/labdatabase.h"
#include "sessions/store/sessionstore.h"
#include "tests/cli/support_devzerocli.h"
#include "tests/cli/support_interactivebash.h"
#include "tests/common/testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::test;

namespace {

QList<store::CommandRow> commandsIn(const QString &labPath, qint64 sessionId)
{
    auto lab = LabDatabase::open(labPath);
    if (!lab)
        return {};
    auto rows = store::SessionStore(**lab).commands(sessionId);
    return rows ? *rows : QList<store::CommandRow>{};
}

QString describe(const QList<store::CommandRow> &rows)
{
    QStringList lines;
    for (const store::CommandRow &r : rows)
        lines << QStringLiteral("[%1] exit=%2 ms=%3 cwd=%4").arg(r.command).arg(r.exitStatus.value_or(-1)).arg(r.durationMs.value_or(-1)).arg(r.cwd);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestShellHook : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (InteractiveBash::bashPath().isEmpty()) {
            if (runningInCi())
                QFAIL("bash is not installed: CI must prove the hook with a real bash");
            QSKIP("bash is not installed");
        }
    }

    void snippetParses_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::newRow("bash") << QStringLiteral("bash");
        QTest::newRow("zsh") << QStringLiteral("zsh");
    }

    void snippetParses()
    {
        QFETCH(QString, shell);
        QTemporaryDir home;
        DevzeroCli cli(home.path(), home.filePath(QStringLiteral("it's a lab/lab.sqlite")));
        const CliRun run = cli.run({QStringLiteral("shell-hook"), shell});
        DEVZERO_EXPECT_EXIT(run, 0);
        // The lab given with --lab is baked in, quoted for the shell.
        QVERIFY2(run.stdoutText().contains(QStringLiteral("__devzero_lab='%1/it'\\''s a lab/lab.sqlite'").arg(home.path())), qPrintable(run.stdoutText()));
        if (QStandardPaths::findExecutable(shell).isEmpty())
            QSKIP("this shell is not installed: only the text was checked");
        QProcess check;
        check.start(shell, {QStringLiteral("-n")});
        check.write(run.out);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(10000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
    }

    void withoutLabTheHookReadsDevzeroLab()
    {
        QTemporaryDir home;
        DevzeroCli cli(home.path(), {});
        const CliRun run = cli.run({QStringLiteral("shell-hook"), QStringLiteral("bash")});
        DEVZERO_EXPECT_EXIT(run, 0);
        QVERIFY(run.stdoutText().contains(QStringLiteral("__devzero_lab=''\n")));
        QVERIFY(run.stdoutText().contains(QStringLiteral("${DEVZERO_LAB:-}")));
        QVERIFY(run.stdoutText().contains(QStringLiteral("__devzero_bin='%1'").arg(QFileInfo(devzeroExecutable()).canonicalFilePath()))
                || run.stdoutText().contains(QStringLiteral("__devzero_bin='%1'").arg(QFileInfo(devzeroExecutable()).absoluteFilePath())));
    }

    void badArgumentsAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no shell") << QStringList{} << QStringLiteral("shell-hook needs one shell: bash or zsh");
        QTest::newRow("fish") << QStringList{QStringLiteral("fish")} << QStringLiteral("shell-hook supports bash and zsh, not \"fish\"");
        QTest::newRow("two shells") << QStringList{QStringLiteral("bash"), QStringLiteral("zsh")} << QStringLiteral("shell-hook needs one shell");
    }

    void badArgumentsAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir home;
        DevzeroCli cli(home.path(), {});
        const CliRun run = cli.run(QStringList{QStringLiteral("shell-hook")} + args);
        DEVZERO_EXPECT_EXIT(run, 2);
        QVERIFY2(run.stderrText().contains(message), qPrintable(run.describe()));
        QVERIFY(run.out.isEmpty());
    }

    // The lab reached through DEVZERO_LAB, or baked into the snippet with
    // --lab (a path with a quote and a space, to prove the quoting).
    void recordsARealBashSession_data()
    {
        QTest::addColumn<bool>("baked");
        QTest::newRow("DEVZERO_LAB") << false;
        QTest::newRow("--lab baked in") << true;
    }

    void recordsARealBashSession()
    {
        QFETCH(bool, baked);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString home = dir.filePath(QStringLiteral("home"));
        const QString work = home + QStringLiteral("/work dir");
        const QString labPath = dir.filePath(baked ? QStringLiteral("it's a lab/lab.sqlite") : QStringLiteral("lab.sqlite"));
        QVERIFY(QDir().mkpath(home) && QDir().mkpath(work) && QDir().mkpath(QFileInfo(labPath).path()));
        DevzeroCli cli(home, labPath);
        QString failure;
        const qint64 sessionId = startFixtureSession(cli, &failure);
        QVERIFY2(sessionId > 0, qPrintable(failure));
        DEVZERO_EXPECT_EXIT(cli.run({QStringLiteral("task"), QStringLiteral("1.1")}), 0);

        // The hook goes where a tester puts it: in the shell's rc file.
        const QString binDir = QFileInfo(devzeroExecutable()).absolutePath();
        QProcessEnvironment environment = hookShellEnvironment(home, binDir);
        if (!baked)
            environment.insert(QStringLiteral("DEVZERO_LAB"), labPath);
        const QString quotedLab = shellQuoted(labPath);
        const QByteArray rc = baked ? QStringLiteral("eval \"$(devzero --lab %1 shell-hook bash)\"\n").arg(quotedLab).toUtf8()
                                    : QByteArrayLiteral("eval \"$(devzero shell-hook bash)\"\n");
        InteractiveBash shell(home, environment, rc);
        QString error;
        QVERIFY2(shell.start(home, &error), qPrintable(error));
        const QString secret = fakeSecret(QString(), 24);

        // Each command is typed, then the test waits until the lab holds it:
        // the hook records in the background, so order is kept by waiting.
        int expected = 0;
        const auto typeAndWait = [&](const QStringList &lines) {
            for (const QString &line : lines) {
                if (!shell.type(line))
                    return false;
            }
            ++expected;
            QElapsedTimer timer;
            timer.start();
            while (timer.elapsed() < 20000) {
                if (commandsIn(labPath, sessionId).size() >= expected)
                    return true;
                QTest::qWait(50);
            }
            qWarning().noquote() << "shell:\n" << shell.transcript() << "\nrecorded:\n" << describe(commandsIn(labPath, sessionId));
            return false;
        };
        QVERIFY(typeAndWait({QStringLiteral("cd 'work dir'")}));
        QVERIFY(typeAndWait({QStringLiteral("sh -c \"exit 3\"")}));
        QVERIFY(typeAndWait({QStringLiteral("export API_TOKEN=") + secret}));
        QVERIFY(typeAndWait({QStringLiteral("echo \"it's \\\"quoted\\\"\" | tr a-z A-Z")}));
        QVERIFY(typeAndWait({QStringLiteral("echo 'grüße, 日本 ✓'")}));
        QVERIFY(typeAndWait({QStringLiteral("sleep 0.3")}));
        // The tester's own devzero commands are devzero's business, not shell
        // commands (also behind a variable assignment).
        if (baked)
            QVERIFY(shell.type(QStringLiteral("devzero --lab %1 mark 'from the terminal'").arg(quotedLab)));
        else
            QVERIFY(shell.type(QStringLiteral("QT_LOGGING_RULES='*=false' devzero mark 'from the terminal'")));
        QVERIFY(typeAndWait({QStringLiteral("for i in 1 2; do"), QStringLiteral("echo \"$i\""), QStringLiteral("done")}));
        QVERIFY(typeAndWait({QStringLiteral("printf '%s\\n' 'first"), QStringLiteral("second'")}));
        QVERIFY2(shell.exit(), qPrintable(shell.transcript()));
        QTest::qWait(300); // a stray late record would show up now

        const QList<store::CommandRow> rows = commandsIn(labPath, sessionId);
        const QString got = describe(rows);
        QCOMPARE(rows.size(), expected);
        const QString workPath = QFileInfo(work).canonicalFilePath();
        struct Expected { QString text; int exit; QString cwd; };
        const QList<Expected> want = {
            {QStringLiteral("cd 'work dir'"), 0, QFileInfo(home).canonicalFilePath()},
            {QStringLiteral("sh -c \"exit 3\""), 3, workPath},
            {QStringLiteral("export API_TOKEN=[REDACTED:"), 0, workPath},
            {QStringLiteral("echo \"it's \\\"quoted\\\"\" | tr a-z A-Z"), 0, workPath},
            {QStringLiteral("echo 'grüße, 日本 ✓'"), 0, workPath},
            {QStringLiteral("sleep 0.3"), 0, workPath},
            {QStringLiteral("for i in 1 2; do echo \"$i\"; done"), 0, workPath},
            {QStringLiteral("printf '%s\\n' 'first\nsecond'"), 0, workPath},
        };
        QCOMPARE(rows.size(), want.size());
        for (int i = 0; i < want.size(); ++i) {
            const store::CommandRow &row = rows.at(i);
            if (want.at(i).text.endsWith(QStringLiteral("[REDACTED:")))
                QVERIFY2(row.command.startsWith(want.at(i).text), qPrintable(got));
            else
                QVERIFY2(row.command == want.at(i).text, qPrintable(got));
            QVERIFY2(row.exitStatus == want.at(i).exit, qPrintable(got));
            QVERIFY2(row.cwd == want.at(i).cwd, qPrintable(got));
            QVERIFY2(row.durationMs && *row.durationMs >= 0 && *row.durationMs < 10000, qPrintable(got));
            QVERIFY2(row.attemptId.has_value(), qPrintable(got));
            QVERIFY2(!row.command.contains(QStringLiteral("devzero")), qPrintable(got));
        }
        QVERIFY2(*rows.at(5).durationMs >= 300, qPrintable(got));
        QVERIFY2(!labBytesOnDisk(labPath).contains(secret.toUtf8()), "the secret reached the lab file");

        // The marker typed in the terminal went through devzero itself.
        auto lab = LabDatabase::open(labPath);
        QVERIFY(lab.ok());
        auto events = store::SessionStore(**lab).events(sessionId);
        QVERIFY(events.ok());
        QVERIFY(std::any_of(events->cbegin(), events->cend(), [](const store::EventRow &e) {
            return e.kind == QLatin1String("marker") && e.payload.value(QStringLiteral("text")).toString() == QLatin1String("from the terminal");
        }));
    }
};

QTEST_GUILESS_MAIN(TestShellHook)
#include "test_shell_hook.moc"
