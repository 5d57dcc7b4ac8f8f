#pragma once

// A real interactive bash (`bash --rcfile RC -i`) fed its command lines
// through a pipe, for the shell-hook tests (header-only: the cli and the
// ui suites both use it).
//
// Why a pipe and not a terminal: CI runs the suites from a non-interactive
// shell without any TTY, with a HOME that may be odd or unwritable. So the
// shell gets nothing from the caller: its whole environment is given (HOME
// included), its startup file is given with --rcfile, and it starts in a
// session of its own (setsid) with no controlling terminal, so it can never
// take over, or wait for, a terminal the test runner happens to have. With
// -i bash is interactive all the same: it runs PROMPT_COMMAND before each
// prompt, keeps history and honours the DEBUG trap, which is all the hook
// relies on. Bash reads a pipe one byte at a time, so a line not yet read
// is never swallowed by a command it runs.

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QString>
#include <QTest>

#include <memory>

#include <unistd.h>

namespace devzero::test {

class InteractiveBash
{
public:
    // `environment`: everything the shell gets (nothing is inherited).
    // `rcText`: written to `home`/.bashrc and given with --rcfile.
    InteractiveBash(const QString &home, const QProcessEnvironment &environment, const QByteArray &rcText)
        : m_home(home), m_environment(environment), m_rcText(rcText)
    {
    }
    ~InteractiveBash()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    InteractiveBash(const InteractiveBash &) = delete;
    InteractiveBash &operator=(const InteractiveBash &) = delete;

    static QString bashPath() { return QStandardPaths::findExecutable(QStringLiteral("bash")); }

    // Starts the shell in `workDir`; false with `error` set when it cannot.
    bool start(const QString &workDir, QString *error)
    {
        const QString bash = bashPath();
        if (bash.isEmpty()) {
            *error = QStringLiteral("bash is not on PATH");
            return false;
        }
        const QString rcPath = m_home + QStringLiteral("/.bashrc");
        QFile rc(rcPath);
        if (!rc.open(QIODevice::WriteOnly) || rc.write(m_rcText) != m_rcText.size()) {
            *error = QStringLiteral("cannot write %1").arg(rcPath);
            return false;
        }
        rc.close();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(m_environment);
        m_process->setWorkingDirectory(workDir);
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setChildProcessModifier([] { ::setsid(); });
        m_process->start(bash, {QStringLiteral("--noprofile"), QStringLiteral("--rcfile"), rcPath, QStringLiteral("-i")});
        if (!m_process->waitForStarted(10000)) {
            *error = QStringLiteral("bash did not start: %1").arg(m_process->errorString());
            return false;
        }
        return true;
    }

    // One line as the tester would type it, Enter included.
    bool type(const QString &line)
    {
        if (!m_process || m_process->state() != QProcess::Running)
            return false;
        const QByteArray bytes = line.toUtf8() + '\n';
        return m_process->write(bytes) == bytes.size();
    }

    // Types `exit` and waits for the shell to end.
    bool exit(int timeoutMs = 10000)
    {
        if (!m_process)
            return false;
        if (m_process->state() == QProcess::Running) {
            type(QStringLiteral("exit"));
            m_process->closeWriteChannel();
        }
        QElapsedTimer timer;
        timer.start();
        while (m_process->state() != QProcess::NotRunning && timer.elapsed() < timeoutMs)
            QTest::qWait(20);
        return m_process->state() == QProcess::NotRunning && m_process->exitStatus() == QProcess::NormalExit;
    }

    // What the shell printed so far (prompts, echo output, errors).
    QString transcript()
    {
        if (m_process)
            m_output += m_process->readAll();
        return QString::fromUtf8(m_output);
    }

private:
    QString m_home;
    QProcessEnvironment m_environment;
    QByteArray m_rcText;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
};

// The environment a tester's shell would have, built from nothing: HOME,
// a PATH that finds `devzero` first, a UTF-8 locale and no terminal.
inline QProcessEnvironment hookShellEnvironment(const QString &home, const QString &devzeroDir)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("PATH"), devzeroDir + QStringLiteral(":/usr/local/bin:/usr/bin:/bin"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("TERM"), QStringLiteral("dumb"));
    env.insert(QStringLiteral("HISTFILE"), home + QStringLiteral("/.bash_history"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("devzero.*.debug=false"));
    return env;
}

// `'it'\''s'`: a word quoted for the shell.
inline QString shellQuoted(const QString &word)
{
    return QLatin1Char('\'') + QString(word).replace(QStringLiteral("'"), QStringLiteral("'\\''")) + QLatin1Char('\'');
}

} // namespace devzero::test
