// devzero lab backup: SQLite's online backup of a lab, taken while another
// process records into it; bad destinations refused with nothing written.

#include "sessions/store/labbackup.h"
#include "sessions/store/labdatabase.h"
#include "tests/common/testsupport.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;

class TestLabBackup : public QObject
{
    Q_OBJECT

    static int metaCount(LabDatabase &lab)
    {
        QSqlQuery q(lab.db());
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM lab_meta")) && q.next() ? q.value(0).toInt() : -1;
    }

private slots:
    void copyIsALabWithTheSameContent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.sqlite"));
        auto lab = LabDatabase::open(path);
        QVERIFY(lab.ok());
        for (int i = 0; i < 500; ++i)
            QVERIFY((*lab)->setMeta(QStringLiteral("key-%1").arg(i), QString(200, QLatin1Char('x'))).ok());
        const QString copyPath = dir.filePath(QStringLiteral("copy.sqlite"));
        auto stats = store::backupLab(**lab, copyPath);
        QVERIFY2(stats.ok(), qPrintable(stats ? QString() : stats.error().toString()));
        QVERIFY(stats->pages > 1);
        QVERIFY(stats->steps >= 1);
        auto copy = LabDatabase::open(copyPath);
        QVERIFY(copy.ok());
        QCOMPARE(metaCount(**copy), metaCount(**lab));
        QCOMPARE((*copy)->meta(QStringLiteral("key-499")).value(), QString(200, QLatin1Char('x')));
    }

    void badDestinationsAreRefusedAndNothingIsWritten_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("existing file") << QStringLiteral("taken.sqlite") << QStringLiteral("never overwrites");
        QTest::newRow("missing folder") << QStringLiteral("nowhere/copy.sqlite") << QStringLiteral("does not exist");
        QTest::newRow("the lab itself") << QStringLiteral("lab.sqlite") << QStringLiteral("already exists");
    }

    void badDestinationsAreRefusedAndNothingIsWritten()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        QTemporaryDir dir;
        auto lab = LabDatabase::open(dir.filePath(QStringLiteral("lab.sqlite")));
        QVERIFY(lab.ok());
        QFile taken(dir.filePath(QStringLiteral("taken.sqlite")));
        QVERIFY(taken.open(QIODevice::WriteOnly));
        taken.write("somebody's file");
        taken.close();
        auto stats = store::backupLab(**lab, dir.filePath(name));
        QVERIFY(!stats.ok());
        QVERIFY2(stats.error().toString().contains(message), qPrintable(stats.error().toString()));
        QVERIFY(stats.error().toString().contains(name.section(QLatin1Char('/'), -1)));
        QVERIFY(taken.open(QIODevice::ReadOnly));
        QCOMPARE(taken.readAll(), QByteArray("somebody's file"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("nowhere"))));
    }

    // A real second process records notes while the CLI takes backups: each
    // backup is a consistent lab, and the recording never fails.
    void backupWhileAnotherProcessRecords()
    {
        QTemporaryDir dir;
        const QString lab = dir.filePath(QStringLiteral("lab.sqlite"));
        const QString plan = dir.filePath(QStringLiteral("plan.md"));
        QFile planFile(plan);
        QVERIFY(planFile.open(QIODevice::WriteOnly));
        planFile.write("# Backup plan\n\n## Journey\nOutcome: Can a developer do it?\n\n### Do it\nGoal: Done.\nDone when: It is.\n");
        planFile.close();
        auto run = [&](const QStringList &args) {
            QProcess p;
            p.start(test::devzeroExecutable(), QStringList{QStringLiteral("--lab"), lab} + args);
            return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        QCOMPARE(run({QStringLiteral("session"), QStringLiteral("start"), QStringLiteral("--plan"), plan,
                      QStringLiteral("--participant"), QStringLiteral("dz-b"), QStringLiteral("--consent"),
                      QStringLiteral("--no-snapshot")}),
                 0);
        // The writer: 40 notes from a shell loop, each its own devzero process.
        QProcess writer;
        writer.start(QStringLiteral("bash"),
                     {QStringLiteral("-c"), QStringLiteral("for i in $(seq 1 40); do \"$0\" --lab \"$1\" note \"note $i\" || exit 9; done"),
                      test::devzeroExecutable(), lab});
        QVERIFY(writer.waitForStarted());
        int backups = 0;
        while (writer.state() != QProcess::NotRunning && backups < 20) {
            const QString copy = dir.filePath(QStringLiteral("copy-%1.sqlite").arg(backups));
            QCOMPARE(run({QStringLiteral("lab"), QStringLiteral("backup"), copy}), 0);
            QProcess check;
            check.start(test::devzeroExecutable(), {QStringLiteral("--lab"), copy, QStringLiteral("lab"), QStringLiteral("check")});
            QVERIFY(check.waitForFinished(30000));
            QCOMPARE(check.exitCode(), 0);
            ++backups;
        }
        QVERIFY(writer.waitForFinished(120000));
        QCOMPARE(writer.exitCode(), 0);
        QVERIFY(backups > 0);
        const QString last = dir.filePath(QStringLiteral("copy-final.sqlite"));
        QCOMPARE(run({QStringLiteral("lab"), QStringLiteral("backup"), last}), 0);
        auto copy = LabDatabase::open(last);
        QVERIFY(copy.ok());
        QSqlQuery q((*copy)->db());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM notes")) && q.next());
        QCOMPARE(q.value(0).toInt(), 40);
    }
};

QTEST_GUILESS_MAIN(TestLabBackup)
#include "test_lab_backup.moc"
