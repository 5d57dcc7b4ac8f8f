#pragma once

// The environment a session ran in, shown to the tester before the session
// starts and stored with it: "it failed on macOS with kubectl 1.27" is
// evidence; "it failed" is not.
//
// Privacy: the host name is kept only as a short SHA-256 prefix (enough to
// tell "same machine?" apart, not to print the name; a short name can still
// be guessed by brute force, so treat it as a pseudonym, not anonymity). The
// shell is its file name only, tool paths show the home folder as "~", and
// every version line goes through Redactor::standard().

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace devzero::capture {

struct ToolVersion
{
    QString tool;    // as asked for, e.g. "git"
    QString version; // first non-empty line of its version output, trimmed and redacted
    QString path;    // where it was found ("~" for the home folder); empty when not found
    bool found = false;
    QString error;   // why there is no version (missing, timed out, failed); may accompany one

    bool operator==(const ToolVersion &) const = default;
};

struct EnvironmentSnapshot
{
    QString os;           // QSysInfo::prettyProductName(), e.g. "Debian GNU/Linux 12 (bookworm)"
    QString kernel;       // kernel type and version, e.g. "linux 6.1.0-18-amd64"
    QString arch;         // CPU architecture, e.g. "x86_64"
    QString hostNameHash; // first 12 hex digits of SHA-256 of the host name
    QString locale;       // e.g. "en_GB"
    QString shell;        // file name of the login shell, e.g. "zsh"
    QList<ToolVersion> tools;
    qint64 takenAtMs = 0; // UTC milliseconds since the epoch

    QJsonObject toJson() const;
    // Missing or mistyped fields read as empty, tool entries that are not
    // objects are skipped, unknown fields are ignored,
    // so snapshots stored by older and newer builds stay readable.
    static EnvironmentSnapshot fromJson(const QJsonObject &json);

    bool operator==(const EnvironmentSnapshot &) const = default;
};

// Looks every tool up on PATH and asks it for its version: `TOOL --version`,
// then `TOOL version` when that fails (kubectl, helm, go). The tools run in
// parallel, each with its own `perToolTimeoutMs` per attempt; a tool that
// hangs is killed (with its process group on Unix) and reported with an
// error, so the call returns in about 2 x perToolTimeoutMs at worst. Tools
// run in an empty temporary folder (a version manager's shim reports its
// global version, not one picked by the current folder). Blocks
// the calling thread: call it from a worker, not the UI thread. Tool names
// must be plain names or absolute paths.
EnvironmentSnapshot takeEnvironmentSnapshot(const QStringList &tools, int perToolTimeoutMs = 3000);

// The same facts without running any tool (used by takeEnvironmentSnapshot).
EnvironmentSnapshot describeHost();

} // namespace devzero::capture
