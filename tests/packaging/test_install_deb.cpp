// The .deb that `cpack -G DEB` builds: its Depends name the run-time Qt
// plugins as well as the linked libraries, every one of them a package
// installed on this system, and once unpacked into a temporary root the installed
// `devzero` works (version, demo lab, HTML report) with the source and build
// trees hidden behind empty mounts and a bare environment. dpkg itself also
// installs and removes it in a temporary root with its own empty database,
// never touching this machine's.

#include "tests/common/testsupport.h"
#include "tests/packaging/support_process.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace devzero::test;

class TestInstallDeb : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_deb;
    QString m_root;
    bool m_canHide = false;
    QStringList m_unshare; // options that give a private mount namespace here

    // The installed program, run with PATH, HOME and nothing else of ours;
    // inside a private mount namespace the checkout and build folder are
    // empty tmpfs mounts, so any file read from them would fail.
    ToolRun installed(const QStringList &args) { return installedIn(m_root, args); }

    ToolRun installedIn(const QString &root, const QStringList &args)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const QString program = root + QStringLiteral("/usr/bin/devzero");
        if (!m_canHide)
            return runTool(program, args, 60'000, env, m_dir.path());
        // The build folder first: it is often inside the checkout (as in CI),
        // and would no longer exist as a mount point once the checkout is hidden.
        const QString script = QStringLiteral("mount -t tmpfs none \"$2\" && mount -t tmpfs none \"$1\" && shift 2 && exec \"$@\"");
        return runTool(QStringLiteral("unshare"),
                       m_unshare + QStringList{QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("sh"), sourceDir(),
                                               binaryDir(), program}
                           + args,
                       60'000, env, m_dir.path());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!m_dir.path().startsWith(binaryDir()) && !m_dir.path().startsWith(sourceDir()),
                 "the temporary root must lie outside the trees it hides");
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
        const QString out = m_dir.filePath(QStringLiteral("package"));
        const ToolRun cpack = runTool(QStringLiteral("cpack"),
                                      {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), out, QStringLiteral("--config"),
                                       binaryDir() + QStringLiteral("/CPackConfig.cmake")},
                                      90'000, QProcessEnvironment::systemEnvironment(), binaryDir());
        QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.describe()));
        const QStringList debs = QDir(out).entryList({QStringLiteral("*.deb")});
        QCOMPARE(debs.size(), 1);
        m_deb = out + QLatin1Char('/') + debs.first();
        QVERIFY(m_deb.endsWith(QStringLiteral("devzero_" DEVZERO_VERSION "_amd64.deb")));

        m_root = m_dir.filePath(QStringLiteral("root"));
        const ToolRun extract = runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root});
        QVERIFY2(extract.exitCode == 0, qPrintable(extract.describe()));

        // As root a mount namespace is enough; otherwise a user namespace
        // (-r) may allow it where the kernel permits unprivileged ones.
        const QStringList privateMounts = {QStringLiteral("-m"), QStringLiteral("--propagation"), QStringLiteral("private")};
        for (const QStringList &options : {privateMounts, QStringList{QStringLiteral("-r")} + privateMounts}) {
            const ToolRun probe = runTool(QStringLiteral("unshare"), options + QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                                                     QStringLiteral("mount -t tmpfs none \"$1\""), QStringLiteral("sh"), sourceDir()});
            if (probe.exitCode == 0) {
                m_canHide = true;
                m_unshare = options;
                break;
            }
        }
        if (!m_canHide)
            qWarning("cannot hide the trees with unshare -m here: running with a bare environment only");
    }

    void dependsAreCompleteAndInstallable()
    {
        const ToolRun control = runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Depends")});
        QCOMPARE(control.exitCode, 0);
        const QString depends = QString::fromUtf8(control.out);
        // Plugins Qt loads at run time, which shlibdeps cannot see.
        for (const char *plugin : {"libqt6sql6-sqlite", "qt6-qpa-plugins", "libqt6svg6", "libqt6charts6"})
            QVERIFY2(depends.contains(QLatin1String(plugin)), qPrintable(depends));
        // Linked libraries, found by dpkg-shlibdeps.
        for (const char *lib : {"libqt6core6", "libqt6widgets6", "libqt6sql6 ", "libgit2-", "libcmark", "libsqlite3-0", "libc6"})
            QVERIFY2(depends.contains(QLatin1String(lib)), qPrintable(depends));
        // Every dependency names a real package, installed on this machine
        // (the one the versions were taken from), so apt can resolve it.
        for (const QString &group : depends.split(QLatin1Char(','))) {
            bool installed = false;
            for (const QString &alternative : group.split(QLatin1Char('|'))) {
                const QString name = alternative.trimmed().section(QLatin1Char(' '), 0, 0);
                const ToolRun query = runTool(QStringLiteral("dpkg-query"), {QStringLiteral("-W"), QStringLiteral("-f=${Status}"), name});
                installed = installed || query.out.contains("install ok installed");
            }
            QVERIFY2(installed, qPrintable(group.trimmed()));
        }
    }

    void filesLandWhereDesktopsLook_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *p : {"usr/bin/devzero", "usr/share/applications/io.devzerolab.DevZeroLab.desktop",
                              "usr/share/metainfo/io.devzerolab.DevZeroLab.metainfo.xml",
                              "usr/share/icons/hicolor/scalable/apps/io.devzerolab.DevZeroLab.svg",
                              "usr/share/icons/hicolor/48x48/apps/io.devzerolab.DevZeroLab.png",
                              "usr/share/icons/hicolor/256x256/apps/io.devzerolab.DevZeroLab.png",
                              "usr/share/man/man1/devzero.1.gz", "usr/share/doc/devzero/copyright",
                              "usr/share/doc/devzero/README.md"})
            QTest::newRow(p) << QString::fromLatin1(p);
    }

    void filesLandWhereDesktopsLook()
    {
        QFETCH(QString, path);
        QVERIFY2(QFile::exists(m_root + QLatin1Char('/') + path), qPrintable(path));
    }

    void installedBinaryRunsWithoutTheBuildTree()
    {
        // No run path into the build tree: the loader finds system libraries only.
        const ToolRun dynamic = runTool(QStringLiteral("objdump"), {QStringLiteral("-p"), m_root + QStringLiteral("/usr/bin/devzero")});
        if (dynamic.exitCode == 0) {
            QVERIFY(!dynamic.out.contains("RUNPATH"));
            QVERIFY(!dynamic.out.contains("RPATH"));
        }

        const ToolRun version = installed({QStringLiteral("--version")});
        QVERIFY2(version.exitCode == 0, qPrintable(version.describe()));
        QCOMPARE(version.out.trimmed(), QByteArray("devzero " DEVZERO_VERSION));

        const QString lab = m_dir.filePath(QStringLiteral("lab/demo.sqlite"));
        const ToolRun demo = installed({QStringLiteral("--lab"), lab, QStringLiteral("demo")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.describe()));
        QVERIFY(demo.out.contains("Demo lab ready"));

        const ToolRun list = installed({QStringLiteral("--lab"), lab, QStringLiteral("--json"), QStringLiteral("session"), QStringLiteral("list")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 8);

        const QString html = m_dir.filePath(QStringLiteral("report.html"));
        const ToolRun report = installed({QStringLiteral("--lab"), lab, QStringLiteral("report"), QStringLiteral("--format"),
                                          QStringLiteral("html"), QStringLiteral("-o"), html});
        QVERIFY2(report.exitCode == 0, qPrintable(report.describe()));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray page = file.readAll();
        QVERIFY(page.contains("<html"));
        QVERIFY(page.contains("Onboarding onto Paylark"));
        QVERIFY(page.contains("docs/webhooks.md"));
    }

    // A real `dpkg -i`, as a user's would run (unpack, configure, record
    // the files), into a root of its own: --root points dpkg's database at
    // root/var/lib/dpkg, started empty, so the libraries the package depends
    // on are unknown there and --force-depends lets it configure anyway.
    void dpkgInstallsAndRemovesInATemporaryRoot()
    {
        const QString root = m_dir.filePath(QStringLiteral("dpkg-root"));
        const QString admin = root + QStringLiteral("/var/lib/dpkg");
        for (const char *folder : {"updates", "info"})
            QVERIFY(QDir().mkpath(admin + QLatin1Char('/') + QLatin1String(folder)));
        for (const char *file : {"status", "available"}) {
            QFile empty(admin + QLatin1Char('/') + QLatin1String(file));
            QVERIFY(empty.open(QIODevice::WriteOnly));
        }
        auto hostState = [] {
            return runTool(QStringLiteral("dpkg-query"), {QStringLiteral("-W"), QStringLiteral("-f=${Status} ${Version}"), QStringLiteral("devzero")}).out;
        };
        const QByteArray hostBefore = hostState();
        const QStringList dpkg = {QStringLiteral("--root=") + root, QStringLiteral("--force-depends"), QStringLiteral("--force-not-root"),
                                  QStringLiteral("--log=/dev/null")};

        const ToolRun install = runTool(QStringLiteral("dpkg"), dpkg + QStringList{QStringLiteral("-i"), m_deb}, 120'000);
        // dpkg may still want root for parts of an install (chroot for
        // maintainer scripts, file ownership); only then is its refusal a skip.
        if (install.exitCode != 0 && ::geteuid() != 0)
            QSKIP(qPrintable(QStringLiteral("dpkg refused to install into a temporary root as a non-root user: ") + install.describe()));
        QVERIFY2(install.exitCode == 0, qPrintable(install.describe()));

        // dpkg's database in the temporary root knows the package and its files.
        const QStringList query = {QStringLiteral("--admindir=") + admin};
        const ToolRun status = runTool(QStringLiteral("dpkg-query"), query + QStringList{QStringLiteral("-W"),
                                                                     QStringLiteral("-f=${Status} ${Version}"), QStringLiteral("devzero")});
        QCOMPARE(status.out, QByteArray("install ok installed " DEVZERO_VERSION));
        const ToolRun files = runTool(QStringLiteral("dpkg-query"), query + QStringList{QStringLiteral("-L"), QStringLiteral("devzero")});
        QVERIFY2(files.exitCode == 0, qPrintable(files.describe()));
        for (const char *path : {"/usr/bin/devzero", "/usr/share/doc/devzero/README.md", "/usr/share/man/man1/devzero.1.gz"})
            QVERIFY2(files.out.split('\n').contains(QByteArray(path)), path);

        const ToolRun version = installedIn(root, {QStringLiteral("--version")});
        QVERIFY2(version.exitCode == 0, qPrintable(version.describe()));
        QCOMPARE(version.out.trimmed(), QByteArray("devzero " DEVZERO_VERSION));
        const QString lab = m_dir.filePath(QStringLiteral("dpkg-lab/demo.sqlite"));
        const ToolRun demo = installedIn(root, {QStringLiteral("--lab"), lab, QStringLiteral("demo")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.describe()));
        QVERIFY(demo.out.contains("Demo lab ready"));

        // Removal takes every file it put there.
        const ToolRun remove = runTool(QStringLiteral("dpkg"), dpkg + QStringList{QStringLiteral("--purge"), QStringLiteral("devzero")}, 120'000);
        QVERIFY2(remove.exitCode == 0, qPrintable(remove.describe()));
        QVERIFY(!QFile::exists(root + QStringLiteral("/usr/bin/devzero")));
        QVERIFY(!QFile::exists(root + QStringLiteral("/usr/share/doc/devzero/README.md")));

        QCOMPARE(hostState(), hostBefore);
    }
};

QTEST_GUILESS_MAIN(TestInstallDeb)
#include "test_install_deb.moc"
