#include "sessions/capture/environmentprobe.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using devzero::capture::describeHost;
using devzero::capture::EnvironmentSnapshot;
using devzero::capture::takeEnvironmentSnapshot;
using devzero::capture::ToolVersion;

namespace {

// Puts a folder first on PATH (or sets any variable) for one test, then restores it.
class EnvOverride
{
public:
    EnvOverride(const char *name, const QByteArray &value)
        : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~EnvOverride()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

QByteArray pathWithFirst(const QString &dir)
{
    return QFile::encodeName(dir) + ':' + qgetenv("PATH");
}

bool writeTool(const QString &dir, const QString &name, const QByteArray &body)
{
    QFile f(dir + u'/' + name);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write("#!/bin/sh\n" + body + '\n');
    f.close();
    return f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

ToolVersion only(const EnvironmentSnapshot &s)
{
    return s.tools.value(0);
}

} // namespace

class TestEnvironmentProbe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hostFacts();
    void realTools_data();
    void realTools();
    void missingTool();
    void badToolNames_data();
    void badToolNames();
    void hangingToolTimesOut();
    void hangingToolsRunInParallel();
    void versionLineChoice_data();
    void versionLineChoice();
    void bothAttemptsFail();
    void homeFolderShownAsTilde();
    void orderIsKept();
    void jsonRoundTrip();
    void jsonRoundTripOfRealSnapshot();
    void jsonToleratesGarbage();

private:
    QTemporaryDir m_bin; // the test's own tools, put first on PATH by the tests that need them
};

void TestEnvironmentProbe::initTestCase()
{
#ifndef Q_OS_UNIX
    QSKIP("the fake tools are /bin/sh scripts");
#endif
    QVERIFY(m_bin.isValid());
    QVERIFY(writeTool(m_bin.path(), u"slowpoke"_s,
                      "sleep 30 &\necho $! > \"$(dirname \"$0\")/slowpoke.child\"\nwait"));
    for (const char *n : {"slow1", "slow2", "slow3"})
        QVERIFY(writeTool(m_bin.path(), QString::fromLatin1(n), "exec sleep 30"));
}

void TestEnvironmentProbe::hostFacts()
{
    const EnvironmentSnapshot s = describeHost();
    QVERIFY(!s.os.isEmpty());
    QVERIFY(!s.kernel.isEmpty());
    QCOMPARE(s.arch, QSysInfo::currentCpuArchitecture());
    QVERIFY(s.takenAtMs > 0);
    QVERIFY(s.tools.isEmpty());

    const QString host = QSysInfo::machineHostName();
    if (!host.isEmpty()) {
        QVERIFY(QRegularExpression(u"\\A[0-9a-f]{12}\\z"_s).match(s.hostNameHash).hasMatch());
        const QByteArray expected = QCryptographicHash::hash(host.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
        QCOMPARE(s.hostNameHash.toLatin1(), expected);
        const QByteArray json = QJsonDocument(s.toJson()).toJson();
        QVERIFY2(!json.contains(host.toUtf8()), "the host name itself must never be stored");
    }
    QVERIFY(!s.shell.contains(u'/'));
}

void TestEnvironmentProbe::realTools_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("versionPattern");
    QTest::newRow("bash") << u"bash"_s << u"\\AGNU bash, version \\d+\\.\\d+"_s;
    QTest::newRow("git") << u"git"_s << u"\\Agit version \\d+\\.\\d+"_s;
}

void TestEnvironmentProbe::realTools()
{
    QFETCH(QString, tool);
    QFETCH(QString, versionPattern);
    if (QStandardPaths::findExecutable(tool).isEmpty())
        QSKIP("tool not installed on this machine");
    const ToolVersion tv = only(takeEnvironmentSnapshot({tool}, 10000));
    QCOMPARE(tv.tool, tool);
    QVERIFY(tv.found);
    QVERIFY2(tv.error.isEmpty(), qPrintable(tv.error));
    QVERIFY2(QRegularExpression(versionPattern).match(tv.version).hasMatch(), qPrintable(tv.version));
    QVERIFY(!tv.version.contains(u'\n'));
    QVERIFY(tv.path.startsWith(u'/') || tv.path.startsWith(u'~'));
}

void TestEnvironmentProbe::missingTool()
{
    const ToolVersion tv = only(takeEnvironmentSnapshot({u"devzero-no-such-tool-4711"_s}));
    QCOMPARE(tv.tool, u"devzero-no-such-tool-4711"_s);
    QVERIFY(!tv.found);
    QVERIFY(tv.version.isEmpty());
    QVERIFY(tv.path.isEmpty());
    QCOMPARE(tv.error, u"not found on PATH"_s);
}

void TestEnvironmentProbe::badToolNames_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QString() << u"empty tool name"_s;
    QTest::newRow("blank") << u"  "_s << u"empty tool name"_s;
    QTest::newRow("relative path") << u"../bin/sh"_s << u"not a plain tool name or an absolute path: ../bin/sh"_s;
}

