// The demo lab as the platform team and the docs owners first see it: the
// review window's overview and notes and the triage queue, opened offscreen
// on a lab made by demo::createDemoLab. They must show data (the demo's
// point is a full picture), and the webhooks page, which the demo's testers
// stumble on most, must rank near the top of the triage queue. Saves the
// screenshots the README shows (build/screenshots/demo-*.png).

#include "sessions/demo/demolab.h"
#include "tests/common/testsupport.h"
#include "ui/review/metricsmodels.h"
#include "ui/review/notesmodel.h"
#include "ui/review/notespanel.h"
#include "ui/review/overviewpanel.h"
#include "ui/review/reviewwindow.h"
#include "ui/triage/triagefiltermodel.h"
#include "ui/triage/triagequeuemodel.h"
#include "ui/triage/triagewindow.h"

#include <QCoreApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::ui;

namespace {

// How far down the queue the webhooks page may sit and still be "on top".
constexpr int TopFlags = 5;

} // namespace

class TestDemoScreens : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_labPath;

    static void save(QWidget *widget, const QString &name)
    {
        // Layouts settle in posted events: let them run so the picture is what a user sees.
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
        }
        const QString path = test::screenshotDir() + QLatin1Char('/') + name;
        QVERIFY2(widget->grab().save(path), qPrintable(path));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        demo::DemoOptions options;
        options.labPath = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const Result<demo::DemoSummary> summary = demo::createDemoLab(options);
        QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().toString()));
        QVERIFY(summary.value().sessions > 0);
        m_labPath = summary.value().labPath;
    }

    void reviewShowsTheDemoSessions()
    {
        ReviewWindow w;
        w.resize(1360, 860);
        QSignalSpy loaded(&w, &ReviewWindow::loaded);
        w.show();
        w.openLab(m_labPath);
        QVERIFY(loaded.count() > 0 || loaded.wait(30000));
        QVERIFY2(loaded.last().first().toBool(), qPrintable(w.lastError()));

        QVERIFY(w.overview()->journeys()->rowCount() > 0);
        QVERIFY(w.overview()->tasks()->rowCount() > 0);
        QVERIFY2(w.overview()->susText().contains(QLatin1String("grade")), qPrintable(w.overview()->susText()));
        save(&w, QStringLiteral("demo-review-overview.png"));

        // A journey drills down to its notes, as a reviewer would.
        emit w.overview()->journeyView()->activated(w.overview()->journeys()->index(0, 0));
        QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget *>(w.notes()));
        QVERIFY(w.notes()->model()->rowCount() > 0);
        QVERIFY(w.notes()->filter()->rowCount() > 0);
        QVERIFY(w.notes()->filter()->rowCount() < w.notes()->model()->rowCount());
        // The count under the table follows the journey filter.
        auto *count = w.notes()->findChild<QLabel *>(QStringLiteral("notesCount"));
        QVERIFY(count);
        QTRY_COMPARE(count->text(), QStringLiteral("%1 of %2 notes")
                                        .arg(w.notes()->filter()->rowCount())
                                        .arg(w.notes()->model()->rowCount()));
        save(&w, QStringLiteral("demo-review-notes.png"));
    }

    void triageRanksTheWebhooksPageHigh()
    {
        TriageWindow w;
        w.resize(1400, 860);
        QSignalSpy loaded(&w, &TriageWindow::loaded);
        w.show();
        w.openLab(m_labPath);
        QVERIFY(loaded.count() > 0 || loaded.wait(30000));
        QVERIFY2(loaded.first().first().toBool(), qPrintable(w.lastError()));

        const TriageSnapshot &snapshot = w.queueModel()->snapshot();
        QVERIFY(!snapshot.items.isEmpty());
        QCOMPARE(w.filterModel()->rowCount(), snapshot.items.size());
        QStringList top;
        for (int i = 0; i < qMin(TopFlags, int(snapshot.items.size())); ++i)
            top << snapshot.items[i].flag.path + QLatin1Char(':') + snapshot.items[i].flag.ruleId;
        const int webhooks = int(std::find_if(snapshot.items.cbegin(), snapshot.items.cend(),
                                              [](const TriageItem &item) { return item.flag.path == QLatin1String("docs/webhooks.md"); })
                                 - snapshot.items.cbegin());
        QVERIFY2(webhooks < TopFlags, qPrintable(top.join(QStringLiteral(", "))));

        // Open the webhooks flag so the picture shows its lines and evidence.
        QSignalSpy pageShown(&w, &TriageWindow::pageShown);
        QVERIFY(w.selectFlag(snapshot.items[webhooks].fingerprint));
        QVERIFY(pageShown.count() > 0 || pageShown.wait(10000));
        save(&w, QStringLiteral("demo-triage.png"));
    }
};

QTEST_MAIN(TestDemoScreens)
#include "test_demo_screens.moc"
