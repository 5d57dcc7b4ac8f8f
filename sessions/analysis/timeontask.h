#pragma once

// Time on task. Task times are skewed to the right (a few testers take far
// longer), so the centre is the geometric mean and the interval is computed
// on the logarithms: mean and sd of ln(t), a t interval with n - 1 degrees
// of freedom, and exp back. Successful and unsuccessful attempts are kept
// apart: a tester who gives up after two minutes did not make the task
// faster.

#include "sessions/analysis/statistics.h"
#include "sessions/common/result.h"
#include "sessions/store/records.h"

namespace devzero::analysis {

struct GeometricSummary
{
    int count = 0;
    std::optional<double> geometricMean; // exp(mean of ln t); needs one value
    std::optional<double> logSd;         // sd of ln t (n - 1); needs two values
    std::optional<Interval> ci95;        // exp(mean ± t(0.975, n-1) · sd / √n); needs two values
};

// Every value must be positive (its logarithm must exist); an error names
// the first one that is not.
Result<GeometricSummary> geometricMeanInterval(const QList<double> &values);

struct TimedAttempt
{
    store::Outcome outcome = store::Outcome::Success;
    double seconds = 0; // active time: pauses excluded
};

struct TimeOnTask
{
    GeometricSummary successful;   // outcome success
    GeometricSummary unsuccessful; // outcome failure or gave up, reported apart
};

// Skipped attempts count in neither group: the tester did not try the task.
Result<TimeOnTask> timeOnTask(const QList<TimedAttempt> &attempts);

} // namespace devzero::analysis
