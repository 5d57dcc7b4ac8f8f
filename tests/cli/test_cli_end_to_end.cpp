// The command line end to end, through the real `devzero` executable: help
// and version, plan checking and import, a whole scripted session read back
// with `session show --json`, the lab chosen by DEVZERO_LAB, and the JSON
// every `--json` command prints. Bad input is in test_cli_bad_input.cpp.

#include "tests/cli/support_devzerocli.h"
#include "tests/common/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace devzero::test;

namespace {

QString s(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

QStringList args(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *w : words)
        list << s(w);
    return list;
}

// Counts rows with QtSql on its own connection, closed before returning.
qint64 countRows(const QString &labPath, const QString &table)
{
    const QString name = QStringLiteral("count-") + table;
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(labPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && q.next())
                count = q.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

} // namespace

class CliEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void helpAndVersionExitZero_data();
    void helpAndVersionExitZero();
    void unknownCommandIsAUsageError();

    void checksEveryShippedPlan_data();
    void checksEveryShippedPlan();
    void checksAllShippedPlansInOneRun();
    void reportsEveryErrorOfABrokenPlanWithItsLine();
    void reportsAMissingPlanFile();
    void importingTheSamePlanTwiceKeepsOne();

    void startWithoutConsentStoresNothing();
    void sessionStartJsonIsOneDocument();
    void scriptedSessionIsReadBackWithSecretsRedacted();
    void labComesFromTheEnvironment();

    void jsonOutputsParse_data();
    void jsonOutputsParse();

private:
    QString labPath() const { return m_dir->filePath(QStringLiteral("lab.sqlite")); }
    DevzeroCli &cli() { return *m_cli; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DevzeroCli> m_cli;
};

void CliEndToEnd::init()
{
    QVERIFY2(QFile::exists(devzeroExecutable()), qPrintable(devzeroExecutable() + QStringLiteral(" is not built")));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QDir(m_dir->path()).mkpath(QStringLiteral("home"));
    m_cli = std::make_unique<DevzeroCli>(m_dir->filePath(QStringLiteral("home")), labPath());
}

void CliEndToEnd::cleanup()
{
    m_cli.reset();
    m_dir.reset();
}

void CliEndToEnd::helpAndVersionExitZero_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedOut");
    const QString version = QStringLiteral("devzero ") + QStringLiteral(DEVZERO_VERSION) + QLatin1Char('\n');
    QTest::newRow("--version") << args({"--version"}) << version;
    QTest::newRow("-v") << args({"-v"}) << version;
    QTest::newRow("--help") << args({"--help"}) << s("Exit codes: 0 ok, 1 the command failed, 2 wrong arguments");
    QTest::newRow("-h") << args({"-h"}) << s("Usage: devzero");
    QTest::newRow("help") << args({"help"}) << s("plan check FILE");
    QTest::newRow("plan --help") << args({"plan", "--help"}) << s("devzero plan check FILE");
    QTest::newRow("session --help") << args({"session", "--help"}) << s("missing-prerequisite");
    QTest::newRow("lab --help") << args({"lab", "--help"}) << s("devzero lab check");
}

