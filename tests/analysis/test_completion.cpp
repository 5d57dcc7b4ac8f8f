// Completion rate with the adjusted-Wald interval, on worked examples.
//
// z = 1.959964, z² = 3.841459, z²/2 = 1.920729.
//   p_adj  = (x + 1.920729) / (n + 3.841459)
//   margin = 1.959964 × √(p_adj (1 - p_adj) / (n + 3.841459))

#include "sessions/analysis/completion.h"

#include <QTest>

#include <cmath>

using namespace devzero;
using namespace devzero::analysis;

class TestCompletion : public QObject
{
    Q_OBJECT

private slots:
    void adjustedWald_data()
    {
        QTest::addColumn<int>("successes");
        QTest::addColumn<int>("trials");
        QTest::addColumn<double>("adjusted");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");

        // 4 of 5: p_adj = 5.920729 / 8.841459 = 0.669655;
        // margin = 1.959964 × √(0.669655 × 0.330345 / 8.841459)
        //        = 1.959964 × √0.025020 = 1.959964 × 0.158178 = 0.310024;
        // [0.359631, 0.979679].
        QTest::newRow("4 of 5") << 4 << 5 << 0.669655 << 0.359631 << 0.979679;
        // 2 of 4: p_adj = 3.920729 / 7.841459 = 0.5 exactly;
        // margin = 1.959964 × √(0.25 / 7.841459) = 1.959964 × 0.178555 = 0.349961.
        QTest::newRow("2 of 4") << 2 << 4 << 0.5 << 0.150039 << 0.849961;
        // 3 of 4: p_adj = 4.920729 / 7.841459 = 0.627527;
        // margin = 1.959964 × √(0.627527 × 0.372473 / 7.841459) = 1.959964 × 0.172649 = 0.338387.
        QTest::newRow("3 of 4") << 3 << 4 << 0.627527 << 0.289141 << 0.965914;
        // All successes, 10 of 10: p_adj = 11.920729 / 13.841459 = 0.861234;
        // margin = 1.959964 × √(0.861234 × 0.138766 / 13.841459) = 0.182121;
        // 0.861234 + 0.182121 > 1: the top is clipped to 1.
        QTest::newRow("all successes") << 10 << 10 << 0.861234 << 0.679113 << 1.0;
        // All failures, 0 of 5: p_adj = 1.920729 / 8.841459 = 0.217241;
        // margin = 1.959964 × √(0.217241 × 0.782759 / 8.841459) = 0.271814;
        // the bottom is clipped to 0.
        QTest::newRow("all failures") << 0 << 5 << 0.217241 << 0.0 << 0.489055;
        // One attempt that succeeded: p_adj = 2.920729 / 4.841459 = 0.603275;
        // margin = 1.959964 × √(0.603275 × 0.396725 / 4.841459) = 0.435775.
        QTest::newRow("one success") << 1 << 1 << 0.603275 << 0.167499 << 1.0;
        // One attempt that failed: the mirror image.
        QTest::newRow("one failure") << 0 << 1 << 0.396725 << 0.0 << 0.832501;
    }

    void adjustedWald()
    {
        QFETCH(int, successes);
        QFETCH(int, trials);
        QFETCH(double, adjusted);
        QFETCH(double, low);
        QFETCH(double, high);
        Result<Completion> c = completionRate(successes, trials);
        QVERIFY2(c.ok(), qPrintable(c ? QString() : c.error().message));
        QCOMPARE(c->successes, successes);
        QCOMPARE(c->trials, trials);
        QVERIFY(std::abs(*c->rate - double(successes) / trials) < 1e-12);
        QVERIFY2(std::abs(*c->adjustedRate - adjusted) < 1e-6, qPrintable(QString::number(*c->adjustedRate, 'f', 8)));
        QVERIFY2(std::abs(c->ci95->low - low) < 1e-6, qPrintable(QString::number(c->ci95->low, 'f', 8)));
        QVERIFY2(std::abs(c->ci95->high - high) < 1e-6, qPrintable(QString::number(c->ci95->high, 'f', 8)));
    }

    void noTrialsGiveNoRate()
    {
        Result<Completion> c = completionRate(0, 0);
        QVERIFY(c.ok());
        QCOMPARE(c->trials, 0);
        QVERIFY(!c->rate);
        QVERIFY(!c->adjustedRate);
        QVERIFY(!c->ci95);
    }

    void badCountsAreErrors_data()
    {
        QTest::addColumn<int>("successes");
        QTest::addColumn<int>("trials");
        QTest::addColumn<QString>("says");
        QTest::newRow("more successes than trials") << 4 << 3 << QStringLiteral("more successes (4) than trials (3)");
        QTest::newRow("negative trials") << 0 << -1 << QStringLiteral("non-negative");
        QTest::newRow("negative successes") << -2 << 5 << QStringLiteral("non-negative");
    }

    void badCountsAreErrors()
    {
        QFETCH(int, successes);
        QFETCH(int, trials);
        QFETCH(QString, says);
        Result<Completion> c = completionRate(successes, trials);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message.contains(says), qPrintable(c.error().message));
    }
};

QTEST_GUILESS_MAIN(TestCompletion)
#include "test_completion.moc"
