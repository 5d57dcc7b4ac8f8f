// The docs owners' window end to end, offscreen: a lab recorded with the
// session engine against a real git docs repository. Filters the queue,
// reads the flagged lines and the evidence, changes states with undo and
// redo, re-indexes a changed page and sees "fixed, needs retest", then
// verifies after a clean session. Screenshots go to the build tree.

#include "sessions/store/triagestore.h"
#include "tests/review/reviewlab.h"
#include "ui/triage/pagesourceview.h"
#include "ui/triage/triagefiltermodel.h"
#include "ui/triage/triagequeuemodel.h"
#include "ui/triage/triagewindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

using namespace devzero;
using namespace devzero::ui;

namespace {

int rowOf(const TriageWindow &w, const QString &rule, const QString &term)
{
    const TriageSnapshot &s = w.queueModel()->snapshot();
    for (int i = 0; i < s.items.size(); ++i)
        if (s.items[i].flag.ruleId == rule && s.items[i].flag.term.compare(term, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

QString fingerprintOf(const TriageWindow &w, const QString &rule, const QString &term)
{
    const int row = rowOf(w, rule, term);
    return row < 0 ? QString() : w.queueModel()->snapshot().items[row].fingerprint;
}

bool load(TriageWindow &w, const std::function<void()> &start)
{
    QSignalSpy spy(&w, &TriageWindow::loaded);
    start();
    return (spy.count() > 0 || spy.wait(30000)) && spy.first().first().toBool();
}

bool waitPage(TriageWindow &w)
{
    QSignalSpy spy(&w, &TriageWindow::pageShown);
    return spy.wait(10000);
}

} // namespace

class TestTriageWindow : public QObject
{
    Q_OBJECT

private slots:
    void endToEnd()
    {
        test::ReviewLab lab;
        const QString built = lab.build();
        QVERIFY2(built.isEmpty(), qPrintable(built));

        TriageWindow w;
        w.resize(1400, 860);
        w.setUser(QStringLiteral("alice"));
        w.setNotePrompt([](store::TriageState) { return std::optional<QString>(QString()); });
        QAbstractItemModelTester tester(w.queueModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(w.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY2(load(w, [&] { w.openLab(lab.labPath, lab.indexPath); }), qPrintable(w.lastError()));

        // The planted assumptions are in the queue, and the one testers
        // stumbled on (grpcurl: exit 127, a severe note, a search) ranks
        // above the same rule's flag without evidence in its section.
        const int grpcurl = rowOf(w, QStringLiteral("undeclared-tool"), QStringLiteral("grpcurl"));
        const int jq = rowOf(w, QStringLiteral("undeclared-tool"), QStringLiteral("jq"));
        QVERIFY2(grpcurl >= 0 && jq >= 0, "the undeclared tools of docs/payments.md are flagged");
        QVERIFY(grpcurl < jq);
        const TriageItem &top = w.queueModel()->snapshot().items[grpcurl];
        QVERIFY(top.owners.contains(QStringLiteral("@alice")));
        QCOMPARE(int(top.status), int(store::TriageStatus::Open));

        // Filters: owner, rule, severity, my pages.
        const int all = w.filterModel()->rowCount();
        QVERIFY(all >= 3);
        w.ownerFilter()->setText(QStringLiteral("@alice"));
        for (int r = 0; r < w.filterModel()->rowCount(); ++r)
            QCOMPARE(w.filterModel()->index(r, TriageQueueModel::PageColumn).data(TriageQueueModel::PageRole).toString(),
                     QStringLiteral("docs/payments.md"));
        w.ownerFilter()->clear();
        w.ruleFilter()->setCurrentIndex(w.ruleFilter()->findData(QStringLiteral("undefined-acronym")));
        QVERIFY(w.filterModel()->rowCount() < all);
        for (int r = 0; r < w.filterModel()->rowCount(); ++r)
            QCOMPARE(w.filterModel()->index(r, 0).data(TriageQueueModel::RuleRole).toString(), QStringLiteral("undefined-acronym"));
        w.ruleFilter()->setCurrentIndex(0);
        w.setUser(QStringLiteral("nobody-owns-this"));
        w.myPagesFilter()->setChecked(true);
        QCOMPARE(w.filterModel()->rowCount(), 0);
        w.setUser(QStringLiteral("alice"));
        QVERIFY(w.filterModel()->rowCount() > 0);
        w.myPagesFilter()->setChecked(false);
        QCOMPARE(w.filterModel()->rowCount(), all);

        // The page at the indexed revision, the flagged line highlighted,
        // the evidence beside it with the tester's words.
        const QString fp = fingerprintOf(w, QStringLiteral("undeclared-tool"), QStringLiteral("grpcurl"));
        QVERIFY(w.selectFlag(fp));
        if (w.pageView()->flaggedText().isEmpty())
            QVERIFY(waitPage(w));
        QVERIFY2(w.pageView()->flaggedText().contains(QLatin1String("grpcurl")), qPrintable(w.pageView()->flaggedText()));
        QCOMPARE(w.pageView()->flaggedLines().first, top.flag.startLine);
        const QString evidence = w.evidenceView()->toPlainText();
        QVERIFY2(evidence.contains(QLatin1String("grpcurl is not installed")), qPrintable(evidence));
        QVERIFY(evidence.contains(QLatin1String("dz-ana")));
        test::saveScreenshot(&w, QStringLiteral("triage-queue"));

        // Copy as issue.
        w.copyAsIssue();
        const QString md = QApplication::clipboard()->text();
        QVERIFY(md.contains(QLatin1String("`docs/payments.md`")));
        QVERIFY(md.contains(QStringLiteral("lines %1").arg(top.flag.startLine)));
        QVERIFY(md.contains(QLatin1String("> grpcurl is not installed")));
        QVERIFY(md.contains(QLatin1String("@alice")));

        // States with undo and redo, saved to the lab.
        QVERIFY(w.changeState(store::TriageState::Accepted, QStringLiteral("will add a prerequisites section")).ok());
        QVERIFY(w.changeState(store::TriageState::Fixed).ok());
        QCOMPARE(int(w.currentItem()->status), int(store::TriageStatus::Fixed));
        QVERIFY(!w.changeState(store::TriageState::Verified).ok()); // no session since the fix
        w.undoStack()->undo();
        QCOMPARE(int(w.currentItem()->status), int(store::TriageStatus::Accepted));
        QCOMPARE(store::TriageStore(*lab.lab).history(fp)->size(), 1);
        w.undoStack()->redo();
        QCOMPARE(int(w.currentItem()->status), int(store::TriageStatus::Fixed));
        QCOMPARE(store::TriageStore(*lab.lab).history(fp)->size(), 2);
        QCOMPARE(store::TriageStore(*lab.lab).history(fp)->at(0).note, QStringLiteral("will add a prerequisites section"));
        QVERIFY(w.evidenceView()->toPlainText().contains(QLatin1String("Triage history")));

        // The fix lands in the docs: re-index, and the flag shows "fixed, needs retest".
        const QString changed = lab.changePaymentsPage();
        QVERIFY2(changed.isEmpty(), qPrintable(changed));
        QSignalSpy reindexed(&w, &TriageWindow::reindexed);
        QSignalSpy loaded(&w, &TriageWindow::loaded);
        w.reindex();
        QVERIFY(reindexed.wait(30000));
        QVERIFY(reindexed.first().first().toBool());
        QVERIFY(loaded.count() > 0 || loaded.wait(30000));
        QVERIFY(w.selectFlag(fp));
        QCOMPARE(int(w.currentItem()->status), int(store::TriageStatus::FixedNeedsRetest));
        QVERIFY(w.currentItem()->stale); // the rule no longer fires on the new page
        w.stateFilter()->setCurrentIndex(w.stateFilter()->findData(int(store::TriageStatus::FixedNeedsRetest)));
        QVERIFY(w.filterModel()->rowCount() >= 1);
        QCOMPARE(w.filterModel()->index(0, TriageQueueModel::StatusColumn).data().toString(), QStringLiteral("Fixed, needs retest"));
        QVERIFY(w.selectFlag(fp));
        if (w.pageView()->document()->isEmpty())
            QVERIFY(waitPage(w));
        // The page as re-indexed, its section highlighted (the old lines mean nothing now).
        QVERIFY(w.pageView()->toPlainText().contains(QLatin1String("## Prerequisites")));
        QVERIFY(w.pageView()->sectionLines().first > 0);
        QCOMPARE(w.pageView()->flaggedLines().first, 0);
        test::saveScreenshot(&w, QStringLiteral("triage-needs-retest"));
        QVERIFY(!w.changeState(store::TriageState::Verified).ok());
        w.stateFilter()->setCurrentIndex(0);

        // A later session at the new revision, nothing wrong on the page: verify.
        capture::ManualClock later(QDateTime::currentMSecsSinceEpoch() + 3'600'000);
        const QString recorded = lab.recordSession(later, QStringLiteral("dz-dee"), store::Experience::Novice, lab.commit2, 3);
        QVERIFY2(recorded.isEmpty(), qPrintable(recorded));
        QVERIFY(load(w, [&] { w.reload(); }));
        QVERIFY(w.selectFlag(fp));
        const Result<void> verified = w.changeState(store::TriageState::Verified, QStringLiteral("retested by dz-dee"));
        QVERIFY2(verified.ok(), qPrintable(verified.ok() ? QString() : verified.error().toString()));
        QCOMPARE(int(w.queueModel()->item(fp)->status), int(store::TriageStatus::Verified));
        test::saveScreenshot(&w, QStringLiteral("triage-verified"));
    }

    void showPageForANote()
    {
        test::ReviewLab lab;
        const QString built = lab.build();
        QVERIFY2(built.isEmpty(), qPrintable(built));
        TriageWindow w;
        QVERIFY(load(w, [&] { w.openLab(lab.labPath, lab.indexPath); }));
        QSignalSpy shown(&w, &TriageWindow::pageShown);
        w.showPage(QStringLiteral("docs/payments.md"), QStringLiteral("create-a-payment"));
        QVERIFY(shown.wait(10000) || shown.count() > 0);
        QVERIFY(w.pageView()->toPlainText().contains(QLatin1String("## Create a payment")));
    }

    void badInput()
    {
        TriageWindow w;
        QTemporaryDir dir;
        // A lab that does not exist is not created by the triage window.
        QVERIFY(!load(w, [&] { w.openLab(dir.filePath(QStringLiteral("missing.sqlite"))); }));
        QVERIFY(!w.lastError().isEmpty());
        // A lab without a docs index says so.
        test::ReviewLab lab;
        QVERIFY(lab.build().isEmpty());
        QVERIFY(!load(w, [&] { w.openLab(lab.labPath, dir.filePath(QStringLiteral("none/index.sqlite"))); }));
        QVERIFY2(w.lastError().contains(QLatin1String("docs")), qPrintable(w.lastError()));
        QVERIFY(!w.changeState(store::TriageState::Accepted).ok());
    }
};

QTEST_MAIN(TestTriageWindow)
#include "test_triage_window.moc"
