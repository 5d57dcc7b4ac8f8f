#pragma once

// The usability metrics of a lab: per task, per journey, per session and
// overall, for the sessions a filter selects. The CLI, the reports and the
// review screens all read this.
//
// Definitions (the pure functions' headers give the formulas):
// - Sessions: every session the filter selects, whatever its state
//   (running, paused, ended, abandoned). Only ended attempts count; an
//   attempt still open has no outcome yet.
// - Task: each ended attempt is one trial, so a tester who failed and then
//   retried counts twice (`sessions` shows how many testers the attempts
//   came from). Completion = successes / (successes + failures + given up):
//   a skipped attempt is left out because the tester did not try the task;
//   skips are counted apart. Time on task uses active time (pauses
//   excluded): successes give the geometric mean, failures and give-ups are
//   reported apart; an active time of 0 ms counts as 1 ms so that its
//   logarithm exists. SEQ: the answers given after ended, not skipped
//   attempts.
// - Journey: the unit is the session, because the journey's question ("Can
//   a new developer take a card payment?") is answered per tester.
//   Completion = sessions that achieved the journey (every task succeeded at
//   least once) / sessions that tried it (any ended, not skipped attempt in
//   it); see journeyoutcome.h. Time to first success: its geometric mean and
//   log-t interval over the sessions that had one, and the count of the
//   sessions that tried the journey without any success.
// - Session: SUS score, grade and subscales when the tester answered it.
// - Overall SUS: mean over the sessions with a SUS, t interval, grade of the
//   mean.
// Dates are UTC days. Sessions are matched on when they started.

#include "sessions/analysis/completion.h"
#include "sessions/analysis/seq.h"
#include "sessions/analysis/sus.h"
#include "sessions/analysis/timeontask.h"
#include "sessions/common/result.h"
#include "sessions/store/metricsstore.h"
#include "sessions/store/records.h"

#include <QDate>

namespace devzero {
class LabDatabase;
}

namespace devzero::analysis {

struct MetricsFilter
{
    std::optional<qint64> planId;               // all plans with selected sessions when empty
    std::optional<QDate> since;                 // sessions started on or after this UTC day
    std::optional<QDate> until;                 // sessions started on or before this UTC day
    QString docsRevision;                       // prefix of the session's docs commit id; empty: any
    std::optional<store::Experience> experience; // the participant's experience
};

struct PlanRef
{
    qint64 id = 0;
    QString title;
};

struct TaskMetrics
{
    qint64 taskId = 0;
    qint64 planId = 0;
    QString number; // "1.2": journey position . task position, within its plan
    QString key;
    QString title;
    QString journeyKey;
    QString journeyTitle;
    int attempts = 0; // ended attempts, every outcome
    int successes = 0;
    int failures = 0;
    int gaveUp = 0;
    int skipped = 0;
    int sessions = 0; // distinct sessions with an ended attempt
    Completion completion;
    TimeOnTask time; // seconds
    SeqSummary seq;
};

struct JourneyMetrics
{
    qint64 journeyId = 0;
    qint64 planId = 0;
    int position = 0;
    QString key;
    QString title;
    QString outcome; // the business question
    QStringList taskNumbers;
    Completion completion;                  // sessions achieved / sessions that tried
    GeometricSummary timeToFirstSuccess;    // seconds
    int sessionsWithoutSuccess = 0;         // tried, and no attempt in the journey succeeded
};

struct SessionMetrics
{
    qint64 sessionId = 0;
    QString uuid;
    qint64 planId = 0;
    QString pseudonym;
    store::Experience experience = store::Experience::Novice;
    QString docsRevision;
    store::SessionState state = store::SessionState::Running;
    qint64 startedAtMs = 0;
    int attempts = 0;  // ended attempts
    int successes = 0;
    std::optional<SusScore> sus;
};

struct LabMetrics
{
    MetricsFilter filter;
    QList<PlanRef> plans;           // by id
    QList<TaskMetrics> tasks;       // by plan, then number
    QList<JourneyMetrics> journeys; // by plan, then position
    QList<SessionMetrics> sessions; // oldest first
    SusSummary sus;                 // over the sessions with a SUS
};

// Errors: a filter that cannot match (since after until, an invalid date,
// an unknown plan), a lab that cannot be read, and answers no engine
// writes (a SUS with missing, repeated or out-of-range items), each naming
// the session.
Result<LabMetrics> computeMetrics(LabDatabase &lab, const MetricsFilter &filter);

// The sessions a filter selects, as the stores read them (computeMetrics,
// computeEvidence and the report use the same one), or what is wrong with
// the filter (the error names the option: --plan, --since, --until).
Result<store::SessionSelection> sessionSelection(const MetricsFilter &filter);

} // namespace devzero::analysis
