// A lab the user may not write, or that is not there: the real `devzero`
// run against a read-only lab file, a read-only lab folder, a missing
// folder, a path through a file, and a folder without permission.
//
// What a user expects (and these tests hold):
// - a read-only lab still answers reading commands (session list, status,
//   report, lab check); a writing command (note) fails with exit 1 and one
//   line naming the lab file and saying it is read-only, and not a byte of
//   the lab changes (no -wal or -shm appears beside it either);
// - only commands that put something into a lab (plan import, session
//   start) create one; any other command on a missing lab exits 3 with
//   "no lab at this path" and creates no file and no folder;
// - a path that cannot hold a lab (through a file, into a folder this user
//   may not enter) exits 3 naming the folder or file that is in the way.
//
// CI runs as root, and root ignores file modes: there the commands run as
// the unprivileged user 65534 through `setpriv` (util-linux).

#include "tests/common/testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace devzero;

namespace {

struct Run
{
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
    QString describe(const QStringList &args) const
    {
        return QStringLiteral("devzero %1 -> %2\nstdout: %3\nstderr: %4")
            .arg(args.join(u' '), finished ? QString::number(exitCode) : QStringLiteral("did not finish"), out, err);
    }
};

QByteArray sha(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

bool chmodPath(const QString &path, QFileDevice::Permissions permissions)
{
    return QFile::setPermissions(path, permissions);
}

const QFileDevice::Permissions kAllRead = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther
    | QFileDevice::ReadUser;
const QFileDevice::Permissions kAllEnter = QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther
    | QFileDevice::ExeUser;
const QFileDevice::Permissions kAllWrite = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther
    | QFileDevice::WriteUser;

} // namespace

class TestLabFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void readOnlyLabFileStillReads();
    void readOnlyFolderStillReads();
    void missingFolderIsNotCreatedByReadingOrNoting();
    void pathThroughAFileIsRefused();
    void folderWithoutPermissionIsNamed();

private:
    // Runs the real devzero; as user 65534 when `unprivileged` and we are root.
    Run run(const QStringList &args, bool unprivileged = false) const;
    QString labPath() const { return m_labDir + QStringLiteral("/lab.sqlite"); }
    void buildLabWithANote();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_home;
    QString m_labDir;
    QString m_setpriv;
};

void TestLabFaults::initTestCase()
{
    QVERIFY2(QFileInfo(test::devzeroExecutable()).isExecutable(), qPrintable(test::devzeroExecutable()));
    if (geteuid() == 0) {
        m_setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (m_setpriv.isEmpty()) {
            if (test::runningInCi())
                QFAIL("running as root needs setpriv (util-linux) to drop to an unprivileged user");
            QSKIP("running as root without setpriv: file modes cannot be tested");
        }
    }
}

void TestLabFaults::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // The unprivileged user must reach the lab and write its own HOME.
    QVERIFY(chmodPath(m_dir->path(), kAllRead | kAllEnter | QFileDevice::WriteOwner | QFileDevice::WriteUser));
    m_home = m_dir->filePath(QStringLiteral("home"));
    m_labDir = m_dir->filePath(QStringLiteral("lab"));
    QVERIFY(QDir().mkpath(m_home));
    QVERIFY(QDir().mkpath(m_labDir));
    QVERIFY(chmodPath(m_home, kAllRead | kAllEnter | kAllWrite));
}

void TestLabFaults::cleanup()
{
    // Give the folders back their write bit so the temporary dir can go.
    for (const QString &dir : {m_labDir, m_dir->filePath(QStringLiteral("locked"))}) {
        if (QFileInfo::exists(dir))
            chmodPath(dir, kAllRead | kAllEnter | kAllWrite);
    }
    m_dir.reset();
}

Run TestLabFaults::run(const QStringList &args, bool unprivileged) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DEVZERO_LAB"));
    env.insert(QStringLiteral("HOME"), m_home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_home);
    if (unprivileged && !m_setpriv.isEmpty()) {
        process.setProgram(m_setpriv);
        process.setArguments(QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                         QStringLiteral("--clear-groups"), test::devzeroExecutable()}
                             + args);
    } else {
        process.setProgram(test::devzeroExecutable());
        process.setArguments(args);
    }
    process.start();
    Run r;
    r.finished = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit;
    r.exitCode = r.finished ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

