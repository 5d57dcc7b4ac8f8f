#include "sessions/capture/environmentprobe.h"

#include "sessions/capture/redactor.h"
#include "sessions/common/logging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <memory>
#include <vector>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace devzero::capture {

namespace {

constexpr int kMaxVersionChars = 200;
constexpr int kJsonSchema = 1;

struct Attempt
{
    bool started = false;
    bool timedOut = false;
    bool crashed = false;
    int exitCode = -1;
    QString line;       // first non-empty line, stdout preferred, redacted
    bool lineFromStdout = false;
    QString startError; // why it did not start

    bool succeeded() const { return started && !timedOut && !crashed && exitCode == 0 && !line.isEmpty(); }
};

// Drops terminal escape sequences (colour) and control characters.
QString cleanLine(QStringView raw)
{
    QString out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c == u'\x1b') {
            // CSI: ESC [ parameters... final byte in @..~
            if (i + 1 < raw.size() && raw.at(i + 1) == u'[') {
                i += 2;
                while (i < raw.size() && !(raw.at(i) >= u'@' && raw.at(i) <= u'~'))
                    ++i;
            }
            continue;
        }
        if (c == u'\t')
            out += u' ';
        else if (!c.isNonCharacter() && c.category() != QChar::Other_Control)
            out += c;
    }
    return out.trimmed();
}

QString firstLine(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    for (QStringView line : QStringView(text).split(u'\n')) {
        const QString clean = cleanLine(line);
        if (!clean.isEmpty()) // redact first: a cut could hide half a token from the rules
            return Redactor::standard().redact(clean).left(kMaxVersionChars);
    }
    return {};
}

Attempt runOnce(const QString &program, const QString &argument, const QString &workDir, int timeoutMs)
{
    Attempt a;
    QDeadlineTimer deadline(timeoutMs);
    QProcess process;
    process.setProgram(program);
    process.setArguments({argument});
    process.setWorkingDirectory(workDir);
    process.setStandardInputFile(QProcess::nullDevice()); // a tool waiting for input must not hang
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C")); // stable, untranslated output
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
#ifdef Q_OS_UNIX
    // Its own process group, so a wrapper script and whatever it started can
    // be killed together when it hangs.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
#endif
    process.start();
    if (!process.waitForStarted(int(std::max<qint64>(deadline.remainingTime(), 1)))) {
        a.startError = process.errorString();
        return a;
    }
    a.started = true;
    if (!process.waitForFinished(int(std::max<qint64>(deadline.remainingTime(), 1)))) {
        a.timedOut = true;
#ifdef Q_OS_UNIX
        const qint64 pid = process.processId();
        if (pid > 0)
            ::kill(-pid_t(pid), SIGKILL);
#endif
        process.kill();
        process.waitForFinished(1000);
        return a;
    }
    a.crashed = process.exitStatus() == QProcess::CrashExit;
    a.exitCode = process.exitCode();
    a.line = firstLine(process.readAllStandardOutput());
    a.lineFromStdout = !a.line.isEmpty();
    if (a.line.isEmpty())
        a.line = firstLine(process.readAllStandardError());
    return a;
}

QString describeFailure(const QString &tool, const QString &argument, const Attempt &a, int timeoutMs)
{
    const QString command = u'`' + tool + u' ' + argument + u'`';
    if (!a.started)
        return command + QStringLiteral(" could not start: ") + a.startError;
    if (a.timedOut)
        return command + QStringLiteral(" did not finish within %1 ms").arg(timeoutMs);
    if (a.crashed)
        return command + QStringLiteral(" crashed");
    if (a.exitCode != 0)
        return command + QStringLiteral(" exited with status %1").arg(a.exitCode)
            + (a.line.isEmpty() ? QString() : QStringLiteral(": ") + a.line);
    return command + QStringLiteral(" printed nothing");
}

QString withHomeAsTilde(const QString &path)
{
    const QString home = QDir::homePath();
    if (!home.isEmpty() && home != QStringLiteral("/") && path.startsWith(home + u'/'))
        return u'~' + path.mid(home.size());
    return path;
}

ToolVersion probeTool(const QString &tool, const QString &workDir, int timeoutMs)
{
    ToolVersion tv;
    tv.tool = tool;
    if (tool.trimmed().isEmpty()) {
        tv.error = QStringLiteral("empty tool name");
        return tv;
    }
    if ((tool.contains(u'/') || tool.contains(u'\\')) && !QFileInfo(tool).isAbsolute()) {
        tv.error = QStringLiteral("not a plain tool name or an absolute path: %1").arg(tool);
        return tv;
    }
    const QString path = QStandardPaths::findExecutable(tool);
    if (path.isEmpty()) {
        tv.error = QStringLiteral("not found on PATH");
        return tv;
    }
    tv.found = true;
    tv.path = withHomeAsTilde(path);

    const QString dashVersion = QStringLiteral("--version");
    const Attempt first = runOnce(path, dashVersion, workDir, timeoutMs);
    if (first.succeeded()) {
        tv.version = first.line;
        return tv;
    }
    tv.error = describeFailure(tool, dashVersion, first, timeoutMs);
    if (first.timedOut || !first.started)
        return tv; // a hang is not worth a second wait

    // kubectl, helm, go: `version` is a subcommand. It may exit non-zero after
    // printing the client version to stdout (kubectl without a cluster): keep
    // that line, but never an error message from stderr.
    const QString plainVersion = QStringLiteral("version");
    const Attempt second = runOnce(path, plainVersion, workDir, timeoutMs);
    if (second.succeeded() || (second.started && !second.timedOut && !second.crashed && second.lineFromStdout)) {
        tv.version = second.line;
        tv.error.clear();
        return tv;
    }
    tv.error += QStringLiteral("; ") + describeFailure(tool, plainVersion, second, timeoutMs);
    return tv;
}

