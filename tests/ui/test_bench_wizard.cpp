// The start wizard on bad input: a lab file that is no database, plan files
// with errors (listed with their lines, nothing imported), docs that are not
// a git repository or reuse a name, a clone cancelled halfway, no consent.
// Nothing bad is stored, the wizard stays where the problem is and says what
// it is.

#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "tests/ui/test_bench_support.h"
#include "ui/bench/enterlineedit.h"
#include "ui/bench/labpaths.h"
#include "ui/bench/startwizard.h"
#include "ui/bench/wizarddocspage.h"
#include "ui/bench/wizardlabpage.h"
#include "ui/bench/wizardparticipantpage.h"
#include "ui/bench/wizardplanpage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QUrl>

using namespace devzero;
using namespace devzero::ui;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestBenchWizard : public QObject
{
    Q_OBJECT

private slots:
    void aLabThatIsNoDatabaseIsRefused()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("notes.sqlite"));
        QVERIFY(writeFile(bad, "these are my notes, not a lab"));
        StartWizard wizard(bad);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QVERIFY2(wizard.labPage()->infoLabel()->text().contains(QStringLiteral("cannot be opened")),
                 qPrintable(wizard.labPage()->infoLabel()->text()));
        QVERIFY(!wizard.validateCurrentPage());
        QVERIFY(wizard.lab() == nullptr);
        QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-wizard-bad-lab")));

        // Typing a good path and Enter opens it, still on the same page.
        typeInto(wizard.labPage()->pathEdit(), dir.filePath(QStringLiteral("good.sqlite")));
        QTest::keyClick(wizard.labPage()->pathEdit(), Qt::Key_Return);
        QCOMPARE(wizard.currentId(), int(StartWizard::LabPage));
        QVERIFY(wizard.lab() != nullptr);
        QVERIFY(wizard.labPage()->infoLabel()->text().contains(QStringLiteral("A new lab")));
    }

    void badPlanFilesAreListedWithTheirLines_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("task without a goal") << QByteArray("# Plan\n\n## Journey\nOutcome: x?\n\n### Task\nDone when: y.\n")
                                             << QStringLiteral("bad.md:6:");
        QTest::newRow("no title") << QByteArray("Just some words.\n") << QStringLiteral("bad.md:");
        QTest::newRow("not UTF-8") << QByteArray("# Plan \xff\xfe\n") << QStringLiteral("bad.md:");
    }

    void badPlanFilesAreListedWithTheirLines()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString planPath = dir.filePath(QStringLiteral("bad.md"));
        QVERIFY(writeFile(planPath, text));
        StartWizard wizard(dir.filePath(QStringLiteral("lab.sqlite")));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(StartWizard::PlanPage));
        WizardPlanPage *page = wizard.planPage();
        typeInto(page->fileEdit(), planPath);
        QTest::keyClick(page->fileEdit(), Qt::Key_Return);
        const QString message = page->messageLabel()->text();
        QVERIFY2(message.startsWith(QStringLiteral("This file is not a valid plan:")), qPrintable(message));
        QVERIFY2(message.contains(expected) && message.contains(QStringLiteral("error:")), qPrintable(message));
        QCOMPARE(page->planList()->count(), 0);
        QVERIFY(!page->isComplete());
        QVERIFY(store::PlanStore(*wizard.lab()).plans()->isEmpty());
        if (QByteArray(QTest::currentDataTag()) == "task without a goal")
            QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-wizard-bad-plan")));

        // A missing file says so.
        typeInto(page->fileEdit(), dir.filePath(QStringLiteral("nowhere.md")));
        QTest::keyClick(page->fileEdit(), Qt::Key_Return);
        QVERIFY2(page->messageLabel()->text().startsWith(QStringLiteral("Cannot read")), qPrintable(page->messageLabel()->text()));
    }

    void docsThatCannotBeAddedSayWhy()
    {
        QTemporaryDir dir;
        QString commit;
        const QString error = test::buildQuillstackDocs(dir.filePath(QStringLiteral("docs-repo")), &commit);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QDir().mkpath(dir.filePath(QStringLiteral("just-a-folder")));
        StartWizard wizard(dir.filePath(QStringLiteral("lab.sqlite")));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.next();
        QVERIFY(wizard.planPage()->importFile(test::writeBenchPlan(dir.path())));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(StartWizard::DocsPage));
        WizardDocsPage *docs = wizard.docsPage();
        QTRY_VERIFY(docs->isComplete());

        // Not a repository.
        typeInto(docs->repoEdit(), dir.filePath(QStringLiteral("just-a-folder")));
        QTest::keyClick(docs->repoEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!docs->isBusy(), 20000);
        QVERIFY2(docs->statusLabel()->text().startsWith(QStringLiteral("Not added:")), qPrintable(docs->statusLabel()->text()));
        QTRY_COMPARE(docs->sourceList()->count(), 1);
        QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-wizard-bad-docs")));

        // A good one, then the same name again.
        typeInto(docs->repoEdit(), dir.filePath(QStringLiteral("docs-repo")));
        QTest::keyClick(docs->repoEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!docs->isBusy() && docs->sourceList()->count() == 2, 20000);
        QTest::keyClick(docs->repoEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!docs->isBusy(), 20000);
        QVERIFY2(docs->statusLabel()->text().contains(QStringLiteral("already exists")), qPrintable(docs->statusLabel()->text()));
        QTRY_COMPARE(docs->sourceList()->count(), 2);

        // Without docs is a choice too.
        docs->sourceList()->setCurrentRow(0);
        QVERIFY(wizard.validateCurrentPage());
        QVERIFY(!wizard.docsSource.has_value());
    }

    // A URL is cloned into the lab on a worker: Cancel (reached with the
    // keyboard) stops it and leaves no clone; the next try clones it.
    void aCloneCanBeCancelled()
    {
        QTemporaryDir dir;
        QString commit;
        const QString error = test::buildQuillstackDocs(dir.filePath(QStringLiteral("docs-repo")), &commit);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString labPath = dir.filePath(QStringLiteral("lab.sqlite"));
        StartWizard wizard(labPath);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        wizard.next();
        QVERIFY(wizard.planPage()->importFile(test::writeBenchPlan(dir.path())));
        wizard.next();
        WizardDocsPage *docs = wizard.docsPage();
        QTRY_VERIFY(docs->isComplete());

        typeInto(docs->repoEdit(), QUrl::fromLocalFile(dir.filePath(QStringLiteral("docs-repo"))).toString());
        QCOMPARE(docs->nameEdit()->text(), QStringLiteral("docs-repo"));
        docs->cloneBox()->setFocus();
        QTest::keyClick(docs->cloneBox(), Qt::Key_Space);
        QVERIFY(docs->cloneBox()->isChecked());
        QTest::keyClick(docs->repoEdit(), Qt::Key_Return);
        QVERIFY(docs->isBusy());
        QVERIFY(docs->progressBar()->isVisible() && docs->cancelButton()->isVisible());
        QCOMPARE(QApplication::focusWidget(), docs->cancelButton());
        QTest::keyClick(docs->cancelButton(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!docs->isBusy(), 20000);
        QCOMPARE(docs->statusLabel()->text(), QStringLiteral("Not added: cancelled"));
        QCOMPARE(QApplication::focusWidget(), docs->repoEdit());
        QTRY_COMPARE(docs->sourceList()->count(), 1);
        const QDir clones(docsClonesDir(labPath));
        QVERIFY2(clones.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty(),
                 qPrintable(clones.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden).join(QLatin1Char(' '))));

        QTest::keyClick(docs->repoEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!docs->isBusy() && docs->sourceList()->count() == 2, 20000);
        QVERIFY2(docs->statusLabel()->text().contains(QStringLiteral("Added docs-repo: 3 pages indexed.")), qPrintable(docs->statusLabel()->text()));
        QVERIFY(QFileInfo(clones.filePath(QStringLiteral("docs-repo"))).isDir());
        QVERIFY(wizard.validateCurrentPage());
        QCOMPARE(wizard.docsRevision, commit);
    }

    void noConsentNoSession()
    {
        QTemporaryDir dir;
        StartWizard wizard(dir.filePath(QStringLiteral("lab.sqlite")));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.next();
        QVERIFY(wizard.planPage()->importFile(test::writeBenchPlan(dir.path())));
        wizard.next();
        QTRY_VERIFY(wizard.docsPage()->isComplete());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(StartWizard::ParticipantPage));
        WizardParticipantPage *page = wizard.participantPage();
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("consentStatement"))->text().contains(QStringLiteral("Secrets such as tokens")));
        typeInto(page->pseudonymEdit(), QStringLiteral("dz-30"));
        QVERIFY(!page->isComplete());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        page->consentBox()->setFocus();
        QTest::keyClick(page->consentBox(), Qt::Key_Space);
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        typeInto(page->pseudonymEdit(), QStringLiteral("   "));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // blank is no pseudonym
    }
};

QTEST_MAIN(TestBenchWizard)
#include "test_bench_wizard.moc"
