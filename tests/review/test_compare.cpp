// Before/after statistics: Fisher's exact test and Welch's t test against
// values computed independently (exact enumeration and numerical
// integration of the t density, outside this code), and the comparison of
// a real lab's two docs revisions.

#include "sessions/analysis/compare.h"
#include "tests/review/reviewlab.h"

#include <QTest>

#include <cmath>

using namespace devzero;
using namespace devzero::analysis;

class TestCompare : public QObject
{
    Q_OBJECT

private slots:
    void fisher_data()
    {
        QTest::addColumn<int>("a");
        QTest::addColumn<int>("b");
        QTest::addColumn<int>("c");
        QTest::addColumn<int>("d");
        QTest::addColumn<double>("p");
        QTest::newRow("strong") << 1 << 9 << 11 << 3 << 0.002759456185220083;
        QTest::newRow("small") << 3 << 1 << 1 << 3 << 0.4857142857142857;
        QTest::newRow("8/10 vs 1/6") << 8 << 2 << 1 << 5 << 0.03496503496503496;
        QTest::newRow("all vs none") << 0 << 5 << 5 << 0 << 0.007936507936507936;
        QTest::newRow("identical") << 2 << 3 << 2 << 3 << 1.0;
        QTest::newRow("empty side") << 0 << 0 << 4 << 1 << 1.0;
        QTest::newRow("all succeed") << 4 << 0 << 6 << 0 << 1.0;
    }
    void fisher()
    {
        QFETCH(int, a);
        QFETCH(int, b);
        QFETCH(int, c);
        QFETCH(int, d);
        QFETCH(double, p);
        QVERIFY2(std::fabs(fisherExactTwoSided(a, b, c, d) - p) < 1e-9, qPrintable(QString::number(fisherExactTwoSided(a, b, c, d), 'g', 12)));
        // Symmetric in the two groups.
        QVERIFY(std::fabs(fisherExactTwoSided(c, d, a, b) - p) < 1e-9);
    }
    void fisherBadInput() { QVERIFY(std::isnan(fisherExactTwoSided(-1, 2, 3, 4))); }

    void welch()
    {
        const QList<double> a = {27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4};
        const QList<double> b = {27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4};
        const std::optional<WelchTest> t = welchTest(a, b);
        QVERIFY(t);
        QVERIFY(std::fabs(t->t - -2.45535639828601) < 1e-9);
        QVERIFY(std::fabs(t->df - 24.98852929023142) < 1e-9);
        QVERIFY2(std::fabs(t->pValue - 0.021378001462888124) < 1e-6, qPrintable(QString::number(t->pValue, 'g', 10)));

        const QList<double> logsA = {std::log(60.0), std::log(90.0), std::log(120.0), std::log(45.0)};
        const QList<double> logsB = {std::log(30.0), std::log(35.0), std::log(40.0), std::log(50.0)};
        const std::optional<WelchTest> l = welchTest(logsA, logsB);
        QVERIFY(l);
        QVERIFY(std::fabs(l->t - 2.715855724386808) < 1e-9);
        QVERIFY2(std::fabs(l->pValue - 0.047930761914104836) < 1e-5, qPrintable(QString::number(l->pValue, 'g', 10)));
    }
    void welchEdges()
    {
        QVERIFY(!welchTest({1.0}, {1.0, 2.0})); // one value on a side
        QVERIFY(!welchTest({2.0, 2.0}, {3.0, 3.0})); // no variance, different means
        const std::optional<WelchTest> same = welchTest({2.0, 2.0}, {2.0, 2.0});
        QVERIFY(same && same->pValue == 1.0);
    }

    void labRevisions()
    {
        test::ReviewLab lab;
        const QString built = lab.build();
        QVERIFY2(built.isEmpty(), qPrintable(built));
        QVERIFY(lab.changePaymentsPage().isEmpty());
        // Five clean sessions at revision 2: task 1.2 goes from 1 of 3 to 5 of 5.
        capture::ManualClock clock(1'768'000'000'000);
        for (int i = 0; i < 5; ++i)
            QVERIFY(lab.recordSession(clock, QStringLiteral("dz-after-%1").arg(i), store::Experience::Novice, lab.commit2, 3).isEmpty());
        MetricsFilter before, after;
        before.docsRevision = lab.commit1.left(8);
        after.docsRevision = lab.commit2;
        Result<Comparison> c = compareLab(*lab.lab, before, after);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        QCOMPARE(c->sessionsBefore, 3);
        QCOMPARE(c->sessionsAfter, 5);
        QCOMPARE(c->tasks.size(), 2);
        const TaskComparison &charge = c->tasks[1];
        QCOMPARE(charge.number, QStringLiteral("1.2"));
        QCOMPARE(charge.before.trials, 3);
        QCOMPARE(charge.before.successes, 1);
        QCOMPARE(charge.after.successes, 5);
        QVERIFY(std::fabs(*charge.completionDiff - (1.0 - 1.0 / 3)) < 1e-12);
        QVERIFY(std::fabs(*charge.completionP - fisherExactTwoSided(1, 2, 5, 0)) < 1e-12);
        QVERIFY(!charge.completionExceedsNoise()); // 0.107: 8 sessions are not enough
        QVERIFY(describeCompletion(charge).contains(QLatin1String("within noise")));
        // Time on 1.2: one success of 200 s before; too few to test.
        QVERIFY(charge.timeRatio);
        QVERIFY(!charge.timeTest);
        QVERIFY(describeTime(charge).contains(QLatin1String("too few")));
        // SEQ on 1.2: 2, 4, 1 before; 6 x5 after (no variance): Welch's df is
        // 2, where the two-sided p has the closed form 1 - t / sqrt(2 + t^2).
        QVERIFY(charge.seqTest);
        const double t = (6.0 - 7.0 / 3) / std::sqrt((7.0 / 3) / 3);
        QVERIFY(std::fabs(charge.seqTest->df - 2.0) < 1e-9);
        QVERIFY(std::fabs(charge.seqTest->pValue - (1 - t / std::sqrt(2 + t * t))) < 1e-6);
        QVERIFY(!charge.seqExceedsNoise()); // p = 0.053: three answers before are too few
        QVERIFY(std::fabs(*charge.seqDiff - (6.0 - 7.0 / 3)) < 1e-12);

        // A filter that cannot match says which side.
        MetricsFilter broken;
        broken.since = QDate(2026, 2, 1);
        broken.until = QDate(2026, 1, 1);
        Result<Comparison> bad = compareLab(*lab.lab, broken, after);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().where, QStringLiteral("before"));
    }
};

QTEST_GUILESS_MAIN(TestCompare)
#include "test_compare.moc"
