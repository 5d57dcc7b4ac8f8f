// A real full disk: an 8 MB tmpfs mounted in a private user and mount
// namespace (`unshare -rm`, so it works with or without root and is never
// seen outside), a lab on it, a filler file that takes the last bytes. The
// recording process (disk_full_child.cpp) must get a clear message naming the
// lab, the same session must record again once the filler is gone, and the
// lab copied out afterwards must hold every acknowledged event and nothing
// of the refused ones. `devzero note` is run on the full disk too.
//
// Three rounds of full disk by default (CI); DEVZERO_DISK_FULL_ROUNDS=N for a
// long run.

#include "sessions/store/labdatabase.h"
#include "tests/cli/support_devzerocli.h"
#include "tests/common/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;

namespace {

constexpr int kDefaultRounds = 3;

// What the child printed, by kind.
struct ChildReport
{
    QHash<QString, qint64> acknowledged; // token -> event id
    QHash<QString, QString> failed;      // token -> message
    QHash<QString, QPair<int, QString>> cli; // token -> exit code, stderr
    qint64 fillerBytes = 0; // all rounds
    int fills = 0;
    bool done = false;
    QStringList order; // tokens and steps in the order they happened
};

ChildReport parse(const QByteArray &stdoutBytes)
{
    ChildReport report;
    for (const QByteArray &raw : stdoutBytes.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        const QString kind = line.section(QLatin1Char(' '), 0, 0);
        const QString token = line.section(QLatin1Char(' '), 1, 1);
        if (kind == QLatin1String("ACK")) {
            report.acknowledged.insert(token, line.section(QLatin1Char(' '), 2, 2).toLongLong());
        } else if (kind == QLatin1String("FAILED")) {
            report.failed.insert(token, line.section(QLatin1Char(' '), 2));
        } else if (kind == QLatin1String("CLI")) {
            report.cli.insert(token, {line.section(QLatin1Char(' '), 2, 2).toInt(), line.section(QLatin1Char(' '), 3)});
        } else if (kind == QLatin1String("FILLED")) {
            report.fillerBytes += token.toLongLong();
            ++report.fills;
        } else if (kind == QLatin1String("DONE")) {
            report.done = true;
        }
        if (!kind.isEmpty())
            report.order << kind + QLatin1Char(' ') + token;
    }
    return report;
}

// `unshare -rm` and a tmpfs mount work here (user namespaces may be
// disabled in some containers).
bool namespacesWork(const QString &scratch, QString *why)
{
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty()) {
        *why = QStringLiteral("unshare (util-linux) is not installed");
        return false;
    }
    QProcess probe;
    probe.start(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"),
                                            QStringLiteral("mount -t tmpfs -o size=64k tmpfs \"$1\""), QStringLiteral("sh"), scratch});
    if (!probe.waitForFinished(30000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0) {
        *why = QStringLiteral("`unshare -rm` with a tmpfs mount does not work here: %1")
                   .arg(QString::fromUtf8(probe.readAllStandardError()).simplified());
        return false;
    }
    return true;
}

