#pragma once

// What every command of the command line shares: the chosen lab, output
// mode, and one way to print results and errors. Commands live in one file
// per group (plancommands.cpp, sessioncommands.cpp, docscommands.cpp, ...).

#include "sessions/common/result.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace devzero {
class LabDatabase;
}

namespace devzero::cli {

// Exit codes, documented in README.md.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,  // the command ran and failed (bad plan, invalid input, ...)
    ExitUsage = 2,    // wrong arguments
    ExitLab = 3,      // the lab cannot be opened: newer schema, corrupt, unwritable
    ExitNotFound = 4, // no such session, plan, task, page, or no current session
};

class CliContext
{
public:
    CliContext();
    ~CliContext();

    QString labPath;          // resolved: --lab, else DEVZERO_LAB, else the default
    bool json = false;        // --json given
    QString program = QStringLiteral("devzero");

    // Opens the lab; an error is printed and returned as ExitLab by the
    // caller via fail(). Only commands that put something into a lab (plan
    // import, session start) create it: any other command on a missing lab
    // (a typo in --lab, a folder not mounted) says so instead of leaving an
    // empty lab and its folders behind.
    enum class LabUse { Existing, Create };
    Result<LabDatabase *> lab(LabUse use = LabUse::Existing);

    // Folder for derived data of this lab (docs clones and index):
    // "<lab dir>/<lab file name without suffix>.data".
    QString labDataDir() const;

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // Prints "devzero: where: message" on stderr (or a JSON error object on
    // stdout with --json) and returns code.
    int fail(int code, const Error &error);
    int fail(int code, const QString &message) { return fail(code, Error{message, {}}); }
    int usage(const QString &message, const QString &helpText);

    // Prints a JSON value (indented) followed by a newline.
    void printJson(const QJsonValue &value);

private:
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<LabDatabase> m_lab;
};

// One function per command group. `args` are the words after the group
// name, e.g. {"search", "sync waves"} for `devzero docs search "sync waves"`.
int runPlanCommand(CliContext &ctx, const QStringList &args);
int runSessionCommand(CliContext &ctx, const QStringList &args);
int runDocsCommand(CliContext &ctx, const QStringList &args);
int runLabCommand(CliContext &ctx, const QStringList &args);
int runLintDocsCommand(CliContext &ctx, const QStringList &args);
// `devzero report --format html|md|pdf|csv|json -o PATH ...`: the lab's report (sessions/report).
int runReportCommand(CliContext &ctx, const QStringList &args);
// `devzero shell-hook bash|zsh`: prints the snippet that records a terminal's commands.
int runShellHookCommand(CliContext &ctx, const QStringList &args);
// `devzero demo [--force] [--seed N]`: creates the Paylark demo lab (sessions/demo).
int runDemoCommand(CliContext &ctx, const QStringList &args);
// `devzero note ...`, `devzero done`, ...: the short forms for the current session.
int runShortForm(CliContext &ctx, const QString &command, const QStringList &args);

// Parses a command's own options. `args` excludes the command words; on a
// parse error prints it with helpText and returns false.

} // namespace devzero::cli