void CliEndToEnd::helpAndVersionExitZero()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedOut);
    const CliRun run = cli().run(arguments);
    DEVZERO_EXPECT_EXIT(run, 0);
    if (expectedOut.endsWith(QLatin1Char('\n')))
        QCOMPARE(run.stdoutText(), expectedOut);
    else
        QVERIFY2(run.stdoutText().contains(expectedOut), qPrintable(run.describe()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(!QFile::exists(labPath()), "help and version must not create a lab");
}

void CliEndToEnd::unknownCommandIsAUsageError()
{
    const CliRun run = cli().run(args({"frobnicate", "now"}));
    DEVZERO_EXPECT_EXIT(run, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(!run.stderrLines().isEmpty(), qPrintable(run.describe()));
    QCOMPARE(run.stderrLines().size(), 1);
    QVERIFY2(run.stderrLines().first().startsWith(QStringLiteral("devzero: unknown command \"frobnicate\"")), qPrintable(run.describe()));
    QVERIFY(!QFile::exists(labPath()));
}

void CliEndToEnd::checksEveryShippedPlan_data()
{
    QTest::addColumn<QString>("file");
    const QDir plans(sourceDir() + QStringLiteral("/resources/plans"));
    const QStringList files = plans.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 2, "resources/plans must ship at least two plans");
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << plans.filePath(f);
}

void CliEndToEnd::checksEveryShippedPlan()
{
    QFETCH(QString, file);
    const CliRun run = cli().run({QStringLiteral("plan"), QStringLiteral("check"), file});
    DEVZERO_EXPECT_EXIT(run, 0);
    QVERIFY2(run.stdoutText().startsWith(file + QStringLiteral(": ok: ")), qPrintable(run.describe()));
}

void CliEndToEnd::checksAllShippedPlansInOneRun()
{
    // What the README tells a platform team to type: `devzero plan check resources/plans/*.md`.
    const QDir plans(sourceDir() + QStringLiteral("/resources/plans"));
    QStringList arguments{QStringLiteral("plan"), QStringLiteral("check")};
    for (const QString &f : plans.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
        arguments << plans.filePath(f);
    const CliRun run = cli().run(arguments);
    DEVZERO_EXPECT_EXIT(run, 0);
    QCOMPARE(run.stdoutText().count(QStringLiteral(": ok: ")), arguments.size() - 2);
}

void CliEndToEnd::reportsEveryErrorOfABrokenPlanWithItsLine()
{
    const QString file = fixturePath(QStringLiteral("cli/broken-plan.md"));
    const CliRun run = cli().run({QStringLiteral("plan"), QStringLiteral("check"), file});
    DEVZERO_EXPECT_EXIT(run, 1);
    // The fixture's mistakes, by construction: the orphan task heading on
    // line 3, the task without "Done when:" on line 12, the budget value
    // after "Budget: " on line 20, the empty journey on line 22.
    const QList<std::pair<QString, QString>> expected = {
        {QStringLiteral(":3:1: error: "), QStringLiteral("before any journey")},
        {QStringLiteral(":12:1: error: "), QStringLiteral("Done when")},
        {QStringLiteral(":20:9: error: "), QStringLiteral("forever")},
        {QStringLiteral(":22:1: error: "), QStringLiteral("no tasks")},
    };
    QStringList errorLines;
    for (const QString &line : run.stderrLines()) {
        if (line.contains(QStringLiteral(": error: ")))
            errorLines << line;
    }
    QCOMPARE(errorLines.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        const QString &line = errorLines.at(i);
        QVERIFY2(line.startsWith(file + expected.at(i).first), qPrintable(line));
        QVERIFY2(line.contains(expected.at(i).second), qPrintable(line));
    }
    QVERIFY2(run.stderrText().contains(file + QStringLiteral(": 4 error(s)")), qPrintable(run.describe()));
    QVERIFY(!QFile::exists(labPath()));

    // Importing it stores nothing.
    const CliRun import = cli().run({QStringLiteral("plan"), QStringLiteral("import"), file});
    DEVZERO_EXPECT_EXIT(import, 1);
    QVERIFY2(import.stderrText().contains(QStringLiteral("nothing was imported")), qPrintable(import.describe()));
}

void CliEndToEnd::reportsAMissingPlanFile()
{
    const QString file = m_dir->filePath(QStringLiteral("no-such-plan.md"));
    const CliRun run = cli().run({QStringLiteral("plan"), QStringLiteral("check"), file});
    DEVZERO_EXPECT_EXIT(run, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.stderrLines().size() >= 1, qPrintable(run.describe()));
    const QString first = run.stderrLines().first();
    QVERIFY2(first.startsWith(file) && first.contains(QStringLiteral("error")) && first.contains(QStringLiteral("cannot read")),
             qPrintable(run.describe()));

    const CliRun start = cli().run({QStringLiteral("session"), QStringLiteral("start"), QStringLiteral("--plan"), file,
                                    QStringLiteral("--participant"), QStringLiteral("dz"), QStringLiteral("--consent")});
    DEVZERO_EXPECT_EXIT(start, 1);
    QVERIFY2(start.stderrText().contains(file), qPrintable(start.describe()));
}

void CliEndToEnd::importingTheSamePlanTwiceKeepsOne()
{
    const QString plan = fixturePlanPath();
    const CliRun first = cli().run({QStringLiteral("--json"), QStringLiteral("plan"), QStringLiteral("import"), plan});
    DEVZERO_EXPECT_EXIT(first, 0);
    const QJsonObject a = first.json().object();
    QCOMPARE(a.value(QStringLiteral("already_present")).toBool(true), false);
    QVERIFY(a.value(QStringLiteral("plan_id")).toInteger() > 0);
    QCOMPARE(a.value(QStringLiteral("title")).toString(), QStringLiteral("Onboarding onto Quillstack"));

    const CliRun second = cli().run({QStringLiteral("plan"), QStringLiteral("import"), plan});
    DEVZERO_EXPECT_EXIT(second, 0);
    QVERIFY2(second.stdoutText().contains(QStringLiteral("already in the lab")), qPrintable(second.describe()));

    const CliRun third = cli().run({QStringLiteral("plan"), QStringLiteral("import"), plan, QStringLiteral("--json")});
    DEVZERO_EXPECT_EXIT(third, 0);
    QCOMPARE(third.json().object().value(QStringLiteral("already_present")).toBool(false), true);
    QCOMPARE(third.json().object().value(QStringLiteral("plan_id")).toInteger(), a.value(QStringLiteral("plan_id")).toInteger());

    const CliRun list = cli().run(args({"plan", "list", "--json"}));
    DEVZERO_EXPECT_EXIT(list, 0);
    const QJsonArray plans = list.json().array();
    QCOMPARE(plans.size(), 1);
    QCOMPARE(plans.at(0)[QStringLiteral("tasks")].toInt(), 3);
    QCOMPARE(plans.at(0)[QStringLiteral("journeys")].toInt(), 2);
    QCOMPARE(countRows(labPath(), QStringLiteral("tasks")), 3);
}

void CliEndToEnd::startWithoutConsentStoresNothing()
{
    DEVZERO_EXPECT_EXIT(cli().run({QStringLiteral("plan"), QStringLiteral("import"), fixturePlanPath()}), 0);
    const CliRun run = cli().run({QStringLiteral("session"), QStringLiteral("start"), QStringLiteral("--plan"), fixturePlanPath(),
                                  QStringLiteral("--participant"), QStringLiteral("dz-07"), QStringLiteral("--no-snapshot")});
    DEVZERO_EXPECT_EXIT(run, 1);
    QCOMPARE(run.stderrLines().size(), 1);
    QVERIFY2(run.stderrText().contains(QStringLiteral("--consent")), qPrintable(run.describe()));

    const CliRun list = cli().run(args({"session", "list", "--json"}));
    DEVZERO_EXPECT_EXIT(list, 0);
    QCOMPARE(list.json().array().size(), 0);
    QCOMPARE(countRows(labPath(), QStringLiteral("sessions")), 0);
    QCOMPARE(countRows(labPath(), QStringLiteral("participants")), 0);
    QCOMPARE(countRows(labPath(), QStringLiteral("events")), 0);
    // Nothing became the current session either.
    DEVZERO_EXPECT_EXIT(cli().run(args({"note", "should not land anywhere"})), 4);
}

void CliEndToEnd::sessionStartJsonIsOneDocument()
{
    const CliRun import = cli().run({QStringLiteral("plan"), QStringLiteral("import"), fixturePlanPath(), QStringLiteral("--json")});
    DEVZERO_EXPECT_EXIT(import, 0);
    const QString planId = QString::number(import.json().object().value(QStringLiteral("plan_id")).toInteger());
    QCOMPARE(planId, QStringLiteral("1"));

    const QStringList start = {QStringLiteral("session"), QStringLiteral("start"), QStringLiteral("--participant"), QStringLiteral("dz-02"),
                               QStringLiteral("--consent"), QStringLiteral("--no-snapshot"), QStringLiteral("--json"), QStringLiteral("--plan")};
    const CliRun byId = cli().run(start + QStringList{planId});
    DEVZERO_EXPECT_EXIT(byId, 0);
    bool parsed = false;
    QCOMPARE(byId.json(&parsed).object().value(QStringLiteral("session_id")).toInteger(), 1);
    QVERIFY(parsed);

    // A script that passes the plan file gets one JSON document: the session's.
    const CliRun byFile = cli().run(start + QStringList{fixturePlanPath()});
    DEVZERO_EXPECT_EXIT(byFile, 0);
    const QJsonObject started = byFile.json(&parsed).object();
    QVERIFY2(parsed, qPrintable(byFile.describe()));
    QCOMPARE(started.value(QStringLiteral("session_id")).toInteger(), 2);
}

// The "Done when" of the foundation issue: a whole session through the CLI,
// then read back as JSON.
void CliEndToEnd::scriptedSessionIsReadBackWithSecretsRedacted()
{
    const QString bearer = fakeSecret(QStringLiteral("qs1."), 48);
    const QString githubToken = fakeSecret(QStringLiteral("ghp_"), 36);
    const QString noteToken = fakeSecret(QStringLiteral("ghp_"), 36);
    const QString curl = QStringLiteral("curl -H \"Authorization: Bearer %1\" https://api.quillstack.test/v1/account").arg(bearer);
    const QString exportLine = QStringLiteral("export GITHUB_TOKEN=%1").arg(githubToken);

    QString failure;
    const qint64 id = startFixtureSession(cli(), &failure);
    QVERIFY2(id > 0, qPrintable(failure));
    const QString sessionId = QString::number(id);

    const QList<QStringList> firstTask = {
        args({"session", "task", "start", "1.1"}),
        args({"session", "note", "The token page never says where the token comes from", "--severity", "3", "--category",
              "missing-prerequisite", "--page", "guides/tokens.md", "--anchor", "create-a-token"}),
        {QStringLiteral("note"), QStringLiteral("pasted %1 into the wrong box").arg(noteToken), QStringLiteral("-c"), QStringLiteral("other")},
        args({"session", "lookup", "guides/tokens.md", "--anchor", "create-a-token", "--dwell", "42.5"}),
        args({"session", "search", "webhook signing secret", "--results", "0"}),
        args({"session", "search", "api token", "--results", "3", "--clicked", "guides/tokens.md"}),
        {QStringLiteral("session"), QStringLiteral("command"), curl, QStringLiteral("--exit"), QStringLiteral("22"),
         QStringLiteral("--duration-ms"), QStringLiteral("340"), QStringLiteral("--cwd"), QStringLiteral("/home/dz/quill")},
        {QStringLiteral("session"), QStringLiteral("command"), exportLine, QStringLiteral("--exit"), QStringLiteral("0")},
        args({"done", "--seq", "6"}),
        args({"session", "task", "start", "1.2"}),
        args({"pause"}),
    };
    for (const QStringList &step : firstTask)
        DEVZERO_EXPECT_EXIT(cli().run(step), 0);
    QThread::msleep(400); // a pause long enough to see it excluded from active time
    for (const QStringList &step : {args({"resume"}), args({"fail"}), args({"seq", "3"}),
                                    args({"session", "sus", "4", "2", "5", "1", "4", "2", "5", "1", "3", "2"}),
                                    args({"session", "end"})})
        DEVZERO_EXPECT_EXIT(cli().run(step), 0);

    const CliRun show = cli().run({QStringLiteral("session"), QStringLiteral("show"), sessionId, QStringLiteral("--json")});
    DEVZERO_EXPECT_EXIT(show, 0);
    bool parsed = false;
    const QJsonObject r = show.json(&parsed).object();
    QVERIFY2(parsed, qPrintable(show.describe()));
    QCOMPARE(r[QStringLiteral("id")].toInteger(), id);
    QCOMPARE(r[QStringLiteral("state")].toString(), QStringLiteral("ended"));
    QCOMPARE(r[QStringLiteral("participant")][QStringLiteral("pseudonym")].toString(), QStringLiteral("dz-01"));
    QVERIFY(r[QStringLiteral("ended_at_ms")].isDouble());

    // Tasks: outcomes, SEQ, active time without the pause.
    const QJsonArray tasks = r[QStringLiteral("tasks")].toArray();
    QCOMPARE(tasks.size(), 2);
    const QJsonObject t1 = tasks.at(0).toObject();
    const QJsonObject t2 = tasks.at(1).toObject();
    QCOMPARE(t1[QStringLiteral("number")].toString(), QStringLiteral("1.1"));
    QCOMPARE(t1[QStringLiteral("task")].toString(), QStringLiteral("api-token"));
    QCOMPARE(t1[QStringLiteral("outcome")].toString(), QStringLiteral("success"));
    QCOMPARE(t1[QStringLiteral("seq")].toInt(), 6);
    QCOMPARE(t2[QStringLiteral("number")].toString(), QStringLiteral("1.2"));
    QCOMPARE(t2[QStringLiteral("outcome")].toString(), QStringLiteral("failure"));
    QCOMPARE(t2[QStringLiteral("seq")].toInt(), 3);
    for (const QJsonObject &t : {t1, t2}) {
        QVERIFY2(t[QStringLiteral("active_ms")].isDouble() && t[QStringLiteral("active_ms")].toInteger() >= 0,
                 "every ended task has its active time");
        QVERIFY(t[QStringLiteral("ended_at_ms")].toInteger() >= t[QStringLiteral("started_at_ms")].toInteger());
    }
    const qint64 pausedMs = t2[QStringLiteral("paused_ms")].toInteger();
    QVERIFY2(pausedMs >= 400, qPrintable(QStringLiteral("paused_ms %1").arg(pausedMs)));
    const qint64 elapsed2 = t2[QStringLiteral("ended_at_ms")].toInteger() - t2[QStringLiteral("started_at_ms")].toInteger();
    QVERIFY2(t2[QStringLiteral("active_ms")].toInteger() <= elapsed2 - pausedMs + 2,
             qPrintable(QStringLiteral("active %1 ms, elapsed %2 ms, paused %3 ms").arg(t2[QStringLiteral("active_ms")].toInteger()).arg(elapsed2).arg(pausedMs)));

    // Notes, lookups, searches, commands, SUS.
    const QJsonArray notes = r[QStringLiteral("notes")].toArray();
    QCOMPARE(notes.size(), 2);
    const QJsonObject n1 = notes.at(0).toObject();
    QCOMPARE(n1[QStringLiteral("severity")].toInt(), 3);
    QCOMPARE(n1[QStringLiteral("category")].toString(), QStringLiteral("missing-prerequisite"));
    QCOMPARE(n1[QStringLiteral("page")].toString(), QStringLiteral("guides/tokens.md"));
    QCOMPARE(n1[QStringLiteral("anchor")].toString(), QStringLiteral("create-a-token"));
    QCOMPARE(n1[QStringLiteral("attempt_id")].toInteger(), t1[QStringLiteral("id")].toInteger());
    const QJsonObject n2 = notes.at(1).toObject();
    QCOMPARE(n2[QStringLiteral("severity")].toInt(), 2); // the default
    QVERIFY2(n2[QStringLiteral("text")].toString().startsWith(QStringLiteral("pasted [REDACTED:")), qPrintable(n2[QStringLiteral("text")].toString()));
    QVERIFY(n2[QStringLiteral("page")].isNull());

    const QJsonArray lookups = r[QStringLiteral("lookups")].toArray();
    QCOMPARE(lookups.size(), 1);
    QCOMPARE(lookups.at(0)[QStringLiteral("page")].toString(), QStringLiteral("guides/tokens.md"));
    QCOMPARE(lookups.at(0)[QStringLiteral("anchor")].toString(), QStringLiteral("create-a-token"));
    QCOMPARE(lookups.at(0)[QStringLiteral("dwell_ms")].toInteger(), 42500);

    const QJsonArray searches = r[QStringLiteral("searches")].toArray();
    QCOMPARE(searches.size(), 2);
    QCOMPARE(searches.at(0)[QStringLiteral("query")].toString(), QStringLiteral("webhook signing secret"));
    QCOMPARE(searches.at(0)[QStringLiteral("result_count")].toInt(-1), 0);
    QVERIFY(searches.at(0)[QStringLiteral("clicked_page")].isNull());
    QCOMPARE(searches.at(1)[QStringLiteral("result_count")].toInt(), 3);
    QCOMPARE(searches.at(1)[QStringLiteral("clicked_page")].toString(), QStringLiteral("guides/tokens.md"));

    const QJsonArray commands = r[QStringLiteral("commands")].toArray();
    QCOMPARE(commands.size(), 2);
    const QString storedCurl = commands.at(0)[QStringLiteral("command")].toString();
    QVERIFY2(storedCurl.startsWith(QStringLiteral("curl -H \"Authorization: Bearer [REDACTED:")), qPrintable(storedCurl));
    QVERIFY2(storedCurl.endsWith(QStringLiteral("\" https://api.quillstack.test/v1/account")), qPrintable(storedCurl));
    QCOMPARE(commands.at(0)[QStringLiteral("exit_status")].toInt(-1), 22);
    QCOMPARE(commands.at(0)[QStringLiteral("duration_ms")].toInt(), 340);
    QCOMPARE(commands.at(0)[QStringLiteral("cwd")].toString(), QStringLiteral("/home/dz/quill"));
    const QString storedExport = commands.at(1)[QStringLiteral("command")].toString();
    QVERIFY2(storedExport.startsWith(QStringLiteral("export GITHUB_TOKEN=[REDACTED:")), qPrintable(storedExport));
    QCOMPARE(commands.at(1)[QStringLiteral("exit_status")].toInt(-1), 0);

    const QJsonArray sus = r[QStringLiteral("sus")].toArray();
    QCOMPARE(sus.size(), 10);
    const QList<int> expectedSus = {4, 2, 5, 1, 4, 2, 5, 1, 3, 2};
    for (int i = 0; i < 10; ++i)
        QCOMPARE(sus.at(i).toInt(), expectedSus.at(i));

    // The timeline: every step above, in order, numbered without holes,
    // with clocks that never run backwards.
    const QStringList expectedKinds = {
        s("session_start"), s("task_start"), s("note"), s("note"), s("lookup"), s("search_empty"), s("search"),
        s("command"), s("command"), s("task_end"), s("seq"), s("task_start"), s("pause"), s("resume"),
        s("task_end"), s("seq"), s("sus"), s("session_end")};
    const QJsonArray events = r[QStringLiteral("events")].toArray();
    QStringList kinds;
    for (const QJsonValue &e : events)
        kinds << e[QStringLiteral("kind")].toString();
    QCOMPARE(kinds, expectedKinds);
    qint64 lastWall = r[QStringLiteral("started_at_ms")].toInteger();
    qint64 lastMono = 0;
    for (int i = 0; i < events.size(); ++i) {
        const QJsonObject e = events.at(i).toObject();
        QCOMPARE(e[QStringLiteral("ordinal")].toInteger(), qint64(i + 1));
        const qint64 wall = e[QStringLiteral("wall_ms")].toInteger();
        const qint64 mono = e[QStringLiteral("mono_ns")].toInteger();
        QVERIFY2(wall >= lastWall, qPrintable(QStringLiteral("event %1: wall_ms went back").arg(i + 1)));
        QVERIFY2(mono >= lastMono, qPrintable(QStringLiteral("event %1: mono_ns went back").arg(i + 1)));
        lastWall = wall;
        lastMono = mono;
    }
    QVERIFY2(lastMono >= 400'000'000, "the session lasted at least the pause");

    // The secrets are nowhere: not in the JSON, not in the text view, not on disk.
    const CliRun text = cli().run({QStringLiteral("session"), QStringLiteral("show"), sessionId});
    DEVZERO_EXPECT_EXIT(text, 0);
    QVERIFY2(text.stdoutText().contains(QStringLiteral("[REDACTED:")), qPrintable(text.describe()));
    const QByteArray onDisk = labBytesOnDisk(labPath());
    QVERIFY2(onDisk.contains("export GITHUB_TOKEN=[REDACTED:"), "the stored commands are readable in the lab bytes");
    for (const QString &secret : {bearer, githubToken, noteToken}) {
        QVERIFY2(!show.stdoutText().contains(secret), "a secret reached session show --json");
        QVERIFY2(!text.stdoutText().contains(secret), "a secret reached session show");
        QVERIFY2(!onDisk.contains(secret.toUtf8()), "a secret reached the lab file");
    }
}

void CliEndToEnd::labComesFromTheEnvironment()
{
    const QString envLab = m_dir->filePath(QStringLiteral("from-env/lab.sqlite"));
    DevzeroCli envCli(m_dir->filePath(QStringLiteral("home")), QString());
    envCli.environment().insert(QStringLiteral("DEVZERO_LAB"), envLab);

    const CliRun path = envCli.run(args({"lab", "path"}));
    DEVZERO_EXPECT_EXIT(path, 0);
    QCOMPARE(path.stdoutText().trimmed(), envLab);

    QString failure;
    QVERIFY2(startFixtureSession(envCli, &failure) > 0, qPrintable(failure));
    DEVZERO_EXPECT_EXIT(envCli.run(args({"note", "recorded into the lab DEVZERO_LAB names"})), 0);
    QVERIFY(QFile::exists(envLab));
    QVERIFY2(!QFile::exists(labPath()), "no --lab given: the test's default lab must stay untouched");
    QVERIFY2(!QDir(m_dir->filePath(QStringLiteral("home/data"))).exists(), "DEVZERO_LAB set: the user's data dir must stay untouched");

    // The same lab read with --lab sees the session and its note.
    const CliRun list = DevzeroCli(m_dir->filePath(QStringLiteral("home")), envLab).run(args({"session", "list", "--json"}));
    DEVZERO_EXPECT_EXIT(list, 0);
    QCOMPARE(list.json().array().size(), 1);
    QCOMPARE(list.json().array().at(0)[QStringLiteral("notes")].toInt(), 1);

    // --lab wins over DEVZERO_LAB: the missing lab it names is reported
    // (listing never creates a lab), not the one DEVZERO_LAB names.
    DevzeroCli both = envCli;
    both.setLab(labPath());
    const CliRun other = both.run(args({"session", "list", "--json"}));
    DEVZERO_EXPECT_EXIT(other, 3);
    QVERIFY2(other.stderrText().contains(labPath()) && other.stderrText().contains(QStringLiteral("no lab at this path")),
             qPrintable(other.describe()));
    QVERIFY(!QFile::exists(labPath()));
}

void CliEndToEnd::jsonOutputsParse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("isArray");
    QTest::addColumn<QString>("key");   // a key that must be in the object, or in the array's first item
    QTest::addColumn<QString>("value"); // its value as text, or "" for "any"

    const QString plan = fixturePlanPath();
    QTest::newRow("session list") << args({"session", "list", "--json"}) << true << s("uuid") << s("");
    QTest::newRow("session show (current)") << args({"--json", "session", "show"}) << false << s("schema") << s("devzero.session/1");
    QTest::newRow("session show 1") << args({"session", "show", "1", "--json"}) << false << s("state") << s("running");
    QTest::newRow("session status") << args({"session", "status", "--json"}) << false << s("state") << s("running");
    QTest::newRow("status (short)") << args({"status", "--json"}) << false << s("task_in_progress") << s("");
    QTest::newRow("plan list") << args({"--json", "plan", "list"}) << true << s("title") << s("Onboarding onto Quillstack");
    QTest::newRow("plan show 1") << args({"plan", "show", "1", "--json"}) << false << s("tasks") << s("");
    QTest::newRow("plan check") << QStringList{QStringLiteral("--json"), QStringLiteral("plan"), QStringLiteral("check"), plan}
                                << true << s("ok") << s("true");
    QTest::newRow("lab check") << args({"lab", "check", "--json"}) << false << s("ok") << s("true");
    QTest::newRow("note") << args({"note", "json please", "--json"}) << false << s("recorded") << s("noted");
    QTest::newRow("error as json") << args({"session", "show", "999", "--json"}) << false << s("exit_code") << s("4");
}

void CliEndToEnd::jsonOutputsParse()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, isArray);
    QFETCH(QString, key);
    QFETCH(QString, value);

    QString failure;
    QVERIFY2(startFixtureSession(cli(), &failure) > 0, qPrintable(failure));
    DEVZERO_EXPECT_EXIT(cli().run(args({"task", "1.1"})), 0);

    const CliRun run = cli().run(arguments);
    const bool expectError = key == QLatin1String("exit_code");
    DEVZERO_EXPECT_EXIT(run, expectError ? value.toInt() : 0);
    bool parsed = false;
    const QJsonDocument doc = run.json(&parsed);
    QVERIFY2(parsed, qPrintable(run.describe()));
    QCOMPARE(doc.isArray(), isArray);
    QJsonObject object = doc.object();
    if (isArray) {
        QVERIFY2(!doc.array().isEmpty(), qPrintable(run.describe()));
        object = doc.array().first().toObject();
    }
    QVERIFY2(object.contains(key), qPrintable(run.describe()));
    if (!value.isEmpty()) {
        const QJsonValue v = object.value(key);
        const QString text = v.isBool() ? (v.toBool() ? s("true") : s("false"))
            : v.isDouble()              ? QString::number(v.toInteger())
                                        : v.toString();
        QCOMPARE(text, value);
    }
}

QTEST_GUILESS_MAIN(CliEndToEnd)
#include "test_cli_end_to_end.moc"
