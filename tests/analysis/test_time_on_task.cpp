// Time on task: geometric mean with the log-t interval, successes and
// failures apart, on worked examples.

#include "sessions/analysis/timeontask.h"

#include <QTest>

#include <cmath>

using namespace devzero;
using namespace devzero::analysis;
using store::Outcome;

namespace {

bool near(double actual, double expected, double tolerance = 1e-6)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

} // namespace

class TestTimeOnTask : public QObject
{
    Q_OBJECT

private slots:
    void geometricMean_data()
    {
        QTest::addColumn<QList<double>>("seconds");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("logSd");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");

        // 60, 120, 240 s: ln = 4.094345, 4.787492, 5.480639 (steps of ln 2);
        // mean of ln = 4.787492, exp = 120;
        // deviations -ln2, 0, ln2: var = 2 ln²2 / 2, sd = ln 2 = 0.693147;
        // se = ln2 / √3 = 0.400189; t(0.975, 2) = 4.302653;
        // margin = 1.721873, exp(margin) = 5.594998;
        // interval 120 / 5.594998 = 21.447727 to 120 × 5.594998 = 671.399805.
        QTest::newRow("60 120 240") << QList<double>{60, 120, 240} << 120.0 << 0.693147 << 21.447727 << 671.399805;
        // 10, 10, 40, 40 s: mean of ln = (ln10 + ln40) / 2 = ln 20; gm = 20;
        // deviations ±ln2 four times: var = 4 ln²2 / 3, sd = 2 ln2 / √3 = 0.800377;
        // se = sd / 2 = 0.400189; t(0.975, 3) = 3.182446; margin = 1.273579;
        // exp(margin) = 3.573620: 20 / 3.573620 = 5.596566, 20 × 3.573620 = 71.472400.
        QTest::newRow("10 10 40 40") << QList<double>{10, 10, 40, 40} << 20.0 << 0.800377 << 5.596566 << 71.472400;
        // Equal times: sd 0, the interval is the point.
        QTest::newRow("30 30") << QList<double>{30, 30} << 30.0 << 0.0 << 30.0 << 30.0;
    }

    void geometricMean()
    {
        QFETCH(QList<double>, seconds);
        QFETCH(double, mean);
        QFETCH(double, logSd);
        QFETCH(double, low);
        QFETCH(double, high);
        Result<GeometricSummary> g = geometricMeanInterval(seconds);
        QVERIFY2(g.ok(), qPrintable(g ? QString() : g.error().message));
        QCOMPARE(g->count, int(seconds.size()));
        QVERIFY2(near(*g->geometricMean, mean), qPrintable(QString::number(*g->geometricMean, 'f', 8)));
        QVERIFY2(near(*g->logSd, logSd), qPrintable(QString::number(*g->logSd, 'f', 8)));
        QVERIFY2(near(g->ci95->low, low), qPrintable(QString::number(g->ci95->low, 'f', 8)));
        QVERIFY2(near(g->ci95->high, high), qPrintable(QString::number(g->ci95->high, 'f', 8)));
    }

    void oneTimeGivesAMeanWithoutInterval()
    {
        Result<GeometricSummary> g = geometricMeanInterval({90});
        QVERIFY(g.ok());
        QCOMPARE(g->count, 1);
        QVERIFY(near(*g->geometricMean, 90));
        QVERIFY(!g->logSd);
        QVERIFY(!g->ci95);
    }

    void noTimesGiveNothing()
    {
        Result<GeometricSummary> g = geometricMeanInterval({});
        QVERIFY(g.ok());
        QCOMPARE(g->count, 0);
        QVERIFY(!g->geometricMean && !g->ci95);
    }

    void nonPositiveTimesAreErrors_data()
    {
        QTest::addColumn<QList<double>>("seconds");
        QTest::addColumn<QString>("says");
        QTest::newRow("zero") << QList<double>{10, 0} << QStringLiteral("value 2 is 0");
        QTest::newRow("negative") << QList<double>{-5} << QStringLiteral("value 1 is -5");
        QTest::newRow("infinite") << QList<double>{3, 4, std::numeric_limits<double>::infinity()} << QStringLiteral("value 3");
        QTest::newRow("nan") << QList<double>{std::nan("")} << QStringLiteral("value 1");
    }

    void nonPositiveTimesAreErrors()
    {
        QFETCH(QList<double>, seconds);
        QFETCH(QString, says);
        Result<GeometricSummary> g = geometricMeanInterval(seconds);
        QVERIFY(!g.ok());
        QVERIFY2(g.error().message.contains(says), qPrintable(g.error().message));
    }

    void successesAndFailuresApart()
    {
        // Successes 60, 240, 120 s: as above, gm 120, [21.447727, 671.399805].
        // Unsuccessful: failure 45 s and gave up 80 s: gm = √(45 × 80) = √3600 = 60;
        // ln(80/45) = ln(16/9): sd = ln(16/9)/√2 = 0.406844, se = ln(16/9)/2;
        // t(0.975, 1) = 12.706205: exp(margin) = (16/9)^6.353102 = (4/3)^12.706205 = 38.680953;
        // interval 60 / 38.680953 = 1.551151 to 60 × 38.680953 = 2320.857187.
        // The skipped attempt (1 s) counts in neither group.
        const QList<TimedAttempt> attempts{{Outcome::Success, 60}, {Outcome::Failure, 45}, {Outcome::Success, 240},
                                           {Outcome::GaveUp, 80},  {Outcome::Skipped, 1},  {Outcome::Success, 120}};
        Result<TimeOnTask> t = timeOnTask(attempts);
        QVERIFY(t.ok());
        QCOMPARE(t->successful.count, 3);
        QVERIFY(near(*t->successful.geometricMean, 120));
        QVERIFY(near(t->successful.ci95->low, 21.447727));
        QCOMPARE(t->unsuccessful.count, 2);
        QVERIFY(near(*t->unsuccessful.geometricMean, 60));
        QVERIFY(near(*t->unsuccessful.logSd, 0.406844));
        QVERIFY(near(t->unsuccessful.ci95->low, 1.551151));
        QVERIFY(near(t->unsuccessful.ci95->high, 2320.857187));
    }

    void allFailures()
    {
        Result<TimeOnTask> t = timeOnTask({{Outcome::Failure, 30}, {Outcome::GaveUp, 120}});
        QVERIFY(t.ok());
        QCOMPARE(t->successful.count, 0);
        QVERIFY(!t->successful.geometricMean);
        QCOMPARE(t->unsuccessful.count, 2);
        QVERIFY(near(*t->unsuccessful.geometricMean, 60)); // √(30 × 120) = √3600
    }

    void badTimeSaysWhichGroup()
    {
        Result<TimeOnTask> t = timeOnTask({{Outcome::Success, 10}, {Outcome::GaveUp, 0}});
        QVERIFY(!t.ok());
        QVERIFY2(t.error().message.contains(QStringLiteral("unsuccessful")), qPrintable(t.error().message));
    }
};

QTEST_GUILESS_MAIN(TestTimeOnTask)
#include "test_time_on_task.moc"
