// The recording process of the disk-full test. It runs inside a private
// mount namespace where FOLDER is a small tmpfs (see test_disk_full.cpp), and
// refuses to fill anything larger. In one process and one session, ROUNDS
// times, it records notes, fills the file system with a filler file, records
// until SQLite reports the disk full, tries again, runs `devzero note` on the
// full disk, deletes the filler, records again and runs `devzero note` again.
// Then it closes the lab and copies it to OUT_FOLDER for the parent to check.
// Tokens are "r<round>-<step>", e.g. r0-during-12.
// It prints one line per step for the parent:
//   ACK <token> <event id>     recorded and acknowledged
//   FAILED <token> <message>   the engine refused (the disk was full)
//   CLI <token> <exit code> <stderr on one line>
//   FILLED <bytes> / FREED / DONE
// Usage: devzero_disk_full_child FOLDER OUT_FOLDER ROUNDS   (DEVZERO_EXECUTABLE: the CLI)

#include "sessions/capture/sessionengine.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>

#include <sys/statvfs.h>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

using namespace devzero;

namespace {

// Never fill a real file system: only a small one made for the test.
constexpr qint64 kLargestFillable = 16 * 1024 * 1024;

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

int die(int code, const QString &why)
{
    say(QStringLiteral("ERROR %1").arg(why));
    return code;
}

qint64 sizeOfFileSystem(const QString &folder)
{
    struct statvfs fs {};
    if (statvfs(QFile::encodeName(folder).constData(), &fs) != 0)
        return -1;
    return qint64(fs.f_blocks) * qint64(fs.f_frsize);
}

// Writes zeros until the file system says ENOSPC; returns the bytes written.
qint64 fill(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return -1;
    static const char zeros[4096] = {};
    qint64 written = 0;
    for (;;) {
        const ssize_t n = ::write(fd, zeros, sizeof zeros);
        if (n > 0) {
            written += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        break; // ENOSPC (or any error): full enough
    }
    ::close(fd);
    return written;
}

bool record(capture::SessionEngine &engine, const QString &token)
{
    Result<capture::Recorded> r = engine.note(capture::NoteInput{token, 2, QStringLiteral("other"), {}, {}, {}});
    if (r) {
        say(QStringLiteral("ACK %1 %2").arg(token).arg(r->eventId));
        return true;
    }
    say(QStringLiteral("FAILED %1 %2").arg(token, r.error().toString().simplified()));
    return false;
}

// `devzero --lab LAB note TOKEN`, inside this namespace.
void runCli(const QString &lab, const QString &token)
{
    QProcess cli;
    cli.start(qEnvironmentVariable("DEVZERO_EXECUTABLE"), {QStringLiteral("--lab"), lab, QStringLiteral("note"), token});
    const bool finished = cli.waitForFinished(60000) && cli.exitStatus() == QProcess::NormalExit;
    say(QStringLiteral("CLI %1 %2 %3")
            .arg(token)
            .arg(finished ? cli.exitCode() : -1)
            .arg(QString::fromUtf8(cli.readAllStandardError()).simplified()));
}

qint64 startSession(LabDatabase &lab)
{
    const QByteArray text = "# Disk plan\n\n## J\nOutcome: Does it survive?\n\n### T\nGoal: Survive.\nDone when: Nothing is lost.\n";
    const plan::ParseResult parsed = plan::parsePlan(text);
    if (!parsed.ok())
        return 0;
    auto imported = store::PlanStore(lab).importPlan(*parsed.plan, text, {}, 0);
    if (!imported)
        return 0;
    capture::SessionEngine engine(lab);
    capture::StartRequest request;
    request.planId = imported->planId;
    request.pseudonym = QStringLiteral("disk-full");
    request.consent = true;
    auto session = engine.start(request);
    return session ? session->id : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return die(2, QStringLiteral("usage: devzero_disk_full_child FOLDER OUT_FOLDER ROUNDS"));
    const QString folder = args.at(1);
    const QString out = args.at(2);
    const int rounds = args.at(3).toInt();
    const qint64 size = sizeOfFileSystem(folder);
    if (size <= 0 || size > kLargestFillable)
        return die(3, QStringLiteral("%1 is not a small test file system (%2 bytes); refusing to fill it").arg(folder).arg(size));

    const QString labPath = folder + QStringLiteral("/lab.sqlite");
    const QString filler = folder + QStringLiteral("/filler");
    {
        auto lab = LabDatabase::open(labPath);
        if (!lab)
            return die(4, lab.error().toString());
        const qint64 sessionId = startSession(**lab);
        if (sessionId <= 0)
            return die(5, QStringLiteral("could not start a session"));
        capture::SessionEngine engine(**lab);
        if (auto s = engine.open(sessionId); !s)
            return die(6, s.error().toString());
        say(QStringLiteral("SESSION %1").arg(sessionId));

        for (int round = 0; round < rounds; ++round) {
            const QString r = QStringLiteral("r%1-").arg(round);
            for (int i = 0; i < 10; ++i) {
                if (!record(engine, r + QStringLiteral("before-%1").arg(i)))
                    return die(7, QStringLiteral("the disk was full before the filler"));
            }
            // Every third round fills to the last byte; the others leave a
            // few pages, so some events are recorded while the disk fills.
            const qint64 filled = fill(filler);
            const qint64 margin = (round % 3) * 32 * 1024;
            if (filled < margin || ::truncate(QFile::encodeName(filler).constData(), filled - margin) != 0)
                return die(11, QStringLiteral("cannot fill the disk"));
            say(QStringLiteral("FILLED %1").arg(filled - margin));

            // Whatever room the WAL still has is used up first; then SQLite
            // must refuse (bounded, in case it never does).
            int during = 0;
            while (record(engine, r + QStringLiteral("during-%1").arg(during))) {
                if (++during > 20000)
                    return die(8, QStringLiteral("the disk never became full"));
            }
            // Still full: the same session refuses again, cleanly, and so
            // does the command line in another process.
            record(engine, r + QStringLiteral("again-full"));
            runCli(labPath, r + QStringLiteral("cli-full"));

            if (!QFile::remove(filler))
                return die(9, QStringLiteral("cannot delete the filler"));
            say(QStringLiteral("FREED"));

            for (int i = 0; i < 10; ++i)
                record(engine, r + QStringLiteral("after-%1").arg(i));
            runCli(labPath, r + QStringLiteral("cli-after"));
            record(engine, r + QStringLiteral("after-cli"));
        }
    } // closes the lab: the last connection checkpoints its WAL into the file

    // The -wal is there only if the closing checkpoint failed; SQLite
    // rebuilds the -shm from it.
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile::remove(out + QStringLiteral("/lab.sqlite") + suffix);
        if (QFile::exists(labPath + suffix) && !QFile::copy(labPath + suffix, out + QStringLiteral("/lab.sqlite") + suffix))
            return die(10, QStringLiteral("cannot copy %1 out").arg(labPath + suffix));
    }
    say(QStringLiteral("DONE"));
    return 0;
}
