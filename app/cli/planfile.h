#pragma once

#include "app/cli/clicontext.h"
#include "sessions/plan/plan.h"

namespace devzero::cli {

struct PlanFile
{
    QByteArray source;
    plan::ParseResult parsed;
};

PlanFile readPlanFile(const QString &path);

// Parses and imports a plan file, printing diagnostics; returns the plan id.
Result<qint64> importPlanFile(CliContext &ctx, const QString &path);

} // namespace devzero::cli
