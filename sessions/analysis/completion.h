#pragma once

// Task and journey completion: the share of trials that succeeded, with the
// adjusted-Wald 95% interval (Agresti and Coull), which keeps its coverage
// at the small samples and extreme rates usability studies produce.

#include "sessions/analysis/statistics.h"
#include "sessions/common/result.h"

namespace devzero::analysis {

struct Completion
{
    int successes = 0;
    int trials = 0;
    std::optional<double> rate;         // successes / trials; none when trials == 0
    std::optional<double> adjustedRate; // p_adj, the interval's centre
    std::optional<Interval> ci95;       // p_adj ± margin, clipped to [0, 1]
};

// With z = kZ95:
//   p_adj  = (x + z²/2) / (n + z²)
//   margin = z · √(p_adj (1 - p_adj) / (n + z²))
// n = 0 gives counts only. Negative counts, or more successes than trials,
// are an error.
Result<Completion> completionRate(int successes, int trials);

} // namespace devzero::analysis
