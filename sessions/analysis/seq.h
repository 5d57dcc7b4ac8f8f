#pragma once

// The Single Ease Question, asked after each task: "Overall, how difficult
// or easy was the task to complete?" from 1 (very difficult) to 7 (very
// easy). Its historical average across many studies is about 5.5.

#include "sessions/analysis/statistics.h"
#include "sessions/common/result.h"

#include <QString>

namespace devzero::analysis {

inline constexpr double kSeqBenchmark = 5.5;

// Where a mean's 95% interval lies against a benchmark. "Below" and
// "Above" only when the whole interval is on that side; an interval that
// touches or contains the benchmark overlaps it.
enum class BenchmarkComparison { NotEnoughData, Below, Overlaps, Above };
QString toString(BenchmarkComparison comparison); // "not-enough-data", "below", "overlaps", "above"

struct SeqSummary
{
    MeanSummary answers;               // mean and t interval, clipped to the scale [1, 7]
    double benchmark = kSeqBenchmark;
    std::optional<double> difference;  // mean - benchmark
    BenchmarkComparison comparison = BenchmarkComparison::NotEnoughData; // needs two answers
};

// Answers outside 1..7 are an error that names the first one.
Result<SeqSummary> seqSummary(const QList<int> &answers, double benchmark = kSeqBenchmark);

} // namespace devzero::analysis
