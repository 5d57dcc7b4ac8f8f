#pragma once

// LabMetrics as JSON for the CLI and the reports. Schema
// "devzero.metrics/1"; keys are snake_case; a value that cannot be computed
// (no trials, a single value for an interval) is null, never 0. Times are
// seconds, rates 0..1, intervals {"low": .., "high": ..}.

#include "sessions/analysis/labmetrics.h"

#include <QJsonObject>

namespace devzero::analysis {

inline constexpr auto kMetricsSchema = "devzero.metrics/1";

QJsonObject toJson(const LabMetrics &metrics);

// The pieces, for reports that embed one table.
QJsonObject toJson(const Completion &completion);
QJsonObject toJson(const GeometricSummary &summary);
QJsonObject toJson(const MeanSummary &summary);
QJsonObject toJson(const SeqSummary &seq);
QJsonObject toJson(const SusScore &score);
QJsonObject toJson(const SusSummary &summary);

} // namespace devzero::analysis
