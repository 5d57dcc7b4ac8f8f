#pragma once

// Runs the real `devzero` executable for the command-line suites: one
// isolated environment per test (no DEVZERO_LAB leaking in, a private HOME
// and XDG data dir so a missing --lab can never touch the user's lab).

#include <QByteArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

namespace devzero::test {

struct CliRun
{
    QStringList arguments;
    bool finished = false; // exited normally within the timeout
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QString stdoutText() const { return QString::fromUtf8(out); }
    QString stderrText() const { return QString::fromUtf8(err); }
    QStringList stderrLines() const;
    // stdout parsed as JSON; `ok` false (and a null document) when it is not JSON.
    QJsonDocument json(bool *ok = nullptr) const;
    // "devzero ARGS -> exit N\nstdout...\nstderr..." for failure messages.
    QString describe() const;
};

class DevzeroCli
{
public:
    // `home` is a private folder for HOME and XDG_*; `lab` is passed as --lab
    // when not empty.
    DevzeroCli(const QString &home, const QString &lab);

    QString lab() const { return m_lab; }
    void setLab(const QString &lab) { m_lab = lab; }
    QProcessEnvironment &environment() { return m_env; }

    // The full argument list: --lab LAB (when set) then `args`.
    QStringList argumentsFor(const QStringList &args) const;

    CliRun run(const QStringList &args, int timeoutMs = 60000) const;
    // Ready to start (program, arguments, environment set), not started.
    std::unique_ptr<QProcess> prepare(const QStringList &args) const;
    // Started, not awaited: for processes that must run side by side.
    std::unique_ptr<QProcess> start(const QStringList &args) const;

private:
    QString m_home;
    QString m_lab;
    QProcessEnvironment m_env;
};

// Reads a finished process started with DevzeroCli::start().
CliRun collect(QProcess &process, const QStringList &arguments);

// A fake secret built at run time (never a literal in the sources):
// `prefix` then `length` random letters and digits, with at least one digit.
QString fakeSecret(const QString &prefix, int length);

// Imports tests/fixtures/cli/session-plan.md and starts a session with
// consent and no environment snapshot; returns its id, or 0 with `failure`
// describing the run that went wrong.
qint64 startFixtureSession(const DevzeroCli &cli, QString *failure);
QString fixturePlanPath();

// Bytes of the lab file and of its -wal file (if any), for "is the secret
// on disk" checks.
QByteArray labBytesOnDisk(const QString &labPath);

} // namespace devzero::test

// Fails the test with the whole run (arguments, exit code, stdout, stderr)
// when the run did not exit with `code`.
#define DEVZERO_EXPECT_EXIT(run, code)                                                              \
    do {                                                                                           \
        const devzero::test::CliRun &r_ = (run);                                                   \
        QVERIFY2(r_.finished && r_.exitCode == (code),                                             \
                 qPrintable(QStringLiteral("expected exit %1; ").arg(code) + r_.describe()));      \
    } while (false)
