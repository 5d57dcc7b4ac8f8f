// Bad input through the real `devzero` executable: every refusal exits with
// the documented code, says what is wrong on stderr, and records nothing.
// Labs that cannot be opened (a folder, garbage, damage, a newer schema) are
// refused with exit 3 and left byte for byte as they were.

#include "tests/cli/support_devzerocli.h"
#include "tests/common/testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace devzero::test;

namespace {

QStringList args(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *w : words)
        list << QString::fromLatin1(w);
    return list;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// A valid SQLite database that claims a schema from the future.
bool writeFutureLab(const QString &path)
{
    const QString name = QStringLiteral("future-lab");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral("CREATE TABLE lab_meta (key TEXT PRIMARY KEY, value TEXT)"))
                && q.exec(QStringLiteral("INSERT INTO lab_meta VALUES ('made_by', 'devzero 99')"))
                && q.exec(QStringLiteral("PRAGMA user_version = 99"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

class CliBadInput : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void refusedRecordingStoresNothing_data();
    void refusedRecordingStoresNothing();
    void unknownCategoryNamesTheValidOnes();
    void numbersOutOfRangeAreRefused_data();
    void numbersOutOfRangeAreRefused();
    void recordingAfterTheEndIsRefused_data();
    void recordingAfterTheEndIsRefused();
    void unknownIdsAreNotFound_data();
    void unknownIdsAreNotFound();
    void noCurrentSessionIsNotFound();

    void unusableLabIsLeftUnchanged_data();
    void unusableLabIsLeftUnchanged();
    void labThatIsAFolderIsRefused();

private:
    QString labPath() const { return m_dir->filePath(QStringLiteral("lab.sqlite")); }
    DevzeroCli &cli() { return *m_cli; }
    // Number of events of session 1, read back through the CLI.
    int eventCount();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DevzeroCli> m_cli;
};

void CliBadInput::init()
{
    QVERIFY2(QFile::exists(devzeroExecutable()), qPrintable(devzeroExecutable() + QStringLiteral(" is not built")));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QDir(m_dir->path()).mkpath(QStringLiteral("home"));
    m_cli = std::make_unique<DevzeroCli>(m_dir->filePath(QStringLiteral("home")), labPath());
}

void CliBadInput::cleanup()
{
    m_cli.reset();
    m_dir.reset();
}

int CliBadInput::eventCount()
{
    const CliRun show = cli().run(args({"session", "show", "1", "--json"}));
    if (!show.finished || show.exitCode != 0)
        return -1;
    return int(show.json().object().value(QStringLiteral("events")).toArray().size());
}

void CliBadInput::refusedRecordingStoresNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); // part of the one stderr line