void TestEnvironmentProbe::badToolNames()
{
    QFETCH(QString, tool);
    QFETCH(QString, error);
    const ToolVersion tv = only(takeEnvironmentSnapshot({tool}));
    QVERIFY(!tv.found);
    QCOMPARE(tv.error, error);
}

void TestEnvironmentProbe::hangingToolTimesOut()
{
    EnvOverride path("PATH", pathWithFirst(m_bin.path()));
    QElapsedTimer timer;
    timer.start();
    const ToolVersion tv = only(takeEnvironmentSnapshot({u"slowpoke"_s}, 500));
    const qint64 ms = timer.elapsed();
    QVERIFY2(ms < 10000, qPrintable(QStringLiteral("returned after %1 ms; the tool sleeps 30 s").arg(ms)));
    QVERIFY(tv.found);
    QVERIFY(tv.version.isEmpty());
    QCOMPARE(tv.error, u"`slowpoke --version` did not finish within 500 ms"_s);

#ifdef Q_OS_LINUX
    // The script's own child (sleep) must die with it: the whole process group is killed.
    QFile pidFile(m_bin.filePath(u"slowpoke.child"_s));
    QVERIFY(pidFile.open(QIODevice::ReadOnly));
    const QByteArray pid = pidFile.readAll().trimmed();
    QVERIFY(!pid.isEmpty());
    const auto alive = [&pid] {
        QFile stat(u"/proc/"_s + QString::fromLatin1(pid) + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        return close > 0 && line.size() > close + 2 && line.at(close + 2) != 'Z'; // a zombie is dead
    };
    QTRY_VERIFY_WITH_TIMEOUT(!alive(), 3000);
#endif
}

void TestEnvironmentProbe::hangingToolsRunInParallel()
{
    EnvOverride path("PATH", pathWithFirst(m_bin.path()));
    QElapsedTimer timer;
    timer.start();
    const EnvironmentSnapshot s = takeEnvironmentSnapshot({u"slow1"_s, u"slow2"_s, u"slow3"_s}, 1000);
    const qint64 ms = timer.elapsed();
    QCOMPARE(s.tools.size(), 3);
    for (const ToolVersion &tv : s.tools)
        QVERIFY2(tv.error.contains(u"did not finish within 1000 ms"_s), qPrintable(tv.error));
    // One after another would take at least 3 x 1000 ms.
    QVERIFY2(ms < 2500, qPrintable(QStringLiteral("three hanging tools took %1 ms").arg(ms)));
}

void TestEnvironmentProbe::versionLineChoice_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QString>("version");
    QTest::newRow("plain") << QByteArray("echo 'tool 1.2.3'") << u"tool 1.2.3"_s;
    QTest::newRow("first non-empty line, trimmed")
        << QByteArray("printf '\\n   \\n  tool 3.1  \\nbuilt by someone\\n'") << u"tool 3.1"_s;
    QTest::newRow("stderr only") << QByteArray("echo 'oldtool 0.9' >&2") << u"oldtool 0.9"_s;
    QTest::newRow("stdout preferred over stderr")
        << QByteArray("echo 'warning: deprecated' >&2; echo 'tool 2.0'") << u"tool 2.0"_s;
    QTest::newRow("colour codes stripped") << QByteArray("printf '\\033[1;32mcolortool 2.0\\033[0m\\n'")
                                           << u"colortool 2.0"_s;
    QTest::newRow("secret redacted") << QByteArray("echo 'secrettool 1.0 token=abc123xyz build 7'")
                                     << u"secrettool 1.0 token=[REDACTED:secret-assignment] build 7"_s;
    QTest::newRow("subcommand fallback")
        << QByteArray("if [ \"$1\" = version ]; then echo 'subtool v1.2.3'; exit 0; fi\n"
                      "echo \"unknown flag: $1\" >&2; exit 2")
        << u"subtool v1.2.3"_s;
    QTest::newRow("fallback that exits non-zero, kubectl without a cluster")
        << QByteArray("if [ \"$1\" = version ]; then echo 'Client Version: v1.30.0';"
                      " echo 'connection refused' >&2; exit 1; fi\n"
                      "echo 'error: unknown flag: --version' >&2; exit 1")
        << u"Client Version: v1.30.0"_s;
    QTest::newRow("silent --version falls back")
        << QByteArray("if [ \"$1\" = version ]; then echo 'quiet 4'; fi") << u"quiet 4"_s;
    QTest::newRow("runs in an empty folder") << QByteArray("echo \"tool in $(ls -A | wc -l) entries\"")
                                             << u"tool in 0 entries"_s;
    QTest::newRow("long line cut to 200") << QByteArray("printf 'v%0500d\\n' 0") << u"v"_s + QString(199, u'0');
    QTest::newRow("reads no input") << QByteArray("read line; echo \"tool read:$line.\"") << u"tool read:."_s;
}

