// Two windows, two benches and the command line on one lab file.
//
// What a user expects (and these tests hold): the lab has no exclusive
// lock, so a second window on the same lab opens it; each bench records
// its own session through its own connection while the tester's terminal
// writes notes into a third, at the same time; nothing is lost, no
// "database is locked" reaches the user, and each window sees the other's
// sessions on reload. Sessions a live bench owns are never offered for
// recovery by the other. Two real `devzero` GUI processes on one lab,
// quit with SIGTERM while the command line writes, leave a lab that
// passes `devzero lab check` with every note in it.

#include "sessions/capture/clock.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"
#include "tests/common/testsupport.h"
#include "ui/bench/benchsession.h"
#include "ui/common/mainwindow.h"
#include "ui/common/sessionlistmodel.h"
#include "ui/common/sessionlistpanel.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace devzero;

namespace {

qint64 importPlan(const QString &labPath)
{
    auto lab = LabDatabase::open(labPath);
    if (!lab)
        return 0;
    const QByteArray text = "# Deploy with Example\n\n## First deploy\nOutcome: Can a new developer deploy an app?\n\n"
                            "### Install the CLI\nGoal: Have the CLI.\nDone when: It prints its version.\n";
    const plan::ParseResult parsed = plan::parsePlan(text);
    if (!parsed.ok())
        return 0;
    auto imported = store::PlanStore(**lab).importPlan(*parsed.plan, text, {}, 0);
    return imported ? imported->planId : 0;
}

QProcessEnvironment childEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DEVZERO_LAB"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

std::unique_ptr<QProcess> startDevzero(const QString &home, const QStringList &args)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(childEnvironment(home));
    process->start(test::devzeroExecutable(), args);
    return process;
}

QString finish(QProcess &process, int *exitCode)
{
    // A process already reaped by the event loop makes waitForFinished() false.
    process.waitForFinished(60000);
    const bool done = process.state() == QProcess::NotRunning;
    *exitCode = done && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

} // namespace

class TestTwoWindowsOneLab : public QObject
{
    Q_OBJECT

private slots:
    void twoBenchesAndTheTerminalRecordTogether();
    void twoRealGuiProcessesAndTheCommandLine();
};

void TestTwoWindowsOneLab::twoBenchesAndTheTerminalRecordTogether()
{
    QTemporaryDir dir;
    const QString labPath = dir.filePath(QStringLiteral("lab.sqlite"));
    const QString home = dir.filePath(QStringLiteral("home"));
    const qint64 planId = importPlan(labPath);
    QVERIFY(planId > 0);

    ui::MainWindow first;
    ui::MainWindow second;
    QVERIFY2(first.openLab(labPath), qPrintable(first.lastError()));
    QVERIFY2(second.openLab(labPath), qPrintable(second.lastError()));
    first.show();
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));

    // Each bench's session is started on its own connection, as the
    // start wizard does, then recorded through a BenchSession.
    QList<qint64> ids;
    for (const QString &who : {QStringLiteral("dz-01"), QStringLiteral("dz-02")}) {
        auto lab = LabDatabase::open(labPath);
        QVERIFY(lab);
        capture::SessionEngine engine(**lab);
        capture::StartRequest request;
        request.planId = planId;
        request.pseudonym = who;
        request.consent = true;
        request.ownedByThisProcess = true;
        auto started = engine.start(request);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
        auto row = engine.session();
        QVERIFY(row);
        ids << row->id;
    }
    QStringList problems;
    std::vector<std::unique_ptr<ui::BenchSession>> benches;
    for (qint64 id : std::as_const(ids)) {
        QString error;
        benches.push_back(ui::BenchSession::open(labPath, id, false, capture::systemClock(), &error));
        QVERIFY2(benches.back(), qPrintable(error));
        connect(benches.back().get(), &ui::BenchSession::problem, this, [&](const QString &m) { problems << m; });
        QVERIFY(benches.back()->startTask());
    }

    // The tester's terminal: a third session, written by real processes
    // while the benches write.
    const QString plan = test::fixturePath(QStringLiteral("cli/session-plan.md"));
    int code = 0;
    auto start = startDevzero(home, {QStringLiteral("--lab"), labPath, QStringLiteral("session"), QStringLiteral("start"),
                                     QStringLiteral("--plan"), plan, QStringLiteral("--participant"), QStringLiteral("dz-03"),
                                     QStringLiteral("--consent"), QStringLiteral("--no-snapshot")});
    QString output = finish(*start, &code);
    QVERIFY2(code == 0, qPrintable(output));
    constexpr int kCliNotes = 6;
    constexpr int kBenchNotes = 40;
    std::vector<std::unique_ptr<QProcess>> writers;
    for (int i = 0; i < kCliNotes; ++i)
        writers.push_back(startDevzero(home, {QStringLiteral("--lab"), labPath, QStringLiteral("note"),
                                              QStringLiteral("from the terminal %1").arg(i)}));
    for (int i = 0; i < kBenchNotes; ++i) {
        for (size_t b = 0; b < benches.size(); ++b)
            QVERIFY(benches[b]->note({QStringLiteral("bench %1 note %2").arg(b).arg(i), 2, QStringLiteral("other"), {}, {}, {}}));
        QCoreApplication::processEvents();
    }
    for (auto &writer : writers) {
        output = finish(*writer, &code);
        QVERIFY2(code == 0, qPrintable(output));
        QVERIFY2(!output.contains(QStringLiteral("locked")), qPrintable(output));
    }
    for (auto &bench : benches)
        QVERIFY(bench->end());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    // Each window sees all three sessions; nothing was lost.
    for (ui::MainWindow *window : {&first, &second}) {
        window->refresh();
        QCOMPARE(window->sessions()->model()->rowCount(), 3);
        QVERIFY2(!window->statusBar()->currentMessage().contains(QStringLiteral("locked")),
                 qPrintable(window->statusBar()->currentMessage()));
    }
    auto lab = LabDatabase::open(labPath);
    QVERIFY(lab);
    store::SessionStore store(**lab);
    auto sessions = store.sessions();
    QVERIFY(sessions);
    QCOMPARE(int(sessions->size()), 3);
    for (const store::SessionRow &s : std::as_const(*sessions)) {
        auto notes = store.notes(s.id);
        QVERIFY(notes);
        QCOMPARE(int(notes->size()), ids.contains(s.id) ? kBenchNotes : kCliNotes);
    }
    // Sessions owned by a live bench (this process) are not "interrupted".
    auto interrupted = capture::SessionEngine::interruptedSessions(**lab, capture::systemClock());
    QVERIFY(interrupted);
    QVERIFY(interrupted->isEmpty());
    auto check = (*lab)->integrityCheck();
    QVERIFY(check);
    QCOMPARE(*check, QStringList{QStringLiteral("ok")});
}