    QTest::newRow("severity 9") << args({"session", "note", "too loud", "--severity", "9"}) << 1 << QStringLiteral("severity 9 is out of range");
    QTest::newRow("severity 0") << args({"note", "too quiet", "-s", "0"}) << 1 << QStringLiteral("severity 0");
    QTest::newRow("severity word") << args({"note", "wordy", "--severity", "high"}) << 2 << QStringLiteral("--severity needs a whole number");
    QTest::newRow("empty note") << args({"note", "   "}) << 1 << QStringLiteral("a note needs some text");
    QTest::newRow("results abc") << args({"session", "search", "tokens", "--results", "abc"}) << 2 << QStringLiteral("--results needs a whole number");
    QTest::newRow("results missing") << args({"session", "search", "tokens"}) << 2 << QStringLiteral("--results N");
    QTest::newRow("results negative") << args({"session", "search", "tokens", "--results=-1"}) << 1 << QStringLiteral("cannot be negative");
    QTest::newRow("search without query") << args({"session", "search", "--results", "2"}) << 1 << QStringLiteral("needs its query");
    QTest::newRow("dwell word") << args({"session", "lookup", "guides/tokens.md", "--dwell", "long"}) << 2 << QStringLiteral("--dwell needs a number of seconds");
    QTest::newRow("dwell negative") << args({"session", "lookup", "guides/tokens.md", "--dwell=-3"}) << 2 << QStringLiteral("--dwell");
    QTest::newRow("lookup two pages") << args({"session", "lookup", "a.md", "b.md"}) << 2 << QStringLiteral("one PAGE");
    QTest::newRow("exit word") << args({"session", "command", "ls", "--exit", "boom"}) << 2 << QStringLiteral("--exit needs a whole number");
    QTest::newRow("negative duration") << args({"session", "command", "ls", "--duration-ms=-5"}) << 1 << QStringLiteral("cannot be negative");
    QTest::newRow("empty command") << args({"session", "command", ""}) << 1 << QStringLiteral("needs its text");
    QTest::newRow("second task start") << args({"session", "task", "start", "1.2"}) << 1 << QStringLiteral("task 1.1 \"Get an API token\" is still in progress");
    QTest::newRow("unknown outcome") << args({"session", "task", "end", "won"}) << 2 << QStringLiteral("unknown outcome \"won\"");
    QTest::newRow("seq 8") << args({"seq", "8"}) << 1 << QStringLiteral("got 8");
    QTest::newRow("seq before any task ended") << args({"seq", "5"}) << 1 << QStringLiteral("no task has ended yet");
    QTest::newRow("sus nine answers") << args({"session", "sus", "1", "2", "3", "4", "5", "1", "2", "3", "4"}) << 1 << QStringLiteral("got 9 answers");
    QTest::newRow("sus answer 6") << args({"session", "sus", "1", "2", "3", "4", "5", "6", "2", "3", "4", "5"}) << 1 << QStringLiteral("SUS item 6");
    QTest::newRow("sus word") << args({"session", "sus", "1", "2", "3", "4", "five", "1", "2", "3", "4", "5"}) << 2 << QStringLiteral("not \"five\"");
    QTest::newRow("resume while running") << args({"resume"}) << 1 << QStringLiteral("not paused");
    QTest::newRow("end with a task open") << args({"session", "end"}) << 1 << QStringLiteral("--force");
    QTest::newRow("unknown subcommand") << args({"session", "frobnicate"}) << 2 << QStringLiteral("unknown session subcommand \"frobnicate\"");
    QTest::newRow("unknown option") << args({"note", "x", "--loudness", "3"}) << 2 << QStringLiteral("loudness");
    QTest::newRow("experience typo") << QStringList{QStringLiteral("session"), QStringLiteral("start"), QStringLiteral("--plan"), QStringLiteral("1"),
                                                    QStringLiteral("--participant"), QStringLiteral("dz"), QStringLiteral("--consent"),
                                                    QStringLiteral("--experience"), QStringLiteral("guru")}
                                     << 2 << QStringLiteral("--experience must be novice, intermediate or expert");
}

void CliBadInput::refusedRecordingStoresNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);

    QString failure;
    QVERIFY2(startFixtureSession(cli(), &failure) == 1, qPrintable(failure));
    DEVZERO_EXPECT_EXIT(cli().run(args({"task", "start", "1.1"})), 0);
    const int before = eventCount();
    QCOMPARE(before, 2);

    const CliRun run = cli().run(arguments);
    DEVZERO_EXPECT_EXIT(run, exitCode);
    QVERIFY(run.out.isEmpty());
    const QStringList lines = run.stderrLines();
    QVERIFY2(!lines.isEmpty(), qPrintable(run.describe()));
    // One line says it all.
    QVERIFY2(lines.first().startsWith(QStringLiteral("devzero: ")) && lines.first().contains(message), qPrintable(run.describe()));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(eventCount(), before);
}

void CliBadInput::unknownCategoryNamesTheValidOnes()
{
    QString failure;
    QVERIFY2(startFixtureSession(cli(), &failure) > 0, qPrintable(failure));
    const CliRun run = cli().run(args({"note", "where is the key", "--category", "missing-prereq"}));
    DEVZERO_EXPECT_EXIT(run, 1);
    QCOMPARE(run.stderrLines().size(), 1);
    const QString line = run.stderrLines().first();
    QVERIFY2(line.contains(QStringLiteral("\"missing-prereq\"")), qPrintable(line));
    for (const char *category : {"missing-prerequisite", "unclear-step", "undefined-term", "broken-link", "misleading-error",
                                 "environment", "other"})
        QVERIFY2(line.contains(QString::fromLatin1(category)), qPrintable(line));
    QCOMPARE(eventCount(), 1);
}

