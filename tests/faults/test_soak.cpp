// Soak: several real processes record into one session at once (engine
// recorders and the `devzero note` command line) and are killed with SIGKILL
// at random times, some right after they start, most in the middle of their
// writes. Afterwards the books must balance exactly: every acknowledged event
// is stored, and every stored event was either acknowledged or the one in
// flight when its process died. The lab stays intact and the session goes on.
//
// Short by default (CI); DEVZERO_SOAK_KILLS=N for a long run.

#include "sessions/capture/sessionengine.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "tests/cli/support_devzerocli.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace devzero;

namespace {

constexpr int kDefaultKills = 60;
constexpr int kEngineSlots = 3;
constexpr int kCliSlots = 2;

qint64 startSession(const QString &labPath)
{
    auto lab = LabDatabase::open(labPath);
    if (!lab)
        return 0;
    const QByteArray text = "# Soak plan\n\n## J\nOutcome: Does it survive?\n\n### T\nGoal: Survive.\nDone when: Nothing is lost.\n";
    const plan::ParseResult parsed = plan::parsePlan(text);
    if (!parsed.ok())
        return 0;
    auto imported = store::PlanStore(**lab).importPlan(*parsed.plan, text, {}, 0);
    if (!imported)
        return 0;
    capture::SessionEngine engine(**lab);
    capture::StartRequest request;
    request.planId = imported->planId;
    request.pseudonym = QStringLiteral("soak-test");
    request.consent = true;
    auto session = engine.start(request); // also makes it the lab's current session, for `devzero note`
    return session ? session->id : 0;
}

// What the parent knows about every token it handed out.
struct Ledger
{
    QHash<QString, qint64> acknowledged; // token -> event id (0: the CLI does not print it)
    QSet<QString> inFlight;              // token of the call running when its process was killed
    QStringList failures;                // processes that ended in a way nobody explains
    int kills = 0;
    int started = 0;
};

// One running recorder: an engine child or a `devzero note`.
struct Runner
{
    bool isCli = false;
    QString token; // CLI: the note's token; engine: the prefix of its tokens
    std::unique_ptr<QProcess> process;
    QByteArray partial;
    QString lastBegun; // engine: BEGIN seen, ACK not yet
    QElapsedTimer age;
    qint64 killAtMs = -1; // -1: let it finish
};

void readLines(Runner &runner, Ledger &ledger)
{
    runner.partial += runner.process->readAllStandardOutput();
    if (runner.isCli)
        return; // its stdout is only "noted (event N)"
    qsizetype newline;
    while ((newline = runner.partial.indexOf('\n')) >= 0) {
        const QByteArray line = runner.partial.left(newline);
        runner.partial.remove(0, newline + 1);
        const QList<QByteArray> words = line.split(' ');
        if (words.size() == 2 && words.at(0) == "BEGIN") {
            runner.lastBegun = QString::fromUtf8(words.at(1));
        } else if (words.size() == 3 && words.at(0) == "ACK") {
            const QString token = QString::fromUtf8(words.at(1));
            if (token != runner.lastBegun)
                ledger.failures << QStringLiteral("ACK %1 without its BEGIN").arg(token);
            ledger.acknowledged.insert(token, words.at(2).toLongLong());
            runner.lastBegun.clear();
        } else {
            ledger.failures << QStringLiteral("unexpected line from a recorder: %1").arg(QString::fromUtf8(line));
        }
    }
}

// The process has ended: books what it did.
void settle(Runner &runner, Ledger &ledger)
{
    readLines(runner, ledger);
    if (runner.process->error() == QProcess::FailedToStart) {
        ledger.failures << QStringLiteral("%1 could not start: %2").arg(runner.token, runner.process->errorString());
        runner.process.reset();
        return;
    }
    const bool killed = runner.process->exitStatus() == QProcess::CrashExit;
    if (killed) {
        ++ledger.kills;
        if (runner.isCli)
            ledger.inFlight.insert(runner.token);
        else if (!runner.lastBegun.isEmpty())
            ledger.inFlight.insert(runner.lastBegun);
    } else if (runner.isCli && runner.process->exitCode() == 0) {
        ledger.acknowledged.insert(runner.token, 0);
    } else {
        ledger.failures << QStringLiteral("%1 exited %2 without being killed: %3")
                               .arg(runner.isCli ? QStringLiteral("devzero note ") + runner.token : QStringLiteral("recorder ") + runner.token)
                               .arg(runner.process->exitCode())
                               .arg(QString::fromUtf8(runner.process->readAllStandardError()));
    }
    runner.process.reset();
}

struct StoredEvent
{
    qint64 id = 0;
    QString kind;
};

// Soak events in the lab by token (note text or marker text); tokens stored
// twice go to `duplicates`.
QHash<QString, StoredEvent> storedSoakEvents(LabDatabase &lab, qint64 sessionId, QStringList *duplicates)
{
    QHash<QString, StoredEvent> stored;
    QSqlQuery q(lab.db());
    q.prepare(QStringLiteral("SELECT e.id, e.kind, COALESCE(n.text, json_extract(e.payload, '$.text')) FROM events e"
                             " LEFT JOIN notes n ON n.event_id = e.id WHERE e.session_id = ?"));
    q.addBindValue(sessionId);
    if (!q.exec())
        return stored;
    while (q.next()) {
        const QString text = q.value(2).toString();
        if (!text.startsWith(QLatin1String("soak-")))
            continue;
        if (stored.contains(text))
            *duplicates << text;
        stored.insert(text, StoredEvent{q.value(0).toLongLong(), q.value(1).toString()});
    }
    return stored;
}

qint64 scalar(LabDatabase &lab, const QString &sql)
{
    QSqlQuery q(lab.db());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

private slots:
    void randomKillsLoseNothingAcknowledged()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString labPath = dir.filePath(QStringLiteral("lab.sqlite"));
        const qint64 sessionId = startSession(labPath);
        QVERIFY(sessionId > 0);
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("home"))));
        const test::DevzeroCli cli(dir.filePath(QStringLiteral("home")), labPath);

        const int wantedKills = qEnvironmentVariableIntValue("DEVZERO_SOAK_KILLS") > 0
            ? qEnvironmentVariableIntValue("DEVZERO_SOAK_KILLS")
            : kDefaultKills;
        QRandomGenerator *random = QRandomGenerator::global();
        Ledger ledger;
        std::vector<Runner> runners(kEngineSlots + kCliSlots);
        for (int i = 0; i < int(runners.size()); ++i)
            runners[i].isCli = i >= kEngineSlots;

        QElapsedTimer clock;
        clock.start();
        while (ledger.kills < wantedKills && ledger.failures.isEmpty()) {
            for (Runner &runner : runners) {
                if (!runner.process) {
                    const int n = ledger.started++;
                    if (runner.isCli) {
                        runner.token = QStringLiteral("soak-cli-%1").arg(n);
                        runner.process = cli.start({QStringLiteral("note"), runner.token});
                        // A quarter run to the end; the rest die anywhere
                        // from start-up to after their commit.
                        runner.killAtMs = random->bounded(4) == 0 ? -1 : random->bounded(150);
                    } else {
                        runner.token = QStringLiteral("soak-eng-%1-").arg(n);
                        runner.process = std::make_unique<QProcess>();
                        runner.process->start(QStringLiteral(DEVZERO_SOAK_CHILD),
                                              {labPath, QString::number(sessionId), runner.token});
                        // Some die right after they start, most mid-recording.
                        runner.killAtMs = random->bounded(5) == 0 ? random->bounded(5) : random->bounded(20, 600);
                    }
                    runner.partial.clear();
                    runner.lastBegun.clear();
                    runner.age.start();
                }
                readLines(runner, ledger);
                if (runner.process->state() == QProcess::NotRunning) {
                    settle(runner, ledger);
                } else if (runner.killAtMs >= 0 && runner.age.elapsed() >= runner.killAtMs) {
                    runner.process->kill(); // SIGKILL
                    runner.process->waitForFinished(10000);
                    settle(runner, ledger);
                } else if (runner.age.elapsed() > 60000) {
                    ledger.failures << QStringLiteral("%1 hangs").arg(runner.token);
                }
            }
            QTest::qWait(1);
        }
        for (Runner &runner : runners) { // the last ones: killed too, and booked
            if (runner.process) {
                runner.process->kill();
                runner.process->waitForFinished(10000);
                settle(runner, ledger);
            }
        }
        const qint64 soakMs = clock.elapsed();
        QVERIFY2(ledger.failures.isEmpty(), qPrintable(ledger.failures.join(QLatin1Char('\n'))));

        auto lab = LabDatabase::open(labPath);
        QVERIFY2(lab.ok(), qPrintable(lab ? QString() : lab.error().toString()));
        QCOMPARE((*lab)->integrityCheck().value(), QStringList{QStringLiteral("ok")});

        QStringList duplicates;
        const QHash<QString, StoredEvent> stored = storedSoakEvents(**lab, sessionId, &duplicates);
        QVERIFY2(duplicates.isEmpty(), qPrintable(QStringLiteral("stored twice: ") + duplicates.join(QStringLiteral(", "))));
        QStringList missing;
        for (auto it = ledger.acknowledged.cbegin(); it != ledger.acknowledged.cend(); ++it) {
            const auto found = stored.constFind(it.key());
            if (found == stored.cend())
                missing << it.key();
            else if (it.value() != 0 && found->id != it.value())
                missing << QStringLiteral("%1 (acknowledged as event %2, stored as %3)").arg(it.key()).arg(it.value()).arg(found->id);
        }
        int inFlightStored = 0;
        QStringList unexplained;
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            if (ledger.acknowledged.contains(it.key()))
                continue;
            if (ledger.inFlight.contains(it.key()))
                ++inFlightStored;
            else
                unexplained << it.key();
        }
        const qint64 acked = ledger.acknowledged.size();
        const qint64 total = stored.size();
        qInfo("kills %d, events acknowledged %lld, in flight and stored %d, in flight and lost %lld, stored total %lld"
              " (%d processes, %lld ms)",
              ledger.kills, acked, inFlightStored, qint64(ledger.inFlight.size()) - inFlightStored, total, ledger.started, soakMs);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("acknowledged but not stored: ") + missing.join(QStringLiteral(", "))));
        QVERIFY2(unexplained.isEmpty(), qPrintable(QStringLiteral("stored but never acknowledged nor in flight: ") + unexplained.join(QStringLiteral(", "))));
        QCOMPARE(total, acked + inFlightStored);
        QVERIFY(ledger.kills >= wantedKills);
        QVERIFY2(acked > 0, "no recorder got anything acknowledged: the soak tested nothing");

        // No half-written event: every note event has its note row.
        QCOMPARE(scalar(**lab, QStringLiteral("SELECT COUNT(*) FROM events e WHERE e.kind = 'note'"
                                             " AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.event_id = e.id)")),
                 qint64(0));
        // Ordinals stay unique and gap-free across all the dead processes.
        const QString where = QStringLiteral(" FROM events WHERE session_id = %1").arg(sessionId);
        QCOMPARE(scalar(**lab, QStringLiteral("SELECT MIN(ordinal)") + where), qint64(1));
        QCOMPARE(scalar(**lab, QStringLiteral("SELECT MAX(ordinal)") + where), scalar(**lab, QStringLiteral("SELECT COUNT(*)") + where));
        QCOMPARE(scalar(**lab, QStringLiteral("SELECT COUNT(DISTINCT ordinal)") + where), scalar(**lab, QStringLiteral("SELECT COUNT(*)") + where));

        // The session goes on, in the engine and on the command line.
        capture::SessionEngine engine(**lab);
        QVERIFY(engine.open(sessionId).ok());
        Result<capture::Recorded> resumed = engine.marker(QStringLiteral("still here after the soak"));
        QVERIFY2(resumed.ok(), qPrintable(resumed ? QString() : resumed.error().toString()));
        const test::CliRun note = cli.run({QStringLiteral("note"), QStringLiteral("after the soak")});
        DEVZERO_EXPECT_EXIT(note, 0);
        QCOMPARE(scalar(**lab, QStringLiteral("SELECT COUNT(*) FROM notes WHERE text = 'after the soak'")), qint64(1));
        QCOMPARE((*lab)->integrityCheck().value(), QStringList{QStringLiteral("ok")});
    }
};

QTEST_GUILESS_MAIN(TestSoak)
#include "test_soak.moc"
