// `devzero session ...` recording commands and the short forms
// (`devzero note`, `devzero done`, ...). Listings are in sessionview.cpp.

#include "app/cli/clicontext.h"
#include "app/cli/help.h"
#include "app/cli/options.h"
#include "app/cli/planfile.h"
#include "app/cli/sessionview.h"
#include "sessions/capture/environmentprobe.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"

#include <QDir>
#include <QJsonObject>

#include <cmath>

namespace devzero::cli {

using capture::Recorded;
using capture::SessionEngine;

namespace {

const QCommandLineOption kSessionOption(QStringLiteral("session"), QStringLiteral("Session number or uuid (default: the current one)."),
                                        QStringLiteral("ID"));

// Opens the lab and the session a recording command works on.
struct Target {
    std::unique_ptr<SessionEngine> engine;
    int exitCode = ExitOk;
};

Target openTarget(CliContext &ctx, const QString &sessionId)
{
    Target target;
    Result<LabDatabase *> lab = ctx.lab();
    if (!lab) {
        target.exitCode = ctx.fail(ExitLab, lab.error());
        return target;
    }
    target.engine = std::make_unique<SessionEngine>(**lab);
    if (sessionId.isEmpty()) {
        if (Result<store::SessionRow> s = target.engine->openCurrent(); !s)
            target.exitCode = ctx.fail(ExitNotFound, s.error());
    } else {
        Result<store::SessionRow> found = store::SessionStore(**lab).findSession(sessionId);
        if (!found)
            target.exitCode = ctx.fail(ExitNotFound, found.error());
        else if (Result<store::SessionRow> s = target.engine->open(found->id); !s)
            target.exitCode = ctx.fail(ExitNotFound, s.error());
    }
    return target;
}

int report(CliContext &ctx, const Result<Recorded> &recorded, const QString &what)
{
    if (!recorded)
        return ctx.fail(ExitFailure, recorded.error());
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("recorded"), what}, {QStringLiteral("event_id"), recorded->eventId},
                                  {QStringLiteral("id"), recorded->detailId}, {QStringLiteral("wall_ms"), recorded->wallMs},
                                  {QStringLiteral("mono_ns"), recorded->monoNs}});
    else
        ctx.out() << what << " (event " << recorded->eventId << ")" << Qt::endl;
    return ExitOk;
}

// Runs `fn(engine)` on the target session with the command's own options.
template<typename Fn>
int withSession(CliContext &ctx, QCommandLineParser &parser, const QStringList &args, const QString &help, Fn fn)
{
    parser.addOption(kSessionOption);
    if (std::optional<int> done = parseOptions(ctx, parser, args, help))
        return *done;
    Target target = openTarget(ctx, parser.value(kSessionOption));
    if (!target.engine || target.exitCode != ExitOk)
        return target.exitCode;
    return fn(*target.engine);
}

