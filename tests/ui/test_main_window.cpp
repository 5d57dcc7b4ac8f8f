// The main window on labs the test builds: sessions listed, the welcome on
// a new lab, the empty state of a lab without sessions,
// a bad lab reported without losing the open one. Screenshots are saved
// into the build tree's screenshots/ folder.

#include "sessions/capture/sessionengine.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "tests/common/testsupport.h"
#include "ui/common/mainwindow.h"
#include "ui/common/sessionlistmodel.h"
#include "ui/common/sessionlistpanel.h"
#include "ui/common/welcomepanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;

namespace {

void buildLab(const QString &path, int sessions)
{
    auto lab = LabDatabase::open(path);
    QVERIFY(lab.ok());
    const QByteArray text = "# Deploy with Example\n\n## First deploy\nOutcome: Can a new developer deploy an app?\n\n"
                            "### Install the CLI\nGoal: Have the CLI.\nDone when: It prints its version.\n";
    const plan::ParseResult parsed = plan::parsePlan(text);
    QVERIFY(parsed.ok());
    auto imported = store::PlanStore(**lab).importPlan(*parsed.plan, text, {}, 0);
    QVERIFY(imported.ok());
    for (int i = 0; i < sessions; ++i) {
        capture::SessionEngine engine(**lab);
        capture::StartRequest request;
        request.planId = imported->planId;
        request.pseudonym = QStringLiteral("dz-%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        request.experience = i % 2 ? store::Experience::Expert : store::Experience::Novice;
        request.consent = true;
        QVERIFY(engine.start(request).ok());
        QVERIFY(engine.startTask(QStringLiteral("1.1")).ok());
        QVERIFY(engine.note({QStringLiteral("where is the installer?"), 3, QStringLiteral("missing-prerequisite"), {}, {}, {}}).ok());
        if (i % 2 == 0) {
            QVERIFY(engine.endTask(store::Outcome::Success).ok());
            QVERIFY(engine.end().ok());
        }
    }
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString path = test::screenshotDir() + QLatin1Char('/') + name + QStringLiteral(".png");
    QVERIFY(widget->grab().save(path));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void listsTheLabsSessions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.sqlite"));
        buildLab(path, 3);
        ui::MainWindow window;
        QVERIFY(window.openLab(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::SessionListModel *model = window.sessions()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(window.sessions()->view()->isVisible(), true);
        QStringList participants;
        QStringList states;
        for (int row = 0; row < model->rowCount(); ++row) {
            participants << model->index(row, ui::SessionListModel::Participant).data().toString();
            states << model->index(row, ui::SessionListModel::State).data().toString();
        }
        participants.sort();
        QCOMPARE(participants, (QStringList{QStringLiteral("dz-01"), QStringLiteral("dz-02"), QStringLiteral("dz-03")}));
        QCOMPARE(states.count(QStringLiteral("ended")), 2);
        QCOMPARE(states.count(QStringLiteral("running")), 1);
        QVERIFY(window.windowTitle().contains(QStringLiteral("lab.sqlite")));
        saveScreenshot(&window, QStringLiteral("main-window-sessions"));
    }

    void newLabShowsTheWelcome()
    {
        QTemporaryDir dir;
        ui::MainWindow window;
        QVERIFY(window.openLab(dir.filePath(QStringLiteral("new/lab.sqlite"))));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Nothing in the lab yet: the three roles and the demo, not an empty table.
        QVERIFY(window.welcome()->isVisible());
        QVERIFY(!window.sessions()->isVisible());
        auto *demo = window.findChild<QPushButton *>(QStringLiteral("tryDemoButton"));
        QVERIFY(demo);
        QVERIFY(demo->isVisible());
        saveScreenshot(&window, QStringLiteral("main-window-first-start"));
    }

    void labWithAPlanButNoSessionExplainsWhatToDo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.sqlite"));
        buildLab(path, 0);
        ui::MainWindow window;
        QVERIFY(window.openLab(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.welcome()->isVisible());
        auto *empty = window.findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("session start")));
        QCOMPARE(window.sessions()->model()->rowCount(), 0);
        saveScreenshot(&window, QStringLiteral("main-window-empty-lab"));
    }

    void badLabIsReportedAndTheOpenOneKept()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("lab.sqlite"));
        buildLab(good, 1);
        const QString bad = dir.filePath(QStringLiteral("bad.sqlite"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("definitely not a database");
        f.close();
        ui::MainWindow window;
        QVERIFY(window.openLab(good));
        QVERIFY(!window.openLab(bad));
        QVERIFY(window.lastError().contains(QStringLiteral("not an SQLite database")));
        QCOMPARE(window.labPath(), QFileInfo(good).absoluteFilePath());
        QCOMPARE(window.sessions()->model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
