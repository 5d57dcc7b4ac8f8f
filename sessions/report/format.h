#pragma once

// How the human-readable formats (HTML, Markdown, PDF) write numbers,
// durations, rates and dates. C locale, so that a report reads the same on
// every machine and golden files stay stable.

#include "sessions/analysis/statistics.h"
#include "sessions/store/records.h"

#include <QString>

#include <optional>

namespace devzero::report {

QString percent(std::optional<double> rate);                // "80%", "–" without a value
QString percentInterval(std::optional<analysis::Interval> ci); // "36–98%"
QString seconds(std::optional<double> seconds);              // "45 s", "2 min 05 s", "1 h 02 min"
QString secondsInterval(std::optional<analysis::Interval> ci); // "40 s–4 min 43 s"
QString number(std::optional<double> value, int decimals = 1); // "5.7", "–"
QString durationMs(qint64 ms);                                // as seconds() from milliseconds
QString dateTime(qint64 wallMs);                              // "2026-01-01 09:00 UTC"
QString shortRevision(const QString &revision);               // the first 8 characters
QString outcomeLabel(std::optional<store::Outcome> outcome);  // "success", "failure", "gave up", "skipped", "open"
QString outcomeSymbol(std::optional<store::Outcome> outcome); // "✓", "✗", "⊘", "–", "…"

} // namespace devzero::report
