#pragma once

// Runs an external tool for the packaging suites and keeps what it said.

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace devzero::test {

struct ToolRun
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QByteArray out;
    QByteArray err;
    QString describe() const; // "exit N\nstdout\nstderr" for failure messages
};

ToolRun runTool(const QString &program, const QStringList &args, int timeoutMs = 60'000,
                const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                const QString &workingDir = {});

} // namespace devzero::test
