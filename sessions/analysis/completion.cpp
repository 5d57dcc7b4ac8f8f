#include "sessions/analysis/completion.h"

#include <algorithm>
#include <cmath>

namespace devzero::analysis {

Result<Completion> completionRate(int successes, int trials)
{
    if (trials < 0 || successes < 0)
        return makeError(QStringLiteral("completion needs non-negative counts; got %1 successes of %2 trials")
                             .arg(successes)
                             .arg(trials));
    if (successes > trials)
        return makeError(QStringLiteral("completion cannot have more successes (%1) than trials (%2)")
                             .arg(successes)
                             .arg(trials));
    Completion c;
    c.successes = successes;
    c.trials = trials;
    if (trials == 0)
        return c;
    const double z2 = kZ95 * kZ95;
    const double adjusted = (successes + z2 / 2.0) / (trials + z2);
    const double margin = kZ95 * std::sqrt(adjusted * (1.0 - adjusted) / (trials + z2));
    c.rate = double(successes) / trials;
    c.adjustedRate = adjusted;
    c.ci95 = Interval{std::max(0.0, adjusted - margin), std::min(1.0, adjusted + margin)};
    return c;
}

} // namespace devzero::analysis
