// The docs repository changing under an index, through the real `devzero`:
// deleted (read in place, and the origin of a clone), force-pushed to an
// unrelated history and garbage-collected by the real git, and a clone
// killed half way (SIGKILL, no chance to clean up).
//
// What a user expects (and these tests hold):
// - a repository that vanished: `docs search` and `docs show` still answer
//   from the index; `docs update` exits 1 with one line naming the source
//   and the path or URL; `docs list` shows the same pages and commit;
// - a force-push: `docs update` indexes the new commit and says on stderr
//   that history was rewritten; `docs show --revision OLD` still answers
//   from the index even after the old commits were garbage-collected;
// - a clone killed half way: nothing is registered, and the same
//   `docs add` run again succeeds and leaves no partial folder.

#include "sessions/docindex/docindex.h"
#include "tests/common/testsupport.h"
#include "tests/docindex/acmedocs.h"
#include "tests/docindex/fixturerepo.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>
#include <unistd.h>

using namespace devzero;
using namespace devzero::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject object() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(out.toUtf8()).array(); }
};

QString describe(const QStringList &args, const Run &r)
{
    return QStringLiteral("devzero %1 -> %2\nstdout: %3\nstderr: %4").arg(args.join(u' ')).arg(r.exitCode).arg(r.out, r.err);
}

// Two pages beside incompressible blobs (12 MB, or 100 MB with
// DEVZERO_LONG_FAULTS): big enough that a clone is still receiving when
// its first progress line arrives. Returns an error, or nothing.
QString buildBigRepository(const QString &path)
{
    const int blobs = qEnvironmentVariableIsSet("DEVZERO_LONG_FAULTS") ? 800 : 96;
    FixtureRepo repo(path, true);
    repo.write(QStringLiteral("docs/index.md"), "# Big docs\n\nSee the [guide](guide.md).\n")
        .write(QStringLiteral("docs/guide.md"), "# Guide\n\nWith quokkas.\n");
    QByteArray noise(128 * 1024, Qt::Uninitialized);
    for (int i = 0; i < blobs; ++i) {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        repo.write(QStringLiteral("assets/blob-%1.bin").arg(i), noise);
    }
    repo.commit(QStringLiteral("Big"));
    return repo.ok() ? QString() : repo.error();
}

} // namespace

class TestDocIndexFaults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void deletedRepositoryStillAnswers();
    void vanishedOriginOfACloneKeepsTheClone();
    void forcePushAndGcInPlace();
    void forcePushToTheOriginOfAClone();
    void cloneKilledHalfWayCanBeAddedAgain();
    void connectionCutHalfWayLeavesNothing();

private:
    Run devzero(const QStringList &args) const;
    QProcessEnvironment environment() const;
    bool git(const QStringList &args, QString *output = nullptr) const;
    // Replaces refs/heads/main of `target` with an unrelated one-commit
    // history (a force-push with the real git), then expires the reflog and
    // runs `git gc --prune=now`; returns the new commit (empty on failure).
    QString forcePushUnrelatedHistory(const QString &target);
    QString path(const QString &relative) const { return m_dir->filePath(relative); }
    QString labPath() const { return path(QStringLiteral("lab.sqlite")); }
    QString clonesDir() const { return path(QStringLiteral("lab.data/clones")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_git;
};

void TestDocIndexFaults::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY2(QFileInfo(devzeroExecutable()).isExecutable(), qPrintable(devzeroExecutable()));
    m_git = QStandardPaths::findExecutable(QStringLiteral("git"));
}

void TestDocIndexFaults::cleanup()
{
    m_dir.reset();
}

QProcessEnvironment TestDocIndexFaults::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DEVZERO_LAB"));
    env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The user's git configuration must not change what the real git does.
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    return env;
}

Run TestDocIndexFaults::devzero(const QStringList &args) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(devzeroExecutable(), QStringList{QStringLiteral("--lab"), labPath()} + args);
    Run run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool TestDocIndexFaults::git(const QStringList &args, QString *output) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(m_git, args);
    const bool ok = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    return ok;
}

