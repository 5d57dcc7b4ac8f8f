#pragma once

// Small helpers shared by the command files.

#include "app/cli/clicontext.h"

#include <QCommandLineParser>
#include <optional>

namespace devzero::cli {

// Parses a command's own options from `args` (the words after the command).
// On error prints the problem and `help`; returns the exit code to use.
std::optional<int> parseOptions(CliContext &ctx, QCommandLineParser &parser, const QStringList &args,
                                const QString &help);

// An integer option value; prints a clear error when it is not one.
std::optional<qint64> intOption(CliContext &ctx, const QCommandLineParser &parser, const QString &name, int *exitCode);

QString formatTime(qint64 wallMs);       // local time, "2026-11-28 09:14:03"
QString formatDuration(qint64 ms);       // "1h 02m 05s", "2m 10s", "850 ms"

} // namespace devzero::cli
