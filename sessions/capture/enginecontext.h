#pragma once

// Private to the session engine: the state one recording transaction sees.

#include "sessions/capture/sessionengine.h"
#include "sessions/store/sessionstore.h"

namespace devzero::capture {

struct SessionEngine::Context
{
    store::SessionStore &sessions;
    store::SessionRow session;                    // re-read inside the transaction
    std::optional<store::AttemptRow> openAttempt; // the task in progress, if any
    qint64 wallMs = 0;
    qint64 nowNs = 0;                             // since the session started
    qint64 eventId = 0;
    std::optional<qint64> attemptId;              // the attempt the event belongs to
    QJsonObject &payload;
    qint64 detailId = 0;
};

} // namespace devzero::capture
