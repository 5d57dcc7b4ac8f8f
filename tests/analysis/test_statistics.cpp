// Student's t and the mean with its t interval, against printed tables,
// closed forms and hand-computed examples.

#include "sessions/analysis/statistics.h"

#include <QTest>

#include <cmath>

using namespace devzero::analysis;

namespace {

// Closed forms of the t quantile (exact for these degrees of freedom).
double quantileDf1(double p)
{
    return std::tan(M_PI * (p - 0.5));
}

double quantileDf2(double p)
{
    return (2 * p - 1) / std::sqrt(2 * p * (1 - p));
}

double quantileDf4(double p)
{
    const double a = 4 * p * (1 - p);
    const double q = std::cos(std::acos(std::sqrt(a)) / 3) / std::sqrt(a);
    return std::copysign(2 * std::sqrt(q - 1), p - 0.5);
}

// The Cornish-Fisher expansion of t in the normal quantile z, four terms;
// its error is below 1e-7 from 100 degrees of freedom up.
double quantileExpansion(double z, double v)
{
    return z + (std::pow(z, 3) + z) / (4 * v) + (5 * std::pow(z, 5) + 16 * std::pow(z, 3) + 3 * z) / (96 * v * v)
           + (3 * std::pow(z, 7) + 19 * std::pow(z, 5) + 17 * std::pow(z, 3) - 15 * z) / (384 * v * v * v);
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT

private slots:
    void tQuantileMatchesTables_data()
    {
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("df");
        QTest::addColumn<double>("expected");
        // Two-sided 95% critical values as printed in t tables (12.706,
        // 4.303, 2.571, 2.228, 2.042, 1.984), here to 7 significant digits.
        QTest::newRow("0.975 df1") << 0.975 << 1.0 << 12.706205;
        QTest::newRow("0.975 df2") << 0.975 << 2.0 << 4.302653;
        QTest::newRow("0.975 df3") << 0.975 << 3.0 << 3.182446;
        QTest::newRow("0.975 df4") << 0.975 << 4.0 << 2.776445;
        QTest::newRow("0.975 df5") << 0.975 << 5.0 << 2.570582;
        QTest::newRow("0.975 df10") << 0.975 << 10.0 << 2.228139;
        QTest::newRow("0.975 df20") << 0.975 << 20.0 << 2.085963;
        QTest::newRow("0.975 df30") << 0.975 << 30.0 << 2.042272;
        QTest::newRow("0.975 df60") << 0.975 << 60.0 << 2.000298;
        QTest::newRow("0.975 df100") << 0.975 << 100.0 << 1.983972;
        QTest::newRow("0.975 df120") << 0.975 << 120.0 << 1.979930;
        QTest::newRow("0.975 df1000") << 0.975 << 1000.0 << 1.962339;
        // One-sided 95% and two-sided 99%.
        QTest::newRow("0.95 df1") << 0.95 << 1.0 << 6.313752;
        QTest::newRow("0.95 df10") << 0.95 << 10.0 << 1.812461;
        QTest::newRow("0.95 df30") << 0.95 << 30.0 << 1.697261;
        QTest::newRow("0.995 df1") << 0.995 << 1.0 << 63.656741;
        QTest::newRow("0.995 df10") << 0.995 << 10.0 << 3.169273;
        QTest::newRow("0.995 df1000") << 0.995 << 1000.0 << 2.580755;
        // The lower tail is the mirror image.
        QTest::newRow("0.025 df5") << 0.025 << 5.0 << -2.570582;
        QTest::newRow("0.5 df7") << 0.5 << 7.0 << 0.0;
    }

    void tQuantileMatchesTables()
    {
        QFETCH(double, p);
        QFETCH(double, df);
        QFETCH(double, expected);
        const double t = studentTQuantile(p, df);
        QVERIFY2(std::abs(t - expected) < 2e-6, qPrintable(QStringLiteral("t(%1, %2) = %3, table %4").arg(p).arg(df).arg(t, 0, 'g', 10).arg(expected)));
    }

    void tQuantileMatchesClosedForms()
    {
        for (double p : {0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999, 0.2, 0.01}) {
            QVERIFY(std::abs(studentTQuantile(p, 1) - quantileDf1(p)) < 1e-4 * std::max(1.0, std::abs(quantileDf1(p))));
            QVERIFY(std::abs(studentTQuantile(p, 2) - quantileDf2(p)) < 1e-6);
            QVERIFY(std::abs(studentTQuantile(p, 4) - quantileDf4(p)) < 1e-6);
        }
    }

    void tQuantileIsAccurateUpToDf1000()
    {
        // From 100 degrees of freedom on, the expansion is an independent
        // reference; below, the quantile must invert the CDF and fall as the
        // degrees of freedom grow.
        const double z = 1.959963984540054; // the normal 0.975 quantile
        double previous = studentTQuantile(0.975, 1);
        for (int df = 1; df <= 1000; ++df) {
            const double t = studentTQuantile(0.975, df);
            QVERIFY2(std::abs(studentTCdf(t, df) - 0.975) < 1e-9, qPrintable(QString::number(df)));
            if (df > 1)
                QVERIFY2(t < previous, qPrintable(QString::number(df)));
            if (df >= 100)
                QVERIFY2(std::abs(t - quantileExpansion(z, df)) < 1e-6, qPrintable(QString::number(df)));
            previous = t;
        }
        QVERIFY(previous > z);
    }

    void tCdfKnownValues()
    {
        // df 1 is the Cauchy distribution: P(T <= 1) = 1/2 + atan(1)/π = 0.75.
        QVERIFY(std::abs(studentTCdf(1.0, 1) - 0.75) < 1e-12);
        QVERIFY(std::abs(studentTCdf(-1.0, 1) - 0.25) < 1e-12);
        // df 2: P(T <= t) = 1/2 + t / (2 √(2 + t²)); t = 2 gives 1/2 + 2/(2√6) = 0.908248.
        QVERIFY(std::abs(studentTCdf(2.0, 2) - (0.5 + 1.0 / std::sqrt(6.0))) < 1e-12);
        QCOMPARE(studentTCdf(0.0, 9), 0.5);
    }

    void incompleteBetaKnownValues()
    {
        // I_x(a, 1) = x^a;  I_x(1, b) = 1 - (1 - x)^b;  I_0.5(a, a) = 0.5.
        QVERIFY(std::abs(regularizedIncompleteBeta(3, 1, 0.4) - 0.064) < 1e-12);
        QVERIFY(std::abs(regularizedIncompleteBeta(1, 3, 0.4) - (1 - 0.216)) < 1e-12);
        QVERIFY(std::abs(regularizedIncompleteBeta(7.5, 7.5, 0.5) - 0.5) < 1e-12);
        QVERIFY(std::abs(regularizedIncompleteBeta(250, 250, 0.5) - 0.5) < 1e-10);
        QCOMPARE(regularizedIncompleteBeta(2, 3, 0.0), 0.0);
        QCOMPARE(regularizedIncompleteBeta(2, 3, 1.0), 1.0);
    }

    void outsideTheDomainIsNaN()
    {
        QVERIFY(std::isnan(studentTQuantile(0.0, 5)));
        QVERIFY(std::isnan(studentTQuantile(1.0, 5)));
        QVERIFY(std::isnan(studentTQuantile(-0.2, 5)));
        QVERIFY(std::isnan(studentTQuantile(0.975, 0)));
        QVERIFY(std::isnan(studentTQuantile(0.975, -3)));
        QVERIFY(std::isnan(studentTCdf(1.0, 0)));
        QVERIFY(std::isnan(regularizedIncompleteBeta(0, 1, 0.5)));
        QVERIFY(std::isnan(regularizedIncompleteBeta(1, 1, 1.5)));
    }

    void meanWithIntervalWorkedExample()
    {
        // 5, 6, 7, 4, 6: mean 28/5 = 5.6; deviations -0.6 0.4 1.4 -1.6 0.4,
        // squares 0.36 + 0.16 + 1.96 + 2.56 + 0.16 = 5.2; var 5.2/4 = 1.3;
        // sd = √1.3 = 1.140175; se = 1.140175/√5 = 0.509902;
        // t(0.975, 4) = 2.776445; margin = 1.415715; [4.184285, 7.015715].
        const MeanSummary m = meanWithInterval({5, 6, 7, 4, 6});
        QCOMPARE(m.count, 5);
        QVERIFY(std::abs(*m.mean - 5.6) < 1e-12);
        QVERIFY(std::abs(*m.sd - 1.140175) < 1e-6);
        QVERIFY(std::abs(m.ci95->low - 4.184285) < 1e-6);
        QVERIFY(std::abs(m.ci95->high - 7.015715) < 1e-6);
        // The same values on a 1..7 scale: the top is clipped at 7.
        const MeanSummary clipped = meanWithInterval({5, 6, 7, 4, 6}, 1, 7);
        QVERIFY(std::abs(clipped.ci95->low - 4.184285) < 1e-6);
        QCOMPARE(clipped.ci95->high, 7.0);
    }

    void meanWithTooFewValues()
    {
        const MeanSummary none = meanWithInterval({});
        QCOMPARE(none.count, 0);
        QVERIFY(!none.mean && !none.sd && !none.ci95);
        const MeanSummary one = meanWithInterval({4.5});
        QCOMPARE(one.count, 1);
        QCOMPARE(*one.mean, 4.5);
        QVERIFY(!one.sd && !one.ci95);
        // Equal values: sd 0, the interval collapses onto the mean.
        const MeanSummary same = meanWithInterval({3, 3, 3});
        QCOMPARE(*same.sd, 0.0);
        QCOMPARE(same.ci95->low, 3.0);
        QCOMPARE(same.ci95->high, 3.0);
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "test_statistics.moc"