QString TestDocIndexFaults::forcePushUnrelatedHistory(const QString &target)
{
    const QString rewrite = path(QStringLiteral("rewrite-%1.git").arg(QRandomGenerator::global()->generate()));
    QString commit;
    {
        FixtureRepo repo(rewrite, true);
        repo.write(QStringLiteral("docs/index.md"), "# Acme, rewritten\n\nA fresh start without the old history.\n")
            .write(QStringLiteral("docs/fresh.md"), "# Fresh page\n\nOnly in the new history: zeppelin.\n");
        commit = repo.commit(QStringLiteral("Start over"), QStringLiteral("Barbara Liskov"), QStringLiteral("bl@example.com"));
        if (!repo.ok())
            return {};
    }
    QString output;
    if (!git({QStringLiteral("-C"), rewrite, QStringLiteral("push"), QStringLiteral("--force"), target,
              QStringLiteral("main:main")}, &output)) {
        qWarning("git push --force failed: %s", qPrintable(output));
        return {};
    }
    if (!git({QStringLiteral("-C"), target, QStringLiteral("reflog"), QStringLiteral("expire"), QStringLiteral("--expire=now"),
              QStringLiteral("--all")}, &output)
        || !git({QStringLiteral("-C"), target, QStringLiteral("gc"), QStringLiteral("--prune=now"), QStringLiteral("--quiet")}, &output)) {
        qWarning("git gc failed: %s", qPrintable(output));
        return {};
    }
    return commit;
}

void TestDocIndexFaults::deletedRepositoryStillAnswers()
{
    const QString place = path(QStringLiteral("acme"));
    AcmeDocs docs;
    {
        FixtureRepo repo(place);
        docs = buildAcmeDocs(repo);
        QVERIFY2(repo.ok(), qPrintable(repo.error()));
    }
    Run r = devzero({QStringLiteral("docs"), QStringLiteral("add"), QStringLiteral("acme"), QStringLiteral("--subdir"), QStringLiteral("docs"), QStringLiteral("--repo"), place});
    QVERIFY2(r.exitCode == 0, qPrintable(describe({QStringLiteral("docs add")}, r)));
    QVERIFY(QDir(place).removeRecursively());

    const QStringList search{QStringLiteral("docs"), QStringLiteral("search"), QStringLiteral("annotations"), QStringLiteral("--json")};
    r = devzero(search);
    QVERIFY2(r.exitCode == 0 && r.object().value(QStringLiteral("count")).toInt() == 1, qPrintable(describe(search, r)));
    const QStringList show{QStringLiteral("docs"), QStringLiteral("show"), QStringLiteral("docs/index.md"), QStringLiteral("--json")};
    r = devzero(show);
    QVERIFY2(r.exitCode == 0 && r.object().value(QStringLiteral("commit")).toString() == docs.commits.last(),
             qPrintable(describe(show, r)));

    const QStringList update{QStringLiteral("docs"), QStringLiteral("update"), QStringLiteral("acme")};
    r = devzero(update);
    QVERIFY2(r.exitCode == 1, qPrintable(describe(update, r)));
    QCOMPARE(int(r.err.split(u'\n', Qt::SkipEmptyParts).size()), 1);
    QVERIFY2(r.err.contains(place) && r.err.contains(QStringLiteral("docs source 'acme'"))
                 && r.err.contains(QStringLiteral("no such folder")),
             qPrintable(describe(update, r)));

    const QStringList list{QStringLiteral("docs"), QStringLiteral("list"), QStringLiteral("--json")};
    r = devzero(list);
    QVERIFY2(r.exitCode == 0 && r.array().size() == 1, qPrintable(describe(list, r)));
    const QJsonObject source = r.array().first().toObject();
    QCOMPARE(source.value(QStringLiteral("pages")).toInt(), docs.pageCount);
    QCOMPARE(source.value(QStringLiteral("commit")).toString(), docs.commits.last());
}

