#include "ui/review/reviewformat.h"

#include <cmath>

namespace devzero::ui {

QString percent(std::optional<double> rate)
{
    return rate ? QStringLiteral("%1%").arg(std::round(*rate * 100), 0, 'f', 0) : QStringLiteral("-");
}

QString completionText(const analysis::Completion &c)
{
    if (!c.rate)
        return QStringLiteral("-");
    QString text = percent(c.rate);
    if (c.ci95)
        text += QStringLiteral(" (%1-%2%)").arg(std::round(c.ci95->low * 100), 0, 'f', 0).arg(std::round(c.ci95->high * 100), 0, 'f', 0);
    return text + QStringLiteral(" of %1").arg(c.trials);
}

QString duration(double seconds)
{
    const qint64 s = qRound64(seconds);
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600 && s % 60 == 0)
        return QStringLiteral("%1 min").arg(s / 60);
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString geometricText(const analysis::GeometricSummary &g)
{
    if (!g.geometricMean)
        return QStringLiteral("-");
    QString text = duration(*g.geometricMean);
    if (g.ci95)
        text += QStringLiteral(" (%1 - %2)").arg(duration(g.ci95->low), duration(g.ci95->high));
    return text;
}

QString meanText(const std::optional<double> &mean, int decimals)
{
    return mean ? QString::number(*mean, 'f', decimals) : QStringLiteral("-");
}

} // namespace devzero::ui
