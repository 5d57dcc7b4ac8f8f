#include "tests/cli/support_devzerocli.h"

#include "tests/common/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>

namespace devzero::test {

QStringList CliRun::stderrLines() const
{
    return stderrText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QJsonDocument CliRun::json(bool *ok) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    if (ok)
        *ok = error.error == QJsonParseError::NoError && !doc.isNull();
    return doc;
}

QString CliRun::describe() const
{
    return QStringLiteral("devzero %1 -> %2\n--- stdout ---\n%3\n--- stderr ---\n%4")
        .arg(arguments.join(QLatin1Char(' ')),
             finished ? QStringLiteral("exit %1").arg(exitCode) : QStringLiteral("did not finish (crash or timeout)"),
             stdoutText().left(4000), stderrText().left(4000));
}

DevzeroCli::DevzeroCli(const QString &home, const QString &lab) : m_home(home), m_lab(lab)
{
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.remove(QStringLiteral("DEVZERO_LAB"));
    m_env.insert(QStringLiteral("HOME"), home);
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    m_env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // As under CTest (cmake/DevzeroHelpers.cmake), also when a suite is run by hand.
    m_env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("devzero.*.debug=false"));
    // Messages must stay comparable whatever the machine's language.
    m_env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
}

QStringList DevzeroCli::argumentsFor(const QStringList &args) const
{
    QStringList all;
    if (!m_lab.isEmpty())
        all << QStringLiteral("--lab") << m_lab;
    return all + args;
}

std::unique_ptr<QProcess> DevzeroCli::prepare(const QStringList &args) const
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(m_env);
    process->setWorkingDirectory(m_home);
    process->setProgram(devzeroExecutable());
    process->setArguments(argumentsFor(args));
    return process;
}

std::unique_ptr<QProcess> DevzeroCli::start(const QStringList &args) const
{
    std::unique_ptr<QProcess> process = prepare(args);
    process->start();
    return process;
}

CliRun DevzeroCli::run(const QStringList &args, int timeoutMs) const
{
    std::unique_ptr<QProcess> process = start(args);
    if (!process->waitForFinished(timeoutMs)) {
        process->kill();
        process->waitForFinished(5000);
    }
    return collect(*process, argumentsFor(args));
}

CliRun collect(QProcess &process, const QStringList &arguments)
{
    CliRun run;
    run.arguments = arguments;
    run.finished = process.state() == QProcess::NotRunning && process.exitStatus() == QProcess::NormalExit
        && process.error() != QProcess::FailedToStart;
    run.exitCode = run.finished ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    if (process.error() == QProcess::FailedToStart)
        run.err += "\n(could not start " + devzeroExecutable().toUtf8() + ": " + process.errorString().toUtf8() + ")";
    return run;
}

QString fakeSecret(const QString &prefix, int length)
{
    static const QString alphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString secret = prefix;
    for (int i = 0; i < length - 1; ++i)
        secret += alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size())));
    secret += QChar(u'0' + QRandomGenerator::global()->bounded(10));
    return secret;
}

QString fixturePlanPath()
{
    return fixturePath(QStringLiteral("cli/session-plan.md"));
}

qint64 startFixtureSession(const DevzeroCli &cli, QString *failure)
{
    const CliRun imported = cli.run({QStringLiteral("plan"), QStringLiteral("import"), fixturePlanPath(), QStringLiteral("--json")});
    if (!imported.finished || imported.exitCode != 0 || imported.json().object().value(QStringLiteral("plan_id")).toInteger() <= 0) {
        *failure = imported.describe();
        return 0;
    }
    // The plan given as a FILE, as a tester types it; the id comes from
    // `status`, because `session start --plan FILE --json` prints two JSON
    // documents (see test_cli_end_to_end's sessionStartJsonIsOneDocument).
    const CliRun started = cli.run({QStringLiteral("session"), QStringLiteral("start"), QStringLiteral("--plan"), fixturePlanPath(),
                                    QStringLiteral("--participant"), QStringLiteral("dz-01"), QStringLiteral("--consent"),
                                    QStringLiteral("--no-snapshot")});
    if (!started.finished || started.exitCode != 0 || !started.stdoutText().startsWith(QStringLiteral("started session "))) {
        *failure = started.describe();
        return 0;
    }
    const CliRun status = cli.run({QStringLiteral("status"), QStringLiteral("--json")});
    const qint64 id = status.json().object().value(QStringLiteral("id")).toInteger();
    if (!status.finished || status.exitCode != 0 || id <= 0) {
        *failure = status.describe();
        return 0;
    }
    return id;
}

QByteArray labBytesOnDisk(const QString &labPath)
{
    QByteArray bytes;
    for (const QString &path : QStringList{labPath, labPath + QStringLiteral("-wal")}) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

} // namespace devzero::test
