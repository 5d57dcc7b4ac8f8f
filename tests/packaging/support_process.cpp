#include "tests/packaging/support_process.h"

#include <QProcess>

namespace devzero::test {

QString ToolRun::describe() const
{
    return QStringLiteral("exit %1\n%2\n%3").arg(exitCode).arg(QString::fromUtf8(out), QString::fromUtf8(err));
}

ToolRun runTool(const QString &program, const QStringList &args, int timeoutMs, const QProcessEnvironment &env,
                const QString &workingDir)
{
    QProcess process;
    process.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(program, args);
    ToolRun run;
    if (!process.waitForStarted(10'000)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

} // namespace devzero::test
