#pragma once

// Records the demo testers (demoscript.h) into a lab through the session
// engine, each session on its own ManualClock.

#include "sessions/common/result.h"

#include <QString>

namespace devzero {
class LabDatabase;
}
namespace devzero::docindex {
class DocIndex;
}

namespace devzero::demo {

struct SessionCounts
{
    int sessions = 0;
    int attempts = 0;
    int notes = 0;
    int lookups = 0;
    int searches = 0;
    int zeroResultSearches = 0;
    int commands = 0;
    int commandsNotFound = 0;
};

struct SessionInputs
{
    qint64 planId = 0;
    QString docsRevision; // the commit the testers read
    QString sourceName;   // searches run against this docs source
    quint32 seed = 0;
};

// Search result counts come from the real index, so a "zero-result search"
// in the demo is one the docs really cannot answer.
Result<SessionCounts> recordDemoSessions(LabDatabase &lab, docindex::DocIndex &index, const SessionInputs &inputs);

} // namespace devzero::demo
