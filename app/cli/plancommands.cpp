// `devzero plan check|import|list|show`.

#include "app/cli/clicontext.h"
#include "app/cli/help.h"
#include "app/cli/options.h"
#include "app/cli/planfile.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace devzero::cli {

namespace {

QJsonObject diagnosticJson(const plan::Diagnostic &d)
{
    return {{QStringLiteral("severity"), d.severity == plan::Diagnostic::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning")},
            {QStringLiteral("line"), d.line},
            {QStringLiteral("column"), d.column},
            {QStringLiteral("message"), d.message}};
}

int checkPlans(CliContext &ctx, const QStringList &files)
{
    if (files.isEmpty())
        return ctx.usage(QStringLiteral("plan check needs at least one FILE"), planHelp());
    int errors = 0;
    QJsonArray results;
    for (const QString &file : files) {
        const PlanFile planFile = readPlanFile(file);
        QJsonArray diagnostics;
        for (const plan::Diagnostic &d : planFile.parsed.diagnostics) {
            diagnostics.append(diagnosticJson(d));
            if (!ctx.json)
                ctx.err() << d.toString(file) << '\n';
        }
        errors += planFile.parsed.errorCount();
        QJsonObject result{{QStringLiteral("file"), file}, {QStringLiteral("ok"), planFile.parsed.ok()}, {QStringLiteral("diagnostics"), diagnostics}};
        if (planFile.parsed.ok()) {
            const plan::Plan &p = *planFile.parsed.plan;
            result.insert(QStringLiteral("title"), p.title);
            result.insert(QStringLiteral("journeys"), int(p.journeys.size()));
            result.insert(QStringLiteral("tasks"), p.taskCount());
            if (!ctx.json)
                ctx.out() << file << ": ok: \"" << p.title << "\", " << p.journeys.size() << " journeys, " << p.taskCount() << " tasks\n";
        } else if (!ctx.json) {
            ctx.err() << file << ": " << planFile.parsed.errorCount() << " error(s)\n";
        }
        results.append(result);
    }
    ctx.err().flush();
    if (ctx.json)
        ctx.printJson(results);
    ctx.out().flush();
    return errors > 0 ? ExitFailure : ExitOk;
}

int importPlan(CliContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return ctx.usage(QStringLiteral("plan import needs exactly one FILE"), planHelp());
    return importPlanFile(ctx, args.first()).exitCode;
}

int listPlans(CliContext &ctx)
{
    Result<LabDatabase *> lab = ctx.lab();
    if (!lab)
        return ctx.fail(ExitLab, lab.error());
    Result<QList<store::PlanRow>> plans = store::PlanStore(**lab).plans();
    if (!plans)
        return ctx.fail(ExitFailure, plans.error());
    QJsonArray array;
    for (const store::PlanRow &p : *plans) {
        array.append(QJsonObject{{QStringLiteral("id"), p.id}, {QStringLiteral("title"), p.title},
                                 {QStringLiteral("journeys"), p.journeyCount}, {QStringLiteral("tasks"), p.taskCount},
                                 {QStringLiteral("source"), p.sourcePath}});
        if (!ctx.json)
            ctx.out() << p.id << "  " << p.title << "  (" << p.journeyCount << " journeys, " << p.taskCount << " tasks)\n";
    }
    if (ctx.json)
        ctx.printJson(array);
    else if (plans->isEmpty())
        ctx.out() << "no plans yet; import one with `devzero plan import FILE`\n";
    ctx.out().flush();
    return ExitOk;
}

int showPlan(CliContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return ctx.usage(QStringLiteral("plan show needs a plan ID"), planHelp());
    Result<LabDatabase *> lab = ctx.lab();
    if (!lab)
        return ctx.fail(ExitLab, lab.error());
    store::PlanStore plans(**lab);
    Result<store::PlanRow> plan = plans.plan(args.first().toLongLong());
    if (!plan)
        return ctx.fail(ExitNotFound, plan.error());
    Result<QList<store::TaskRow>> tasks = plans.tasks(plan->id);
    if (!tasks)
        return ctx.fail(ExitFailure, tasks.error());
    QJsonArray taskArray;
    QString journey;
    if (!ctx.json)
        ctx.out() << plan->title << "\n";
    for (const store::TaskRow &t : *tasks) {
        QJsonObject task{{QStringLiteral("number"), t.number()}, {QStringLiteral("key"), t.key},
                         {QStringLiteral("title"), t.title}, {QStringLiteral("journey"), t.journeyTitle},
                         {QStringLiteral("outcome"), t.journeyOutcome}, {QStringLiteral("goal"), t.goal},
                         {QStringLiteral("done_when"), t.doneWhen}, {QStringLiteral("check"), t.check}};
        if (t.budgetSeconds)
            task.insert(QStringLiteral("budget_s"), *t.budgetSeconds);
        taskArray.append(task);
        if (!ctx.json) {
            if (journey != t.journeyTitle) {
                journey = t.journeyTitle;
                ctx.out() << "\n" << t.journeyPosition << ". " << journey << "\n   " << t.journeyOutcome << "\n";
            }
            ctx.out() << "   " << t.number() << " " << t.title << "  [" << t.key << "]"
                      << (t.budgetSeconds ? QStringLiteral("  budget %1").arg(formatDuration(*t.budgetSeconds * 1000)) : QString())
                      << "\n       goal: " << t.goal << "\n       done when: " << t.doneWhen << "\n";
        }
    }
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("id"), plan->id}, {QStringLiteral("title"), plan->title},
                                  {QStringLiteral("tools"), QJsonArray::fromStringList(plan->tools)},
                                  {QStringLiteral("tasks"), taskArray}});
    ctx.out().flush();
    return ExitOk;
}

} // namespace

