#include "sessions/demo/demolab.h"

#include "sessions/demo/demohistory.h"
#include "sessions/demo/demoscript.h"
#include "sessions/demo/demosessions.h"
#include "sessions/docindex/gitwriter.h"
#include "sessions/docindex/docindex.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

// Outside any namespace, as Q_INIT_RESOURCE requires: the demo's files live
// in this static library's resources (resources/demo/demo.qrc).
static void initDemoResources()
{
    Q_INIT_RESOURCE(demo);
}

Q_LOGGING_CATEGORY(lcDemo, "devzero.demo")

namespace devzero::demo {

using docindex::GitWriter;

namespace {

const QString kSourceName = QStringLiteral("paylark");
const QString kSiteUrl = QStringLiteral("https://docs.paylark.example/");
// Session plans are imported with a time stamp; the demo's is the morning
// the first session ran, so the lab reads the same on every run.
constexpr qint64 kPlanImportedMs = 1'714'980'600'000; // 2024-05-06 07:30 UTC

Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot read a file of the demo: %1").arg(file.errorString()), path};
    return file.readAll();
}

bool isSqliteFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    if (file.size() == 0)
        return true;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

// What the lab holds that creating the demo would replace, e.g. "2 plans,
// 5 sessions"; empty when nothing.
Result<QString> labContent(const QString &labPath, const QString &dataDir)
{
    QStringList held;
    if (QFileInfo::exists(labPath)) {
        if (!isSqliteFile(labPath))
            return Error{QStringLiteral("this file is not a lab; choose another path"), labPath};
        LabDatabase::Options options;
        options.create = false;
        Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(labPath, options);
        if (!lab)
            return lab.error();
        Result<QList<store::PlanRow>> plans = store::PlanStore(**lab).plans();
        Result<QList<store::SessionRow>> sessions = store::SessionStore(**lab).sessions();
        if (!plans)
            return plans.error();
        if (!sessions)
            return sessions.error();
        if (!plans->isEmpty())
            held << QStringLiteral("%1 plan(s)").arg(plans->size());
        if (!sessions->isEmpty())
            held << QStringLiteral("%1 session(s)").arg(sessions->size());
    }
    const QDir data(dataDir);
    if (data.exists() && !data.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
        held << QStringLiteral("docs data in %1").arg(QDir::toNativeSeparators(dataDir));
    return held.join(QStringLiteral(", "));
}

Result<void> removeLab(const QString &labPath, const QString &dataDir)
{
    if (QFileInfo::exists(labPath) && !isSqliteFile(labPath))
        return Error{QStringLiteral("not deleting this file: it is not a lab"), labPath};
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        const QString path = labPath + suffix;
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return Error{QStringLiteral("cannot delete the old lab file"), path};
    }
    if (QFileInfo::exists(dataDir) && !QDir(dataDir).removeRecursively())
        return Error{QStringLiteral("cannot delete the old lab's data folder"), dataDir};
    return {};
}

// Every page and section the simulated testers read must exist in the
// index: a heading renamed in the docs would otherwise leave evidence on
// sections nobody can find.
Result<void> checkSections(docindex::DocIndex &index)
{
    for (const auto &[page, anchor] : demoSectionsRead()) {
        Result<docindex::PageInfo> info = index.page(page, kSourceName);
        if (!info)
            return Error{QStringLiteral("the demo reads a page the index does not have"), page};
        if (anchor.isEmpty())
            continue;
        bool found = false;
        for (const docindex::PageSection &section : info->sections)
            found = found || section.anchor == anchor;
        if (!found)
            return Error{QStringLiteral("the demo reads section #%1, which the page does not have").arg(anchor), page};
    }
    return {};
}

} // namespace

QString labDataDir(const QString &labPath)
{
    const QFileInfo info(labPath);
    return info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".data");
}

