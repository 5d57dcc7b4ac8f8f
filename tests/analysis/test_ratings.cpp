// SEQ against its benchmark and SUS with its grade and subscales, on
// worked examples.

#include "sessions/analysis/seq.h"
#include "sessions/analysis/sus.h"

#include <QTest>

#include <cmath>

using namespace devzero;
using namespace devzero::analysis;

namespace {

bool near(double actual, double expected, double tolerance = 1e-6)
{
    return std::abs(actual - expected) <= tolerance;
}

} // namespace

class TestRatings : public QObject
{
    Q_OBJECT

private slots:
    void seqAgainstBenchmark_data()
    {
        QTest::addColumn<QList<int>>("answers");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<QString>("comparison");

        // 2, 3, 3, 4: mean 3; deviations -1 0 0 1, var 2/3, sd 0.816497;
        // se 0.816497/2 = 0.408248; t(0.975, 3) = 3.182446; margin 1.299228;
        // [1.700772, 4.299228] lies wholly below 5.5.
        QTest::newRow("below") << QList<int>{2, 3, 3, 4} << 3.0 << 1.700772 << 4.299228 << QStringLiteral("below");
        // 7, 7, 6, 6: mean 6.5; deviations ±0.5, var 1/3, sd 0.577350; se 0.288675;
        // margin 3.182446 × 0.288675 = 0.918693; [5.581307, 7.418693], clipped
        // to the scale's top 7; 5.581307 > 5.5: above.
        QTest::newRow("above") << QList<int>{7, 7, 6, 6} << 6.5 << 5.581307 << 7.0 << QStringLiteral("above");
        // 5, 6, 7, 4, 6: mean 5.6, sd √1.3 = 1.140175, se 0.509902,
        // t(0.975, 4) = 2.776445, margin 1.415715: [4.184285, 7.015715 -> 7]
        // contains 5.5: overlaps.
        QTest::newRow("overlaps") << QList<int>{5, 6, 7, 4, 6} << 5.6 << 4.184285 << 7.0 << QStringLiteral("overlaps");
        // 5, 3: mean 4, sd √2, se 1, t(0.975, 1) = 12.706205: [-8.706, 16.706]
        // clipped to the scale [1, 7].
        QTest::newRow("wide, clipped") << QList<int>{5, 3} << 4.0 << 1.0 << 7.0 << QStringLiteral("overlaps");
    }

    void seqAgainstBenchmark()
    {
        QFETCH(QList<int>, answers);
        QFETCH(double, mean);
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(QString, comparison);
        Result<SeqSummary> s = seqSummary(answers);
        QVERIFY2(s.ok(), qPrintable(s ? QString() : s.error().message));
        QCOMPARE(s->answers.count, int(answers.size()));
        QCOMPARE(s->benchmark, 5.5);
        QVERIFY(near(*s->answers.mean, mean));
        QVERIFY(near(*s->difference, mean - 5.5));
        QVERIFY2(near(s->answers.ci95->low, low), qPrintable(QString::number(s->answers.ci95->low, 'f', 8)));
        QVERIFY2(near(s->answers.ci95->high, high), qPrintable(QString::number(s->answers.ci95->high, 'f', 8)));
        QCOMPARE(toString(s->comparison), comparison);
    }

    void seqWithFewAnswers()
    {
        Result<SeqSummary> none = seqSummary({});
        QVERIFY(none.ok());
        QVERIFY(!none->answers.mean && !none->difference);
        QCOMPARE(toString(none->comparison), toString(BenchmarkComparison::NotEnoughData));
        Result<SeqSummary> one = seqSummary({6});
        QVERIFY(one.ok());
        QCOMPARE(*one->answers.mean, 6.0);
        QCOMPARE(*one->difference, 0.5);
        QVERIFY(!one->answers.ci95);
        QCOMPARE(toString(one->comparison), toString(BenchmarkComparison::NotEnoughData));
        // Another benchmark: 2, 3, 3, 4 against 4.5: [1.700772, 4.299228] below.
        QCOMPARE(toString(seqSummary({2, 3, 3, 4}, 4.5)->comparison), toString(BenchmarkComparison::Below));
        QCOMPARE(toString(seqSummary({2, 3, 3, 4}, 4.0)->comparison), toString(BenchmarkComparison::Overlaps));
    }

