// The bench and the start wizard at 125% scaling (QT_SCALE_FACTOR=1.25, set
// before the application exists): every visible label and button gets at
// least the room its text needs, and screenshots show what a tester sees.

#include "sessions/capture/clock.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/docindex/docindex.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "tests/ui/test_bench_support.h"
#include "ui/bench/benchsession.h"
#include "ui/bench/benchwindow.h"
#include "ui/bench/docspanel.h"
#include "ui/bench/labpaths.h"
#include "ui/bench/notebar.h"
#include "ui/bench/seqquestion.h"
#include "ui/bench/startwizard.h"
#include "ui/bench/susquestionnaire.h"
#include "ui/bench/thankyoupage.h"
#include "ui/bench/wizarddocspage.h"
#include "ui/bench/wizardparticipantpage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTemporaryDir>

using namespace devzero;
using namespace devzero::ui;

namespace {

// Widgets narrower or lower than their text needs: clipped text.
QStringList clippedWidgets(QWidget *window)
{
    QStringList clipped;
    const auto describe = [](QWidget *w, const QString &text) {
        return QStringLiteral("%1 \"%2\" %3x%4 < %5x%6")
            .arg(QString::fromLatin1(w->metaObject()->className()), text.left(40))
            .arg(w->width())
            .arg(w->height())
            .arg(w->minimumSizeHint().width())
            .arg(w->minimumSizeHint().height());
    };
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(window) || label->text().isEmpty() || label->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored)
            continue;
        const bool tooNarrow = !label->wordWrap() && label->width() < label->minimumSizeHint().width();
        const bool tooLow = label->wordWrap() && label->height() < label->heightForWidth(label->width());
        if (tooNarrow || tooLow)
            clipped << describe(label, label->text());
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(window) || button->text().isEmpty())
            continue;
        if (button->width() < button->minimumSizeHint().width() || button->height() < button->minimumSizeHint().height())
            clipped << describe(button, button->text());
    }
    return clipped;
}

} // namespace

class TestBenchScaled : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_labPath;
    qint64 m_sessionId = 0;

private slots:
    void initTestCase()
    {
        QCOMPARE(qgetenv("QT_SCALE_FACTOR"), QByteArray("1.25"));
        m_labPath = m_dir.filePath(QStringLiteral("lab.sqlite"));
        QString commit;
        const QString error = test::buildQuillstackDocs(m_dir.filePath(QStringLiteral("docs-repo")), &commit);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QDir().mkpath(labDataDir(m_labPath));
        auto index = docindex::DocIndex::open(docsIndexPath(m_labPath), docsClonesDir(m_labPath));
        QVERIFY(index.ok());
        docindex::SourceSpec spec;
        spec.name = QStringLiteral("quill");
        spec.repo = m_dir.filePath(QStringLiteral("docs-repo"));
        spec.subdir = QStringLiteral("docs");
        QVERIFY((*index)->addSource(spec).ok());

        m_sessionId = test::startBenchPlanSession(m_labPath, QStringLiteral("dz-12"), commit);
        QVERIFY(m_sessionId > 0);
    }

    void benchFitsItsText()
    {
        QString error;
        auto session = BenchSession::open(m_labPath, m_sessionId, false, capture::systemClock(), &error);
        QVERIFY2(session, qPrintable(error));
        BenchWindow bench(std::move(session), QStringLiteral("quill"));
        bench.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bench));
        QCOMPARE(bench.devicePixelRatio(), 1.25);
        QVERIFY(bench.session()->startTask());
        bench.docsPanel()->showPage(QStringLiteral("docs/getting-started.md"), QStringLiteral("install-the-cli"), QStringLiteral("panel"));
        QTRY_COMPARE(bench.docsPanel()->currentPage(), QStringLiteral("docs/getting-started.md"));
        bench.noteBar()->line()->setText(QStringLiteral("The CLI download page asks for an account first"));
        const QStringList clipped = clippedWidgets(&bench);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-125-percent")));
        const QImage shot(test::benchScreenshotPath(QStringLiteral("bench-125-percent")));
        QCOMPARE(shot.width(), qRound(bench.width() * 1.25));

        // The questions and the thank-you, at the same scale.
        QVERIFY(bench.session()->endTask(store::Outcome::Success));
        QCOMPARE(bench.pages()->currentWidget(), bench.seq());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_4);
        QStringList seqClipped = clippedWidgets(&bench);
        QVERIFY2(seqClipped.isEmpty(), qPrintable(seqClipped.join(QLatin1Char('\n'))));
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-125-percent-seq")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(bench.session()->skipTask());
        QCOMPARE(bench.pages()->currentWidget(), bench.sus());
        for (int answer : {4, 2, 4, 2, 4, 2, 4, 2, 4, 2})
            QTest::keyClick(QApplication::focusWidget(), Qt::Key(Qt::Key_0 + answer));
        const QStringList susClipped = clippedWidgets(&bench);
        QVERIFY2(susClipped.isEmpty(), qPrintable(susClipped.join(QLatin1Char('\n'))));
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-125-percent-sus")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(bench.pages()->currentWidget(), bench.thankYou());
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-125-percent-thank-you")));
    }

    void wizardFitsItsText()
    {
        StartWizard wizard(m_labPath);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QVERIFY(wizard.validateCurrentPage());
        wizard.next();
        QTRY_COMPARE(wizard.currentId(), int(StartWizard::PlanPage));
        wizard.next();
        QTRY_VERIFY(wizard.docsPage()->isComplete()); // its sources are read on a worker
        const QStringList docsClipped = clippedWidgets(&wizard);
        QVERIFY2(docsClipped.isEmpty(), qPrintable(docsClipped.join(QLatin1Char('\n'))));
        QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-wizard-125-percent-docs")));
        wizard.next();
        QTRY_COMPARE(wizard.currentId(), int(StartWizard::ParticipantPage));
        const QStringList clipped = clippedWidgets(&wizard);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
        QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-wizard-125-percent")));
    }
};

int main(int argc, char **argv)
{
    // Must be set before the application reads the environment.
    qputenv("QT_SCALE_FACTOR", "1.25");
    QApplication app(argc, argv);
    TestBenchScaled test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_bench_scaled.moc"
