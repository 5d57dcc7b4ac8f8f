// A whole session through the bench, driven with keys: the start wizard on
// a new lab (plan file imported, a local docs repository added and indexed,
// participant with consent, environment snapshot), then two tasks with
// notes, searches with and without results, a followed link, a page read
// elsewhere, a marker, a pause, SEQ after each task, SUS at the end and the
// thank-you page. Then the lab must hold all of it. Time is a ManualClock,
// so active times and dwell times are exact. Screenshots of every screen go
// to the build tree's screenshots/ folder.

#include "sessions/capture/clock.h"
#include "sessions/capture/sessionrecord.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/sessionstore.h"
#include "tests/ui/test_bench_support.h"
#include "ui/bench/benchsession.h"
#include "ui/bench/benchwindow.h"
#include "ui/bench/docspanel.h"
#include "ui/bench/enterlineedit.h"
#include "ui/bench/notebar.h"
#include "ui/bench/pageview.h"
#include "ui/bench/searchresultmodel.h"
#include "ui/bench/seqquestion.h"
#include "ui/bench/shortcutsoverlay.h"
#include "ui/bench/startwizard.h"
#include "ui/bench/susquestionnaire.h"
#include "ui/bench/taskpanel.h"
#include "ui/bench/thankyoupage.h"
#include "ui/bench/wizarddocspage.h"
#include "ui/bench/wizardenvironmentpage.h"
#include "ui/bench/wizardlabpage.h"
#include "ui/bench/wizardparticipantpage.h"
#include "ui/bench/wizardplanpage.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QPointer>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace devzero;
using namespace devzero::ui;

namespace {

// The window keys go to: shortcuts need it active, as it is for a tester
// typing into it (the offscreen platform may drop activation when a window
// is re-created, e.g. by the stay-on-top toggle).
QPointer<QWidget> g_window;

void key(int k, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    if (g_window && QApplication::activeWindow() != g_window) {
        g_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(g_window));
    }
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : g_window.data();
    QTest::keyClick(target, Qt::Key(k), mods);
}

void type(const QString &text)
{
    QTest::keyClicks(QApplication::focusWidget(), text);
}

// A wizard button as the keyboard reaches it: focus, then Space.
void press(QWizard &wizard, QWizard::WizardButton which)
{
    QAbstractButton *button = wizard.button(which);
    QVERIFY(button->isVisible() && button->isEnabled());
    button->setFocus(Qt::TabFocusReason);
    QTest::keyClick(button, Qt::Key_Space);
}

// Tabs through the page's links until the one to `href` has the focus.
bool focusLink(PageView *view, const QString &href)
{
    view->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < 40; ++i) {
        QTest::keyClick(view, Qt::Key_Tab);
        if (view->textCursor().charFormat().anchorHref() == href)
            return true;
    }
    return false;
}

} // namespace

class TestBenchSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_labPath;
    QString m_docsCommit;
    capture::ManualClock m_clock;
    qint64 m_sessionId = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_labPath = m_dir.filePath(QStringLiteral("labs/quill.sqlite"));
        QDir().mkpath(m_dir.filePath(QStringLiteral("labs")));
        const QString error = test::buildQuillstackDocs(m_dir.filePath(QStringLiteral("quill-docs")), &m_docsCommit);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!test::writeBenchPlan(m_dir.path()).isEmpty());
    }

    // Step 1: the wizard starts the session.
    void wizardStartsASession()
    {
        StartWizard wizard(m_labPath, m_clock);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        g_window = &wizard;
        QCOMPARE(wizard.currentId(), int(StartWizard::LabPage));
        QVERIFY(wizard.labPage()->infoLabel()->text().contains(QStringLiteral("A new lab: no plans or sessions yet.")));
        QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-wizard-1-lab")));
        press(wizard, QWizard::NextButton);
        QCOMPARE(wizard.currentId(), int(StartWizard::PlanPage));

        // Import the plan file by typing its path.
        wizard.planPage()->fileEdit()->setFocus();
        type(m_dir.filePath(QStringLiteral("quillstack-plan.md")));
        key(Qt::Key_Return);
        QCOMPARE(wizard.currentId(), int(StartWizard::PlanPage)); // Enter imported, did not move on
        QCOMPARE(wizard.planPage()->planList()->count(), 1);
        QVERIFY(wizard.planPage()->isComplete());
        QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-wizard-2-plan")));
        press(wizard, QWizard::NextButton);
        QCOMPARE(wizard.currentId(), int(StartWizard::DocsPage));

        // Add the docs repository: indexed on a worker, with progress.
        WizardDocsPage *docs = wizard.docsPage();
        QTRY_VERIFY(docs->sourceList()->count() == 1); // "No docs panel" only
        docs->repoEdit()->setFocus();
        type(m_dir.filePath(QStringLiteral("quill-docs")));
        QCOMPARE(docs->nameEdit()->text(), QStringLiteral("quill-docs"));
        docs->siteEdit()->setText(QStringLiteral("https://docs.quillstack.test/"));
        docs->subdirEdit()->setText(QStringLiteral("docs"));
        docs->repoEdit()->setFocus();
        key(Qt::Key_Return);
        QVERIFY(docs->isBusy());
        QVERIFY(!docs->isComplete());
        QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-wizard-3-docs-indexing")));
        QTRY_VERIFY_WITH_TIMEOUT(!docs->isBusy() && docs->sourceList()->count() == 2, 30000);
        QTRY_VERIFY(docs->isComplete());
        QVERIFY2(docs->statusLabel()->text().contains(QStringLiteral("Added quill-docs: 3 pages indexed.")), qPrintable(docs->statusLabel()->text()));
        QCOMPARE(docs->sourceList()->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("quill-docs"));
        QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-wizard-3-docs")));
        press(wizard, QWizard::NextButton);
        QCOMPARE(wizard.currentId(), int(StartWizard::ParticipantPage));

        // Participant: no consent, no next.
        WizardParticipantPage *participant = wizard.participantPage();
        participant->pseudonymEdit()->setFocus();
        type(QStringLiteral("dz-07"));
        QVERIFY(!participant->isComplete());
        participant->experienceBox()->setFocus();
        key(Qt::Key_Down);
        QCOMPARE(participant->experienceBox()->currentData().toInt(), int(store::Experience::Intermediate));
        participant->consentBox()->setFocus();
        key(Qt::Key_Space);
        QVERIFY(participant->isComplete());
        QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-wizard-4-participant")));
        press(wizard, QWizard::NextButton);
        QCOMPARE(wizard.currentId(), int(StartWizard::EnvironmentPage));

        // The snapshot is taken on a worker and shown before it is stored.
        WizardEnvironmentPage *environment = wizard.environmentPage();
        QTRY_VERIFY_WITH_TIMEOUT(!environment->isTaking(), 30000);
        QStringList shown;
        for (int i = 0; i < environment->table()->topLevelItemCount(); ++i)
            shown << environment->table()->topLevelItem(i)->text(0) + QLatin1Char('=') + environment->table()->topLevelItem(i)->text(1);
        QVERIFY2(shown.filter(QStringLiteral("bash=GNU bash")).size() == 1, qPrintable(shown.join(QLatin1Char('\n'))));
        QVERIFY2(shown.contains(QStringLiteral("devzero-no-such-tool=not found")), qPrintable(shown.join(QLatin1Char('\n'))));
        QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-wizard-5-environment")));
        press(wizard, QWizard::FinishButton); // "Start session"
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        m_sessionId = wizard.sessionId();
        QVERIFY(m_sessionId > 0);

        auto lab = LabDatabase::open(m_labPath);
        QVERIFY(lab.ok());
        auto session = store::SessionStore(**lab).session(m_sessionId);
        QVERIFY(session.ok());
        QCOMPARE(session->pseudonym, QStringLiteral("dz-07"));
        QVERIFY(session->experience == store::Experience::Intermediate);
        QCOMPARE(session->docsRevision, m_docsCommit);
        QVERIFY(session->ownerPid.has_value());
        QCOMPARE(session->environment.value(QStringLiteral("tools")).toArray().size(), 2);
    }

    // Step 2: the bench, driven by keys through both tasks.
    void benchRecordsAWholeSession()
    {
        QVERIFY2(m_sessionId > 0, "the wizard step must run first");
        QString error;
        std::unique_ptr<BenchSession> session = BenchSession::open(m_labPath, m_sessionId, false, m_clock, &error);
        QVERIFY2(session, qPrintable(error));
        BenchWindow bench(std::move(session), QStringLiteral("quill-docs"));
        QList<QUrl> opened;
        bench.docsPanel()->setUrlOpener([&opened](const QUrl &url) {
            opened << url;
            return true;
        });
        bench.noteBar()->setScreenGrabber([&bench] { return bench.grab().toImage(); });
        bench.show();
        QVERIFY(QTest::qWaitForWindowActive(&bench));
        g_window = &bench;
        DocsPanel *docs = bench.docsPanel();
        QAbstractItemModelTester modelTester(docs->resultModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-1-task-not-started")));

        // Task 1.
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(bench.session()->openAttempt().has_value());
        m_clock.advanceMs(60'000);
        bench.taskPanel()->tick();
        QCOMPARE(bench.taskPanel()->timerLabel()->text(), QStringLiteral("1:00 / 10:00"));

        // A search with results; the result about tokens is opened with the keyboard.
        key(Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), docs->searchBox());
        type(QStringLiteral("token"));
        QTRY_VERIFY(docs->resultModel()->rowCount() > 0 && !docs->isWaiting());
        const int tokenResults = docs->resultModel()->rowCount();
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-2-search-results")));
        key(Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), docs->resultList());
        while (docs->resultList()->currentIndex().data(SearchResultModel::AnchorRole).toString() != QLatin1String("get-a-token")) {
            QVERIFY(docs->resultList()->currentIndex().row() < tokenResults - 1);
            key(Qt::Key_Down);
        }
        key(Qt::Key_Return);
        QTRY_COMPARE(docs->currentPage(), QStringLiteral("docs/getting-started.md"));
        QCOMPARE(docs->currentAnchor(), QStringLiteral("get-a-token"));
        QVERIFY(docs->readingDescription().endsWith(QStringLiteral("Get a token")));
        QVERIFY(docs->pageView()->toPlainText().contains(QStringLiteral("export QUILL_TOKEN")));
        QVERIFY(!docs->pageView()->toPlainText().contains(QStringLiteral("title: Getting started"))); // front matter
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-3-docs-page")));
        m_clock.advanceMs(30'000);

        // A note through the shortcut, with severity and category keys.
        key(Qt::Key_F2);
        QCOMPARE(QApplication::focusWidget(), bench.noteBar()->line());
        type(QStringLiteral("Where do I create the token? There is no Settings menu"));
        key(Qt::Key_3, Qt::AltModifier);
        key(Qt::Key_P, Qt::AltModifier);
        QCOMPARE(bench.noteBar()->severity()->currentData().toInt(), 3);
        QCOMPARE(bench.noteBar()->category()->currentData().toString(), QStringLiteral("missing-prerequisite"));
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-4-note-bar")));
        key(Qt::Key_Return);
        QVERIFY(bench.noteBar()->line()->text().isEmpty());
        QCOMPARE(QApplication::focusWidget(), docs->pageView()); // back where the tester was

        // Open on the docs site goes through the seam, at the section read.
        key(Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first(), QUrl(QStringLiteral("https://docs.quillstack.test/getting-started/#get-a-token")));

        // Follow an internal link to a section of another page.
        QVERIFY(focusLink(docs->pageView(), QStringLiteral("publishing.md#publish-a-draft")));
        key(Qt::Key_Return);
        QTRY_COMPARE(docs->currentPage(), QStringLiteral("docs/publishing.md"));
        QCOMPARE(docs->currentAnchor(), QStringLiteral("publish-a-draft"));
        m_clock.advanceMs(15'000);

        // A search without results, recorded as such when Enter is pressed.
        key(Qt::Key_F, Qt::ControlModifier);
        type(QStringLiteral("kubeflux"));
        QTRY_VERIFY(!docs->isWaiting() && docs->findChild<QLabel *>(QStringLiteral("docsResultsLabel"))->text().startsWith(QStringLiteral("No results")));
        key(Qt::Key_Return);
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-5-search-no-results")));

        // The shortcuts overlay lists the window's keys.
        key(Qt::Key_F1);
        QVERIFY(bench.shortcuts()->isVisible());
        QVERIFY(bench.shortcuts()->text().contains(QStringLiteral("Ctrl+Shift+D")));
        QVERIFY(bench.shortcuts()->text().contains(QStringLiteral("Alt+P")));
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-6-shortcuts")));
        key(Qt::Key_Escape);
        QVERIFY(!bench.shortcuts()->isVisible());


        // Done, then the SEQ with keys.
        m_clock.advanceMs(5'000);
        key(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(bench.pages()->currentWidget(), bench.seq());
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-7-seq")));
        key(Qt::Key_6);
        QCOMPARE(bench.seq()->value(), 6);
        key(Qt::Key_Return);
        QVERIFY(bench.pages()->currentWidget() != bench.seq());
        QCOMPARE(bench.session()->currentTaskIndex(), 1);

        // Task 2: a page read elsewhere, a note with a screenshot, a marker, a pause.
        key(Qt::Key_Return, Qt::ControlModifier);
        key(Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), docs->urlBox());
        type(QStringLiteral("https://docs.quillstack.test/getting-started/#install-the-cli"));
        key(Qt::Key_Return);
        QTRY_COMPARE(docs->currentPage(), QStringLiteral("docs/getting-started.md"));
        QCOMPARE(docs->currentAnchor(), QStringLiteral("install-the-cli"));
        m_clock.advanceMs(20'000);
        key(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        type(QStringLiteral("The drafts endpoint answers 403 with my token"));
        key(Qt::Key_4, Qt::AltModifier);
        key(Qt::Key_E, Qt::AltModifier);
        key(Qt::Key_S, Qt::AltModifier);
        QVERIFY(bench.noteBar()->screenshot()->isChecked());
        key(Qt::Key_Return);
        QTRY_VERIFY(!bench.noteBar()->isSaving() && bench.noteBar()->line()->text().isEmpty());
        key(Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        type(QStringLiteral("trying the web console instead"));
        key(Qt::Key_Return);
        key(Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(bench.session()->isPaused());
        m_clock.advanceMs(120'000);
        key(Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!bench.session()->isPaused());
        m_clock.advanceMs(10'000);
        key(Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(bench.pages()->currentWidget(), bench.seq());
        key(Qt::Key_2);
        key(Qt::Key_Return);

        // The last task is over: SUS, answered with keys 1-5.
        QCOMPARE(bench.pages()->currentWidget(), bench.sus());
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-8-sus")));
        const QList<int> susAnswers = {4, 2, 4, 1, 5, 2, 4, 1, 4, 2};
        for (int answer : susAnswers)
            key(Qt::Key_0 + answer);
        QCOMPARE(bench.sus()->answers(), susAnswers);
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-8-sus-answered")));
        key(Qt::Key_Return);
        QCOMPARE(bench.pages()->currentWidget(), bench.thankYou());
        QVERIFY(bench.thankYou()->text().contains(QStringLiteral("Thank you, dz-07!")));
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-9-thank-you")));
        QVERIFY(!bench.session()->isOpen());

        // Stay on top is a toggle (last: re-creating the window loses the
        // offscreen platform's notion of the active window).
        key(Qt::Key_T, Qt::ControlModifier);
        QVERIFY(bench.windowFlags() & Qt::WindowStaysOnTopHint);
        QVERIFY(bench.stayOnTopAction()->isChecked());
        bench.stayOnTopAction()->trigger();
        QVERIFY(!(bench.windowFlags() & Qt::WindowStaysOnTopHint));

        // What the lab holds.
        auto lab = LabDatabase::open(m_labPath);
        QVERIFY(lab.ok());
        store::SessionStore store(**lab);
        QVERIFY(store.session(m_sessionId)->state == store::SessionState::Ended);

        const QList<store::AttemptRow> attempts = *store.attempts(m_sessionId);
        QCOMPARE(attempts.size(), 2);
        QVERIFY(attempts.at(0).outcome == store::Outcome::Success);
        QCOMPARE(attempts.at(0).activeMs.value_or(-1), qint64(110'000)); // 60 + 30 + 15 + 5 s
        QCOMPARE(attempts.at(0).seq.value_or(-1), 6);
        QVERIFY(attempts.at(1).outcome == store::Outcome::GaveUp);
        QCOMPARE(attempts.at(1).activeMs.value_or(-1), qint64(30'000)); // the 120 s pause excluded
        QCOMPARE(attempts.at(1).seq.value_or(-1), 2);

        const QList<store::NoteRow> notes = *store.notes(m_sessionId);
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes.at(0).severity, 3);
        QCOMPARE(notes.at(0).category, QStringLiteral("missing-prerequisite"));
        QCOMPARE(notes.at(0).page, QStringLiteral("docs/getting-started.md"));
        QCOMPARE(notes.at(0).anchor, QStringLiteral("get-a-token"));
        QVERIFY(notes.at(0).screenshot.isEmpty());
        QCOMPARE(notes.at(1).severity, 4);
        QCOMPARE(notes.at(1).category, QStringLiteral("misleading-error"));
        QCOMPARE(notes.at(1).anchor, QStringLiteral("install-the-cli"));
        QVERIFY(notes.at(1).screenshot.startsWith("\x89PNG"));
        QVERIFY(!QImage::fromData(notes.at(1).screenshot).isNull());

        const QList<store::LookupRow> lookups = *store.lookups(m_sessionId);
        QCOMPARE(lookups.size(), 3);
        QCOMPARE(lookups.at(0).page, QStringLiteral("docs/getting-started.md"));
        QCOMPARE(lookups.at(0).anchor, QStringLiteral("get-a-token"));
        QCOMPARE(lookups.at(0).how, QStringLiteral("search"));
        QCOMPARE(lookups.at(0).dwellMs.value_or(-1), qint64(30'000));
        QCOMPARE(lookups.at(0).docsRevision, m_docsCommit);
        QCOMPARE(lookups.at(1).page, QStringLiteral("docs/publishing.md"));
        QCOMPARE(lookups.at(1).how, QStringLiteral("link"));
        QCOMPARE(lookups.at(1).dwellMs.value_or(-1), qint64(20'000)); // until the page read elsewhere replaced it
        QCOMPARE(lookups.at(2).how, QStringLiteral("url"));
        QCOMPARE(lookups.at(2).anchor, QStringLiteral("install-the-cli"));
        QCOMPARE(lookups.at(2).dwellMs.value_or(-1), qint64(150'000)); // open until the session ended
        for (const store::LookupRow &l : lookups)
            QVERIFY(l.closedAtMs.has_value());

        const QList<store::SearchRow> searches = *store.searches(m_sessionId);
        QCOMPARE(searches.size(), 2);
        QCOMPARE(searches.at(0).query, QStringLiteral("token"));
        QCOMPARE(searches.at(0).resultCount, tokenResults);
        QCOMPARE(searches.at(0).clickedPage, QStringLiteral("docs/getting-started.md"));
        QCOMPARE(searches.at(0).clickedAnchor, QStringLiteral("get-a-token"));
        QCOMPARE(searches.at(1).query, QStringLiteral("kubeflux"));
        QCOMPARE(searches.at(1).resultCount, 0);
        QVERIFY(searches.at(1).clickedPage.isEmpty());

        QList<int> sus;
        QList<int> seq;
        const QList<store::AnswerRow> answers = *store.answers(m_sessionId);
        for (const store::AnswerRow &a : answers)
            (a.instrument == QLatin1String("SUS") ? sus : seq) << a.value;
        QCOMPARE(sus, susAnswers);
        QCOMPARE(seq, (QList<int>{6, 2}));

        QStringList kinds;
        const QList<store::EventRow> events = *store.events(m_sessionId);
        for (const store::EventRow &e : events)
            kinds << e.kind;
        for (const char *kind : {"marker", "pause", "resume", "search_empty", "session_end"})
            QVERIFY2(kinds.contains(QLatin1String(kind)), kind);

        // The same record `devzero session show --json` prints.
        auto json = capture::sessionRecordJson(**lab, m_sessionId);
        QVERIFY(json.ok());
        QCOMPARE(json->value(QStringLiteral("searches")).toArray().size(), 2);
        QCOMPARE(json->value(QStringLiteral("lookups")).toArray().size(), 3);
    }
};

QTEST_MAIN(TestBenchSession)
#include "test_bench_session.moc"
