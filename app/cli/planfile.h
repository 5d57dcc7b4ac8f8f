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

struct ImportedPlan
{
    qint64 planId = 0;
    int exitCode = ExitOk; // set, with the problem printed, when planId is 0
};

// Parses and imports a plan file, printing diagnostics and errors. Prints
// its own result unless `quiet` (when the caller prints one result for all).
ImportedPlan importPlanFile(CliContext &ctx, const QString &path, bool quiet = false);

} // namespace devzero::cli