QString loginShell()
{
#ifdef Q_OS_WIN
    const QString shell = qEnvironmentVariable("COMSPEC");
#else
    const QString shell = qEnvironmentVariable("SHELL");
#endif
    return QFileInfo(shell).fileName();
}

} // namespace

EnvironmentSnapshot describeHost()
{
    EnvironmentSnapshot s;
    s.takenAtMs = QDateTime::currentMSecsSinceEpoch();
    s.os = QSysInfo::prettyProductName();
    s.kernel = QString(QSysInfo::kernelType() + u' ' + QSysInfo::kernelVersion()).trimmed();
    s.arch = QSysInfo::currentCpuArchitecture();
    const QString host = QSysInfo::machineHostName();
    if (!host.isEmpty()) {
        const QByteArray digest = QCryptographicHash::hash(host.toUtf8(), QCryptographicHash::Sha256);
        s.hostNameHash = QString::fromLatin1(digest.toHex().left(12));
    }
    s.locale = QLocale::system().name();
    s.shell = loginShell();
    return s;
}

EnvironmentSnapshot takeEnvironmentSnapshot(const QStringList &tools, int perToolTimeoutMs)
{
    EnvironmentSnapshot s = describeHost();
    const int timeoutMs = std::max(perToolTimeoutMs, 1);
    Redactor::standard(); // compile the rules once here, not in every worker at the same time
    // An empty working folder: `sh version` would run a file named "version"
    // from the current folder, and project files (go.mod, .tool-versions)
    // must not make a tool download or switch versions.
    const QTemporaryDir emptyDir;
    const QString workDir = emptyDir.isValid() ? emptyDir.path() : QDir::rootPath();

    // One thread per tool: QProcess::waitFor* blocks, and the tools are few.
    // A QThread (not std::thread) so QProcess has an event dispatcher for its pipes.
    std::vector<ToolVersion> results(size_t(tools.size()));
    std::vector<std::unique_ptr<QThread>> workers;
    workers.reserve(size_t(tools.size()));
    for (qsizetype i = 0; i < tools.size(); ++i) {
        ToolVersion *slot = &results[size_t(i)];
        const QString tool = tools.at(i);
        workers.emplace_back(
            QThread::create([slot, tool, workDir, timeoutMs] { *slot = probeTool(tool, workDir, timeoutMs); }));
        workers.back()->start();
    }
    for (const auto &worker : workers)
        worker->wait();

    for (ToolVersion &tv : results) {
        qCDebug(lcCapture) << "tool" << tv.tool << (tv.found ? tv.version : QStringLiteral("(missing)")) << tv.error;
        s.tools.append(std::move(tv));
    }
    return s;
}

QJsonObject EnvironmentSnapshot::toJson() const
{
    QJsonArray toolArray;
    for (const ToolVersion &tv : tools) {
        toolArray.append(QJsonObject{
            {QStringLiteral("tool"), tv.tool},
            {QStringLiteral("version"), tv.version},
            {QStringLiteral("path"), tv.path},
            {QStringLiteral("found"), tv.found},
            {QStringLiteral("error"), tv.error},
        });
    }
    return QJsonObject{
        {QStringLiteral("schema"), kJsonSchema},
        {QStringLiteral("os"), os},
        {QStringLiteral("kernel"), kernel},
        {QStringLiteral("arch"), arch},
        {QStringLiteral("hostNameHash"), hostNameHash},
        {QStringLiteral("locale"), locale},
        {QStringLiteral("shell"), shell},
        {QStringLiteral("takenAtMs"), takenAtMs},
        {QStringLiteral("tools"), toolArray},
    };
}

EnvironmentSnapshot EnvironmentSnapshot::fromJson(const QJsonObject &json)
{
    const auto text = [](const QJsonObject &o, const char16_t *key) {
        return o.value(QStringView(key)).toString();
    };
    EnvironmentSnapshot s;
    s.os = text(json, u"os");
    s.kernel = text(json, u"kernel");
    s.arch = text(json, u"arch");
    s.hostNameHash = text(json, u"hostNameHash");
    s.locale = text(json, u"locale");
    s.shell = text(json, u"shell");
    s.takenAtMs = json.value(u"takenAtMs").toInteger();
    const QJsonArray toolArray = json.value(u"tools").toArray();
    for (const QJsonValue &value : toolArray) {
        if (!value.isObject())
            continue;
        const QJsonObject o = value.toObject();
        ToolVersion tv;
        tv.tool = text(o, u"tool");
        tv.version = text(o, u"version");
        tv.path = text(o, u"path");
        tv.found = o.value(u"found").toBool();
        tv.error = text(o, u"error");
        s.tools.append(tv);
    }
    return s;
}

} // namespace devzero::capture