int start(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("plan"), QStringLiteral("Plan id in the lab, or a plan file to import."), QStringLiteral("ID|FILE")},
                  {QStringLiteral("participant"), QStringLiteral("The tester's pseudonym."), QStringLiteral("NAME")},
                  {QStringLiteral("experience"), QStringLiteral("novice, intermediate or expert."), QStringLiteral("LEVEL"), QStringLiteral("novice")},
                  {QStringLiteral("consent"), QStringLiteral("The participant agreed to be recorded.")},
                  {QStringLiteral("docs-rev"), QStringLiteral("Commit of the docs the tester reads."), QStringLiteral("COMMIT")},
                  {QStringLiteral("tools"), QStringLiteral("Tools to snapshot (default: the plan's)."), QStringLiteral("LIST")},
                  {QStringLiteral("no-snapshot"), QStringLiteral("Do not record tool versions.")}});
    if (std::optional<int> done = parseOptions(ctx, p, args, sessionHelp()))
        return *done;
    if (!p.isSet(QStringLiteral("plan")) || !p.isSet(QStringLiteral("participant")))
        return ctx.usage(QStringLiteral("session start needs --plan and --participant"), sessionHelp());
    if (!p.isSet(QStringLiteral("consent")))
        return ctx.fail(ExitFailure, QStringLiteral("the participant must consent (--consent): the session records timings, notes, pages read, searches and commands"));
    const std::optional<store::Experience> experience = store::experienceFromString(p.value(QStringLiteral("experience")));
    if (!experience)
        return ctx.usage(QStringLiteral("--experience must be novice, intermediate or expert, not \"%1\"").arg(p.value(QStringLiteral("experience"))), sessionHelp());

    Result<LabDatabase *> lab = ctx.lab(CliContext::LabUse::Create);
    if (!lab)
        return ctx.fail(ExitLab, lab.error());
    const QString planArg = p.value(QStringLiteral("plan"));
    bool isId = false;
    qint64 planId = planArg.toLongLong(&isId);
    if (!isId) {
        const ImportedPlan imported = importPlanFile(ctx, planArg, /*quiet=*/true);
        if (imported.planId == 0)
            return imported.exitCode;
        planId = imported.planId;
    }
    Result<store::PlanRow> plan = store::PlanStore(**lab).plan(planId);
    if (!plan)
        return ctx.fail(ExitNotFound, plan.error());

    capture::StartRequest request;
    request.planId = planId;
    request.pseudonym = p.value(QStringLiteral("participant"));
    request.experience = *experience;
    request.consent = true;
    request.docsRevision = p.value(QStringLiteral("docs-rev"));
    if (!p.isSet(QStringLiteral("no-snapshot"))) {
        const QStringList tools = p.isSet(QStringLiteral("tools"))
            ? p.value(QStringLiteral("tools")).split(QLatin1Char(','), Qt::SkipEmptyParts)
            : plan->tools;
        request.environment = capture::takeEnvironmentSnapshot(tools).toJson();
    }
    SessionEngine engine(**lab);
    Result<store::SessionRow> session = engine.start(request);
    if (!session)
        return ctx.fail(ExitFailure, session.error());
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("session_id"), session->id}, {QStringLiteral("uuid"), session->uuid},
                                  {QStringLiteral("plan_id"), planId}});
    else
        ctx.out() << "started session " << session->id << " (" << session->uuid << ") for " << session->pseudonym << " on \""
                  << plan->title << "\"\nit is now the current session; `devzero task 1.1` starts the first task" << Qt::endl;
    return ExitOk;
}

int taskCommand(CliContext &ctx, const QStringList &args)
{
    if (args.isEmpty())
        return ctx.usage(QStringLiteral("session task needs start or end"), sessionHelp());
    const QString sub = args.first();
    QCommandLineParser p;
    if (sub == QLatin1String("start")) {
        p.addPositionalArgument(QStringLiteral("task"), QStringLiteral("Task key, number or title."));
        return withSession(ctx, p, args.mid(1), sessionHelp(), [&](SessionEngine &engine) {
            if (p.positionalArguments().size() != 1)
                return ctx.usage(QStringLiteral("session task start needs one TASK"), sessionHelp());
            Result<store::SessionRow> session = engine.session();
            if (!session)
                return ctx.fail(ExitNotFound, session.error());
            Result<LabDatabase *> lab = ctx.lab();
            if (Result<store::TaskRow> task = store::PlanStore(**lab).findTask(session->planId, p.positionalArguments().first()); !task)
                return ctx.fail(ExitNotFound, task.error());
            return report(ctx, engine.startTask(p.positionalArguments().first()), QStringLiteral("task started"));
        });
    }
    if (sub == QLatin1String("end")) {
        p.addOption({QStringLiteral("seq"), QStringLiteral("Ease of the task, 1-7."), QStringLiteral("N")});
        return withSession(ctx, p, args.mid(1), sessionHelp(), [&](SessionEngine &engine) {
            if (p.positionalArguments().size() != 1)
                return ctx.usage(QStringLiteral("session task end needs an OUTCOME: success, failure, gave-up or skipped"), sessionHelp());
            const std::optional<store::Outcome> outcome = store::outcomeFromString(p.positionalArguments().first());
            if (!outcome)
                return ctx.usage(QStringLiteral("unknown outcome \"%1\": use success, failure, gave-up or skipped").arg(p.positionalArguments().first()), sessionHelp());
            int code = ExitOk;
            const std::optional<qint64> seq = intOption(ctx, p, QStringLiteral("seq"), &code);
            if (code != ExitOk)
                return code;
            const Result<Recorded> ended = engine.endTask(*outcome);
            if (!ended || !seq)
                return report(ctx, ended, QStringLiteral("task ended: %1").arg(store::toString(*outcome)));
            return report(ctx, engine.answerSeq(int(*seq), ended->detailId), QStringLiteral("task ended: %1, SEQ %2").arg(store::toString(*outcome)).arg(*seq));
        });
    }
    // `devzero task 1.2` is the short form of `task start 1.2`.
    return taskCommand(ctx, QStringList{QStringLiteral("start")} + args);
}

int noteCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{{QStringLiteral("s"), QStringLiteral("severity")}, QStringLiteral("1 cosmetic .. 4 could not continue."), QStringLiteral("N"), QStringLiteral("2")},
                  {{QStringLiteral("c"), QStringLiteral("category")}, QStringLiteral("Note category."), QStringLiteral("CATEGORY"), QStringLiteral("other")},
                  {QStringLiteral("page"), QStringLiteral("Docs page the note is about."), QStringLiteral("PATH")},
                  {QStringLiteral("anchor"), QStringLiteral("Section anchor on that page."), QStringLiteral("ANCHOR")}});
    return withSession(ctx, p, args, sessionHelp(), [&](SessionEngine &engine) {
        capture::NoteInput note;
        note.text = p.positionalArguments().join(QLatin1Char(' '));
        int code = ExitOk;
        note.severity = int(intOption(ctx, p, QStringLiteral("severity"), &code).value_or(2));
        if (code != ExitOk)
            return code;
        note.category = p.value(QStringLiteral("category"));
        note.page = p.value(QStringLiteral("page"));
        note.anchor = p.value(QStringLiteral("anchor"));
        return report(ctx, engine.note(note), QStringLiteral("noted"));
    });
}

int lookupCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("anchor"), QStringLiteral("Section anchor."), QStringLiteral("ANCHOR")},
                  {QStringLiteral("dwell"), QStringLiteral("Seconds spent on the page."), QStringLiteral("SECONDS"), QStringLiteral("0")},
                  {QStringLiteral("how"), QStringLiteral("How the page was reached."), QStringLiteral("HOW"), QStringLiteral("cli")}});
    return withSession(ctx, p, args, sessionHelp(), [&](SessionEngine &engine) {
        if (p.positionalArguments().size() != 1)
            return ctx.usage(QStringLiteral("session lookup needs one PAGE"), sessionHelp());
        bool ok = false;
        const double dwell = p.value(QStringLiteral("dwell")).toDouble(&ok);
        if (!ok || !std::isfinite(dwell) || dwell < 0 || dwell > 7 * 24 * 3600.0)
            return ctx.usage(QStringLiteral("--dwell needs a number of seconds from 0 to one week, not \"%1\"").arg(p.value(QStringLiteral("dwell"))), sessionHelp());
        return report(ctx, engine.lookup(p.positionalArguments().first(), p.value(QStringLiteral("anchor")), p.value(QStringLiteral("how")), qint64(dwell * 1000)),
                      QStringLiteral("lookup recorded"));
    });
}

int searchCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("results"), QStringLiteral("How many results the search gave."), QStringLiteral("N")},
                  {QStringLiteral("clicked"), QStringLiteral("The result page opened, if any."), QStringLiteral("PAGE")}});
    return withSession(ctx, p, args, sessionHelp(), [&](SessionEngine &engine) {
        int code = ExitOk;
        const std::optional<qint64> results = intOption(ctx, p, QStringLiteral("results"), &code);
        if (code != ExitOk)
            return code;
        if (!results)
            return ctx.usage(QStringLiteral("session search needs --results N (0 when nothing was found)"), sessionHelp());
        return report(ctx, engine.search(p.positionalArguments().join(QLatin1Char(' ')), int(*results), p.value(QStringLiteral("clicked"))),
                      *results == 0 ? QStringLiteral("search with no results recorded") : QStringLiteral("search recorded"));
    });
}

int commandCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("exit"), QStringLiteral("Exit status."), QStringLiteral("N")},
                  {QStringLiteral("duration-ms"), QStringLiteral("How long it ran."), QStringLiteral("MS")},
                  {QStringLiteral("cwd"), QStringLiteral("Working directory."), QStringLiteral("DIR")}});
    return withSession(ctx, p, args, sessionHelp(), [&](SessionEngine &engine) {
        int code = ExitOk;
        const std::optional<qint64> exit = intOption(ctx, p, QStringLiteral("exit"), &code);
        const std::optional<qint64> duration = intOption(ctx, p, QStringLiteral("duration-ms"), &code);
        if (code != ExitOk)
            return code;
        std::optional<int> exitStatus;
        if (exit)
            exitStatus = int(*exit);
        const QString cwd = p.isSet(QStringLiteral("cwd")) ? p.value(QStringLiteral("cwd")) : QDir::currentPath();
        return report(ctx, engine.command(p.positionalArguments().join(QLatin1Char(' ')), exitStatus, duration, cwd), QStringLiteral("command recorded"));
    });
}

