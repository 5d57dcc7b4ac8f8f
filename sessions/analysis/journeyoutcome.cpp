#include "sessions/analysis/journeyoutcome.h"

#include <QSet>

namespace devzero::analysis {

std::optional<qint64> timeToFirstSuccessMs(const QList<qint64> &journeyTaskIds, const QList<JourneyAttempt> &attempts)
{
    const QSet<qint64> tasks(journeyTaskIds.cbegin(), journeyTaskIds.cend());
    qint64 total = 0;
    for (const JourneyAttempt &a : attempts) {
        if (!tasks.contains(a.taskId) || !a.outcome)
            continue; // still open: no time known yet, and it cannot precede a success
        total += a.activeMs.value_or(0);
        if (*a.outcome == store::Outcome::Success)
            return total;
    }
    return std::nullopt;
}

JourneyResult journeyResult(const QList<qint64> &journeyTaskIds, const QList<JourneyAttempt> &attempts)
{
    const QSet<qint64> tasks(journeyTaskIds.cbegin(), journeyTaskIds.cend());
    QSet<qint64> succeeded;
    bool tried = false;
    for (const JourneyAttempt &a : attempts) {
        if (!tasks.contains(a.taskId) || !a.outcome || *a.outcome == store::Outcome::Skipped)
            continue;
        tried = true;
        if (*a.outcome == store::Outcome::Success)
            succeeded.insert(a.taskId);
    }
    if (!tried)
        return JourneyResult::NotAttempted;
    return succeeded.size() == tasks.size() ? JourneyResult::Achieved : JourneyResult::NotAchieved;
}

} // namespace devzero::analysis
