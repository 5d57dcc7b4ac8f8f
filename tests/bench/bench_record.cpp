// bench_record: how long it takes to record one event durably.
//
// Creates a lab, imports a small plan through store::PlanStore, starts a
// session with the SessionEngine and records N events (a mix of notes,
// commands, searches and doc lookups), timing each call: when a call
// returns, its transaction is committed with synchronous=FULL. Runs once on
// the temp folder's disk and once on tmpfs (/dev/shm) to show what the
// fsyncs cost. Figures on a loaded machine mostly measure the load: note
// the load average next to them. Exits 1 when a call fails or an event is missing.
//
//   bench_record [--events N] [--dir PATH] [--no-shm]

#include "sessions/capture/sessionengine.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <map>

using namespace devzero;

namespace {

const char kPlan[] = R"(# Benchmark plan

Tools: git

## Record events {#record}

Outcome: Does recording keep up with a tester?

### Record many events {#many}

Goal: Record every event the benchmark sends.
Done when: the lab holds them all.
)";

struct Latencies
{
    QList<qint64> ns;

    qint64 percentile(double q) const // nearest rank
    {
        if (ns.isEmpty())
            return 0;
        QList<qint64> sorted = ns;
        std::sort(sorted.begin(), sorted.end());
        const qsizetype rank = std::max<qsizetype>(1, qsizetype(std::ceil(q * double(sorted.size()))));
        return sorted.at(std::min(rank, sorted.size()) - 1);
    }
    qint64 max() const { return ns.isEmpty() ? 0 : *std::max_element(ns.begin(), ns.end()); }
};

struct BenchResult
{
    QString where;
    int events = 0;
    Latencies all;
    std::map<QString, Latencies> byKind;
    qint64 totalNs = 0;
    qint64 fileBytes = 0; // the lab file after close (WAL checkpointed)
    qint64 walPeakBytes = 0;
};

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

// One event of the mix; the texts vary so nothing is cached or deduplicated.
Result<capture::Recorded> recordOne(capture::SessionEngine &engine, int i, QString *kind)
{
    static const QStringList categories = {QStringLiteral("missing-prerequisite"), QStringLiteral("unclear-step"),
                                           QStringLiteral("undefined-term"), QStringLiteral("environment")};
    switch (i % 4) {
    case 0: {
        *kind = QStringLiteral("note");
        capture::NoteInput note;
        note.text = QStringLiteral("Step %1 assumes a tool the page never names; I had to guess.").arg(i);
        note.severity = 1 + (i / 4) % 4;
        note.category = categories.at((i / 4) % categories.size());
        note.page = QStringLiteral("guides/page-%1.md").arg(i % 37);
        note.anchor = QStringLiteral("section-%1").arg(i % 5);
        return engine.note(note);
    }
    case 1:
        *kind = QStringLiteral("command");
        return engine.command(QStringLiteral("kubectl get pods -n team-%1 --context sandbox").arg(i), i % 3, 120 + i % 900,
                              QStringLiteral("/home/tester/work"));
    case 2:
        *kind = QStringLiteral("search");
        return engine.search(QStringLiteral("how to rotate key %1").arg(i), i % 5,
                             i % 5 ? QStringLiteral("guides/page-%1.md").arg(i % 37) : QString());
    default:
        *kind = QStringLiteral("lookup");
        return engine.lookup(QStringLiteral("guides/page-%1.md").arg(i % 37), QStringLiteral("section-%1").arg(i % 5),
                             QStringLiteral("bench"), 1000 + i % 60000);
    }
}

Result<BenchResult> runBench(const QString &folder, const QString &where, int events)
{
    BenchResult result;
    result.where = where;
    result.events = events;
    const QString labPath = QDir(folder).filePath(QStringLiteral("bench-lab.sqlite"));
    {
        Result<std::unique_ptr<LabDatabase>> opened = LabDatabase::open(labPath);
        if (!opened)
            return opened.error();
        LabDatabase &lab = **opened;

        const QByteArray source(kPlan);
        const plan::ParseResult parsed = plan::parsePlan(source);
        if (!parsed.ok())
            return makeError(QStringLiteral("the benchmark plan does not parse: %1").arg(parsed.diagnostics.value(0).toString(QStringLiteral("plan"))));
        Result<store::PlanStore::Imported> imported =
            store::PlanStore(lab).importPlan(*parsed.plan, source, QStringLiteral("bench-plan.md"), QDateTime::currentMSecsSinceEpoch());
        if (!imported)
            return imported.error();

        capture::SessionEngine engine(lab);
        capture::StartRequest request;
        request.planId = imported->planId;
        request.pseudonym = QStringLiteral("bench");
        request.consent = true;
        Result<store::SessionRow> session = engine.start(request);
        if (!session)
            return session.error();
        if (Result<capture::Recorded> task = engine.startTask(QStringLiteral("1.1")); !task)
            return task.error();

        result.all.ns.reserve(events);
        QElapsedTimer total;
        total.start();
        for (int i = 0; i < events; ++i) {
            QString kind;
            QElapsedTimer timer;
            timer.start();
            const Result<capture::Recorded> recorded = recordOne(engine, i, &kind);
            const qint64 ns = timer.nsecsElapsed();
            if (!recorded)
                return Error{QStringLiteral("event %1 (%2): %3").arg(i).arg(kind, recorded.error().message), labPath};
            result.all.ns.append(ns);
            result.byKind[kind].ns.append(ns);
            if (i % 64 == 0)
                result.walPeakBytes = std::max(result.walPeakBytes, fileSize(labPath + QStringLiteral("-wal")));
        }
        result.totalNs = total.nsecsElapsed();
        result.walPeakBytes = std::max(result.walPeakBytes, fileSize(labPath + QStringLiteral("-wal")));

        // Everything reported as recorded is there: session start, task start, the events.
        Result<qint64> stored = store::SessionStore(lab).eventCount(session->id);
        if (!stored)
            return stored.error();
        if (*stored != events + 2)
            return makeError(QStringLiteral("the lab holds %1 events, expected %2").arg(*stored).arg(events + 2), labPath);
    }
    result.fileBytes = fileSize(labPath);
    return result;
}

