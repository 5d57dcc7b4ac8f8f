// Docs index benchmark: prints figures, asserts nothing about time.
//
//   bench_docindex [--quick] [--keep] [--only argo-cd|tldr]
//
// For each corpus (argo-cd docs, tldr pages; --quick: argo-cd only) it
// clones the bundle, then measures side by side in this run:
//   - the floor: `git cat-file --batch` over the same page blobs, plus one
//     `cmark` process over all those pages concatenated;
//   - a full index from scratch, and a one-page incremental re-index after
//     a new commit that changes one page;
//   - search latency (p50/p95) over a fixed query list;
//   - peak memory (VmHWM).
// Exit code 77 when a corpus is missing (ctest reports a skip).

#include "sessions/docindex/docindex.h"
#include "tests/common/testsupport.h"
#include "tests/docindex/fixturerepo.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace devzero;
using namespace devzero::docindex;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Corpus
{
    QString name;
    QString bundle;
    QString subdir;
    QStringList queries;       // what a tester types: commands, concepts, errors
    QStringList stressQueries; // stop words: nearly every page matches; timed apart
};

struct Floor
{
    int pages = 0;
    qint64 bytes = 0;
    double catFileMs = 0;
    double cmarkMs = 0;
    double cpuMs = 0; // both processes
    double totalMs() const { return catFileMs + cmarkMs; }
};

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// CPU time (user + system) of this process or of its finished children:
// unlike wall time it does not grow when other work shares the machine.
double cpuMs(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

QString peakRss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).simplified());
    }
    return QStringLiteral("?");
}

bool run(const QString &program, const QStringList &args, const QString &dir, QByteArray *stdoutBytes = nullptr,
         const QByteArray &input = {})
{
    QProcess process;
    process.setWorkingDirectory(dir);
    if (!stdoutBytes)
        process.setStandardOutputFile(QProcess::nullDevice());
    process.start(program, args);
    if (!process.waitForStarted(10000))
        return false;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (stdoutBytes) {
        while (process.state() == QProcess::Running) {
            process.waitForReadyRead(1000);
            stdoutBytes->append(process.readAllStandardOutput());
        }
        stdoutBytes->append(process.readAllStandardOutput());
    }
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        out() << "  " << program << ' ' << args.join(u' ') << " failed: " << process.readAllStandardError() << Qt::endl;
        return false;
    }
    return true;
}

bool isPage(const QString &path)
{
    return path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive) || path.endsWith(QLatin1String(".mdx"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".markdown"), Qt::CaseInsensitive);
}

// The floor: the same blobs through git's fastest reader and cmark's parser.
std::optional<Floor> measureFloor(const QString &repo, const QString &branch, const QString &subdir, const QString &work)
{
    QByteArray listing;
    QStringList lsTree = {QStringLiteral("ls-tree"), QStringLiteral("-r"), branch};
    if (!subdir.isEmpty())
        lsTree << QStringLiteral("--") << subdir;
    if (!run(QStringLiteral("git"), lsTree, repo, &listing))
        return std::nullopt;
    QByteArray ids;
    Floor floor;
    for (const QByteArray &line : listing.split('\n')) {
        const qsizetype tab = line.indexOf('\t');
        if (tab < 0)
            continue;
        const QList<QByteArray> meta = line.left(tab).split(' ');
        if (meta.size() != 3 || meta.at(1) != "blob" || meta.at(0) == "120000")
            continue;
        if (!isPage(QString::fromUtf8(line.mid(tab + 1))))
            continue;
        ids += meta.at(2) + '\n';
        ++floor.pages;
    }
    QByteArray batch;
    batch.reserve(64 << 20);
    QElapsedTimer timer;
    const double childCpu = cpuMs(RUSAGE_CHILDREN);
    timer.start();
    if (!run(QStringLiteral("git"), {QStringLiteral("cat-file"), QStringLiteral("--batch")}, repo, &batch, ids))
        return std::nullopt;
    floor.catFileMs = msSince(timer);

    // Strip the "<id> blob <size>" headers: cmark gets the pages only.
    QByteArray pages;
    pages.reserve(batch.size());
    for (qsizetype pos = 0; pos < batch.size();) {
        const qsizetype eol = batch.indexOf('\n', pos);
        if (eol < 0)
            break;
        const QList<QByteArray> header = batch.mid(pos, eol - pos).split(' ');
        const qsizetype size = header.size() == 3 ? header.at(2).toLongLong() : 0;
        pages += batch.mid(eol + 1, size);
        pages += "\n\n";
        pos = eol + 1 + size + 1;
    }
    floor.bytes = pages.size();
    const QString all = work + QStringLiteral("/all-pages.md");
    QFile file(all);
    if (!file.open(QIODevice::WriteOnly) || file.write(pages) != pages.size())
        return std::nullopt;
    file.close();
    timer.restart();
    if (!run(QStringLiteral("cmark"), {all}, work))
        return std::nullopt;
    floor.cmarkMs = msSince(timer);
    floor.cpuMs = cpuMs(RUSAGE_CHILDREN) - childCpu;
    return floor;
}

