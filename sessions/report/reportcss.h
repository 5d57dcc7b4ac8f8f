#pragma once

// The HTML report's style sheet, inlined into every report (no external
// file, no remote font).

#include <QString>

namespace devzero::report {

QString reportCss();

} // namespace devzero::report