PlanFile readPlanFile(const QString &path)
{
    PlanFile result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        plan::Diagnostic d;
        d.message = QStringLiteral("cannot read the plan: %1").arg(file.errorString());
        result.parsed.diagnostics << d;
        return result;
    }
    result.source = file.readAll();
    result.parsed = plan::parsePlan(result.source);
    return result;
}

ImportedPlan importPlanFile(CliContext &ctx, const QString &path, bool quiet)
{
    const PlanFile planFile = readPlanFile(path);
    if (!planFile.parsed.ok()) {
        for (const plan::Diagnostic &d : planFile.parsed.diagnostics)
            ctx.err() << d.toString(path) << '\n';
        return {0, ctx.fail(ExitFailure, Error{QStringLiteral("the plan has errors; nothing was imported"), path})};
    }
    Result<LabDatabase *> lab = ctx.lab(CliContext::LabUse::Create);
    if (!lab)
        return {0, ctx.fail(ExitLab, lab.error())};
    Result<store::PlanStore::Imported> imported = store::PlanStore(**lab).importPlan(
        *planFile.parsed.plan, planFile.source, QFileInfo(path).absoluteFilePath(), QDateTime::currentMSecsSinceEpoch());
    if (!imported)
        return {0, ctx.fail(ExitFailure, imported.error())};
    if (quiet)
        return {imported->planId, ExitOk};
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("plan_id"), imported->planId},
                                  {QStringLiteral("already_present"), imported->alreadyPresent},
                                  {QStringLiteral("title"), planFile.parsed.plan->title}});
    else
        ctx.out() << (imported->alreadyPresent ? "plan already in the lab as " : "imported plan ") << imported->planId << ": "
                  << planFile.parsed.plan->title << Qt::endl;
    return {imported->planId, ExitOk};
}

int runPlanCommand(CliContext &ctx, const QStringList &args)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        if (args.isEmpty())
            return ctx.usage(QStringLiteral("plan needs a subcommand"), planHelp());
        ctx.out() << planHelp() << Qt::flush;
        return ExitOk;
    }
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("check"))
        return checkPlans(ctx, rest);
    if (sub == QLatin1String("import"))
        return importPlan(ctx, rest);
    if (sub == QLatin1String("list"))
        return listPlans(ctx);
    if (sub == QLatin1String("show"))
        return showPlan(ctx, rest);
    return ctx.usage(QStringLiteral("unknown plan subcommand \"%1\"").arg(sub), planHelp());
}

} // namespace devzero::cli
