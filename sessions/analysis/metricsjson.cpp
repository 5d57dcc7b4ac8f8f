#include "sessions/analysis/metricsjson.h"

#include <QJsonArray>

namespace devzero::analysis {

namespace {

QJsonValue orNull(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue orNull(const std::optional<Interval> &v)
{
    if (!v)
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{{QStringLiteral("low"), v->low}, {QStringLiteral("high"), v->high}};
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject filterJson(const MetricsFilter &f)
{
    return QJsonObject{
        {QStringLiteral("plan_id"), f.planId ? QJsonValue(*f.planId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("since"), f.since ? QJsonValue(f.since->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("until"), f.until ? QJsonValue(f.until->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("docs_revision"), textOrNull(f.docsRevision)},
        {QStringLiteral("experience"), f.experience ? QJsonValue(store::toString(*f.experience)) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject taskJson(const TaskMetrics &t)
{
    return QJsonObject{
        {QStringLiteral("task_id"), t.taskId},
        {QStringLiteral("plan_id"), t.planId},
        {QStringLiteral("number"), t.number},
        {QStringLiteral("key"), t.key},
        {QStringLiteral("title"), t.title},
        {QStringLiteral("journey_key"), t.journeyKey},
        {QStringLiteral("journey_title"), t.journeyTitle},
        {QStringLiteral("attempts"), t.attempts},
        {QStringLiteral("successes"), t.successes},
        {QStringLiteral("failures"), t.failures},
        {QStringLiteral("gave_up"), t.gaveUp},
        {QStringLiteral("skipped"), t.skipped},
        {QStringLiteral("sessions"), t.sessions},
        {QStringLiteral("completion"), toJson(t.completion)},
        {QStringLiteral("time_on_task_s"), toJson(t.time.successful)},
        {QStringLiteral("unsuccessful_time_s"), toJson(t.time.unsuccessful)},
        {QStringLiteral("seq"), toJson(t.seq)},
    };
}

QJsonObject journeyJson(const JourneyMetrics &j)
{
    return QJsonObject{
        {QStringLiteral("journey_id"), j.journeyId},
        {QStringLiteral("plan_id"), j.planId},
        {QStringLiteral("position"), j.position},
        {QStringLiteral("key"), j.key},
        {QStringLiteral("title"), j.title},
        {QStringLiteral("outcome"), j.outcome},
        {QStringLiteral("tasks"), QJsonArray::fromStringList(j.taskNumbers)},
        {QStringLiteral("completion"), toJson(j.completion)},
        {QStringLiteral("time_to_first_success_s"), toJson(j.timeToFirstSuccess)},
        {QStringLiteral("sessions_without_success"), j.sessionsWithoutSuccess},
    };
}

QJsonObject sessionJson(const SessionMetrics &s)
{
    return QJsonObject{
        {QStringLiteral("session_id"), s.sessionId},
        {QStringLiteral("uuid"), s.uuid},
        {QStringLiteral("plan_id"), s.planId},
        {QStringLiteral("pseudonym"), s.pseudonym},
        {QStringLiteral("experience"), store::toString(s.experience)},
        {QStringLiteral("docs_revision"), textOrNull(s.docsRevision)},
        {QStringLiteral("state"), store::toString(s.state)},
        {QStringLiteral("started_at_ms"), s.startedAtMs},
        {QStringLiteral("attempts"), s.attempts},
        {QStringLiteral("successes"), s.successes},
        {QStringLiteral("sus"), s.sus ? QJsonValue(toJson(*s.sus)) : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace

QJsonObject toJson(const Completion &c)
{
    return QJsonObject{
        {QStringLiteral("successes"), c.successes},
        {QStringLiteral("trials"), c.trials},
        {QStringLiteral("rate"), orNull(c.rate)},
        {QStringLiteral("adjusted_rate"), orNull(c.adjustedRate)},
        {QStringLiteral("ci95"), orNull(c.ci95)},
    };
}

QJsonObject toJson(const GeometricSummary &g)
{
    return QJsonObject{
        {QStringLiteral("count"), g.count},
        {QStringLiteral("geometric_mean"), orNull(g.geometricMean)},
        {QStringLiteral("log_sd"), orNull(g.logSd)},
        {QStringLiteral("ci95"), orNull(g.ci95)},
    };
}

QJsonObject toJson(const MeanSummary &m)
{
    return QJsonObject{
        {QStringLiteral("count"), m.count},
        {QStringLiteral("mean"), orNull(m.mean)},
        {QStringLiteral("sd"), orNull(m.sd)},
        {QStringLiteral("ci95"), orNull(m.ci95)},
    };
}

QJsonObject toJson(const SeqSummary &s)
{
    QJsonObject o = toJson(s.answers);
    o.insert(QStringLiteral("benchmark"), s.benchmark);
    o.insert(QStringLiteral("difference"), orNull(s.difference));
    o.insert(QStringLiteral("comparison"), toString(s.comparison));
    return o;
}

QJsonObject toJson(const SusScore &s)
{
    return QJsonObject{
        {QStringLiteral("score"), s.score},
        {QStringLiteral("grade"), s.grade},
        {QStringLiteral("learnability"), s.learnability},
        {QStringLiteral("usability"), s.usability},
    };
}

QJsonObject toJson(const SusSummary &s)
{
    return QJsonObject{
        {QStringLiteral("score"), toJson(s.score)},
        {QStringLiteral("grade"), textOrNull(s.grade)},
        {QStringLiteral("learnability"), toJson(s.learnability)},
        {QStringLiteral("usability"), toJson(s.usability)},
    };
}

QJsonObject toJson(const LabMetrics &metrics)
{
    QJsonArray plans;
    for (const PlanRef &p : metrics.plans)
        plans.append(QJsonObject{{QStringLiteral("id"), p.id}, {QStringLiteral("title"), p.title}});
    QJsonArray tasks;
    for (const TaskMetrics &t : metrics.tasks)
        tasks.append(taskJson(t));
    QJsonArray journeys;
    for (const JourneyMetrics &j : metrics.journeys)
        journeys.append(journeyJson(j));
    QJsonArray sessions;
    for (const SessionMetrics &s : metrics.sessions)
        sessions.append(sessionJson(s));
    return QJsonObject{
        {QStringLiteral("schema"), QString::fromLatin1(kMetricsSchema)},
        {QStringLiteral("filter"), filterJson(metrics.filter)},
        {QStringLiteral("plans"), plans},
        {QStringLiteral("tasks"), tasks},
        {QStringLiteral("journeys"), journeys},
        {QStringLiteral("sessions"), sessions},
        {QStringLiteral("sus"), toJson(metrics.sus)},
    };
}

} // namespace devzero::analysis
