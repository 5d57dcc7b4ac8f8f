#pragma once

// Code block languages and the commands in shell blocks.

#include "sessions/docindex/parsedpage.h"

#include <QStringView>

namespace devzero::docindex {

// "bash", "{.bash}", "{.bash .numberLines}", "shell title=\"x\"", "js {1,3}",
// "bash{2}", "rust,ignore" -> first word, lower-case.
QString languageFromInfo(QStringView info);

// One command per logical line of a shell block (CodeBlock::isShell()):
// trailing "\" (PowerShell "`", cmd "^") continuations and quotes left open
// are joined, prompts stripped ("$ ", "% ", "> ", "PS> ", "PS C:\x> ",
// "C:\x> ", "user@host:~$ ", "[user@host dir]$ ", "host:~ user$ ", and "# "
// in console blocks only), output lines skipped when other lines have a
// prompt, comments and here-document bodies skipped. `firstLine` is the file
// line of the block's first code line. Names set by the commands
// ("export FOO=", "FOO=x cmd", "set FOO=", "$env:FOO =") go to `assignments`.
// `outputLines`, when given, receives the file lines read as command output.
void extractCommands(const CodeBlock &block, int firstLine, QList<Command> &commands, QList<Term> &assignments,
                     QList<int> *outputLines = nullptr);

// The program a command line runs: leading NAME=value assignments, env,
// sudo/doas and their options skipped, quotes removed, basename only
// ("/usr/local/bin/argocd" -> "argocd").
QString programOf(QStringView command);

} // namespace devzero::docindex
