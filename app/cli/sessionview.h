#pragma once

#include "app/cli/clicontext.h"

namespace devzero::cli {

int listSessions(CliContext &ctx, const QStringList &args);
int showSession(CliContext &ctx, const QStringList &args);
int showStatus(CliContext &ctx, const QStringList &args);
int useSession(CliContext &ctx, const QStringList &args);
int recoverSessions(CliContext &ctx, const QStringList &args);

} // namespace devzero::cli
