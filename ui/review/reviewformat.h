#pragma once

// How the review screens write numbers: "67% (30-91)", "2 min 05 s".

#include "sessions/analysis/completion.h"
#include "sessions/analysis/timeontask.h"

#include <QString>

#include <optional>

namespace devzero::ui {

QString percent(std::optional<double> rate);
QString completionText(const analysis::Completion &c);  // "67% (30-91%) of 3"
QString duration(double seconds);                       // "45 s", "2 min 05 s", "1 h 02 min"
QString geometricText(const analysis::GeometricSummary &g); // "2 min 05 s (1 min 10 s-3 min 40 s)"
QString meanText(const std::optional<double> &mean, int decimals = 1);

} // namespace devzero::ui
