#pragma once

// Where a lab keeps its derived data: the same folder the command line uses
// (CliContext::labDataDir), so the bench and `devzero docs ...` share one
// docs index.

#include <QString>

namespace devzero::ui {

QString labDataDir(const QString &labPath);    // "<lab dir>/<lab base name>.data"
QString docsIndexPath(const QString &labPath); // "<data>/docs-index.sqlite"
QString docsClonesDir(const QString &labPath); // "<data>/clones"

} // namespace devzero::ui