// Numbers the option parser accepts but the recording cannot hold: they must
// be refused, never wrapped into another valid value.
void CliBadInput::numbersOutOfRangeAreRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mention"); // what the error line must name
    // 2^32 + 2 becomes severity 2, 2^32 a zero-result search, 2^32 + 1 exit status 1.
    QTest::newRow("severity 2^32+2") << args({"note", "wrapped", "--severity", "4294967298"}) << QStringLiteral("severity");
    QTest::newRow("results 2^32") << args({"session", "search", "tokens", "--results", "4294967296"}) << QStringLiteral("result");
    QTest::newRow("exit 2^32+1") << args({"session", "command", "ls", "--exit", "4294967297"}) << QStringLiteral("exit");
    // Accepted by QString::toDouble, then cast to an integer (undefined behaviour);
    // today they end up as "dwell time cannot be negative".
    QTest::newRow("dwell nan") << args({"session", "lookup", "p.md", "--dwell", "nan"}) << QStringLiteral("--dwell");
    QTest::newRow("dwell inf") << args({"session", "lookup", "p.md", "--dwell", "inf"}) << QStringLiteral("--dwell");
    QTest::newRow("dwell 1e20") << args({"session", "lookup", "p.md", "--dwell", "1e20"}) << QStringLiteral("--dwell");
}

void CliBadInput::numbersOutOfRangeAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mention);
    QString failure;
    QVERIFY2(startFixtureSession(cli(), &failure) > 0, qPrintable(failure));
    const int before = eventCount();
    const CliRun run = cli().run(arguments);
    const bool refused = run.finished && (run.exitCode == 1 || run.exitCode == 2) && eventCount() == before
        && run.stderrLines().value(0).contains(mention);
    QVERIFY2(refused, qPrintable(run.describe()));
}

void CliBadInput::recordingAfterTheEndIsRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("note") << args({"note", "too late"});
    QTest::newRow("session note") << args({"session", "note", "too late", "--severity", "1"});
    QTest::newRow("task start") << args({"session", "task", "start", "1.1"});
    QTest::newRow("lookup") << args({"session", "lookup", "guides/tokens.md"});
    QTest::newRow("search") << args({"session", "search", "tokens", "--results", "1"});
    QTest::newRow("command") << args({"session", "command", "ls"});
    QTest::newRow("marker") << args({"mark", "after the end"});
    QTest::newRow("pause") << args({"pause"});
    QTest::newRow("end again") << args({"session", "end"});
}

void CliBadInput::recordingAfterTheEndIsRefused()
{
    QFETCH(QStringList, arguments);
    QString failure;
    QVERIFY2(startFixtureSession(cli(), &failure) > 0, qPrintable(failure));
    DEVZERO_EXPECT_EXIT(cli().run(args({"session", "end"})), 0);
    const int before = eventCount();
    QCOMPARE(before, 2);

    const CliRun run = cli().run(arguments);
    DEVZERO_EXPECT_EXIT(run, 1);
    QCOMPARE(run.stderrLines().size(), 1);
    QVERIFY2(run.stderrText().contains(QStringLiteral("ended")), qPrintable(run.describe()));
    QCOMPARE(eventCount(), before);
}

void CliBadInput::unknownIdsAreNotFound_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("session show 999") << args({"session", "show", "999"});
    QTest::newRow("session show uuid") << args({"session", "show", "ffffffff-0000"});
    QTest::newRow("session use 999") << args({"session", "use", "999"});
    QTest::newRow("note --session 999") << args({"note", "lost", "--session", "999"});
    QTest::newRow("plan show 999") << args({"plan", "show", "999"});
    QTest::newRow("start on plan 999") << args({"session", "start", "--plan", "999", "--participant", "dz", "--consent", "--no-snapshot"});
    // help.cpp: "4 not found (session, plan, task, page)".
    QTest::newRow("task 9.9") << args({"task", "start", "9.9"});
}

void CliBadInput::unknownIdsAreNotFound()
{
    QFETCH(QStringList, arguments);
    QString failure;
    QVERIFY2(startFixtureSession(cli(), &failure) > 0, qPrintable(failure));
    const CliRun run = cli().run(arguments);
    QVERIFY2(run.finished && run.exitCode == 4, qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.stderrLines().size(), 1);
    QVERIFY2(run.stderrLines().first().startsWith(QStringLiteral("devzero: ")), qPrintable(run.describe()));
    QCOMPARE(eventCount(), 1);
}

void CliBadInput::noCurrentSessionIsNotFound()
{
    DEVZERO_EXPECT_EXIT(cli().run({QStringLiteral("plan"), QStringLiteral("import"), fixturePlanPath()}), 0);
    for (const QStringList &a : {args({"note", "nobody listens"}), args({"status"}), args({"session", "show"})}) {
        const CliRun run = cli().run(a);
        DEVZERO_EXPECT_EXIT(run, 4);
        QVERIFY2(run.stderrText().contains(QStringLiteral("no current session")), qPrintable(run.describe()));
    }
}

