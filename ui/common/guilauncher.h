#pragma once

#include <QString>

namespace devzero::ui {

// Creates the QApplication and the main window; returns the application's
// exit code. The window opens `labPath` when the user chose it (--lab or
// DEVZERO_LAB: `explicitLab`); otherwise the lab set in Settings, else the
// last lab opened, else `labPath` (the default lab).
int runGui(int argc, char **argv, const QString &labPath, bool explicitLab);

} // namespace devzero::ui
