// The platform team's window end to end, offscreen, on a lab the test
// records: the overview with its filters, drilling from a journey to its
// notes to the page lines (shown by the triage window, as the main window
// wires them), the session timeline, note edits with undo and redo, the
// before/after comparison and the report export. Screenshots go to the
// build tree.

#include "sessions/store/notesedit.h"
#include "tests/review/reviewlab.h"
#include "ui/review/comparemodel.h"
#include "ui/review/comparepanel.h"
#include "ui/review/metricsmodels.h"
#include "ui/review/notesmodel.h"
#include "ui/review/notespanel.h"
#include "ui/review/overviewpanel.h"
#include "ui/review/reviewwindow.h"
#include "ui/review/sessionsmodel.h"
#include "ui/review/sessionspanel.h"
#include "ui/review/timelinewidget.h"
#include "ui/triage/pagesourceview.h"
#include "ui/triage/triagewindow.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QBarSeries>
#include <QBarSet>
#include <QComboBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QTextBlock>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace devzero;
using namespace devzero::ui;

namespace {

bool waitLoaded(ReviewWindow &w)
{
    QSignalSpy spy(&w, &ReviewWindow::loaded);
    return spy.wait(20000) && spy.last().first().toBool();
}

int noteRow(NotesModel *model, const QString &startsWith)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->note(r)->text.startsWith(startsWith))
            return r;
    return -1;
}

} // namespace

