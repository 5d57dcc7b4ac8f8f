// Real processes, killed for real: every event a recorder reported as
// recorded must be in the lab afterwards, and the lab must stay intact.

#include "sessions/capture/sessionengine.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;

namespace {

qint64 startSession(const QString &labPath)
{
    auto lab = LabDatabase::open(labPath);
    if (!lab)
        return 0;
    const QByteArray text = "# Crash plan\n\n## J\nOutcome: Does it survive?\n\n### T\nGoal: Survive.\nDone when: Nothing is lost.\n";
    const plan::ParseResult parsed = plan::parsePlan(text);
    if (!parsed.ok())
        return 0;
    auto imported = store::PlanStore(**lab).importPlan(*parsed.plan, text, {}, 0);
    capture::SessionEngine engine(**lab);
    capture::StartRequest request;
    request.planId = imported->planId;
    request.pseudonym = QStringLiteral("crash-test");
    request.consent = true;
    auto session = engine.start(request);
    return session ? session->id : 0;
}

// Starts a recorder, lets it record for a random while, kills it; returns
// the event ids it acknowledged.
QList<qint64> runAndKill(const QString &labPath, qint64 sessionId, int killAfterMs)
{
    QProcess child;
    child.start(QStringLiteral(DEVZERO_RECORDER_CHILD), {labPath, QString::number(sessionId)});
    if (!child.waitForStarted(5000))
        return {};
    // Wait for the first acknowledgement so the kill lands mid-recording.
    child.waitForReadyRead(10000);
    QTest::qWait(killAfterMs);
    child.kill(); // SIGKILL
    child.waitForFinished(5000);
    QList<qint64> acked;
    const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("ACK "))
            acked << line.mid(4).toLongLong();
    }
    return acked;
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private slots:
    void killedRecordersLoseNothing()
    {
        QTemporaryDir dir;
        const QString labPath = dir.filePath(QStringLiteral("lab.sqlite"));
        const qint64 sessionId = startSession(labPath);
        QVERIFY(sessionId > 0);

        const int rounds = qEnvironmentVariableIntValue("DEVZERO_CRASH_ROUNDS") > 0 ? qEnvironmentVariableIntValue("DEVZERO_CRASH_ROUNDS") : 20;
        QSet<qint64> acknowledged;
        for (int round = 0; round < rounds; ++round) {
            const QList<qint64> acked = runAndKill(labPath, sessionId, QRandomGenerator::global()->bounded(20, 250));
            QVERIFY2(!acked.isEmpty(), "the recorder acknowledged nothing before it was killed");
            for (qint64 id : acked)
                acknowledged.insert(id);
        }

        auto lab = LabDatabase::open(labPath);
        QVERIFY2(lab.ok(), qPrintable(lab ? QString() : lab.error().toString()));
        QCOMPARE((*lab)->integrityCheck().value(), QStringList{QStringLiteral("ok")});
        QSet<qint64> stored;
        QSqlQuery q((*lab)->db());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM events WHERE session_id = %1").arg(sessionId)));
        while (q.next())
            stored.insert(q.value(0).toLongLong());
        QSet<qint64> missing = acknowledged;
        missing.subtract(stored);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 acknowledged events are missing").arg(missing.size())));
        // At most one event per kill can be stored without its ACK reaching us.
        QVERIFY(stored.size() - 1 - acknowledged.size() <= rounds); // -1: session_start
        qInfo("%d kills, %lld events acknowledged, %lld stored", rounds, qint64(acknowledged.size()), qint64(stored.size()));

        // Ordinals stay unique and gap-free across all the dead processes.
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), MIN(ordinal), MAX(ordinal) FROM events WHERE session_id = %1").arg(sessionId)));
        QVERIFY(q.next());
        QCOMPARE(q.value(1).toLongLong(), qint64(1));
        QCOMPARE(q.value(2).toLongLong(), q.value(0).toLongLong());

        // And the session goes on.
        capture::SessionEngine engine(**lab);
        QVERIFY(engine.open(sessionId).ok());
        QVERIFY(engine.marker(QStringLiteral("still here")).ok());
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "test_crash_safety.moc"