void TestDocIndexFaults::vanishedOriginOfACloneKeepsTheClone()
{
    const QString origin = path(QStringLiteral("origin.git"));
    AcmeDocs docs;
    {
        FixtureRepo repo(origin, true);
        docs = buildAcmeDocs(repo);
    }
    const QString url = QUrl::fromLocalFile(origin).toString();
    Run r = devzero({QStringLiteral("docs"), QStringLiteral("add"), QStringLiteral("acme"), QStringLiteral("--subdir"), QStringLiteral("docs"), QStringLiteral("--repo"), url,
                     QStringLiteral("--clone")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe({QStringLiteral("docs add --clone")}, r)));
    QVERIFY(QDir(origin).removeRecursively());

    const QStringList update{QStringLiteral("docs"), QStringLiteral("update"), QStringLiteral("acme")};
    r = devzero(update);
    QVERIFY2(r.exitCode == 1, qPrintable(describe(update, r)));
    QCOMPARE(int(r.err.split(u'\n', Qt::SkipEmptyParts).size()), 1);
    QVERIFY2(r.err.contains(url) && r.err.contains(QStringLiteral("fetch failed")), qPrintable(describe(update, r)));

    // The clone is the lab's copy: it stays, and pages still render from it.
    QVERIFY(QFileInfo(clonesDir() + QStringLiteral("/acme")).isDir());
    auto index = docindex::DocIndex::open(path(QStringLiteral("lab.data/docs-index.sqlite")), clonesDir());
    QVERIFY(index);
    auto blob = (*index)->readPageBlob(QStringLiteral("docs/index.md"));
    QVERIFY2(blob, qPrintable(blob ? QString() : blob.error().toString()));
    QVERIFY(blob->startsWith("# "));
    auto source = (*index)->source(QStringLiteral("acme"));
    QVERIFY(source);
    QCOMPARE(int(source->pageCount), docs.pageCount);
}

void TestDocIndexFaults::forcePushAndGcInPlace()
{
    if (m_git.isEmpty()) {
        if (runningInCi())
            QFAIL("git is needed to force-push and garbage-collect");
        QSKIP("git not installed");
    }
    const QString place = path(QStringLiteral("acme.git"));
    AcmeDocs docs;
    {
        FixtureRepo repo(place, true);
        docs = buildAcmeDocs(repo);
    }
    const QString old = docs.commits.last();
    Run r = devzero({QStringLiteral("docs"), QStringLiteral("add"), QStringLiteral("acme"), QStringLiteral("--subdir"), QStringLiteral("docs"), QStringLiteral("--repo"), place});
    QVERIFY2(r.exitCode == 0, qPrintable(describe({QStringLiteral("docs add")}, r)));
    const QStringList showOld{QStringLiteral("docs"), QStringLiteral("show"), QStringLiteral("docs/index.md"), QStringLiteral("--json")};
    const QString oldTitle = devzero(showOld).object().value(QStringLiteral("title")).toString();
    QVERIFY(!oldTitle.isEmpty());

    const QString rewritten = forcePushUnrelatedHistory(place);
    QVERIFY(!rewritten.isEmpty());
    QVERIFY2(!git({QStringLiteral("-C"), place, QStringLiteral("cat-file"), QStringLiteral("-e"), old}), "the old tip survived gc");

    const QStringList update{QStringLiteral("docs"), QStringLiteral("update"), QStringLiteral("acme")};
    r = devzero(update);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(update, r)));
    QVERIFY2(r.out.contains(QStringLiteral("2 pages at %1").arg(rewritten.left(10))), qPrintable(describe(update, r)));
    QVERIFY2(r.err.contains(QStringLiteral("previous commit %1 is no longer in the repository").arg(old.left(12))),
             qPrintable(describe(update, r)));

    // Now: the new history. Then: still the old page, from the index.
    r = devzero({QStringLiteral("docs"), QStringLiteral("search"), QStringLiteral("zeppelin"), QStringLiteral("--json")});
    QCOMPARE(r.object().value(QStringLiteral("count")).toInt(), 1);
    r = devzero({QStringLiteral("docs"), QStringLiteral("search"), QStringLiteral("annotations"), QStringLiteral("--json")});
    QCOMPARE(r.object().value(QStringLiteral("count")).toInt(), 0);
    const QStringList showThen = showOld + QStringList{QStringLiteral("--revision"), old.left(12)};
    r = devzero(showThen);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(showThen, r)));
    QCOMPARE(r.object().value(QStringLiteral("title")).toString(), oldTitle);
    QCOMPARE(r.object().value(QStringLiteral("commit")).toString(), old);
    r = devzero({QStringLiteral("docs"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.array().first().toObject().value(QStringLiteral("commit")).toString(), rewritten);
    // The bytes of a garbage-collected revision are gone: a clear error, not a crash.
    auto index = docindex::DocIndex::open(path(QStringLiteral("lab.data/docs-index.sqlite")), clonesDir());
    QVERIFY(index);
    auto gone = (*index)->readPageBlob(QStringLiteral("docs/index.md"), {}, old);
    QVERIFY(!gone);
    QVERIFY2(gone.error().toString().contains(place)
                 && gone.error().message.contains(QStringLiteral("no longer in the repository")),
             qPrintable(gone.error().toString()));
}

void TestDocIndexFaults::forcePushToTheOriginOfAClone()
{
    if (m_git.isEmpty()) {
        if (runningInCi())
            QFAIL("git is needed to force-push and garbage-collect");
        QSKIP("git not installed");
    }
    const QString origin = path(QStringLiteral("origin.git"));
    AcmeDocs docs;
    {
        FixtureRepo repo(origin, true);
        docs = buildAcmeDocs(repo);
    }
    const QString old = docs.commits.last();
    Run r = devzero({QStringLiteral("docs"), QStringLiteral("add"), QStringLiteral("acme"), QStringLiteral("--subdir"), QStringLiteral("docs"), QStringLiteral("--repo"),
                     QUrl::fromLocalFile(origin).toString(), QStringLiteral("--clone")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe({QStringLiteral("docs add --clone")}, r)));

    const QString rewritten = forcePushUnrelatedHistory(origin);
    QVERIFY(!rewritten.isEmpty());
    const QStringList update{QStringLiteral("docs"), QStringLiteral("update"), QStringLiteral("acme")};
    r = devzero(update);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(update, r)));
    QVERIFY2(r.out.contains(QStringLiteral("at %1").arg(rewritten.left(10))), qPrintable(describe(update, r)));
    // The clone still holds the old commit: it is not lost, but no ancestor.
    QVERIFY2(r.err.contains(QStringLiteral("history rewritten: previous commit %1 is not an ancestor").arg(old.left(12))),
             qPrintable(describe(update, r)));

    // Earlier lookups still resolve, and the clone still has their bytes.
    const QStringList showThen{QStringLiteral("docs"), QStringLiteral("show"), QStringLiteral("docs/getting-started.md"),
                               QStringLiteral("--revision"), old, QStringLiteral("--json")};
    r = devzero(showThen);
    QVERIFY2(r.exitCode == 0 && !r.object().value(QStringLiteral("sections")).toArray().isEmpty(), qPrintable(describe(showThen, r)));
    auto index = docindex::DocIndex::open(path(QStringLiteral("lab.data/docs-index.sqlite")), clonesDir());
    QVERIFY(index);
    auto then = (*index)->readPageBlob(QStringLiteral("docs/getting-started.md"), {}, old);
    QVERIFY2(then, qPrintable(then ? QString() : then.error().toString()));
    auto now = (*index)->readPageBlob(QStringLiteral("docs/fresh.md"));
    QVERIFY2(now && now->contains("zeppelin"), qPrintable(now ? QString::fromUtf8(*now) : now.error().toString()));
    // A second update: nothing new, nothing lost.
    r = devzero(update);
    QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("already at")), qPrintable(describe(update, r)));
}