QString us(qint64 ns)
{
    return QString::number(double(ns) / 1000.0, 'f', 1);
}

QString bytes(qint64 n)
{
    if (n >= 1024 * 1024)
        return QString::number(double(n) / (1024.0 * 1024.0), 'f', 2) + QStringLiteral(" MiB");
    return QString::number(double(n) / 1024.0, 'f', 1) + QStringLiteral(" KiB");
}

void printTable(QTextStream &out, const QList<BenchResult> &results)
{
    const QList<int> widths = {28, 8, 12, 12, 12, 12, 10, 11, 11};
    auto row = [&](const QStringList &cells) {
        for (int i = 0; i < cells.size(); ++i)
            out << (i == 0 ? cells.at(i).leftJustified(widths.at(i)) : cells.at(i).rightJustified(widths.at(i)));
        out << '\n';
    };
    row({QStringLiteral("lab on"), QStringLiteral("events"), QStringLiteral("median us"), QStringLiteral("p90 us"),
         QStringLiteral("p99 us"), QStringLiteral("max us"), QStringLiteral("events/s"), QStringLiteral("lab file"),
         QStringLiteral("WAL peak")});
    for (const BenchResult &r : results) {
        const double perSecond = r.totalNs > 0 ? double(r.events) * 1e9 / double(r.totalNs) : 0.0;
        row({r.where, QString::number(r.events), us(r.all.percentile(0.5)), us(r.all.percentile(0.9)),
             us(r.all.percentile(0.99)), us(r.all.max()), QString::number(perSecond, 'f', 0), bytes(r.fileBytes),
             bytes(r.walPeakBytes)});
    }
    out << "\nBy kind (median / p99 us):\n";
    for (const BenchResult &r : results) {
        out << "  " << r.where.leftJustified(26);
        for (const auto &[kind, lat] : r.byKind)
            out << "  " << kind << " " << us(lat.percentile(0.5)) << " / " << us(lat.percentile(0.99));
        out << '\n';
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_record"));
    QLoggingCategory::setFilterRules(QStringLiteral("devzero.*.info=false\ndevzero.*.debug=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Time to record one event durably in a devzero lab."));
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("events"), QStringLiteral("Events to record per lab (default 2000)."), QStringLiteral("N"), QStringLiteral("2000")},
                       {QStringLiteral("dir"), QStringLiteral("Folder for the on-disk lab (default: the temp folder)."), QStringLiteral("PATH")},
                       {QStringLiteral("no-shm"), QStringLiteral("Skip the tmpfs (/dev/shm) comparison.")}});
    parser.process(app);
    QTextStream out(stdout);
    QTextStream err(stderr);

    bool ok = false;
    const int events = parser.value(QStringLiteral("events")).toInt(&ok);
    if (!ok || events < 1) {
        err << "bench_record: --events needs a positive whole number, not \"" << parser.value(QStringLiteral("events")) << "\"\n";
        return 2;
    }

    struct Place { QString label; QString parent; };
    QList<Place> places;
    const QString diskParent = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : QDir::tempPath();
    // Labelled with the file system, so a table pasted into a note says what it measured.
    const auto label = [](const QString &folder) {
        return QStringLiteral("%1 (%2)").arg(folder, QString::fromUtf8(QStorageInfo(folder).fileSystemType()));
    };
    places.append({label(diskParent), diskParent});
    if (!parser.isSet(QStringLiteral("no-shm"))) {
        if (QFileInfo(QStringLiteral("/dev/shm")).isWritable())
            places.append({label(QStringLiteral("/dev/shm")), QStringLiteral("/dev/shm")});
        else
            err << "bench_record: /dev/shm is not writable here; skipping the tmpfs run\n";
    }

    QList<BenchResult> results;
    for (const Place &place : places) {
        QTemporaryDir dir(QDir(place.parent).filePath(QStringLiteral("devzero-bench-XXXXXX")));
        if (!dir.isValid()) {
            err << "bench_record: cannot create a folder in " << place.parent << ": " << dir.errorString() << Qt::endl;
            return 1;
        }
        Result<BenchResult> r = runBench(dir.path(), place.label, events);
        if (!r) {
            err << "bench_record: " << place.label << ": " << r.error().toString() << Qt::endl;
            return 1;
        }
        results.append(*r);
    }

    out << "devzero " << DEVZERO_VERSION << ": time to record one event durably (SessionEngine call returns after COMMIT,"
        << " WAL, synchronous=FULL)\n"
        << "mix: note, command, search, lookup in turn; all events verified in the lab afterwards\n\n";
    printTable(out, results);
    out.flush();
    return 0;
}
