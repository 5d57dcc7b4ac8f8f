#pragma once

// Flags as a SARIF 2.1.0 log, so that code-scanning UIs (GitHub, Azure
// DevOps, VS Code's SARIF viewer) show them on the lines of a docs pull
// request. One run, tool "devzero", one reportingDescriptor per rule,
// locations relative to %SRCROOT% (the repository root).

#include "sessions/analysis/flag.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace devzero::analysis {

inline constexpr char kSarifSchemaUri[] = "https://json.schemastore.org/sarif-2.1.0.json";
// No tool.driver.informationUri: devzero has no public home page to point
// to, and SARIF 2.1.0 makes the property optional.

// "error", "warning" or "note".
QString sarifLevel(Severity severity);

// A fingerprint that survives lines moving: rule, path, term and the
// flagged text, not the line number.
QString flagFingerprint(const Flag &flag);

// `rootUri`: the repository root as a file:// URL (optional); it becomes
// originalUriBaseIds.%SRCROOT% so that viewers can open the files.
QJsonObject sarifLog(const QList<Flag> &flags, const QString &toolVersion, const QString &rootUri = {});

} // namespace devzero::analysis
