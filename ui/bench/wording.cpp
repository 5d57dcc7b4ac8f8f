#include "ui/bench/wording.h"

#include <QObject>

namespace devzero::ui {

QString outcomeLabel(store::Outcome outcome)
{
    switch (outcome) {
    case store::Outcome::Success: return QObject::tr("Done");
    case store::Outcome::Failure: return QObject::tr("Failed");
    case store::Outcome::GaveUp: return QObject::tr("Gave up");
    case store::Outcome::Skipped: return QObject::tr("Skipped");
    }
    return {};
}

QString formatActiveTime(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString countOf(qint64 n, const QString &one, const QString &many)
{
    if (n == 0)
        return QObject::tr("no %1").arg(many);
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

} // namespace devzero::ui
