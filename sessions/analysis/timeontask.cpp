#include "sessions/analysis/timeontask.h"

#include <cmath>

namespace devzero::analysis {

Result<GeometricSummary> geometricMeanInterval(const QList<double> &values)
{
    QList<double> logs;
    logs.reserve(values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        const double v = values.at(i);
        if (!(v > 0) || std::isinf(v))
            return makeError(QStringLiteral("a geometric mean needs positive, finite values; value %1 is %2")
                                 .arg(i + 1)
                                 .arg(v));
        logs << std::log(v);
    }
    const MeanSummary onLogs = meanWithInterval(logs);
    GeometricSummary g;
    g.count = onLogs.count;
    if (onLogs.mean)
        g.geometricMean = std::exp(*onLogs.mean);
    g.logSd = onLogs.sd;
    if (onLogs.ci95)
        g.ci95 = Interval{std::exp(onLogs.ci95->low), std::exp(onLogs.ci95->high)};
    return g;
}

Result<TimeOnTask> timeOnTask(const QList<TimedAttempt> &attempts)
{
    QList<double> successful;
    QList<double> unsuccessful;
    for (const TimedAttempt &a : attempts) {
        switch (a.outcome) {
        case store::Outcome::Success: successful << a.seconds; break;
        case store::Outcome::Failure:
        case store::Outcome::GaveUp: unsuccessful << a.seconds; break;
        case store::Outcome::Skipped: break;
        }
    }
    Result<GeometricSummary> s = geometricMeanInterval(successful);
    if (!s)
        return makeError(QStringLiteral("time of successful attempts: ") + s.error().message);
    Result<GeometricSummary> u = geometricMeanInterval(unsuccessful);
    if (!u)
        return makeError(QStringLiteral("time of unsuccessful attempts: ") + u.error().message);
    return TimeOnTask{*s, *u};
}

} // namespace devzero::analysis
