#pragma once

// What a shell command line runs, for the undeclared-tool rule. The page
// parser's Command::program only names the first word of a line; a tool
// after a pipe, `&&`, `;` or inside `$( )` or backticks is just as much an
// assumption ("... | openssl dgst", "export ID=$(jq -r .id x.json)").

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace devzero::analysis {

struct ProgramUse
{
    QString program; // basename, as typed ("kubectl", "apt-get")
    int offset = 0;  // where its word starts in the command text
};

// Every program the line runs, in order: pipelines, lists (&&, ||, ;, &),
// subshells, $( ) and backticks split; leading NAME=value assignments and
// wrappers (sudo, env, time, nohup, xargs, watch, timeout, exec, command,
// then/do/else ...) skipped; quotes removed; comments ignored. Words that
// cannot be an installed program are left out: variables ($EDITOR), local
// scripts (./x.sh, hack/build.py), output or YAML pasted into a shell block
// (words with capitals, colons, brackets), numbers.
QList<ProgramUse> programsIn(QStringView command);

// Programs a command line installs, so that the page introduces them:
// "brew install jq", "apt-get install -y paylark", "npm install -g foo",
// "go install example.com/x/cmd/tool@latest", "pip install x",
// "install -m 555 argocd-linux /usr/local/bin/argocd",
// "mv x /usr/local/bin/argocd". Package paths give their last segment.
QStringList programsInstalledBy(QStringView command);

// False for a line of a shell block that is not a command: output or a
// listing pasted into the block ("NAME   READY   STATUS", "ok   pkg  0.02s",
// "`-- child", "BuildDate: ...", "/home/x/plugins/"). Assignments, comments,
// keywords, variables and paths to programs count as commands.
bool looksLikeCommandLine(QStringView text);

// True for shell builtins and the commands every developer machine has
// (cd, echo, cat, grep, sed, tar, mv, sudo, curl, ...).
bool isUniversalProgram(const QString &program);

} // namespace devzero::analysis
