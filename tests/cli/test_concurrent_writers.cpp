// Several processes writing one lab at once, as a tester's terminal, a shell
// hook and the bench do: loops of `devzero note` processes run side by side
// (each loop starts its next process when the previous one exits), with a
// reader loop alongside. No process may fail ("database is locked"), no note
// may be lost, and the session's events stay numbered 1..N without holes.

#include "tests/cli/support_devzerocli.h"
#include "sessions/store/labdatabase.h"
#include "tests/common/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace devzero::test;

namespace {

struct TimedRun
{
    CliRun run;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
};

// Runs `count` devzero processes one after another, without blocking: the
// next one starts from the event loop when the previous one has exited.
class ProcessLoop
{
public:
    ProcessLoop(const DevzeroCli &cli, const QElapsedTimer &clock, int count, std::function<QStringList(int)> argumentsFor,
                std::function<void()> onDone)
        : m_cli(cli), m_clock(clock), m_count(count), m_argumentsFor(std::move(argumentsFor)), m_onDone(std::move(onDone))
    {
    }

    void start() { startNext(); }
    bool done() const { return m_runs.size() == m_count; }
    const QList<TimedRun> &runs() const { return m_runs; }

private:
    void startNext()
    {
        const QStringList arguments = m_argumentsFor(int(m_runs.size()));
        m_process = m_cli.prepare(arguments);
        const qint64 startedMs = m_clock.elapsed();
        auto finish = [this, arguments, startedMs] {
            if (!m_process || m_process->state() != QProcess::NotRunning)
                return;
            m_runs.append(TimedRun{collect(*m_process, m_cli.argumentsFor(arguments)), startedMs, m_clock.elapsed()});
            std::unique_ptr<QProcess> finished = std::move(m_process);
            finished.release()->deleteLater(); // we are inside its signal
            if (done())
                m_onDone();
            else
                startNext();
        };
        QObject::connect(m_process.get(), &QProcess::finished, m_process.get(), finish, Qt::QueuedConnection);
        QObject::connect(m_process.get(), &QProcess::errorOccurred, m_process.get(),
                         [finish](QProcess::ProcessError e) {
                             if (e == QProcess::FailedToStart)
                                 finish();
                         },
                         Qt::QueuedConnection);
        m_process->start();
    }

    const DevzeroCli &m_cli;
    const QElapsedTimer &m_clock;
    const int m_count;
    std::function<QStringList(int)> m_argumentsFor;
    std::function<void()> m_onDone;
    std::unique_ptr<QProcess> m_process;
    QList<TimedRun> m_runs;
};

QString noteText(int loop, int index)
{
    return QStringLiteral("writer %1 note %2").arg(loop).arg(index);
}

} // namespace

class ConcurrentWriters : public QObject
{
    Q_OBJECT

private slots:
    void notesFromParallelProcessesAllLand_data();
    void notesFromParallelProcessesAllLand();
    void parallelFirstOpensCreateOneLab();
};

void ConcurrentWriters::notesFromParallelProcessesAllLand_data()
{
    QTest::addColumn<int>("writers");
    QTest::addColumn<int>("notesEach");
    QTest::addColumn<int>("reads");
    QTest::newRow("2 writers x 60") << 2 << 60 << 0;
    QTest::newRow("3 writers x 60, 1 reader") << 3 << 60 << 30;
}

