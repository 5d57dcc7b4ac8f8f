#pragma once

#include <QString>

namespace devzero::ui {

// Creates the QApplication and the main window on `labPath`; returns the
// application's exit code.
int runGui(int argc, char **argv, const QString &labPath);

} // namespace devzero::ui