void TestEnvironmentProbe::versionLineChoice()
{
    QFETCH(QByteArray, script);
    QFETCH(QString, version);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeTool(dir.path(), u"faketool"_s, script));
    EnvOverride path("PATH", pathWithFirst(dir.path()));
    const ToolVersion tv = only(takeEnvironmentSnapshot({u"faketool"_s}, 5000));
    QVERIFY(tv.found);
    QCOMPARE(tv.version, version);
    QVERIFY2(tv.error.isEmpty(), qPrintable(tv.error));
}

void TestEnvironmentProbe::bothAttemptsFail()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeTool(dir.path(), u"brokentool"_s, "echo \"no idea what $1 means\" >&2; exit 3"));
    EnvOverride path("PATH", pathWithFirst(dir.path()));
    const ToolVersion tv = only(takeEnvironmentSnapshot({u"brokentool"_s}, 5000));
    QVERIFY(tv.found);
    QVERIFY(tv.version.isEmpty());
    QCOMPARE(tv.error, u"`brokentool --version` exited with status 3: no idea what --version means; "
                       "`brokentool version` exited with status 3: no idea what version means"_s);
}

void TestEnvironmentProbe::homeFolderShownAsTilde()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QDir(home.path()).mkpath(u"bin"_s));
    QVERIFY(writeTool(home.filePath(u"bin"_s), u"hometool"_s, "echo 'hometool 1'"));
    const QString canonicalHome = QFileInfo(home.path()).canonicalFilePath();
    EnvOverride homeVar("HOME", QFile::encodeName(canonicalHome));
    EnvOverride path("PATH", pathWithFirst(canonicalHome + u"/bin"_s));
    const ToolVersion tv = only(takeEnvironmentSnapshot({u"hometool"_s}, 5000));
    QCOMPARE(tv.path, u"~/bin/hometool"_s);
    QCOMPARE(tv.version, u"hometool 1"_s);
}

void TestEnvironmentProbe::orderIsKept()
{
    const QStringList tools = {u"devzero-missing-b"_s, u"sh"_s, u"devzero-missing-a"_s};
    const EnvironmentSnapshot s = takeEnvironmentSnapshot(tools, 5000);
    QCOMPARE(s.tools.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(s.tools.at(i).tool, tools.at(i));
    QVERIFY(!s.tools.at(0).found);
    QVERIFY(s.tools.at(1).found);
}

void TestEnvironmentProbe::jsonRoundTrip()
{
    EnvironmentSnapshot s;
    s.os = u"Debian GNU/Linux 12 (bookworm)"_s;
    s.kernel = u"linux 6.1.0-18-amd64"_s;
    s.arch = u"x86_64"_s;
    s.hostNameHash = u"0123456789ab"_s;
    s.locale = u"de_CH"_s;
    s.shell = u"zsh"_s;
    s.takenAtMs = (qint64(1) << 50) + 7; // beyond 32 bits, exact in a double
    s.tools = {
        {u"git"_s, u"git version 2.39.2"_s, u"/usr/bin/git"_s, true, QString()},
        {u"kübectl \"quoted\""_s, QString(), QString(), false, u"not found on PATH"_s},
        {u"slow"_s, QString(), u"~/bin/slow"_s, true, u"`slow --version` did not finish within 500 ms"_s},
    };
    const QByteArray bytes = QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const EnvironmentSnapshot back = EnvironmentSnapshot::fromJson(doc.object());
    QCOMPARE(back.tools, s.tools);
    QCOMPARE(back.takenAtMs, s.takenAtMs);
    QVERIFY(back == s);
    QCOMPARE(doc.object().value(u"schema"_s).toInt(), 1);
}

void TestEnvironmentProbe::jsonRoundTripOfRealSnapshot()
{
    const EnvironmentSnapshot s = takeEnvironmentSnapshot({u"sh"_s, u"devzero-missing"_s}, 5000);
    QVERIFY(EnvironmentSnapshot::fromJson(s.toJson()) == s);
}

void TestEnvironmentProbe::jsonToleratesGarbage()
{
    const QJsonObject garbage = QJsonDocument::fromJson(
        R"({"os": 42, "tools": "not a list", "takenAtMs": "yesterday", "extra": {"x": 1}})").object();
    const EnvironmentSnapshot s = EnvironmentSnapshot::fromJson(garbage);
    QVERIFY(s.os.isEmpty());
    QVERIFY(s.tools.isEmpty());
    QCOMPARE(s.takenAtMs, qint64(0));

    const QJsonObject mixedTools = QJsonDocument::fromJson(R"({"tools": [7, {"tool": "git", "found": true}]})").object();
    const EnvironmentSnapshot m = EnvironmentSnapshot::fromJson(mixedTools);
    QCOMPARE(m.tools.size(), 1); // the 7 is skipped
    QCOMPARE(m.tools.at(0).tool, u"git"_s);
    QVERIFY(m.tools.at(0).found);
    QVERIFY(m.tools.at(0).version.isEmpty());
}

QTEST_GUILESS_MAIN(TestEnvironmentProbe)
#include "test_environment_probe.moc"
