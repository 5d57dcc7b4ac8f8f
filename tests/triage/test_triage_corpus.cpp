// Review and triage end to end on a real docs corpus (argo-cd, from
// ../shared/corpora): the bundle is cloned with `git clone --bare` (libgit2
// cannot read bundles), indexed, and a lab is recorded whose testers note
// problems on real flagged pages. Structural facts only, never a wording.

#include "sessions/analysis/lintdocs.h"
#include "tests/common/testsupport.h"
#include "tests/review/reviewlab.h"
#include "ui/review/notesmodel.h"
#include "ui/review/notespanel.h"
#include "ui/review/reviewwindow.h"
#include "ui/triage/pagesourceview.h"
#include "ui/triage/triagequeuemodel.h"
#include "ui/triage/triagewindow.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

using namespace devzero;
using namespace devzero::ui;

class TestTriageCorpus : public QObject
{
    Q_OBJECT

private slots:
    void argoCd()
    {
        DEVZERO_REQUIRE_CORPUS(bundle, "argo-cd-docs.bundle");
        test::ReviewLab lab; // used for its folder, plan and recorder; the docs are argo-cd
        QVERIFY(lab.dir.isValid());
        const QString repo = lab.dir.filePath(QStringLiteral("argo-cd.git"));
        QProcess git;
        git.start(QStringLiteral("git"), {QStringLiteral("clone"), QStringLiteral("--bare"), QStringLiteral("-q"), bundle, repo});
        QVERIFY(git.waitForFinished(120000) && git.exitCode() == 0);

        lab.labPath = lab.dir.filePath(QStringLiteral("lab.sqlite"));
        lab.indexPath = lab.dir.filePath(QStringLiteral("lab.data/docs-index.sqlite"));
        Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(lab.indexPath);
        QVERIFY(index.ok());
        docindex::SourceSpec spec;
        spec.name = QStringLiteral("argo");
        spec.repo = repo;
        spec.subdir = QStringLiteral("docs");
        Result<docindex::IndexStats> stats = (*index)->addSource(spec);
        QVERIFY2(stats.ok(), qPrintable(stats.ok() ? QString() : stats.error().toString()));
        const QString commit = stats->commitId;

        // The testers stumble on the pages of the first two flags the rules raise.
        Result<analysis::LintResult> lint = analysis::lintSource(**index, QStringLiteral("argo"));
        QVERIFY(lint.ok());
        QVERIFY2(lint->flags.size() > 10, "the corpus raises flags");
        const analysis::Flag first = lint->flags.first();
        QString secondPage;
        for (const analysis::Flag &f : lint->flags)
            if (f.path != first.path) {
                secondPage = f.path;
                break;
            }

        Result<std::unique_ptr<LabDatabase>> opened = LabDatabase::open(lab.labPath);
        QVERIFY(opened.ok());
        lab.lab = std::move(opened.value());
        const plan::ParseResult parsed = plan::parsePlan(QByteArrayView(test::kLarkPlan, qstrlen(test::kLarkPlan)));
        QVERIFY(parsed.ok());
        lab.planId = store::PlanStore(*lab.lab).importPlan(*parsed.plan, QByteArray(test::kLarkPlan), {}, 1)->planId;
        capture::ManualClock clock(1'767'600'000'000);
        for (int i = 0; i < 4; ++i) {
            capture::SessionEngine engine(*lab.lab, clock);
            capture::StartRequest start;
            start.planId = lab.planId;
            start.pseudonym = QStringLiteral("argo-%1").arg(i);
            start.consent = true;
            start.docsRevision = commit;
            QVERIFY(engine.start(start).ok());
            QVERIFY(engine.startTask(QStringLiteral("1.1")).ok());
            QVERIFY(engine.lookup(first.path, first.anchor, QStringLiteral("panel"), 45'000, commit).ok());
            capture::NoteInput note;
            note.text = QStringLiteral("Stuck here: %1 is not explained").arg(first.term.isEmpty() ? QStringLiteral("this step") : first.term);
            note.severity = 3;
            note.category = QStringLiteral("missing-prerequisite");
            note.page = first.path;
            note.anchor = first.anchor;
            QVERIFY(engine.note(note).ok());
            if (!secondPage.isEmpty())
                QVERIFY(engine.lookup(secondPage, {}, QStringLiteral("search"), 20'000, commit).ok());
            clock.advanceMs(200'000);
            QVERIFY(engine.endTask(i % 2 ? store::Outcome::Success : store::Outcome::Failure).ok());
            QVERIFY(engine.end().ok());
            clock.advanceMs(3'600'000);
        }

        // Triage: the queue loads off the UI thread, the noted page's flag is
        // in it with owners from CODEOWNERS, and its lines show.
        TriageWindow triage;
        triage.resize(1400, 860);
        triage.setUser(QStringLiteral("docs-owner"));
        triage.show();
        QSignalSpy loaded(&triage, &TriageWindow::loaded);
        QElapsedTimer timer;
        timer.start();
        triage.openLab(lab.labPath, lab.indexPath);
        QVERIFY(loaded.wait(60000));
        QVERIFY2(loaded.first().first().toBool(), qPrintable(triage.lastError()));
        qInfo("argo-cd triage queue: %d flags loaded in %lld ms", triage.queueModel()->rowCount(), timer.elapsed());
        QCOMPARE(triage.queueModel()->rowCount(), int(lint->flags.size()));
        const QString fp = store::flagFingerprint(first.ruleId, first.path, first.anchor, first.term);
        const TriageItem *item = triage.queueModel()->item(fp);
        QVERIFY(item);
        QVERIFY(!item->owners.isEmpty());
        QVERIFY(item->flag.score > item->flag.staticScore); // raised by the testers' evidence
        QSignalSpy shown(&triage, &TriageWindow::pageShown);
        QVERIFY(triage.selectFlag(fp));
        QVERIFY(shown.count() > 0 || shown.wait(10000));
        QCOMPARE(triage.pageView()->flaggedLines().first, first.startLine);
        QVERIFY(!triage.pageView()->flaggedText().isEmpty());
        QVERIFY(triage.evidenceView()->toPlainText().contains(QLatin1String("Stuck here")));
        QVERIFY(triage.changeState(store::TriageState::Accepted).ok());
        triage.undoStack()->undo();
        QCOMPARE(int(triage.currentItem()->status), int(store::TriageStatus::Open));
        test::saveScreenshot(&triage, QStringLiteral("triage-argo-cd"));

        // Review: the lab's notes, and a drill from the note to its page.
        ReviewWindow review;
        review.resize(1360, 860);
        review.show();
        QSignalSpy reviewed(&review, &ReviewWindow::loaded);
        review.openLab(lab.labPath);
        QVERIFY(reviewed.wait(30000));
        QCOMPARE(review.notes()->model()->rowCount(), 4);
        connect(&review, &ReviewWindow::pageRequested, &triage, &TriageWindow::showPage);
        QSignalSpy drilled(&triage, &TriageWindow::pageShown);
        const QModelIndex note = review.notes()->filter()->index(0, NotesModel::TextColumn);
        emit review.notes()->view()->activated(note);
        QVERIFY(drilled.wait(10000));
        QVERIFY(triage.pageView()->toPlainText().size() > 0);
        test::saveScreenshot(&review, QStringLiteral("review-argo-cd"));
    }
};

QTEST_MAIN(TestTriageCorpus)
#include "test_triage_corpus.moc"
