#include "sessions/analysis/journeyoutcome.h"
#include "sessions/analysis/labmetrics.h"

#include "sessions/store/labdatabase.h"
#include "sessions/store/metricsstore.h"
#include "sessions/store/planstore.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <array>

// Reads the selected sessions once and folds them into per-task,
// per-journey and per-session metrics.

namespace devzero::analysis {

using namespace devzero::store;

namespace {


QString sessionName(const SessionRow &s)
{
    return QStringLiteral("session %1 (%2)").arg(s.id).arg(s.uuid.left(8));
}

// The SUS of each session that answered it, checked item by item.
Result<QHash<qint64, SusScore>> susBySession(const QList<AnswerRow> &answers, const QHash<qint64, SessionRow> &sessions)
{
    QMap<qint64, std::array<int, 10>> items; // 0: not answered
    for (const AnswerRow &a : answers) {
        const auto where = [&] { return sessionName(sessions.value(a.sessionId)); };
        if (a.item < 1 || a.item > 10)
            return makeError(QStringLiteral("SUS answer for item %1: SUS has items 1 to 10").arg(a.item), where());
        if (a.value < 1 || a.value > 5)
            return makeError(QStringLiteral("SUS item %1: answers run from 1 to 5; got %2").arg(a.item).arg(a.value), where());
        int &slot = items[a.sessionId][a.item - 1];
        if (slot != 0)
            return makeError(QStringLiteral("SUS item %1 is answered more than once").arg(a.item), where());
        slot = a.value;
    }
    QHash<qint64, SusScore> scores;
    for (auto it = items.cbegin(); it != items.cend(); ++it) {
        const QString where = sessionName(sessions.value(it.key()));
        QList<int> values;
        QStringList missing;
        for (int i = 0; i < 10; ++i) {
            values << it.value()[i];
            if (it.value()[i] == 0)
                missing << QString::number(i + 1);
        }
        if (!missing.isEmpty())
            return makeError(QStringLiteral("the SUS is incomplete: no answer for item%1 %2")
                                 .arg(missing.size() > 1 ? QStringLiteral("s") : QString(), missing.join(QStringLiteral(", "))),
                             where);
        Result<SusScore> score = susScore(values);
        if (!score)
            return makeError(score.error().message, where);
        scores.insert(it.key(), *score);
    }
    return scores;
}

double activeSeconds(const AttemptRow &a)
{
    return std::max<qint64>(1, a.activeMs.value_or(0)) / 1000.0;
}

Result<TaskMetrics> taskMetrics(const TaskRow &task, const QList<AttemptRow> &attempts)
{
    TaskMetrics m;
    m.taskId = task.id;
    m.planId = task.planId;
    m.number = task.number();
    m.key = task.key;
    m.title = task.title;
    m.journeyKey = task.journeyKey;
    m.journeyTitle = task.journeyTitle;
    QSet<qint64> sessions;
    QList<TimedAttempt> timed;
    QList<int> seq;
    for (const AttemptRow &a : attempts) {
        if (!a.outcome)
            continue;
        ++m.attempts;
        sessions.insert(a.sessionId);
        switch (*a.outcome) {
        case Outcome::Success: ++m.successes; break;
        case Outcome::Failure: ++m.failures; break;
        case Outcome::GaveUp: ++m.gaveUp; break;
        case Outcome::Skipped: ++m.skipped; continue;
        }
        timed << TimedAttempt{*a.outcome, activeSeconds(a)};
        if (a.seq)
            seq << *a.seq;
    }
    m.sessions = int(sessions.size());
    const QString where = QStringLiteral("task %1 %2").arg(m.number, m.key);
    Result<Completion> completion = completionRate(m.successes, m.attempts - m.skipped);
    if (!completion)
        return makeError(completion.error().message, where);
    m.completion = *completion;
    Result<TimeOnTask> time = timeOnTask(timed);
    if (!time)
        return makeError(time.error().message, where);
    m.time = *time;
    Result<SeqSummary> seqResult = seqSummary(seq);
    if (!seqResult)
        return makeError(seqResult.error().message, where);
    m.seq = *seqResult;
    return m;
}

// The tasks of one journey, in order; consecutive in PlanStore::tasks.
struct JourneyTasks
{
    TaskRow first;
    QList<qint64> taskIds;
    QStringList numbers;
};

Result<JourneyMetrics> journeyMetrics(const JourneyTasks &journey, const QList<SessionRow> &sessions,
                                      const QHash<qint64, QList<JourneyAttempt>> &attemptsBySession)
{
    JourneyMetrics m;
    m.journeyId = journey.first.journeyId;
    m.planId = journey.first.planId;
    m.position = journey.first.journeyPosition;
    m.key = journey.first.journeyKey;
    m.title = journey.first.journeyTitle;
    m.outcome = journey.first.journeyOutcome;
    m.taskNumbers = journey.numbers;
    int tried = 0;
    int achieved = 0;
    QList<double> firstSuccess;
    for (const SessionRow &s : sessions) {
        if (s.planId != m.planId)
            continue;
        const QList<JourneyAttempt> attempts = attemptsBySession.value(s.id);
        const JourneyResult result = journeyResult(journey.taskIds, attempts);
        if (result == JourneyResult::NotAttempted)
            continue;
        ++tried;
        if (result == JourneyResult::Achieved)
            ++achieved;
        if (auto ms = timeToFirstSuccessMs(journey.taskIds, attempts))
            firstSuccess << std::max<qint64>(1, *ms) / 1000.0;
        else
            ++m.sessionsWithoutSuccess;
    }
    const QString where = QStringLiteral("journey %1").arg(m.key);
    Result<Completion> completion = completionRate(achieved, tried);
    if (!completion)
        return makeError(completion.error().message, where);
    m.completion = *completion;
    Result<GeometricSummary> time = geometricMeanInterval(firstSuccess);
    if (!time)
        return makeError(time.error().message, where);
    m.timeToFirstSuccess = *time;
    return m;
}

} // namespace

Result<SessionSelection> sessionSelection(const MetricsFilter &filter)
{
    SessionSelection selection;
    if (filter.planId) {
        if (*filter.planId <= 0)
            return makeError(QStringLiteral("plan id %1 is not valid: plan ids start at 1").arg(*filter.planId), QStringLiteral("--plan"));
        selection.planId = filter.planId;
    }
    if (filter.since) {
        if (!filter.since->isValid())
            return makeError(QStringLiteral("the start date is not a valid date"), QStringLiteral("--since"));
        selection.startedFromMs = filter.since->startOfDay(Qt::UTC).toMSecsSinceEpoch();
    }
    if (filter.until) {
        if (!filter.until->isValid())
            return makeError(QStringLiteral("the end date is not a valid date"), QStringLiteral("--until"));
        selection.startedBeforeMs = filter.until->addDays(1).startOfDay(Qt::UTC).toMSecsSinceEpoch();
    }
    if (filter.since && filter.until && *filter.since > *filter.until)
        return makeError(QStringLiteral("the start date %1 is after the end date %2: no session can match")
                             .arg(filter.since->toString(Qt::ISODate), filter.until->toString(Qt::ISODate)),
                         QStringLiteral("--since"));
    selection.docsRevisionPrefix = filter.docsRevision.trimmed();
    selection.experience = filter.experience;
    return selection;
}

Result<LabMetrics> computeMetrics(LabDatabase &lab, const MetricsFilter &filter)
{
    Result<SessionSelection> selection = sessionSelection(filter);
    if (!selection)
        return selection.error();
    MetricsStore store(lab);
    PlanStore planStore(lab);

    LabMetrics metrics;
    metrics.filter = filter;

    Result<MetricsRows> rows = store.read(*selection);
    if (!rows)
        return rows.error();
    const QList<SessionRow> &sessions = rows->sessions;

    QHash<qint64, SessionRow> sessionById;
    QList<qint64> planIds;
    if (filter.planId)
        planIds << *filter.planId;
    for (const SessionRow &s : sessions) {
        sessionById.insert(s.id, s);
        if (!planIds.contains(s.planId))
            planIds << s.planId;
    }
    std::sort(planIds.begin(), planIds.end());

    Result<QHash<qint64, SusScore>> sus = susBySession(rows->susAnswers, sessionById);
    if (!sus)
        return sus.error();

    QHash<qint64, QList<AttemptRow>> attemptsByTask;
    QHash<qint64, QList<JourneyAttempt>> journeyAttemptsBySession;
    QHash<qint64, QPair<int, int>> countsBySession; // ended attempts, successes
    for (const AttemptRow &a : rows->attempts) {
        attemptsByTask[a.taskId] << a;
        journeyAttemptsBySession[a.sessionId] << JourneyAttempt{a.taskId, a.outcome, a.activeMs};
        if (a.outcome) {
            auto &counts = countsBySession[a.sessionId];
            ++counts.first;
            if (*a.outcome == Outcome::Success)
                ++counts.second;
        }
    }

    for (qint64 planId : planIds) {
        Result<PlanRow> plan = planStore.plan(planId);
        if (!plan)
            return plan.error();
        metrics.plans << PlanRef{plan->id, plan->title};
        Result<QList<TaskRow>> tasks = planStore.tasks(planId);
        if (!tasks)
            return tasks.error();
        QList<JourneyTasks> journeys;
        for (const TaskRow &task : *tasks) {
            Result<TaskMetrics> t = taskMetrics(task, attemptsByTask.value(task.id));
            if (!t)
                return t.error();
            metrics.tasks << *t;
            if (journeys.isEmpty() || journeys.constLast().first.journeyId != task.journeyId)
                journeys << JourneyTasks{task, {}, {}};
            journeys.last().taskIds << task.id;
            journeys.last().numbers << task.number();
        }
        for (const JourneyTasks &journey : journeys) {
            Result<JourneyMetrics> j = journeyMetrics(journey, sessions, journeyAttemptsBySession);
            if (!j)
                return j.error();
            metrics.journeys << *j;
        }
    }

    QList<SusScore> scores;
    for (const SessionRow &s : sessions) {
        SessionMetrics m;
        m.sessionId = s.id;
        m.uuid = s.uuid;
        m.planId = s.planId;
        m.pseudonym = s.pseudonym;
        m.experience = s.experience;
        m.docsRevision = s.docsRevision;
        m.state = s.state;
        m.startedAtMs = s.startedAtMs;
        m.attempts = countsBySession.value(s.id).first;
        m.successes = countsBySession.value(s.id).second;
        if (sus->contains(s.id)) {
            m.sus = sus->value(s.id);
            scores << *m.sus;
        }
        metrics.sessions << m;
    }
    metrics.sus = susSummary(scores);
    return metrics;
}

} // namespace devzero::analysis