    void seqOutOfRangeIsAnError()
    {
        Result<SeqSummary> s = seqSummary({5, 8, 2});
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(QStringLiteral("answer 2 is 8")), qPrintable(s.error().message));
        QVERIFY(!seqSummary({0}).ok());
    }

    void susScore_data()
    {
        QTest::addColumn<QList<int>>("answers");
        QTest::addColumn<double>("score");
        QTest::addColumn<double>("learnability");
        QTest::addColumn<double>("usability");
        QTest::addColumn<QString>("grade");

        // Every answer 3: odd items 3-1 = 2 each (10), even items 5-3 = 2 each (10);
        // 20 × 2.5 = 50, F. Items 4 and 10: 2 + 2 = 4, × 12.5 = 50;
        // the other eight: 16 × 3.125 = 50.
        QTest::newRow("neutral") << QList<int>{3, 3, 3, 3, 3, 3, 3, 3, 3, 3} << 50.0 << 50.0 << 50.0 << QStringLiteral("F");
        // Best answers (odd 5, even 1): 10 × 4 = 40, × 2.5 = 100.
        QTest::newRow("best") << QList<int>{5, 1, 5, 1, 5, 1, 5, 1, 5, 1} << 100.0 << 100.0 << 100.0 << QStringLiteral("A+");
        // Worst answers (odd 1, even 5): 0.
        QTest::newRow("worst") << QList<int>{1, 5, 1, 5, 1, 5, 1, 5, 1, 5} << 0.0 << 0.0 << 0.0 << QStringLiteral("F");
        // 4 2 5 1 4 2 5 1 4 2: odd 4,5,4,5,4 -> 3+4+3+4+3 = 17; even 2,1,2,1,2 -> 3+4+3+4+3 = 17;
        // 34 × 2.5 = 85, A+. Item 4 (1) -> 4, item 10 (2) -> 3: 7 × 12.5 = 87.5;
        // the rest 34 - 7 = 27, × 3.125 = 84.375.
        QTest::newRow("85") << QList<int>{4, 2, 5, 1, 4, 2, 5, 1, 4, 2} << 85.0 << 87.5 << 84.375 << QStringLiteral("A+");
        // 4 2 4 2 ...: every item contributes 3; 30 × 2.5 = 75, B; 6 × 12.5 = 75; 24 × 3.125 = 75.
        QTest::newRow("75") << QList<int>{4, 2, 4, 2, 4, 2, 4, 2, 4, 2} << 75.0 << 75.0 << 75.0 << QStringLiteral("B");
        // 5 2 4 4 4 1 5 2 4 3: odd 5,4,4,5,4 -> 4+3+3+4+3 = 17; even 2,4,1,2,3 -> 3+1+4+3+2 = 13;
        // 30 × 2.5 = 75, B. Item 4 (4) -> 1, item 10 (3) -> 2: 3 × 12.5 = 37.5;
        // the rest 27 × 3.125 = 84.375.
        QTest::newRow("learnability apart") << QList<int>{5, 2, 4, 4, 4, 1, 5, 2, 4, 3} << 75.0 << 37.5 << 84.375 << QStringLiteral("B");
    }

    void susScore()
    {
        QFETCH(QList<int>, answers);
        QFETCH(double, score);
        QFETCH(double, learnability);
        QFETCH(double, usability);
        QFETCH(QString, grade);
        Result<SusScore> s = analysis::susScore(answers);
        QVERIFY2(s.ok(), qPrintable(s ? QString() : s.error().message));
        QCOMPARE(s->score, score);
        QCOMPARE(s->learnability, learnability);
        QCOMPARE(s->usability, usability);
        QCOMPARE(s->grade, grade);
    }

    void badSusAnswers_data()
    {
        QTest::addColumn<QList<int>>("answers");
        QTest::addColumn<QString>("says");
        QTest::newRow("nine answers") << QList<int>{3, 3, 3, 3, 3, 3, 3, 3, 3} << QStringLiteral("got 9 answers");
        QTest::newRow("eleven answers") << QList<int>(11, 3) << QStringLiteral("got 11 answers");
        QTest::newRow("a six") << QList<int>{3, 3, 3, 3, 3, 3, 6, 3, 3, 3} << QStringLiteral("item 7");
        QTest::newRow("a zero") << QList<int>{0, 3, 3, 3, 3, 3, 3, 3, 3, 3} << QStringLiteral("item 1");
    }

    void badSusAnswers()
    {
        QFETCH(QList<int>, answers);
        QFETCH(QString, says);
        Result<SusScore> s = analysis::susScore(answers);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(says), qPrintable(s.error().message));
    }

    void susGrades_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("grade");
        // Each band's lower bound, and the value between it and the band
        // below (graded by the lower bound: 84.05 is not yet 84.1).
        const QList<std::pair<double, const char *>> table{
            {100, "A+"},  {84.1, "A+"}, {84.05, "A"}, {84.0, "A"},   {80.8, "A"},   {80.75, "A-"}, {78.9, "A-"},
            {78.85, "B+"}, {77.2, "B+"}, {77.15, "B"}, {74.1, "B"},  {74.05, "B-"}, {72.6, "B-"},  {72.55, "C+"},
            {71.1, "C+"}, {71.05, "C"}, {68, "C"},    {65.0, "C"},   {64.95, "C-"}, {62.7, "C-"},  {62.65, "D"},
            {51.7, "D"},  {51.65, "F"}, {0, "F"},     {-0.1, ""},    {100.5, ""}};
        for (const auto &[score, grade] : table)
            QTest::newRow(qPrintable(QString::number(score))) << score << QString::fromLatin1(grade);
    }

    void susGrades()
    {
        QFETCH(double, score);
        QFETCH(QString, grade);
        QCOMPARE(susGrade(score), grade);
    }

    void susGradeOfAComputedMean()
    {
        // A mean that is 84.1 up to binary rounding (84.09999999999999) is
        // an A+; one a millionth below the bound is not.
        QCOMPARE(susGrade(84.1 - 1e-12), QStringLiteral("A+"));
        QCOMPARE(susGrade(84.1 - 1e-6), QStringLiteral("A"));
    }

    void susOverSessions()
    {
        // Scores 85, 50, 75: mean 70; deviations 15, -20, 5: squares 225 + 400 + 25 = 650;
        // var 325, sd 18.027756; se 18.027756/√3 = 10.408330; t(0.975, 2) = 4.302653;
        // margin 44.783429: [25.216571, 114.78 -> clipped 100]. Grade of 70: C.
        // Learnability 87.5, 50, 75: mean 70.833333. Usability 84.375, 50, 75: mean 69.791667.
        QList<SusScore> scores;
        for (const QList<int> &answers : {QList<int>{4, 2, 5, 1, 4, 2, 5, 1, 4, 2}, QList<int>(10, 3),
                                          QList<int>{4, 2, 4, 2, 4, 2, 4, 2, 4, 2}})
            scores << *analysis::susScore(answers);
        const SusSummary s = susSummary(scores);
        QCOMPARE(s.score.count, 3);
        QVERIFY(near(*s.score.mean, 70));
        QVERIFY(near(*s.score.sd, 18.027756));
        QVERIFY(near(s.score.ci95->low, 25.216571));
        QCOMPARE(s.score.ci95->high, 100.0);
        QCOMPARE(s.grade, QStringLiteral("C"));
        QVERIFY(near(*s.learnability.mean, 70.833333));
        QVERIFY(near(*s.usability.mean, 69.791667));

        const SusSummary none = susSummary({});
        QCOMPARE(none.score.count, 0);
        QVERIFY(none.grade.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRatings)
#include "test_ratings.moc"
