#pragma once

// What one session did in one journey: whether it achieved the journey's
// outcome, and how long it took to its first success there.

#include "sessions/store/records.h"

#include <QList>

#include <optional>

namespace devzero::analysis {

// One task attempt of a session, as these functions need it. Both take all
// of a session's attempts, in the order they started, and the ids of the
// journey's tasks; attempts at other tasks are ignored.
struct JourneyAttempt
{
    qint64 taskId = 0;
    std::optional<store::Outcome> outcome; // none while the attempt is open
    std::optional<qint64> activeMs;        // none while the attempt is open
};

// Time to first success, per session and journey: the active time of the
// session's attempts in the journey, summed from its first attempt there
// up to and including its first successful one (whatever task that is).
// Active time excludes pauses, and time outside the journey's attempts
// (between tasks, questionnaires, other journeys) is not counted. Failed,
// given-up and skipped attempts before the success count: the tester spent
// that time. None when no attempt in the journey succeeded.
std::optional<qint64> timeToFirstSuccessMs(const QList<qint64> &journeyTaskIds, const QList<JourneyAttempt> &attempts);

// A session's result for a journey, the unit of the journey's completion:
// - NotAttempted: no ended attempt in the journey other than skipped ones;
//   such a session does not count;
// - Achieved: every task of the journey has a successful attempt (retries
//   allowed);
// - NotAchieved: the session tried the journey, but some task never
//   succeeded: it failed, was given up, skipped, left open, or never started.
enum class JourneyResult { NotAttempted, Achieved, NotAchieved };

JourneyResult journeyResult(const QList<qint64> &journeyTaskIds, const QList<JourneyAttempt> &attempts);

} // namespace devzero::analysis