int simpleCommand(CliContext &ctx, const QString &sub, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("force"), QStringLiteral("end: record a task still in progress as given up.")});
    return withSession(ctx, p, args, sessionHelp(), [&](SessionEngine &engine) {
        const QStringList words = p.positionalArguments();
        if (sub == QLatin1String("pause"))
            return report(ctx, engine.pause(), QStringLiteral("paused"));
        if (sub == QLatin1String("resume"))
            return report(ctx, engine.resume(), QStringLiteral("resumed"));
        if (sub == QLatin1String("end"))
            return report(ctx, engine.end(p.isSet(QStringLiteral("force"))), QStringLiteral("session ended"));
        if (sub == QLatin1String("marker") || sub == QLatin1String("mark"))
            return report(ctx, engine.marker(words.join(QLatin1Char(' '))), QStringLiteral("marker recorded"));
        if (sub == QLatin1String("seq")) {
            bool ok = false;
            const int value = words.value(0).toInt(&ok);
            if (words.size() != 1 || !ok)
                return ctx.usage(QStringLiteral("seq needs one answer from 1 (very difficult) to 7 (very easy)"), sessionHelp());
            return report(ctx, engine.answerSeq(value), QStringLiteral("SEQ recorded"));
        }
        if (sub == QLatin1String("sus")) {
            QList<int> answers;
            for (const QString &w : words) {
                bool ok = false;
                answers << w.toInt(&ok);
                if (!ok)
                    return ctx.usage(QStringLiteral("SUS answers are numbers 1 to 5, not \"%1\"").arg(w), sessionHelp());
            }
            return report(ctx, engine.answerSus(answers), QStringLiteral("SUS recorded"));
        }
        return ctx.usage(QStringLiteral("unknown session subcommand \"%1\"").arg(sub), sessionHelp());
    });
}

int endTaskShort(CliContext &ctx, store::Outcome outcome, const QStringList &args)
{
    return taskCommand(ctx, QStringList{QStringLiteral("end"), store::toString(outcome)} + args);
}

} // namespace

int runSessionCommand(CliContext &ctx, const QStringList &args)
{
    if (args.isEmpty())
        return ctx.usage(QStringLiteral("session needs a subcommand"), sessionHelp());
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        ctx.out() << sessionHelp() << Qt::flush;
        return ExitOk;
    }
    if (sub == QLatin1String("start"))
        return start(ctx, rest);
    if (sub == QLatin1String("task"))
        return taskCommand(ctx, rest);
    if (sub == QLatin1String("note"))
        return noteCommand(ctx, rest);
    if (sub == QLatin1String("lookup"))
        return lookupCommand(ctx, rest);
    if (sub == QLatin1String("search"))
        return searchCommand(ctx, rest);
    if (sub == QLatin1String("command"))
        return commandCommand(ctx, rest);
    if (sub == QLatin1String("list"))
        return listSessions(ctx, rest);
    if (sub == QLatin1String("show"))
        return showSession(ctx, rest);
    if (sub == QLatin1String("status"))
        return showStatus(ctx, rest);
    if (sub == QLatin1String("use"))
        return useSession(ctx, rest);
    if (sub == QLatin1String("recover"))
        return recoverSessions(ctx, rest);
    return simpleCommand(ctx, sub, rest);
}

int runShortForm(CliContext &ctx, const QString &command, const QStringList &args)
{
    if (command == QLatin1String("note"))
        return noteCommand(ctx, args);
    if (command == QLatin1String("task"))
        return taskCommand(ctx, args);
    if (command == QLatin1String("done"))
        return endTaskShort(ctx, store::Outcome::Success, args);
    if (command == QLatin1String("fail"))
        return endTaskShort(ctx, store::Outcome::Failure, args);
    if (command == QLatin1String("giveup"))
        return endTaskShort(ctx, store::Outcome::GaveUp, args);
    if (command == QLatin1String("skip"))
        return endTaskShort(ctx, store::Outcome::Skipped, args);
    if (command == QLatin1String("status"))
        return showStatus(ctx, args);
    if (command == QLatin1String("ran")) {
        // `devzero ran --exit 1 -- kubectl get pods`
        return commandCommand(ctx, args);
    }
    return simpleCommand(ctx, command, args);
}

} // namespace devzero::cli