class TestReviewWindow : public QObject
{
    Q_OBJECT

private slots:
    void endToEnd()
    {
        test::ReviewLab lab;
        const QString built = lab.build();
        QVERIFY2(built.isEmpty(), qPrintable(built));

        ReviewWindow w;
        w.resize(1360, 860);
        QAbstractItemModelTester t1(w.overview()->journeys(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(w.overview()->tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(w.notes()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t4(w.notes()->filter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t5(w.sessions()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t6(w.compare()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        w.openLab(lab.labPath);
        QVERIFY2(waitLoaded(w), qPrintable(w.lastError()));

        // Overview: the journey's question, completion with its interval, SUS and grade, the chart.
        JourneyModel *journeys = w.overview()->journeys();
        QCOMPARE(journeys->rowCount(), 1);
        QCOMPARE(journeys->index(0, JourneyModel::OutcomeColumn).data().toString(), QStringLiteral("Can a new developer take a card payment?"));
        QVERIFY2(journeys->index(0, JourneyModel::CompletionColumn).data().toString().startsWith(QLatin1String("33% (")),
                 qPrintable(journeys->index(0, JourneyModel::CompletionColumn).data().toString()));
        QCOMPARE(w.overview()->tasks()->rowCount(), 2);
        QVERIFY(w.overview()->tasks()->index(0, TaskModel::CompletionColumn).data().toString().startsWith(QLatin1String("100% (")));
        QVERIFY2(w.overview()->susText().contains(QLatin1String("grade")), qPrintable(w.overview()->susText()));
        QChart *chart = w.overview()->chartView()->chart();
        QCOMPARE(chart->series().size(), 1);
        auto *bars = qobject_cast<QBarSeries *>(chart->series().first());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().first()->count(), 2);
        QCOMPARE(bars->barSets().first()->at(0), 100.0);
        test::saveScreenshot(&w, QStringLiteral("review-overview"));

        // Filter by experience: one expert.
        QComboBox *experience = w.overview()->experienceFilter();
        experience->setCurrentIndex(experience->findData(int(store::Experience::Expert)));
        QVERIFY(waitLoaded(w));
        QCOMPARE(w.sessions()->model()->rowCount(), 1);
        QCOMPARE(w.notes()->model()->rowCount(), 1);
        experience->setCurrentIndex(0);
        QVERIFY(waitLoaded(w));
        QCOMPARE(w.sessions()->model()->rowCount(), 3);

        // Drill: journey -> its notes -> the page lines, shown by the triage window.
        TriageWindow triage;
        QSignalSpy triageLoaded(&triage, &TriageWindow::loaded);
        triage.openLab(lab.labPath, lab.indexPath);
        QVERIFY(triageLoaded.wait(20000));
        connect(&w, &ReviewWindow::pageRequested, &triage, &TriageWindow::showPage);
        emit w.overview()->journeyView()->activated(journeys->index(0, 0));
        QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget *>(w.notes()));
        QCOMPARE(w.notes()->filter()->rowCount(), 3);
        const int grpcurl = noteRow(w.notes()->model(), QStringLiteral("grpcurl is not installed"));
        QVERIFY(grpcurl >= 0);
        QSignalSpy pageShown(&triage, &TriageWindow::pageShown);
        const QModelIndex noteIndex = w.notes()->filter()->mapFromSource(w.notes()->model()->index(grpcurl, NotesModel::TextColumn));
        emit w.notes()->view()->activated(noteIndex);
        QVERIFY(pageShown.wait(10000));
        const QPair<int, int> section = triage.pageView()->sectionLines();
        QVERIFY(section.first > 0);
        QVERIFY(triage.pageView()->document()->findBlockByNumber(section.first - 1).text().startsWith(QLatin1String("## Create a payment")));
        test::saveScreenshot(&triage, QStringLiteral("triage-page-from-note"));

        // Notes: search, recategorise, retag, merge; undo and redo each.
        w.notes()->searchField()->setText(QStringLiteral("psp"));
        QCOMPARE(w.notes()->filter()->rowCount(), 1);
        w.notes()->searchField()->clear();
        NotesModel *notes = w.notes()->model();
        const qint64 pspId = notes->note(noteRow(notes, QStringLiteral("What is a PSP")))->id;
        const qint64 grpcurlId = notes->note(grpcurl)->id;
        const qint64 jqId = notes->note(noteRow(notes, QStringLiteral("jq:")))->id;
        auto stored = [&](qint64 id) {
            const Result<QList<store::ReviewNote>> all = store::NotesEditStore(*lab.lab).notes();
            if (all.ok())
                for (const store::ReviewNote &n : all.value())
                    if (n.id == id)
                        return n;
            return store::ReviewNote{};
        };
        QVERIFY(w.notes()->recategorise(QStringLiteral("unclear-step"), {pspId}));
        QCOMPARE(stored(pspId).category, QStringLiteral("unclear-step"));
        QCOMPARE(notes->note(notes->rowOf(pspId))->category, QStringLiteral("unclear-step"));
        w.undoStack()->undo();
        QCOMPARE(stored(pspId).category, QStringLiteral("undefined-term"));
        QCOMPARE(notes->note(notes->rowOf(pspId))->category, QStringLiteral("undefined-term"));
        w.undoStack()->redo();
        QCOMPARE(stored(pspId).category, QStringLiteral("unclear-step"));

        QVERIFY(w.notes()->retag({QStringLiteral("grpcurl"), QStringLiteral(" tools ")}, grpcurlId));
        QCOMPARE(stored(grpcurlId).tags, (QStringList{QStringLiteral("grpcurl"), QStringLiteral("tools")}));
        w.undoStack()->undo();
        QVERIFY(stored(grpcurlId).tags.isEmpty());
        w.undoStack()->redo();

        w.notes()->selectNotes({grpcurlId, jqId});
        QCOMPARE(w.notes()->selectedNotes().size(), 2);
        QVERIFY(w.notes()->mergeIntoTheme(QStringLiteral("Tools nobody introduced")));
        QCOMPARE(stored(jqId).theme, QStringLiteral("Tools nobody introduced"));
        QCOMPARE(notes->note(notes->rowOf(grpcurlId))->theme, QStringLiteral("Tools nobody introduced"));
        test::saveScreenshot(&w, QStringLiteral("review-notes"));
        w.undoStack()->undo();
        QCOMPARE(stored(jqId).themeId, 0);
        QVERIFY(store::NotesEditStore(*lab.lab).themes()->isEmpty());
        w.undoStack()->redo();
        QCOMPARE(stored(jqId).theme, QStringLiteral("Tools nobody introduced"));
        QCOMPARE(w.undoStack()->count(), 3);

        // Bad edits are refused and never reach the undo stack.
        QVERIFY(!w.notes()->recategorise(QStringLiteral("no-such-category"), {pspId}));
        QVERIFY(!w.notes()->mergeIntoTheme(QStringLiteral("   "), {pspId}));
        QVERIFY(!w.notes()->retag({QStringLiteral("x")}, 987654));
        QVERIFY(!w.notes()->lastError().isEmpty());
        QCOMPARE(w.undoStack()->count(), 3);

        // Sessions: the timeline of the first one, a click on its note.
        w.tabs()->setCurrentWidget(w.sessions());
        QSignalSpy timelineShown(w.sessions(), &SessionsPanel::timelineShown);
        w.sessions()->view()->selectRow(0);
        QVERIFY(timelineShown.count() > 0 || timelineShown.wait(10000));
        TimelineWidget *timeline = w.sessions()->timeline();
        QCOMPARE(timeline->timeline().tasks.size(), 2);
        int noteMark = -1;
        for (int i = 0; i < timeline->timeline().marks.size(); ++i)
            if (timeline->timeline().marks[i].kind == TimelineEntry::Kind::Note)
                noteMark = i;
        QVERIFY(noteMark >= 0);
        QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->markPosition(noteMark));
        QCOMPARE(timeline->selectedMark(), noteMark);
        QVERIFY2(w.sessions()->markDetail().contains(QLatin1String("grpcurl is not installed")), qPrintable(w.sessions()->markDetail()));
        test::saveScreenshot(&w, QStringLiteral("review-sessions"));

        // Before and after: revision 2 fixed the page; five clean sessions.
        QVERIFY(lab.changePaymentsPage().isEmpty());
        capture::ManualClock later(1'768'000'000'000);
        for (int i = 0; i < 5; ++i)
            QVERIFY(lab.recordSession(later, QStringLiteral("dz-after-%1").arg(i), store::Experience::Novice, lab.commit2, 3).isEmpty());
        w.reload();
        QVERIFY(waitLoaded(w));
        w.tabs()->setCurrentWidget(w.compare());
        QSignalSpy compared(w.compare(), &ComparePanel::compared);
        w.compare()->compareRevisions(lab.commit1, lab.commit2);
        QVERIFY(compared.wait(10000));
        QVERIFY(compared.first().first().toBool());
        CompareModel *cmp = w.compare()->model();
        QCOMPARE(cmp->rowCount(), 2);
        QVERIFY(cmp->index(1, CompareModel::CompletionDiffColumn).data().toString().startsWith(QLatin1String("+67 pp")));
        QVERIFY(w.compare()->summary().contains(QLatin1String("3 sessions before, 5 after")));
        test::saveScreenshot(&w, QStringLiteral("review-compare"));

        // Export the Markdown report from the window.
        QSignalSpy exported(&w, &ReviewWindow::exported);
        const QString reportPath = lab.dir.filePath(QStringLiteral("report.md"));
        w.exportReport(reportPath);
        QVERIFY(exported.wait(20000));
        QVERIFY2(exported.first().first().toBool(), qPrintable(exported.first().at(1).toString()));
        QVERIFY(QFileInfo(reportPath).size() > 0);
    }

    void badLab()
    {
        ReviewWindow w;
        QSignalSpy spy(&w, &ReviewWindow::loaded);
        QTemporaryDir dir;
        w.openLab(dir.filePath(QStringLiteral("nothing-here.sqlite")));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().toBool(), false);
        QVERIFY(!w.lastError().isEmpty());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("nothing-here.sqlite"))));
    }
};

QTEST_MAIN(TestReviewWindow)
#include "test_review_window.moc"