qint64 scalar(LabDatabase &lab, const QString &sql)
{
    QSqlQuery q(lab.db());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestDiskFull : public QObject
{
    Q_OBJECT

private slots:
    void fullDiskLosesNothingAndRecordingGoesOn()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString mountPoint = dir.filePath(QStringLiteral("small-disk"));
        const QString out = dir.filePath(QStringLiteral("out"));
        const QString home = dir.filePath(QStringLiteral("home"));
        for (const QString &folder : {mountPoint, out, home})
            QVERIFY(QDir().mkpath(folder));
        QString why;
        if (!namespacesWork(mountPoint, &why)) {
            if (test::runningInCi())
                QFAIL(qPrintable(why + QStringLiteral(" (CI must run this test)")));
            QSKIP(qPrintable(why));
        }

        // The child and the CLI it runs get the isolated environment of the
        // command-line suites (private HOME, no DEVZERO_LAB).
        test::DevzeroCli cli(home, {});
        cli.environment().insert(QStringLiteral("DEVZERO_EXECUTABLE"), test::devzeroExecutable());
        const int rounds = qEnvironmentVariableIntValue("DEVZERO_DISK_FULL_ROUNDS") > 0
            ? qEnvironmentVariableIntValue("DEVZERO_DISK_FULL_ROUNDS")
            : kDefaultRounds;
        QProcess child;
        child.setProcessEnvironment(cli.environment());
        // The tmpfs exists only inside this namespace: the real file system
        // under mountPoint is never written, and the child refuses to fill
        // anything bigger than 16 MB anyway.
        child.start(QStringLiteral("unshare"),
                    {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("mount -t tmpfs -o size=8m tmpfs \"$1\" && exec \"$2\" \"$1\" \"$3\" \"$4\""), QStringLiteral("sh"),
                     mountPoint, QStringLiteral(DEVZERO_DISK_FULL_CHILD), out, QString::number(rounds)});
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(child.waitForFinished(240000), "the disk-full child did not finish");
        const qint64 elapsedMs = timer.elapsed();
        const QByteArray childOut = child.readAllStandardOutput();
        const QString childErr = QString::fromUtf8(child.readAllStandardError());
        const ChildReport report = parse(childOut);
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0 && report.done,
                 qPrintable(QStringLiteral("child exit %1\n%2\n%3").arg(child.exitCode()).arg(QString::fromUtf8(childOut), childErr)));
        QCOMPARE(report.fills, rounds);

        // Each round: one clear refusal when the disk fills, the same again
        // while it stays full, and the same through the real command line in
        // another process. Once space is back, the same session in the same
        // process goes on, and so does the command line.
        const QString labPath = mountPoint + QStringLiteral("/lab.sqlite");
        QCOMPARE(report.failed.size(), 2 * rounds);
        for (int round = 0; round < rounds; ++round) {
            const QString r = QStringLiteral("r%1-").arg(round);
            QStringList refusedThisRound;
            for (auto it = report.failed.cbegin(); it != report.failed.cend(); ++it) {
                if (it.key().startsWith(r))
                    refusedThisRound << it.key();
            }
            QVERIFY2(refusedThisRound.size() == 2 && refusedThisRound.contains(r + QStringLiteral("again-full")),
                     qPrintable(report.order.join(QLatin1Char('\n'))));
            for (const QString &token : refusedThisRound) {
                const QString message = report.failed.value(token);
                QVERIFY2(message.startsWith(labPath + QStringLiteral(": cannot save (recording note): the disk is full.")), qPrintable(message));
                QVERIFY2(message.contains(QLatin1String("nothing recorded before it is lost")), qPrintable(message));
                QVERIFY2(message.contains(QLatin1String("Free some disk space and try again")), qPrintable(message));
            }
            const auto cliFull = report.cli.value(r + QStringLiteral("cli-full"), {-1, QStringLiteral("(not run)")});
            QVERIFY2(cliFull.first == 1, qPrintable(QStringLiteral("devzero note on a full disk: exit %1, %2").arg(cliFull.first).arg(cliFull.second)));
            QVERIFY2(cliFull.second == QStringLiteral("devzero: ") + report.failed.value(r + QStringLiteral("again-full")),
                     qPrintable(cliFull.second));

            for (int i = 0; i < 10; ++i)
                QVERIFY2(report.acknowledged.contains(r + QStringLiteral("after-%1").arg(i)), qPrintable(report.order.join(QLatin1Char('\n'))));
            QVERIFY(report.acknowledged.contains(r + QStringLiteral("after-cli")));
            const auto cliAfter = report.cli.value(r + QStringLiteral("cli-after"), {-1, QStringLiteral("(not run)")});
            QVERIFY2(cliAfter.first == 0, qPrintable(cliAfter.second));
        }

        // The lab copied out of the namespace.
        const QString copy = out + QStringLiteral("/lab.sqlite");
        auto lab = LabDatabase::open(copy);
        QVERIFY2(lab.ok(), qPrintable(lab ? QString() : lab.error().toString()));
        QCOMPARE((*lab)->integrityCheck().value(), QStringList{QStringLiteral("ok")});
        QHash<QString, qint64> stored;
        QSqlQuery q((*lab)->db());
        QVERIFY(q.exec(QStringLiteral("SELECT text, event_id FROM notes")));
        while (q.next())
            stored.insert(q.value(0).toString(), q.value(1).toLongLong());
        int during = 0;
        for (auto it = report.acknowledged.cbegin(); it != report.acknowledged.cend(); ++it) {
            QVERIFY2(stored.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("%1 was acknowledged as event %2 but is not in the lab").arg(it.key()).arg(it.value())));
            during += it.key().contains(QLatin1String("-during-"));
        }
        for (auto it = report.failed.cbegin(); it != report.failed.cend(); ++it)
            QVERIFY2(!stored.contains(it.key()), qPrintable(it.key() + QStringLiteral(" was refused but is in the lab")));
        for (auto it = report.cli.cbegin(); it != report.cli.cend(); ++it)
            QVERIFY2(stored.contains(it.key()) == (it.value().first == 0),
                     qPrintable(QStringLiteral("devzero note %1 exited %2 and is %3 in the lab")
                                    .arg(it.key())
                                    .arg(it.value().first)
                                    .arg(stored.contains(it.key()) ? QString() : QStringLiteral("not"))));
        // Nothing half there: no note event without its note, no stray note.
        QCOMPARE(stored.size(), report.acknowledged.size() + rounds); // + each round's cli-after
        QCOMPARE(scalar(**lab, QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = 'note'")), qint64(stored.size()));
        QCOMPARE(scalar(**lab, QStringLiteral("SELECT MAX(ordinal) - COUNT(*) FROM events")), qint64(0));

        qInfo("rounds of full disk %d, events acknowledged %lld (while the disk filled %d) + %d by the CLI, refused %lld + %d "
              "by the CLI, all checked in the lab; filler %lld bytes in all; %lld ms",
              rounds, qint64(report.acknowledged.size()), during, rounds, qint64(report.failed.size()), rounds, report.fillerBytes, elapsedMs);
        qInfo("the message: %s", qPrintable(report.failed.value(QStringLiteral("r0-again-full"))));
        qInfo("devzero note on the full disk: %s", qPrintable(report.cli.value(QStringLiteral("r0-cli-full")).second));
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "test_disk_full.moc"