void CliBadInput::unusableLabIsLeftUnchanged_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QStringList list = args({"session", "list"});
    const QStringList note = args({"note", "into a lab that cannot be opened"});
    const QStringList import{QStringLiteral("plan"), QStringLiteral("import"), fixturePlanPath()};
    for (const auto &[kind, message] : {std::pair{"garbage", "not an SQLite database"},
                                        std::pair{"text", "not an SQLite database"},
                                        std::pair{"sqlite-header-then-garbage", "left unchanged"},
                                        std::pair{"truncated-lab", "left unchanged"},
                                        std::pair{"future-schema", "newer devzero"}}) {
        QTest::addRow("%s, session list", kind) << QString::fromLatin1(kind) << list << QString::fromLatin1(message);
        QTest::addRow("%s, note", kind) << QString::fromLatin1(kind) << note << QString::fromLatin1(message);
        QTest::addRow("%s, plan import", kind) << QString::fromLatin1(kind) << import << QString::fromLatin1(message);
    }
}

void CliBadInput::unusableLabIsLeftUnchanged()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);

    QByteArray bytes;
    if (kind == QLatin1String("garbage")) {
        bytes.resize(8192);
        for (char &c : bytes)
            c = char(QRandomGenerator::global()->bounded(256));
        bytes[0] = 'G'; // never the SQLite magic by accident
        QVERIFY(writeFile(labPath(), bytes));
    } else if (kind == QLatin1String("text")) {
        QVERIFY(writeFile(labPath(), "These are my meeting notes, not a lab.\n"));
    } else if (kind == QLatin1String("sqlite-header-then-garbage")) {
        bytes = QByteArray("SQLite format 3\0", 16);
        for (int i = 0; i < 4096; ++i)
            bytes += char(QRandomGenerator::global()->bounded(256));
        QVERIFY(writeFile(labPath(), bytes));
    } else if (kind == QLatin1String("truncated-lab")) {
        // A real lab with data in it, cut short as a failed copy would leave it.
        QString failure;
        QVERIFY2(startFixtureSession(cli(), &failure) > 0, qPrintable(failure));
        QVERIFY(!QFile::exists(labPath() + QStringLiteral("-wal"))); // checkpointed when the last process closed
        const QByteArray whole = fileBytes(labPath());
        QVERIFY(whole.size() >= 8 * 4096);
        QVERIFY(writeFile(labPath(), whole.left(whole.size() / 2)));
    } else if (kind == QLatin1String("future-schema")) {
        QVERIFY(writeFutureLab(labPath()));
    }
    const QByteArray before = fileBytes(labPath());
    QVERIFY(!before.isEmpty());

    const CliRun run = cli().run(arguments);
    DEVZERO_EXPECT_EXIT(run, 3);
    QCOMPARE(run.stderrLines().size(), 1);
    const QString line = run.stderrLines().first();
    QVERIFY2(line.startsWith(QStringLiteral("devzero: ")) && line.contains(labPath()) && line.contains(message), qPrintable(run.describe()));
    if (kind == QLatin1String("future-schema"))
        QVERIFY2(line.contains(QStringLiteral("schema 99")), qPrintable(line));

    const QByteArray after = fileBytes(labPath());
    QCOMPARE(after.size(), before.size());
    QVERIFY2(after == before, "the lab file was modified");
    QVERIFY2(!QFile::exists(labPath() + QStringLiteral("-wal")) || QFileInfo(labPath() + QStringLiteral("-wal")).size() == 0,
             "nothing may be written ahead into a lab that was refused");
}

void CliBadInput::labThatIsAFolderIsRefused()
{
    QVERIFY(QDir().mkpath(labPath()));
    for (const QStringList &a : {args({"session", "list"}), args({"note", "x"}), args({"lab", "check"})}) {
        const CliRun run = cli().run(a);
        DEVZERO_EXPECT_EXIT(run, 3);
        QCOMPARE(run.stderrLines().size(), 1);
        QVERIFY2(run.stderrText().contains(QStringLiteral("is a folder")), qPrintable(run.describe()));
    }
    QVERIFY(QFileInfo(labPath()).isDir());
    QVERIFY(QDir(labPath()).isEmpty());
}

QTEST_GUILESS_MAIN(CliBadInput)
#include "test_cli_bad_input.moc"
