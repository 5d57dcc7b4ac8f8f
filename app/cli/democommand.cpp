// `devzero demo [--force] [--seed N]`: a lab with the Paylark demo platform
// (sessions/demo), so review, triage and the report have something to show.

#include "app/cli/clicontext.h"
#include "sessions/demo/demolab.h"

#include <QDir>
#include <QJsonObject>

namespace devzero::cli {

namespace {

QString demoHelp()
{
    return QStringLiteral(
        "Usage: devzero [--lab PATH] demo [--force] [--seed N]\n"
        "\n"
        "Creates a demo lab: the docs of Paylark, a made-up payments platform, as a git\n"
        "repository with five commits and a CODEOWNERS file (in the lab's data folder),\n"
        "registered and indexed as the lab's docs source \"paylark\"; the plan\n"
        "\"Onboarding onto Paylark\"; and eight recorded sessions of simulated testers\n"
        "with outcomes, notes, lookups, searches, failed commands, SEQ and SUS answers.\n"
        "The same seed gives the same lab.\n"
        "\n"
        "  --force    replace a lab that already holds plans, sessions or docs\n"
        "  --seed N   vary the simulated timings (default 20240506)\n"
        "\n"
        "Then try: devzero --lab PATH session list, devzero --lab PATH report --format html -o report.html\n");
}

QJsonObject summaryJson(const demo::DemoSummary &s)
{
    return {{QStringLiteral("lab"), s.labPath},           {QStringLiteral("data_dir"), s.dataDir},
            {QStringLiteral("repository"), s.repoPath},   {QStringLiteral("source"), s.sourceName},
            {QStringLiteral("commit"), s.headCommit},     {QStringLiteral("commits"), s.commits},
            {QStringLiteral("pages"), s.pages},           {QStringLiteral("plan_id"), s.planId},
            {QStringLiteral("sessions"), s.sessions},     {QStringLiteral("task_attempts"), s.attempts},
            {QStringLiteral("notes"), s.notes},           {QStringLiteral("lookups"), s.lookups},
            {QStringLiteral("searches"), s.searches},     {QStringLiteral("zero_result_searches"), s.zeroResultSearches},
            {QStringLiteral("commands"), s.commands},     {QStringLiteral("commands_not_found"), s.commandsNotFound},
            {QStringLiteral("elapsed_ms"), s.elapsedMs}};
}

} // namespace

int runDemoCommand(CliContext &ctx, const QStringList &args)
{
    demo::DemoOptions options;
    options.labPath = ctx.labPath;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            ctx.out() << demoHelp() << Qt::flush;
            return ExitOk;
        }
        if (a == QLatin1String("--force")) {
            options.force = true;
        } else if (a == QLatin1String("--seed")) {
            bool ok = false;
            options.seed = i + 1 < args.size() ? args.at(++i).toUInt(&ok) : 0;
            if (!ok)
                return ctx.usage(QStringLiteral("--seed needs a whole number from 0 to 4294967295"), demoHelp());
        } else {
            return ctx.usage(QStringLiteral("demo does not take \"%1\"").arg(a), demoHelp());
        }
    }

    const bool quiet = ctx.json;
    Result<demo::DemoSummary> created = demo::createDemoLab(options, [&](const QString &step) {
        if (!quiet)
            ctx.err() << step << "...\n" << Qt::flush;
    });
    if (!created) {
        // A path that holds something other than a lab is a lab problem (3);
        // everything else, a refused or failed demo, is the command failing (1).
        const bool notALab = created.error().message.contains(QLatin1String("not a lab"));
        return ctx.fail(notALab ? ExitLab : ExitFailure, created.error());
    }
    const demo::DemoSummary &s = *created;
    if (ctx.json) {
        ctx.printJson(summaryJson(s));
        return ExitOk;
    }
    ctx.out() << "Demo lab ready: " << QDir::toNativeSeparators(s.labPath) << "\n"
              << "  docs:     " << s.pages << " pages of Paylark, " << s.commits << " commits, source \"" << s.sourceName
              << "\" (" << QDir::toNativeSeparators(s.repoPath) << ")\n"
              << "  plan:     " << s.planId << " \"Onboarding onto Paylark\"\n"
              << "  sessions: " << s.sessions << " (" << s.attempts << " task attempts, " << s.notes << " notes, " << s.lookups
              << " lookups, " << s.searches << " searches of which " << s.zeroResultSearches << " found nothing, "
              << s.commands << " commands of which " << s.commandsNotFound << " not found)\n"
              << "Next: devzero --lab " << QDir::toNativeSeparators(s.labPath) << " session list\n"
              << Qt::flush;
    return ExitOk;
}

} // namespace devzero::cli
