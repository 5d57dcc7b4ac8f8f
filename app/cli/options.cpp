#include "app/cli/options.h"

#include <QDateTime>

#include <limits>

namespace devzero::cli {

std::optional<int> parseOptions(CliContext &ctx, QCommandLineParser &parser, const QStringList &args, const QString &help)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show help.")));
    if (!parser.parse(QStringList{ctx.program} + args))
        return ctx.usage(parser.errorText(), help);
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out() << help << Qt::flush;
        return ExitOk;
    }
    return std::nullopt;
}

std::optional<qint64> intOption(CliContext &ctx, const QCommandLineParser &parser, const QString &name, int *exitCode)
{
    if (!parser.isSet(name))
        return std::nullopt;
    bool ok = false;
    // Every numeric option fits an int: a larger number is a typo, not a value to wrap.
    const int value = parser.value(name).toInt(&ok);
    if (!ok) {
        *exitCode = ctx.usage(QStringLiteral("--%1 needs a whole number up to %2, not \"%3\"").arg(name).arg(std::numeric_limits<int>::max()).arg(parser.value(name)), QString());
        return std::nullopt;
    }
    return value;
}

QString formatTime(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString formatDuration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    qint64 s = ms / 1000;
    const qint64 h = s / 3600;
    const qint64 m = (s % 3600) / 60;
    s %= 60;
    if (h > 0)
        return QStringLiteral("%1h %2m %3s").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    if (m > 0)
        return QStringLiteral("%1m %2s").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1s").arg(s);
}

} // namespace devzero::cli
