#pragma once

// A session's whole record as one JSON document (schema "devzero.session/1"):
// what `devzero session show --json` prints and what reports and the GUI
// read. Screenshots are reported by size, not inlined.

#include "sessions/common/result.h"

#include <QJsonObject>

namespace devzero {
class LabDatabase;
}

namespace devzero::capture {

Result<QJsonObject> sessionRecordJson(LabDatabase &lab, qint64 sessionId);

} // namespace devzero::capture
