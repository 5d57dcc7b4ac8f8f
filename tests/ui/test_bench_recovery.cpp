// Recovery after the bench died: a session whose owning process is gone is
// offered at the next start; resuming records the dead time as a gap (not
// as work on the task), closing it marks it abandoned at its last event.
// The owner is made "dead" with a real process that has exited.

#include "sessions/capture/clock.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"
#include "tests/ui/test_bench_support.h"
#include "ui/bench/benchlauncher.h"
#include "ui/bench/benchsession.h"
#include "ui/bench/benchwindow.h"
#include "ui/bench/recoverydialog.h"
#include "ui/bench/startwizard.h"
#include "ui/bench/susquestionnaire.h"
#include "ui/bench/wizardlabpage.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>

using namespace devzero;
using namespace devzero::ui;

namespace {

qint64 deadPid()
{
    QProcess process;
    process.start(QStringLiteral("true"), QStringList{});
    if (!process.waitForStarted(5000))
        return 0;
    const qint64 pid = process.processId();
    process.waitForFinished(5000);
    return pid;
}

template<typename T>
T *topLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *found = qobject_cast<T *>(w); found && found->isVisible())
            return found;
    }
    return nullptr;
}

} // namespace

class TestBenchRecovery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_labPath;
    qint64 m_planId = 0;
    // The real boot id: the dead owner ran in this boot, so only its pid tells.
    capture::ManualClock m_clock{QDateTime::currentMSecsSinceEpoch(), 5'000'000'000, capture::systemClock().bootId()};

    // A session with a task in progress and a note, whose bench then "died".
    qint64 interruptedSession(const QString &pseudonym, int tasksToFinish = 0)
    {
        auto lab = LabDatabase::open(m_labPath);
        if (!lab)
            return 0;
        capture::SessionEngine engine(**lab, m_clock);
        capture::StartRequest request;
        request.planId = m_planId;
        request.pseudonym = pseudonym;
        request.consent = true;
        request.ownedByThisProcess = true;
        auto session = engine.start(request);
        if (!session)
            return 0;
        for (int i = 1; i <= tasksToFinish; ++i) {
            if (!engine.startTask(QStringLiteral("1.%1").arg(i)) || !engine.endTask(store::Outcome::Success))
                return 0;
        }
        if (tasksToFinish == 0) {
            if (!engine.startTask(QStringLiteral("1.1")))
                return 0;
            m_clock.advanceMs(40'000);
            if (!engine.note({QStringLiteral("stuck on the token page"), 3, QStringLiteral("missing-prerequisite"), {}, {}, {}}))
                return 0;
        }
        const qint64 pid = deadPid();
        const qint64 id = session->id;
        auto written = (*lab)->write([&]() -> Result<void> { return store::SessionStore(**lab).setOwner(id, pid, m_clock.bootId()); },
                                     QStringLiteral("killing the owner"));
        return written && pid > 0 ? id : 0;
    }

private slots:
    void initTestCase()
    {
        m_labPath = m_dir.filePath(QStringLiteral("lab.sqlite"));
        auto lab = LabDatabase::open(m_labPath);
        QVERIFY(lab.ok());
        const plan::ParseResult parsed = plan::parsePlan(test::kBenchPlan);
        QVERIFY(parsed.ok());
        auto imported = store::PlanStore(**lab).importPlan(*parsed.plan, test::kBenchPlan, {}, 0);
        QVERIFY(imported.ok());
        m_planId = imported->planId;
    }

    void resumeRecordsTheGap()
    {
        const qint64 id = interruptedSession(QStringLiteral("dz-21"));
        QVERIFY(id > 0);
        auto lab = LabDatabase::open(m_labPath);
        QVERIFY(lab.ok());
        auto found = findInterruptedSessions(**lab, m_clock);
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().session.id, id);
        QCOMPARE(found->first().lastEventMs, m_clock.wallMs());

        RecoveryDialog dialog(*found);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QVERIFY(dialog.list()->item(0)->text().contains(QStringLiteral("dz-21")));
        QVERIFY(test::saveBenchScreenshot(&dialog, QStringLiteral("bench-recovery-dialog")));
        QTest::keyClick(dialog.list(), Qt::Key_Return); // the default choice: resume
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.choice() == RecoveryDialog::Choice::Resume);
        QCOMPARE(dialog.sessionId(), id);

        // Five minutes later the tester starts the bench again.
        m_clock.advanceMs(300'000);
        QString error;
        auto session = BenchSession::open(m_labPath, id, true, m_clock, &error);
        QVERIFY2(session, qPrintable(error));
        QVERIFY(session->openAttempt().has_value());
        QCOMPARE(session->activeMs(), qint64(40'000)); // the dead five minutes are not work
        const QList<store::EventRow> events = *store::SessionStore(**lab).events(id);
        QCOMPARE(events.last().kind, QStringLiteral("gap"));
        QCOMPARE(events.last().payload.value(QStringLiteral("gap_ms")).toInteger(), 300'000);
        QVERIFY(findInterruptedSessions(**lab, m_clock)->isEmpty()); // this process owns it now

        BenchWindow bench(std::move(session), std::nullopt);
        bench.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bench));
        QVERIFY(bench.docsPanel() == nullptr);
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-resumed-without-docs")));
        m_clock.advanceMs(10'000);
        QVERIFY(bench.session()->endTask(store::Outcome::Success));
        const QList<store::AttemptRow> attempts = *store::SessionStore(**lab).attempts(id);
        QCOMPARE(attempts.first().activeMs.value_or(-1), qint64(50'000));
    }

    void resumedAfterTheLastTaskGoesToTheClosingQuestions()
    {
        const qint64 id = interruptedSession(QStringLiteral("dz-22"), 2);
        QVERIFY(id > 0);
        QString error;
        auto session = BenchSession::open(m_labPath, id, true, m_clock, &error);
        QVERIFY2(session, qPrintable(error));
        BenchWindow bench(std::move(session), std::nullopt);
        QCOMPARE(bench.pages()->currentWidget(), bench.sus());
        QVERIFY(bench.session()->end());
    }

    void theLauncherOffersResumeAndAbandon()
    {
        // Two interrupted sessions: one is closed as abandoned, one resumed.
        const qint64 abandoned = interruptedSession(QStringLiteral("dz-23"));
        const qint64 abandonedLastEvent = m_clock.wallMs();
        const qint64 resumed = interruptedSession(QStringLiteral("dz-24"));
        QVERIFY(abandoned > 0 && resumed > 0);

        bool opened = true;
        QVERIFY(offerRecovery(nullptr, m_labPath, [&opened](bool benchOpened) { opened = benchOpened; }));
        RecoveryDialog *dialog = topLevel<RecoveryDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->list()->count(), 2);
        while (dialog->sessionId() != abandoned)
            QTest::keyClick(dialog->list(), Qt::Key_Down);
        dialog->abandonButton()->setFocus();
        QTest::keyClick(dialog->abandonButton(), Qt::Key_Space);
        QTRY_VERIFY(!topLevel<RecoveryDialog>());
        QVERIFY(!opened);
        auto lab = LabDatabase::open(m_labPath);
        QVERIFY(lab.ok());
        const store::SessionRow gone = *store::SessionStore(**lab).session(abandoned);
        QVERIFY(gone.state == store::SessionState::Abandoned);
        QCOMPARE(gone.endedAtMs.value_or(0), abandonedLastEvent); // at its last event, not "now"

        // The wizard's lab page says so too, and offers to resume.
        {
            StartWizard wizard(m_labPath);
            wizard.show();
            QVERIFY(QTest::qWaitForWindowExposed(&wizard));
            QVERIFY(wizard.labPage()->resumeButton()->isVisible());
            QVERIFY(wizard.labPage()->infoLabel()->text().contains(QStringLiteral("One session stopped without being ended")));
            QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-wizard-lab-interrupted")));
        }

        QVERIFY(offerRecovery(nullptr, m_labPath, [&opened](bool benchOpened) { opened = benchOpened; }));
        dialog = topLevel<RecoveryDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->list()->count(), 1);
        QTest::keyClick(dialog->list(), Qt::Key_Return);
        QTRY_VERIFY(opened);
        BenchWindow *bench = topLevel<BenchWindow>();
        QVERIFY(bench);
        QCOMPARE(bench->session()->session().id, resumed);
        QVERIFY(bench->session()->session().ownerPid == QCoreApplication::applicationPid());
        bench->close(); // WA_DeleteOnClose; the session stays open for later
        QTRY_VERIFY(!topLevel<BenchWindow>());
        QVERIFY(offerRecovery(nullptr, m_labPath) == false); // owned by a live process: nothing to offer
    }
};

QTEST_MAIN(TestBenchRecovery)
#include "test_bench_recovery.moc"
