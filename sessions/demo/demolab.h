#pragma once

// `devzero demo` and the welcome panel's "Try the demo": a lab that shows
// what the app does on something realistic. It holds the Paylark docs as a
// real git repository (five commits, CODEOWNERS) registered and indexed as
// the lab's docs source, the demo plan, and eight simulated sessions
// recorded through the session engine on a ManualClock. Deterministic: the
// same seed gives the same lab, event for event.

#include "sessions/common/result.h"

#include <QString>

#include <functional>

namespace devzero::demo {

struct DemoOptions
{
    QString labPath;
    bool force = false;          // replace a lab that already holds plans, sessions or docs
    quint32 seed = 20240506;     // varies the simulated timings
    // Where the demo's files come from: the compiled-in copy by default, a
    // checkout's resources/demo in tests that check the two agree.
    QString demoRoot = QStringLiteral(":/devzero/demo");
};

struct DemoSummary
{
    QString labPath;
    QString dataDir;
    QString repoPath;
    QString sourceName;
    QString headCommit;
    int commits = 0;
    int pages = 0;
    qint64 planId = 0;
    int sessions = 0;
    int attempts = 0;
    int notes = 0;
    int lookups = 0;
    int searches = 0;
    int zeroResultSearches = 0;
    int commands = 0;
    int commandsNotFound = 0;
    qint64 elapsedMs = 0;
};

using DemoProgress = std::function<void(const QString &step)>;

// The folder for a lab's derived data: "<lab dir>/<lab base name>.data"
// (the same rule as the command line's docs commands).
QString labDataDir(const QString &labPath);

// Creates the demo lab at options.labPath. Refuses, changing nothing, when
// the lab already holds plans, sessions or docs sources and force is off.
// With force, the old lab file and its data folder are deleted first (a
// file that is not an SQLite database is never deleted).
Result<DemoSummary> createDemoLab(const DemoOptions &options, const DemoProgress &progress = {});

} // namespace devzero::demo