QString phases(const IndexStats &stats)
{
    QStringList parts;
    for (const auto &[name, ms] : stats.phaseMs)
        parts << QStringLiteral("%1 %2").arg(name).arg(ms);
    return parts.join(QStringLiteral(", "));
}

void printIndexLine(const char *label, const IndexStats &stats, double wallMs)
{
    const double seconds = wallMs / 1000.0;
    out() << QStringLiteral("  %1 %2 ms  (%3 pages parsed, %4 reused; %5 pages/s, %6 MB/s)")
                 .arg(QString::fromLatin1(label), -12)
                 .arg(wallMs, 8, 'f', 1)
                 .arg(stats.pagesParsed)
                 .arg(stats.pagesReused)
                 .arg(seconds > 0 ? stats.pagesParsed / seconds : 0, 0, 'f', 0)
                 .arg(seconds > 0 ? stats.bytesParsed / seconds / 1e6 : 0, 0, 'f', 1)
          << "\n    phases (ms): " << phases(stats) << Qt::endl;
}

double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype index = qMin(samples.size() - 1, qsizetype(p * double(samples.size() - 1) + 0.5));
    return samples.at(index);
}

int benchCorpus(const Corpus &corpus, const QString &workRoot, bool quick)
{
    out() << corpus.name << " (" << corpus.bundle << ")" << Qt::endl;
    const QString work = workRoot + QLatin1Char('/') + corpus.name;
    QDir().mkpath(work);
    const QString repo = work + QStringLiteral("/repo.git");
    // libgit2 cannot read bundles: git makes an ordinary (bare) repository of it.
    if (!run(QStringLiteral("git"), {QStringLiteral("clone"), QStringLiteral("--bare"), QStringLiteral("-q"), corpus.bundle, repo}, work))
        return 1;
    QByteArray heads;
    if (!run(QStringLiteral("git"), {QStringLiteral("for-each-ref"), QStringLiteral("--format=%(refname:short)"),
                                     QStringLiteral("refs/heads")}, repo, &heads))
        return 1;
    const QString branch = QString::fromUtf8(heads.split('\n').first().trimmed());

    const auto floor = measureFloor(repo, branch, corpus.subdir, work);
    if (!floor)
        return 1;
    out() << QStringLiteral("  floor        %1 ms  (git cat-file --batch %2 ms + cmark %3 ms; cpu %4 ms; %5 pages, %6 MB)")
                 .arg(floor->totalMs(), 8, 'f', 1)
                 .arg(floor->catFileMs, 0, 'f', 1)
                 .arg(floor->cmarkMs, 0, 'f', 1)
                 .arg(floor->cpuMs, 0, 'f', 1)
                 .arg(floor->pages)
                 .arg(double(floor->bytes) / 1e6, 0, 'f', 1)
          << Qt::endl;

    auto opened = DocIndex::open(work + QStringLiteral("/docs-index.sqlite"));
    if (!opened) {
        out() << "  cannot open the index: " << opened.error().toString() << Qt::endl;
        return 1;
    }
    DocIndex &index = **opened;
    SourceSpec spec;
    spec.name = corpus.name;
    spec.repo = repo;
    spec.subdir = corpus.subdir;
    QElapsedTimer timer;
    const double selfCpu = cpuMs(RUSAGE_SELF);
    timer.start();
    auto full = index.addSource(spec);
    const double fullMs = msSince(timer);
    const double fullCpu = cpuMs(RUSAGE_SELF) - selfCpu;
    if (!full) {
        out() << "  index failed: " << full.error().toString() << Qt::endl;
        return 1;
    }
    printIndexLine("full index", *full, fullMs);
    out() << QStringLiteral("  vs floor     %1x wall, %2x cpu  (index cpu %3 ms; %4 pages indexed, floor counted %5)")
                 .arg(fullMs / floor->totalMs(), 0, 'f', 2)
                 .arg(fullCpu / floor->cpuMs, 0, 'f', 2)
                 .arg(fullCpu, 0, 'f', 0)
                 .arg(full->pagesTotal)
                 .arg(floor->pages)
          << Qt::endl;

    // One page changed by a new commit.
    auto fixture = test::FixtureRepo::openExisting(repo, branch);
    if (!fixture->ok()) {
        out() << "  cannot open the clone for a commit: " << fixture->error() << Qt::endl;
        return 1;
    }
    auto results = index.search(corpus.queries.first(), SearchOptions{corpus.name, 1});
    const QString page = results && !results->isEmpty() ? results->first().path : QString();
    auto bytes = index.readPageBlob(page, corpus.name);
    if (page.isEmpty() || !bytes) {
        out() << "  no page to change" << Qt::endl;
        return 1;
    }
    fixture->write(page, *bytes + "\nOne more line, written by the benchmark.\n");
    fixture->commit(QStringLiteral("bench: change one page"), QStringLiteral("Bench"), QStringLiteral("bench@example.com"));
    fixture.reset();
    timer.restart();
    auto incremental = index.index(corpus.name);
    const double incrementalMs = msSince(timer);
    if (!incremental) {
        out() << "  incremental index failed: " << incremental.error().toString() << Qt::endl;
        return 1;
    }
    printIndexLine("incremental", *incremental, incrementalMs);

    QList<double> samples;
    QHash<QString, double> worst; // per query, its slowest run
    int empty = 0;
    const int rounds = quick ? 3 : 10;
    for (const QString &query : corpus.queries)
        (void)index.search(query); // warm the page cache once
    for (int round = 0; round < rounds; ++round) {
        for (const QString &query : corpus.queries) {
            timer.restart();
            auto found = index.search(query, SearchOptions{QString(), 10});
            samples << msSince(timer);
            worst[query] = qMax(worst.value(query), samples.last());
            if (!found) {
                out() << "  search failed: " << query << ": " << found.error().toString() << Qt::endl;
                return 1;
            }
            if (round == 0 && found->isEmpty())
                ++empty;
        }
    }
    out() << QStringLiteral("  search       p50 %1 ms, p95 %2 ms, max %3 ms  (%4 queries x %5, %6 found nothing)")
                 .arg(percentile(samples, 0.50), 0, 'f', 3)
                 .arg(percentile(samples, 0.95), 0, 'f', 3)
                 .arg(percentile(samples, 1.0), 0, 'f', 3)
                 .arg(corpus.queries.size())
                 .arg(rounds)
                 .arg(empty)
          << Qt::endl;
    QList<QPair<double, QString>> slowest;
    for (auto it = worst.cbegin(); it != worst.cend(); ++it)
        slowest.append({it.value(), it.key()});
    std::sort(slowest.begin(), slowest.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList names;
    for (qsizetype i = 0; i < qMin<qsizetype>(3, slowest.size()); ++i)
        names << QStringLiteral("%1 (%2 ms)").arg(slowest.at(i).second).arg(slowest.at(i).first, 0, 'f', 1);
    out() << "  slowest queries: " << names.join(QStringLiteral(", ")) << Qt::endl;
    QStringList stress;
    for (const QString &query : corpus.stressQueries) {
        QList<double> runs;
        for (int round = 0; round < rounds; ++round) {
            timer.restart();
            auto found = index.search(query, SearchOptions{QString(), 10});
            runs << msSince(timer);
            if (!found)
                return 1;
        }
        stress << QStringLiteral("%1 %2 ms").arg(query).arg(percentile(runs, 0.5), 0, 'f', 1);
    }
    out() << "  stop words   (median) " << stress.join(QStringLiteral(", ")) << Qt::endl;
    timer.restart();
    opened->reset(); // SQLite checkpoints the WAL into the file on close
    out() << QStringLiteral("  close        %1 ms (final WAL checkpoint)").arg(msSince(timer), 0, 'f', 1) << Qt::endl;
    out() << "  peak RSS so far: " << peakRss() << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    const bool keep = args.contains(QStringLiteral("--keep"));
    const qsizetype only = args.indexOf(QStringLiteral("--only"));
    const QString onlyCorpus = only > 0 && only + 1 < args.size() ? args.at(only + 1) : QString();

    const QList<Corpus> all = {
        {QStringLiteral("argo-cd"), test::corpusBundle(QStringLiteral("argo-cd-docs.bundle")), QStringLiteral("docs"),
         {QStringLiteral("sync waves"), QStringLiteral("applicationset"), QStringLiteral("rbac"), QStringLiteral("sso"),
          QStringLiteral("helm*"), QStringLiteral("\"sync options\""), QStringLiteral("webhook"), QStringLiteral("notifications"),
          QStringLiteral("kustomize"), QStringLiteral("repo server"), QStringLiteral("argocd app sync"), QStringLiteral("prune"),
          QStringLiteral("health check"), QStringLiteral("ingress"), QStringLiteral("zyzzyva")},
         {QStringLiteral("the"), QStringLiteral("argo"), QStringLiteral("a*")}},
        {QStringLiteral("tldr"), test::corpusBundle(QStringLiteral("tldr-pages.bundle")), QString(),
         {QStringLiteral("tar"), QStringLiteral("git commit"), QStringLiteral("docker run"), QStringLiteral("extract archive"),
          QStringLiteral("compress*"), QStringLiteral("\"list files\""), QStringLiteral("kubectl"), QStringLiteral("ssh key"),
          QStringLiteral("network interface"), QStringLiteral("install package"), QStringLiteral("python"),
          QStringLiteral("copy file"), QStringLiteral("Verzeichnis"), QStringLiteral("файлы"), QStringLiteral("ملفات"),
          QStringLiteral("फ़ाइल"), QStringLiteral("ファイル*"), QStringLiteral("압축"), QStringLiteral("archivo"),
          QStringLiteral("fichier"), QStringLiteral("disk usage"), QStringLiteral("process id"), QStringLiteral("grep"),
          QStringLiteral("zyzzyva"), QStringLiteral("\"display help\""), QStringLiteral("ffmpeg video"),
          QStringLiteral("systemctl"), QStringLiteral("chmod permissions"), QStringLiteral("\"remote repository\"")},
         {QStringLiteral("the"), QStringLiteral("file"), QStringLiteral("a*")}},
    };

    QTemporaryDir workRoot;
    workRoot.setAutoRemove(!keep);
    out() << "devzero docs index benchmark" << (quick ? " (--quick)" : "") << "; work folder " << workRoot.path() << Qt::endl;
    int status = 0;
    int ran = 0;
    for (const Corpus &corpus : all) {
        if (quick && corpus.name != QLatin1String("argo-cd"))
            continue;
        if (!onlyCorpus.isEmpty() && corpus.name != onlyCorpus)
            continue;
        if (corpus.bundle.isEmpty()) {
            out() << corpus.name << ": corpus bundle not found beside the checkout; skipped" << Qt::endl;
            continue;
        }
        ++ran;
        status |= benchCorpus(corpus, workRoot.path(), quick);
    }
    out() << "peak RSS (VmHWM): " << peakRss() << Qt::endl;
    if (ran == 0)
        return 77;
    return status;
}