void TestLabFaults::buildLabWithANote()
{
    const QString plan = test::fixturePath(QStringLiteral("cli/session-plan.md"));
    const QStringList lab{QStringLiteral("--lab"), labPath()};
    for (const QStringList &args : {QStringList{QStringLiteral("plan"), QStringLiteral("import"), plan},
                                    QStringList{QStringLiteral("session"), QStringLiteral("start"), QStringLiteral("--plan"), plan,
                                                QStringLiteral("--participant"), QStringLiteral("dz-01"),
                                                QStringLiteral("--consent"), QStringLiteral("--no-snapshot")},
                                    QStringList{QStringLiteral("note"), QStringLiteral("written while the lab was writable")}}) {
        const Run r = run(lab + args);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe(lab + args)));
    }
    // The last process checkpointed and removed its WAL: the file is the lab.
    QVERIFY(!QFileInfo::exists(labPath() + QStringLiteral("-wal")));
}

void TestLabFaults::readOnlyLabFileStillReads()
{
    buildLabWithANote();
    QVERIFY(chmodPath(labPath(), kAllRead));
    const QByteArray before = sha(labPath());
    const QStringList lab{QStringLiteral("--lab"), labPath()};

    // Reading works.
    const QStringList list = lab + QStringList{QStringLiteral("session"), QStringLiteral("list"), QStringLiteral("--json")};
    Run r = run(list, true);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe(list)));
    QCOMPARE(int(QJsonDocument::fromJson(r.out.toUtf8()).array().size()), 1);
    const QStringList status = lab + QStringList{QStringLiteral("status")};
    r = run(status, true);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe(status)));
    const QString reportPath = m_home + QStringLiteral("/report.md");
    const QStringList report = lab + QStringList{QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("md"),
                                                 QStringLiteral("-o"), reportPath};
    r = run(report, true);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe(report)));
    QVERIFY(QFileInfo(reportPath).size() > 0);
    const QStringList check = lab + QStringList{QStringLiteral("lab"), QStringLiteral("check")};
    r = run(check, true);
    QVERIFY2(r.finished && r.exitCode == 0 && r.out.contains(QStringLiteral(": ok")), qPrintable(r.describe(check)));

    // Writing fails with one clear line and changes nothing.
    const QStringList note = lab + QStringList{QStringLiteral("note"), QStringLiteral("cannot be saved")};
    r = run(note, true);
    QVERIFY2(r.finished && r.exitCode != 0, qPrintable(r.describe(note)));
    const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(int(lines.size()), 1);
    QVERIFY2(lines.first().contains(labPath()) && lines.first().contains(QStringLiteral("read-only"))
                 && lines.first().contains(QStringLiteral("nothing was changed")),
             qPrintable(r.describe(note)));
    QCOMPARE(sha(labPath()), before);
    QVERIFY(!QFileInfo::exists(labPath() + QStringLiteral("-wal")));
    QVERIFY(!QFileInfo::exists(labPath() + QStringLiteral("-shm")));

    // Writable again: the note lands, the one from before is still there.
    QVERIFY(chmodPath(labPath(), kAllRead | QFileDevice::WriteOwner | QFileDevice::WriteUser));
    r = run(lab + QStringList{QStringLiteral("note"), QStringLiteral("saved after all")});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe(note)));
    r = run(lab + QStringList{QStringLiteral("session"), QStringLiteral("show"), QStringLiteral("--json")});
    QVERIFY2(r.out.contains(QStringLiteral("written while the lab was writable")) && r.out.contains(QStringLiteral("saved after all")),
             qPrintable(r.out));
}

void TestLabFaults::readOnlyFolderStillReads()
{
    buildLabWithANote();
    // The file may be written, but SQLite cannot create lab.sqlite-wal beside it.
    QVERIFY(chmodPath(labPath(), kAllRead | kAllWrite));
    QVERIFY(chmodPath(m_labDir, kAllRead | kAllEnter));
    const QByteArray before = sha(labPath());
    const QStringList lab{QStringLiteral("--lab"), labPath()};

    const QStringList list = lab + QStringList{QStringLiteral("session"), QStringLiteral("list"), QStringLiteral("--json")};
    Run r = run(list, true);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe(list)));
    QCOMPARE(int(QJsonDocument::fromJson(r.out.toUtf8()).array().size()), 1);

    const QStringList note = lab + QStringList{QStringLiteral("note"), QStringLiteral("cannot be saved")};
    r = run(note, true);
    QVERIFY2(r.finished && r.exitCode != 0, qPrintable(r.describe(note)));
    QCOMPARE(int(r.err.split(u'\n', Qt::SkipEmptyParts).size()), 1);
    QVERIFY2(r.err.contains(labPath()) && r.err.contains(QStringLiteral("folder %1 is read-only").arg(m_labDir)),
             qPrintable(r.describe(note)));
    QCOMPARE(sha(labPath()), before);
    QCOMPARE(QDir(m_labDir).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("lab.sqlite")});
}

