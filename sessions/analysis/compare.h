#pragma once

// Before and after: the same tasks measured on two groups of sessions (two
// docs revisions, or two date ranges), with the difference and whether it
// is more than noise given the sample sizes.
//
// Per task, with the definitions of labmetrics.h (ended attempts are
// trials, skips left out; time on task is the active time of successes;
// SEQ after ended, not skipped attempts):
// - completion: successes / trials in each group; the difference after
//   minus before; Fisher's exact test (two-sided) on the 2x2 table, exact
//   at the small samples usability studies have.
// - time on task: geometric means in seconds and their ratio after/before;
//   Welch's t test on the logarithms of the times (times are log-normal).
// - SEQ: means and their difference; Welch's t test.
// A difference "exceeds noise" when its p value is below alpha (0.05).
// Fewer than two values in a group leave the time or SEQ test out.

#include "sessions/analysis/labmetrics.h"
#include "sessions/common/result.h"
#include "sessions/store/metricsstore.h"

#include <QList>
#include <QString>

#include <optional>

namespace devzero::analysis {

inline constexpr double kCompareAlpha = 0.05;

// P value of Fisher's exact test, two-sided (tables as likely or less
// likely than the one observed), for the table [[a, b], [c, d]].
// 1 when a margin is empty. Negative counts give NaN.
double fisherExactTwoSided(int a, int b, int c, int d);

struct WelchTest
{
    double t = 0;
    double df = 0;
    double pValue = 1;
};

// Welch's unequal-variances t test of mean(a) - mean(b); none with fewer
// than two values on a side, or when both sides have no variance and
// different means (the test is undefined; equal means give p = 1).
std::optional<WelchTest> welchTest(const QList<double> &a, const QList<double> &b);

struct GroupTaskValues
{
    int trials = 0;    // ended attempts, skipped left out
    int successes = 0;
    QList<double> successSeconds; // active time of successes
    QList<double> seq;
    int sessions = 0;  // distinct sessions with a trial

    std::optional<double> completion() const;
    std::optional<double> geometricMeanSeconds() const;
    std::optional<double> seqMean() const;
};

struct TaskComparison
{
    qint64 taskId = 0;
    QString number;
    QString title;
    QString journeyTitle;
    GroupTaskValues before;
    GroupTaskValues after;

    std::optional<double> completionDiff; // after - before, 0..1 scale
    std::optional<double> completionP;
    std::optional<double> timeRatio;      // after / before geometric mean
    std::optional<WelchTest> timeTest;    // on log seconds
    std::optional<double> seqDiff;
    std::optional<WelchTest> seqTest;

    bool completionExceedsNoise() const { return completionP && *completionP < kCompareAlpha; }
    bool timeExceedsNoise() const { return timeTest && timeTest->pValue < kCompareAlpha; }
    bool seqExceedsNoise() const { return seqTest && seqTest->pValue < kCompareAlpha; }
};

struct Comparison
{
    MetricsFilter before;
    MetricsFilter after;
    int sessionsBefore = 0;
    int sessionsAfter = 0;
    QList<TaskComparison> tasks; // by plan, then number; tasks with trials on either side
};

// Pure: compares rows already read. `tasks` names the tasks (PlanStore).
Comparison compareRows(const store::MetricsRows &before, const store::MetricsRows &after,
                       const QList<store::TaskRow> &tasks);

// Reads both selections (computeMetrics' filter rules) and compares them.
// Errors: a filter that cannot match, an unreadable lab.
Result<Comparison> compareLab(LabDatabase &lab, const MetricsFilter &before, const MetricsFilter &after);

// "+25 pp (p = 0.03, exceeds noise)" style one-liners for tables and issues.
QString describeCompletion(const TaskComparison &task);
QString describeTime(const TaskComparison &task);
QString describeSeq(const TaskComparison &task);

} // namespace devzero::analysis