void TestDocIndexFaults::cloneKilledHalfWayCanBeAddedAgain()
{
    // Big enough that the clone is still receiving when the first progress
    // line arrives: incompressible blobs beside a few pages.
    const QString origin = path(QStringLiteral("big.git"));
    const QString built = buildBigRepository(origin);
    QVERIFY2(built.isEmpty(), qPrintable(built));
    const QStringList add{QStringLiteral("--lab"), labPath(), QStringLiteral("docs"), QStringLiteral("add"), QStringLiteral("big"),
                          QStringLiteral("--subdir"), QStringLiteral("docs"), QStringLiteral("--repo"), QUrl::fromLocalFile(origin).toString(), QStringLiteral("--clone")};
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(devzeroExecutable(), add);
    QVERIFY(process.waitForStarted());
    QByteArray progress;
    while (!progress.contains("cloning ") && process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        progress += process.readAllStandardError();
    }
    // Frozen first, so the look at the disk sees the clone as it is mid-way.
    ::kill(pid_t(process.processId()), SIGSTOP);
    const QString partial = clonesDir() + QStringLiteral("/.big.partial");
    const bool midWay = QFileInfo(partial).isDir() && !QFileInfo::exists(clonesDir() + QStringLiteral("/big"));
    ::kill(pid_t(process.processId()), SIGKILL);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    QVERIFY2(midWay, qPrintable(QStringLiteral("the clone was not caught half way; progress so far: ") + QString::fromUtf8(progress)));
    qInfo("killed after: %s", progress.simplified().constData());

    Run r = devzero({QStringLiteral("docs"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0 && r.array().isEmpty(), qPrintable(describe({QStringLiteral("docs list")}, r)));

    r = devzero(add.mid(2));
    QVERIFY2(r.exitCode == 0, qPrintable(describe(add, r)));
    QVERIFY2(r.out.contains(QStringLiteral("big: 2 pages")), qPrintable(describe(add, r)));
    QCOMPARE(QDir(clonesDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{QStringLiteral("big")});
    r = devzero({QStringLiteral("docs"), QStringLiteral("search"), QStringLiteral("quokkas"), QStringLiteral("--json")});
    QCOMPARE(r.object().value(QStringLiteral("count")).toInt(), 1);
}

void TestDocIndexFaults::connectionCutHalfWayLeavesNothing()
{
    if (m_git.isEmpty()) {
        if (runningInCi())
            QFAIL("git (its daemon) is needed to serve a clone over the network");
        QSKIP("git not installed");
    }
    const QString served = path(QStringLiteral("served"));
    const QString built = buildBigRepository(served + QStringLiteral("/big.git"));
    QVERIFY2(built.isEmpty(), qPrintable(built));

    // A real git server on a free local port, in its own process group so
    // the server and the upload-pack it forks die together.
    QProcess daemon;
    QString url;
    for (int attempt = 0; attempt < 20 && url.isEmpty(); ++attempt) {
        const int port = 20000 + int(QRandomGenerator::global()->bounded(40000));
        daemon.setProcessEnvironment(environment());
        daemon.setChildProcessModifier([] { ::setpgid(0, 0); });
        daemon.start(m_git, {QStringLiteral("daemon"), QStringLiteral("--export-all"), QStringLiteral("--reuseaddr"),
                             QStringLiteral("--listen=127.0.0.1"), QStringLiteral("--port=%1").arg(port),
                             QStringLiteral("--base-path=") + served, served});
        QVERIFY(daemon.waitForStarted());
        const QString candidate = QStringLiteral("git://127.0.0.1:%1/big.git").arg(port);
        for (int i = 0; i < 50 && daemon.state() == QProcess::Running; ++i) {
            if (git({QStringLiteral("ls-remote"), candidate})) {
                url = candidate;
                break;
            }
            QTest::qWait(100); // the daemon binds its port in the background
        }
        if (url.isEmpty()) {
            daemon.kill();
            daemon.waitForFinished();
        }
    }
    QVERIFY2(!url.isEmpty(), "git daemon did not come up on any port");
    const auto stopDaemon = qScopeGuard([&] {
        if (daemon.state() != QProcess::NotRunning)
            ::kill(-pid_t(daemon.processId()), SIGKILL);
        daemon.waitForFinished();
    });

    const QStringList add{QStringLiteral("--lab"), labPath(), QStringLiteral("docs"), QStringLiteral("add"), QStringLiteral("big"),
                          QStringLiteral("--repo"), url};
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(devzeroExecutable(), add);
    QVERIFY(process.waitForStarted());
    QByteArray progress;
    while (!progress.contains("cloning ") && process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        progress += process.readAllStandardError();
    }
    // Freeze the client, pull the plug on the server mid-pack, let it go on.
    ::kill(pid_t(process.processId()), SIGSTOP);
    const bool midWay = QFileInfo(clonesDir() + QStringLiteral("/.big.partial")).isDir();
    ::kill(-pid_t(daemon.processId()), SIGKILL);
    daemon.waitForFinished();
    ::kill(pid_t(process.processId()), SIGCONT);
    QVERIFY(process.waitForFinished(120000));
    Run r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(progress + process.readAllStandardError());
    QVERIFY2(midWay, qPrintable(QStringLiteral("the clone was not caught half way: ") + describe(add, r)));
    QVERIFY2(r.exitCode == 1, qPrintable(describe(add, r)));
    const QStringList errors = r.err.split(u'\n', Qt::SkipEmptyParts).filter(QStringLiteral("devzero:"));
    QCOMPARE(int(errors.size()), 1);
    QVERIFY2(errors.first().contains(url) && errors.first().contains(QStringLiteral("clone failed")), qPrintable(describe(add, r)));
    qInfo("network cut: %s", qPrintable(errors.first()));
    r = devzero({QStringLiteral("docs"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0 && r.array().isEmpty(), qPrintable(describe({QStringLiteral("docs list")}, r)));
    QVERIFY(QDir(clonesDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
}

QTEST_GUILESS_MAIN(TestDocIndexFaults)
#include "test_docindex_faults.moc"
