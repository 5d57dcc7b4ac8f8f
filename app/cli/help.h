#pragma once

#include <QString>

namespace devzero::cli {

// The top-level `devzero --help` text (also the source of the man page).
QString mainHelp();
QString planHelp();
QString sessionHelp();
QString labHelp();

} // namespace devzero::cli
