#pragma once

// `devzero shell-hook bash|zsh`: the snippet a tester sources so that every
// command they run in their own terminal reaches the current session.

#include <QString>

namespace devzero::cli {

enum class HookShell { Bash, Zsh };

// The snippet for `shell`. `devzeroPath` is the executable the hook runs;
// `labPath` is baked in when not empty, otherwise the hook reads
// $DEVZERO_LAB each time it records (and devzero falls back to its default).
QString shellHookSnippet(HookShell shell, const QString &devzeroPath, const QString &labPath);

// A word quoted for POSIX shells: 'it'\''s' (safe for any bytes but NUL).
QString shellQuote(const QString &word);

QString shellHookHelp();

} // namespace devzero::cli