void ConcurrentWriters::notesFromParallelProcessesAllLand()
{
    QFETCH(int, writers);
    QFETCH(int, notesEach);
    QFETCH(int, reads);

    QVERIFY2(QFile::exists(devzeroExecutable()), qPrintable(devzeroExecutable() + QStringLiteral(" is not built")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir(dir.path()).mkpath(QStringLiteral("home"));
    const QString lab = dir.filePath(QStringLiteral("shared-lab.sqlite"));
    const DevzeroCli cli(dir.filePath(QStringLiteral("home")), lab);
    QString failure;
    const qint64 sessionId = startFixtureSession(cli, &failure);
    QVERIFY2(sessionId > 0, qPrintable(failure));

    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    int running = writers + (reads > 0 ? 1 : 0);
    const auto oneDone = [&] {
        if (--running == 0)
            loop.quit();
    };
    std::vector<std::unique_ptr<ProcessLoop>> loops;
    for (int w = 0; w < writers; ++w) {
        // Alternate the long and the short form: both go through the same engine.
        loops.push_back(std::make_unique<ProcessLoop>(cli, clock, notesEach, [w](int i) {
            QStringList a = i % 2 ? QStringList{QStringLiteral("note")} : QStringList{QStringLiteral("session"), QStringLiteral("note")};
            return a + QStringList{noteText(w, i), QStringLiteral("--severity"), QString::number(1 + (i + w) % 4), QStringLiteral("--json")};
        }, oneDone));
    }
    if (reads > 0) {
        loops.push_back(std::make_unique<ProcessLoop>(cli, clock, reads, [](int) {
            return QStringList{QStringLiteral("session"), QStringLiteral("show"), QStringLiteral("--json")};
        }, oneDone));
    }
    for (const auto &l : loops)
        l->start();
    QTimer::singleShot(240'000, &loop, &QEventLoop::quit);
    loop.exec();
    for (const auto &l : loops)
        QVERIFY2(l->done(), "the processes did not all finish within 4 minutes");

    // Every process succeeded; writers reported distinct events.
    QSet<qint64> eventIds;
    for (int w = 0; w < writers; ++w) {
        for (const TimedRun &t : loops[w]->runs()) {
            DEVZERO_EXPECT_EXIT(t.run, 0);
            QVERIFY2(!t.run.stderrText().contains(QStringLiteral("locked"), Qt::CaseInsensitive), qPrintable(t.run.describe()));
            const qint64 id = t.run.json().object().value(QStringLiteral("event_id")).toInteger();
            QVERIFY2(id > 0 && !eventIds.contains(id), qPrintable(t.run.describe()));
            eventIds.insert(id);
        }
    }
    if (reads > 0) {
        for (const TimedRun &t : loops.back()->runs()) {
            DEVZERO_EXPECT_EXIT(t.run, 0);
            bool parsed = false;
            t.run.json(&parsed);
            QVERIFY2(parsed, qPrintable(t.run.describe()));
        }
    }

    // The writers really overlapped: some process of one loop ran while a
    // process of another loop was running.
    int overlaps = 0;
    for (int a = 0; a < writers; ++a) {
        for (int b = a + 1; b < writers; ++b) {
            for (const TimedRun &x : loops[a]->runs()) {
                for (const TimedRun &y : loops[b]->runs())
                    overlaps += x.startedMs < y.finishedMs && y.startedMs < x.finishedMs ? 1 : 0;
            }
        }
    }
    QVERIFY2(overlaps >= notesEach, qPrintable(QStringLiteral("only %1 overlapping runs: the writers ran one after another").arg(overlaps)));

    // The session holds exactly every note, once, numbered without holes.
    const CliRun show = cli.run({QStringLiteral("session"), QStringLiteral("show"), QString::number(sessionId), QStringLiteral("--json")});
    DEVZERO_EXPECT_EXIT(show, 0);
    const QJsonObject record = show.json().object();
    const QJsonArray notes = record[QStringLiteral("notes")].toArray();
    QCOMPARE(notes.size(), writers * notesEach);
    QSet<QString> expected;
    for (int w = 0; w < writers; ++w) {
        for (int i = 0; i < notesEach; ++i)
            expected.insert(noteText(w, i));
    }
    QSet<QString> stored;
    QList<int> lastIndex(writers, -1);
    for (const QJsonValue &n : notes) {
        const QString text = n[QStringLiteral("text")].toString();
        QVERIFY2(!stored.contains(text), qPrintable(QStringLiteral("stored twice: ") + text));
        stored.insert(text);
        // Within one loop the processes ran in turn, so their notes keep that order.
        const QStringList words = text.split(QLatin1Char(' '));
        const int w = words.value(1).toInt();
        const int i = words.value(3).toInt();
        QVERIFY2(w >= 0 && w < writers && i > lastIndex[w], qPrintable(text));
        lastIndex[w] = i;
    }
    QCOMPARE(stored, expected);

    const QJsonArray events = record[QStringLiteral("events")].toArray();
    QCOMPARE(events.size(), 1 + writers * notesEach);
    qint64 lastWall = 0;
    qint64 lastMono = -1;
    for (int i = 0; i < events.size(); ++i) {
        const QJsonObject e = events.at(i).toObject();
        QCOMPARE(e[QStringLiteral("ordinal")].toInteger(), qint64(i + 1));
        QCOMPARE(e[QStringLiteral("kind")].toString(), i == 0 ? QStringLiteral("session_start") : QStringLiteral("note"));
        // Stamped inside the write lock, so numbering order is time order.
        QVERIFY2(e[QStringLiteral("wall_ms")].toInteger() >= lastWall, qPrintable(QStringLiteral("event %1: wall_ms went back").arg(i + 1)));
        QVERIFY2(e[QStringLiteral("mono_ns")].toInteger() >= lastMono, qPrintable(QStringLiteral("event %1: mono_ns went back").arg(i + 1)));
        lastWall = e[QStringLiteral("wall_ms")].toInteger();
        lastMono = e[QStringLiteral("mono_ns")].toInteger();
    }

    const CliRun check = cli.run({QStringLiteral("lab"), QStringLiteral("check"), QStringLiteral("--json")});
    DEVZERO_EXPECT_EXIT(check, 0);
    QCOMPARE(check.json().object().value(QStringLiteral("ok")).toBool(), true);
    qInfo("%d processes in %.1f s", int(writers * notesEach + reads), double(clock.elapsed()) / 1000.0);
}

// Processes that all find no lab yet race to create and migrate it, and to
// import the same plan: one lab, one plan, nobody fails.
void ConcurrentWriters::parallelFirstOpensCreateOneLab()
{
    QVERIFY2(QFile::exists(devzeroExecutable()), qPrintable(devzeroExecutable() + QStringLiteral(" is not built")));
    for (int round = 0; round < 3; ++round) {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkpath(QStringLiteral("home"));
        const QString lab = dir.filePath(QStringLiteral("new/lab.sqlite"));
        const DevzeroCli cli(dir.filePath(QStringLiteral("home")), lab);
        const QStringList import{QStringLiteral("plan"), QStringLiteral("import"), fixturePlanPath(), QStringLiteral("--json")};
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < 6; ++i)
            processes.push_back(cli.start(import));
        QSet<qint64> planIds;
        int imported = 0;
        for (const auto &p : processes) {
            p->waitForFinished(60'000);
            const CliRun run = collect(*p, cli.argumentsFor(import));
            DEVZERO_EXPECT_EXIT(run, 0);
            const QJsonObject o = run.json().object();
            planIds.insert(o.value(QStringLiteral("plan_id")).toInteger());
            imported += o.value(QStringLiteral("already_present")).toBool(true) ? 0 : 1;
        }
        QCOMPARE(planIds.size(), 1);
        QCOMPARE(imported, 1);
        const CliRun plans = cli.run({QStringLiteral("plan"), QStringLiteral("list"), QStringLiteral("--json")});
        DEVZERO_EXPECT_EXIT(plans, 0);
        QCOMPARE(plans.json().array().size(), 1);
        const CliRun check = cli.run({QStringLiteral("lab"), QStringLiteral("check"), QStringLiteral("--json")});
        DEVZERO_EXPECT_EXIT(check, 0);
        QCOMPARE(check.json().object().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(check.json().object().value(QStringLiteral("schema")).toInt(), devzero::LabDatabase::latestSchemaVersion());
    }
}

QTEST_GUILESS_MAIN(ConcurrentWriters)
#include "test_concurrent_writers.moc"
