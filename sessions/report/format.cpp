#include "sessions/report/format.h"

#include <QDateTime>

#include <cmath>

namespace devzero::report {

namespace {

const QString kNone = QStringLiteral("\u2013"); // en dash: no value

QString twoDigits(qint64 v)
{
    return QString::number(v).rightJustified(2, QLatin1Char('0'));
}

} // namespace

QString percent(std::optional<double> rate)
{
    if (!rate)
        return kNone;
    return QString::number(std::lround(*rate * 100)) + QLatin1Char('%');
}

QString percentInterval(std::optional<analysis::Interval> ci)
{
    if (!ci)
        return kNone;
    return QString::number(std::lround(ci->low * 100)) + QStringLiteral("\u2013") + QString::number(std::lround(ci->high * 100))
           + QLatin1Char('%');
}

QString seconds(std::optional<double> value)
{
    if (!value)
        return kNone;
    const qint64 total = std::llround(*value);
    if (total < 60)
        return QString::number(total) + QStringLiteral(" s");
    if (total < 3600)
        return QString::number(total / 60) + QStringLiteral(" min ") + twoDigits(total % 60) + QStringLiteral(" s");
    return QString::number(total / 3600) + QStringLiteral(" h ") + twoDigits((total % 3600) / 60) + QStringLiteral(" min");
}

QString secondsInterval(std::optional<analysis::Interval> ci)
{
    if (!ci)
        return kNone;
    return seconds(ci->low) + QStringLiteral("\u2013") + seconds(ci->high);
}

QString number(std::optional<double> value, int decimals)
{
    if (!value)
        return kNone;
    QString out = QString::number(*value, 'f', decimals);
    if (out.startsWith(QLatin1Char('-')) && out.toDouble() == 0)
        out.remove(0, 1);
    return out;
}

QString durationMs(qint64 ms)
{
    return seconds(double(ms) / 1000.0);
}

QString dateTime(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

QString shortRevision(const QString &revision)
{
    return revision.left(8);
}

QString outcomeLabel(std::optional<store::Outcome> outcome)
{
    if (!outcome)
        return QStringLiteral("open");
    switch (*outcome) {
    case store::Outcome::Success: return QStringLiteral("success");
    case store::Outcome::Failure: return QStringLiteral("failure");
    case store::Outcome::GaveUp: return QStringLiteral("gave up");
    case store::Outcome::Skipped: return QStringLiteral("skipped");
    }
    return {};
}

QString outcomeSymbol(std::optional<store::Outcome> outcome)
{
    if (!outcome)
        return QStringLiteral("\u2026");
    switch (*outcome) {
    case store::Outcome::Success: return QStringLiteral("\u2713");
    case store::Outcome::Failure: return QStringLiteral("\u2717");
    case store::Outcome::GaveUp: return QStringLiteral("\u2298");
    case store::Outcome::Skipped: return QStringLiteral("\u2013");
    }
    return {};
}

} // namespace devzero::report