void TestLabFaults::missingFolderIsNotCreatedByReadingOrNoting()
{
    const QString missing = m_dir->filePath(QStringLiteral("not/mounted"));
    const QString lab = missing + QStringLiteral("/lab.sqlite");
    for (const QStringList &args : {QStringList{QStringLiteral("note"), QStringLiteral("into the void")},
                                    QStringList{QStringLiteral("session"), QStringLiteral("list")},
                                    QStringList{QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("md"),
                                                QStringLiteral("-o"), m_home + QStringLiteral("/r.md")},
                                    QStringList{QStringLiteral("lab"), QStringLiteral("check")}}) {
        const QStringList all = QStringList{QStringLiteral("--lab"), lab} + args;
        const Run r = run(all);
        QVERIFY2(r.finished && r.exitCode == 3, qPrintable(r.describe(all)));
        QVERIFY2(r.err.contains(lab) && r.err.contains(QStringLiteral("no lab at this path")), qPrintable(r.describe(all)));
        if (args.first() != QLatin1String("lab"))
            QVERIFY2(r.err.contains(QStringLiteral("folder %1 does not exist").arg(missing)), qPrintable(r.describe(all)));
        QVERIFY2(!QFileInfo::exists(m_dir->filePath(QStringLiteral("not"))), qPrintable(r.describe(all)));
    }
    // A command that fills a lab creates it, folders and all.
    const QStringList import{QStringLiteral("--lab"), lab, QStringLiteral("plan"), QStringLiteral("import"),
                             test::fixturePath(QStringLiteral("cli/session-plan.md"))};
    const Run r = run(import);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe(import)));
    QVERIFY(QFileInfo(lab).isFile());
}

void TestLabFaults::pathThroughAFileIsRefused()
{
    const QString file = m_dir->filePath(QStringLiteral("notes.txt"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a folder\n");
    f.close();
    for (const QString &lab : QStringList{file + QStringLiteral("/lab.sqlite"), file + QStringLiteral("/deeper/lab.sqlite")}) {
        for (const QStringList &args : {QStringList{QStringLiteral("plan"), QStringLiteral("import"),
                                                    test::fixturePath(QStringLiteral("cli/session-plan.md"))},
                                        QStringList{QStringLiteral("note"), QStringLiteral("x")}}) {
            const QStringList all = QStringList{QStringLiteral("--lab"), lab} + args;
            const Run r = run(all);
            QVERIFY2(r.finished && r.exitCode == 3, qPrintable(r.describe(all)));
            QVERIFY2(r.err.contains(lab) && r.err.contains(QStringLiteral("%1 is a file, not a folder").arg(file)),
                     qPrintable(r.describe(all)));
        }
    }
    QVERIFY(QFileInfo(file).isFile());
    QCOMPARE(QFileInfo(file).size(), qint64(13));
}

void TestLabFaults::folderWithoutPermissionIsNamed()
{
    const QString locked = m_dir->filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(locked + QStringLiteral("/inner")));
    QVERIFY(chmodPath(locked, QFileDevice::Permissions()));
    for (const QString &lab : QStringList{locked + QStringLiteral("/lab.sqlite"), locked + QStringLiteral("/inner/lab.sqlite")}) {
        for (const QStringList &args : {QStringList{QStringLiteral("plan"), QStringLiteral("import"),
                                                    test::fixturePath(QStringLiteral("cli/session-plan.md"))},
                                        QStringList{QStringLiteral("session"), QStringLiteral("list")}}) {
            const QStringList all = QStringList{QStringLiteral("--lab"), lab} + args;
            const Run r = run(all, true);
            QVERIFY2(r.finished && r.exitCode == 3, qPrintable(r.describe(all)));
            QVERIFY2(r.err.contains(lab) && r.err.contains(QStringLiteral("permission denied: cannot enter the folder %1").arg(locked)),
                     qPrintable(r.describe(all)));
        }
    }
    // A folder we may enter but not write: creating says so.
    QVERIFY(chmodPath(locked, kAllRead | kAllEnter));
    const QStringList import{QStringLiteral("--lab"), locked + QStringLiteral("/lab.sqlite"), QStringLiteral("plan"),
                             QStringLiteral("import"), test::fixturePath(QStringLiteral("cli/session-plan.md"))};
    const Run r = run(import, true);
    QVERIFY2(r.finished && r.exitCode == 3, qPrintable(r.describe(import)));
    QVERIFY2(r.err.contains(QStringLiteral("no write permission in the folder %1").arg(locked)), qPrintable(r.describe(import)));
    QVERIFY(!QFileInfo::exists(locked + QStringLiteral("/lab.sqlite")));
}

QTEST_GUILESS_MAIN(TestLabFaults)
#include "test_lab_faults.moc"
