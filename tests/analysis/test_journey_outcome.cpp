// One session in one journey: time to first success and whether the
// journey's outcome was achieved.

#include "sessions/analysis/journeyoutcome.h"

#include <QTest>

using namespace devzero;
using namespace devzero::analysis;
using store::Outcome;

Q_DECLARE_METATYPE(std::optional<qint64>)
Q_DECLARE_METATYPE(devzero::analysis::JourneyAttempt)

namespace {

// Tasks 1 and 2 form the journey; task 9 belongs to another one.
const QList<qint64> kJourney{1, 2};

JourneyAttempt ended(qint64 task, Outcome outcome, qint64 activeMs)
{
    return JourneyAttempt{task, outcome, activeMs};
}

JourneyAttempt open(qint64 task)
{
    return JourneyAttempt{task, std::nullopt, std::nullopt};
}

} // namespace

class TestJourneyOutcome : public QObject
{
    Q_OBJECT

private slots:
    void timeToFirstSuccess_data()
    {
        QTest::addColumn<QList<JourneyAttempt>>("attempts");
        QTest::addColumn<std::optional<qint64>>("expected");

        QTest::newRow("first attempt succeeds") << QList<JourneyAttempt>{ended(1, Outcome::Success, 60'000)}
                                                << std::optional<qint64>(60'000);
        // Failed 60 s, then succeeded 90 s: 60 + 90 = 150 s.
        QTest::newRow("failure then success")
            << QList<JourneyAttempt>{ended(1, Outcome::Failure, 60'000), ended(1, Outcome::Success, 90'000)}
            << std::optional<qint64>(150'000);
        // Stops at the first success: 30 s; the later attempts do not count.
        QTest::newRow("stops at the first success")
            << QList<JourneyAttempt>{ended(1, Outcome::Success, 30'000), ended(2, Outcome::Failure, 10'000),
                                     ended(2, Outcome::Success, 20'000)}
            << std::optional<qint64>(30'000);
        // The first success may be the journey's second task: skipped 1 s +
        // gave up 40 s + success 100 s = 141 s.
        QTest::newRow("success at another task")
            << QList<JourneyAttempt>{ended(1, Outcome::Skipped, 1'000), ended(1, Outcome::GaveUp, 40'000),
                                     ended(2, Outcome::Success, 100'000)}
            << std::optional<qint64>(141'000);
        // Another journey's attempt in between (task 9, 500 s) does not count: 20 + 30 = 50 s.
        QTest::newRow("other journeys ignored")
            << QList<JourneyAttempt>{ended(1, Outcome::Failure, 20'000), ended(9, Outcome::Success, 500'000),
                                     ended(1, Outcome::Success, 30'000)}
            << std::optional<qint64>(50'000);
        QTest::newRow("no success") << QList<JourneyAttempt>{ended(1, Outcome::Failure, 20'000), ended(2, Outcome::GaveUp, 5'000)}
                                    << std::optional<qint64>();
        QTest::newRow("only open") << QList<JourneyAttempt>{open(1)} << std::optional<qint64>();
        QTest::newRow("nothing") << QList<JourneyAttempt>{} << std::optional<qint64>();
    }

    void timeToFirstSuccess()
    {
        QFETCH(QList<JourneyAttempt>, attempts);
        QFETCH(std::optional<qint64>, expected);
        QCOMPARE(timeToFirstSuccessMs(kJourney, attempts), expected);
    }

    void journeyResult_data()
    {
        QTest::addColumn<QList<JourneyAttempt>>("attempts");
        QTest::addColumn<int>("expected");
        const int notAttempted = int(JourneyResult::NotAttempted);
        const int achieved = int(JourneyResult::Achieved);
        const int notAchieved = int(JourneyResult::NotAchieved);

        QTest::newRow("both tasks succeed")
            << QList<JourneyAttempt>{ended(1, Outcome::Success, 1), ended(2, Outcome::Success, 1)} << achieved;
        QTest::newRow("retry succeeds")
            << QList<JourneyAttempt>{ended(1, Outcome::Success, 1), ended(2, Outcome::GaveUp, 1), ended(2, Outcome::Success, 1)}
            << achieved;
        QTest::newRow("second task failed")
            << QList<JourneyAttempt>{ended(1, Outcome::Success, 1), ended(2, Outcome::Failure, 1)} << notAchieved;
        QTest::newRow("second task skipped")
            << QList<JourneyAttempt>{ended(1, Outcome::Success, 1), ended(2, Outcome::Skipped, 1)} << notAchieved;
        QTest::newRow("second task never started") << QList<JourneyAttempt>{ended(1, Outcome::Success, 1)} << notAchieved;
        QTest::newRow("second task left open") << QList<JourneyAttempt>{ended(1, Outcome::Success, 1), open(2)} << notAchieved;
        QTest::newRow("all skipped")
            << QList<JourneyAttempt>{ended(1, Outcome::Skipped, 1), ended(2, Outcome::Skipped, 1)} << notAttempted;
        QTest::newRow("only another journey") << QList<JourneyAttempt>{ended(9, Outcome::Success, 1)} << notAttempted;
        QTest::newRow("only open") << QList<JourneyAttempt>{open(1)} << notAttempted;
    }

    void journeyResult()
    {
        QFETCH(QList<JourneyAttempt>, attempts);
        QFETCH(int, expected);
        QCOMPARE(int(analysis::journeyResult(kJourney, attempts)), expected);
    }
};

QTEST_GUILESS_MAIN(TestJourneyOutcome)
#include "test_journey_outcome.moc"
