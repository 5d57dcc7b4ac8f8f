#pragma once

// How the desktop app reaches the bench: start a session through the
// wizard, or take over one that was interrupted. The main window's Session
// menu calls these; so does the app at start when a lab has an interrupted
// session.

#include "sessions/common/result.h"
#include "ui/bench/recoverydialog.h"

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace devzero {
class LabDatabase;
}
namespace devzero::capture {
class Clock;
}

namespace devzero::ui {

class BenchWindow;

// The lab's sessions whose recording process died, with their last event.
Result<QList<InterruptedSession>> findInterruptedSessions(LabDatabase &lab, const capture::Clock &clock);

// A bench window on a session of the lab (resumeInterrupted: take it over
// and record the gap). Null with `error` set when it cannot open.
BenchWindow *openBench(const QString &labPath, qint64 sessionId, bool resumeInterrupted, const std::optional<QString> &docsSource,
                       QString *error);

// Offers the lab's interrupted sessions (non-blocking); `then` runs after
// the tester chose (true when a bench opened). Returns false, without
// showing anything, when there are none.
bool offerRecovery(QWidget *parent, const QString &labPath, const std::function<void(bool benchOpened)> &then = {});

// Interrupted sessions first, then the start wizard, then the bench.
// `changed` runs whenever the lab's sessions changed (to refresh a list).
void startSession(QWidget *parent, const QString &labPath, const std::function<void()> &changed = {});

} // namespace devzero::ui