void TestTwoWindowsOneLab::twoRealGuiProcessesAndTheCommandLine()
{
    QTemporaryDir dir;
    const QString labPath = dir.filePath(QStringLiteral("lab.sqlite"));
    const QString home = dir.filePath(QStringLiteral("home"));
    QVERIFY(importPlan(labPath) > 0);
    QVERIFY(!QFileInfo::exists(labPath + QStringLiteral("-wal")));

    std::unique_ptr<QProcess> guis[2] = {startDevzero(home, {QStringLiteral("--lab"), labPath}),
                                         startDevzero(home, {QStringLiteral("--lab"), labPath})};
    for (auto &gui : guis)
        QVERIFY2(gui->waitForStarted(), qPrintable(gui->errorString()));
    // A GUI that opened the lab switched it to WAL: the -wal file appears.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(labPath + QStringLiteral("-wal")), 30000);

    const QString plan = test::fixturePath(QStringLiteral("cli/session-plan.md"));
    int code = 0;
    auto start = startDevzero(home, {QStringLiteral("--lab"), labPath, QStringLiteral("session"), QStringLiteral("start"),
                                     QStringLiteral("--plan"), plan, QStringLiteral("--participant"), QStringLiteral("dz-01"),
                                     QStringLiteral("--consent"), QStringLiteral("--no-snapshot")});
    QString output = finish(*start, &code);
    QVERIFY2(code == 0, qPrintable(output));
    constexpr int kNotes = 8;
    for (int i = 0; i < kNotes; ++i) {
        auto note = startDevzero(home, {QStringLiteral("--lab"), labPath, QStringLiteral("note"), QStringLiteral("note %1").arg(i)});
        output = finish(*note, &code);
        QVERIFY2(code == 0, qPrintable(output));
    }
    for (auto &gui : guis) {
        QVERIFY2(gui->state() == QProcess::Running, qPrintable(QString::fromUtf8(gui->readAllStandardError())));
        ::kill(pid_t(gui->processId()), SIGTERM);
    }
    for (auto &gui : guis) {
        QVERIFY(gui->waitForFinished(30000));
        const QString errors = QString::fromUtf8(gui->readAllStandardError());
        QVERIFY2(!errors.contains(QStringLiteral("locked")), qPrintable(errors));
    }

    auto check = startDevzero(home, {QStringLiteral("--lab"), labPath, QStringLiteral("lab"), QStringLiteral("check")});
    output = finish(*check, &code);
    QVERIFY2(code == 0 && output.contains(QStringLiteral(": ok")), qPrintable(output));
    auto show = startDevzero(home, {QStringLiteral("--lab"), labPath, QStringLiteral("session"), QStringLiteral("show"),
                                    QStringLiteral("--json")});
    output = finish(*show, &code);
    QVERIFY2(code == 0, qPrintable(output));
    for (int i = 0; i < kNotes; ++i)
        QVERIFY2(output.contains(QStringLiteral("note %1").arg(i)), qPrintable(output));
}

QTEST_MAIN(TestTwoWindowsOneLab)
#include "test_two_windows_one_lab.moc"
