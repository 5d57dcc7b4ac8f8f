// `devzero demo` through the real executable: the lab it creates is what
// `devzero session list --json` and `docs list --json` show, a second run
// is refused with a clear message, and --force replaces the lab.

#include "tests/common/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runDevzero(const QStringList &args)
{
    QProcess process;
    process.start(devzero::test::devzeroExecutable(), args);
    Run run;
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

class TestDemoCli : public QObject
{
    Q_OBJECT

private slots:
    void demoThenSessionList()
    {
        QTemporaryDir dir;
        const QString lab = dir.filePath(QStringLiteral("lab.sqlite"));
        const Run created = runDevzero({QStringLiteral("--lab"), lab, QStringLiteral("--json"), QStringLiteral("demo")});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(created.out).object();
        QCOMPARE(summary.value(QLatin1String("sessions")).toInt(), 8);
        QCOMPARE(summary.value(QLatin1String("pages")).toInt(), 13);
        QCOMPARE(summary.value(QLatin1String("commits")).toInt(), 5);

        const Run listed = runDevzero({QStringLiteral("--lab"), lab, QStringLiteral("--json"), QStringLiteral("session"), QStringLiteral("list")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray sessions = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(sessions.size(), 8);
        QSet<QString> participants;
        int notes = 0;
        for (const QJsonValue &v : sessions) {
            const QJsonObject s = v.toObject();
            QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("ended"));
            QCOMPARE(s.value(QLatin1String("plan")).toString(), QStringLiteral("Onboarding onto Paylark"));
            QCOMPARE(s.value(QLatin1String("tasks")).toInt(), 7);
            QVERIFY(s.value(QLatin1String("events")).toInt() > 20);
            notes += s.value(QLatin1String("notes")).toInt();
            participants.insert(s.value(QLatin1String("participant")).toString());
        }
        QCOMPARE(participants.size(), 8);
        QCOMPARE(notes, summary.value(QLatin1String("notes")).toInt());

        const Run docs = runDevzero({QStringLiteral("--lab"), lab, QStringLiteral("--json"), QStringLiteral("docs"), QStringLiteral("list")});
        QCOMPARE(docs.exitCode, 0);
        QVERIFY2(docs.out.contains("\"paylark\""), docs.out.constData());

        // Not again without --force: a clear message, nothing changed.
        const Run refused = runDevzero({QStringLiteral("--lab"), lab, QStringLiteral("demo")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("the lab is not empty") && refused.err.contains("--force"), refused.err.constData());
        QVERIFY(refused.err.contains(lab.toUtf8()));

        const Run forced = runDevzero({QStringLiteral("--lab"), lab, QStringLiteral("demo"), QStringLiteral("--force")});
        QVERIFY2(forced.exitCode == 0, forced.err.constData());
        QVERIFY(forced.out.contains("Demo lab ready"));
        const Run relisted = runDevzero({QStringLiteral("--lab"), lab, QStringLiteral("--json"), QStringLiteral("session"), QStringLiteral("list")});
        QCOMPARE(QJsonDocument::fromJson(relisted.out).array().size(), 8);
    }

    void aFileThatIsNotALabIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("thesis.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("chapter one\n");
        file.close();
        const Run run = runDevzero({QStringLiteral("--lab"), path, QStringLiteral("demo"), QStringLiteral("--force")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("not a lab"), run.err.constData());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("chapter one\n"));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << QByteArray("demo does not take \"--frobnicate\"");
        QTest::newRow("seed missing") << QStringList{QStringLiteral("--seed")} << QByteArray("--seed needs a whole number");
        QTest::newRow("seed not a number") << QStringList{QStringLiteral("--seed"), QStringLiteral("x")}
                                           << QByteArray("--seed needs a whole number");
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        const QString lab = dir.filePath(QStringLiteral("lab.sqlite"));
        const Run run = runDevzero(QStringList{QStringLiteral("--lab"), lab, QStringLiteral("demo")} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), run.err.constData());
        QVERIFY(!QFile::exists(lab));
    }
};

QTEST_GUILESS_MAIN(TestDemoCli)
#include "test_demo_cli.moc"