Result<DemoSummary> createDemoLab(const DemoOptions &options, const DemoProgress &progress)
{
    initDemoResources();
    QElapsedTimer timer;
    timer.start();
    const auto say = [&](const QString &step) {
        qCInfo(lcDemo) << step;
        if (progress)
            progress(step);
    };

    if (options.labPath.isEmpty())
        return Error{QStringLiteral("no lab path given"), {}};
    DemoSummary summary;
    summary.labPath = QFileInfo(options.labPath).absoluteFilePath();
    summary.dataDir = labDataDir(summary.labPath);
    summary.repoPath = summary.dataDir + QStringLiteral("/paylark-docs");
    summary.sourceName = kSourceName;

    Result<QString> held = labContent(summary.labPath, summary.dataDir);
    if (!held)
        return held.error();
    if (!held->isEmpty() && !options.force)
        return Error{QStringLiteral("the lab is not empty (%1); nothing was changed. Use --force to replace it, or "
                                    "--lab PATH for a new lab")
                         .arg(*held),
                     summary.labPath};
    if (!held->isEmpty() || QFileInfo::exists(summary.dataDir)) {
        say(QStringLiteral("removing the old lab"));
        if (Result<void> removed = removeLab(summary.labPath, summary.dataDir); !removed)
            return removed.error();
    }

    // The docs repository, commit by commit.
    say(QStringLiteral("creating the docs repository"));
    Result<QByteArray> historyJson = readAll(options.demoRoot + QStringLiteral("/history.json"));
    if (!historyJson)
        return historyJson.error();
    Result<DemoHistory> history = replayHistory(*historyJson, options.demoRoot + QStringLiteral("/docs-repo"));
    if (!history)
        return history.error();
    Result<std::unique_ptr<GitWriter>> writer = GitWriter::create(summary.repoPath, history->branch);
    if (!writer)
        return writer.error();
    for (const DemoCommit &commit : history->commits) {
        Result<QString> id = (*writer)->commit(commit.tree, commit.author, commit.message);
        if (!id)
            return id.error();
        summary.headCommit = *id;
        ++summary.commits;
    }
    writer->reset(); // release the repository before the index opens it

    say(QStringLiteral("indexing the docs"));
    Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(
        summary.dataDir + QStringLiteral("/docs-index.sqlite"), summary.dataDir + QStringLiteral("/clones"));
    if (!index)
        return index.error();
    docindex::SourceSpec spec;
    spec.name = kSourceName;
    spec.repo = summary.repoPath;
    spec.ref = history->branch;
    spec.siteUrl = kSiteUrl;
    Result<docindex::IndexStats> stats = (*index)->addSource(spec);
    if (!stats)
        return stats.error();
    summary.pages = stats->pagesTotal;
    if (Result<void> checked = checkSections(**index); !checked)
        return checked.error();

    say(QStringLiteral("importing the demo plan"));
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(summary.labPath);
    if (!lab)
        return lab.error();
    Result<QByteArray> planText = readAll(options.demoRoot + QStringLiteral("/plan.md"));
    if (!planText)
        return planText.error();
    const plan::ParseResult parsed = plan::parsePlan(*planText);
    if (!parsed.ok())
        return Error{QStringLiteral("the demo plan has errors"),
                     parsed.diagnostics.isEmpty() ? QStringLiteral("demo-platform.md")
                                                  : parsed.diagnostics.first().toString(QStringLiteral("demo-platform.md"))};
    Result<store::PlanStore::Imported> imported = store::PlanStore(**lab).importPlan(
        *parsed.plan, *planText, QStringLiteral("demo-platform.md"), kPlanImportedMs);
    if (!imported)
        return imported.error();
    summary.planId = imported->planId;

    say(QStringLiteral("recording the simulated sessions"));
    SessionInputs inputs{summary.planId, summary.headCommit, kSourceName, options.seed};
    Result<SessionCounts> counts = recordDemoSessions(**lab, **index, inputs);
    if (!counts)
        return counts.error();
    summary.sessions = counts->sessions;
    summary.attempts = counts->attempts;
    summary.notes = counts->notes;
    summary.lookups = counts->lookups;
    summary.searches = counts->searches;
    summary.zeroResultSearches = counts->zeroResultSearches;
    summary.commands = counts->commands;
    summary.commandsNotFound = counts->commandsNotFound;
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace devzero::demo
