// `devzero session list|show|status|use|recover`: reading sessions back.

#include "app/cli/help.h"
#include "app/cli/options.h"
#include "app/cli/sessionview.h"
#include "sessions/capture/clock.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/capture/sessionrecord.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/sessionstore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace devzero::cli {

using namespace devzero::store;

namespace {

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items << jsonText(item);
        return items.join(QLatin1Char(','));
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::number(v.toDouble(), 'g', 15);
}

QString plural(int n, const QString &one, const QString &many)
{
    return QString::number(n) + QLatin1Char(' ') + (n == 1 ? one : many);
}

QJsonObject summaryJson(const SessionRow &s)
{
    QJsonObject o{{QStringLiteral("id"), s.id}, {QStringLiteral("uuid"), s.uuid}, {QStringLiteral("plan"), s.planTitle},
                  {QStringLiteral("participant"), s.pseudonym}, {QStringLiteral("state"), toString(s.state)},
                  {QStringLiteral("started_at_ms"), s.startedAtMs}, {QStringLiteral("tasks"), s.attemptCount},
                  {QStringLiteral("notes"), s.noteCount}, {QStringLiteral("events"), s.eventCount}};
    o.insert(QStringLiteral("ended_at_ms"), s.endedAtMs ? QJsonValue(*s.endedAtMs) : QJsonValue(QJsonValue::Null));
    return o;
}

void printSessionLine(CliContext &ctx, const SessionRow &s)
{
    ctx.out() << s.id << "  " << s.uuid.left(8) << "  " << formatTime(s.startedAtMs) << "  " << toString(s.state).leftJustified(9)
              << " " << s.pseudonym << "  \"" << s.planTitle << "\"  " << plural(s.attemptCount, QStringLiteral("task"), QStringLiteral("tasks")) << ", "
              << plural(s.noteCount, QStringLiteral("note"), QStringLiteral("notes")) << "\n";
}

void printRecordText(CliContext &ctx, const QJsonObject &r)
{
    QTextStream &out = ctx.out();
    out << "Session " << r[QStringLiteral("id")].toInteger() << " (" << r[QStringLiteral("uuid")].toString() << ")\n"
        << "  plan:        " << r[QStringLiteral("plan")][QStringLiteral("title")].toString() << "\n"
        << "  participant: " << r[QStringLiteral("participant")][QStringLiteral("pseudonym")].toString() << " ("
        << r[QStringLiteral("participant")][QStringLiteral("experience")].toString() << ")\n"
        << "  state:       " << r[QStringLiteral("state")].toString() << ", started " << formatTime(r[QStringLiteral("started_at_ms")].toInteger()) << "\n";
    out << "\nTasks\n";
    for (const QJsonValue &t : r[QStringLiteral("tasks")].toArray()) {
        const QJsonObject o = t.toObject();
        out << "  " << o[QStringLiteral("number")].toString() << " " << o[QStringLiteral("title")].toString() << ": "
            << (o[QStringLiteral("outcome")].isNull() ? QStringLiteral("in progress") : o[QStringLiteral("outcome")].toString());
        if (!o[QStringLiteral("active_ms")].isNull())
            out << ", " << formatDuration(o[QStringLiteral("active_ms")].toInteger()) << " active";
        if (!o[QStringLiteral("seq")].isNull())
            out << ", SEQ " << o[QStringLiteral("seq")].toInt();
        out << "\n";
    }
    out << "\nTimeline\n";
    const qint64 start = r[QStringLiteral("started_at_ms")].toInteger();
    for (const QJsonValue &e : r[QStringLiteral("events")].toArray()) {
        const QJsonObject o = e.toObject();
        const QJsonObject payload = o[QStringLiteral("payload")].toObject();
        QStringList details;
        for (auto it = payload.begin(); it != payload.end(); ++it)
            details << it.key() + QLatin1Char('=') + jsonText(*it);
        out << "  +" << formatDuration(o[QStringLiteral("wall_ms")].toInteger() - start).rightJustified(10) << "  "
            << o[QStringLiteral("kind")].toString().leftJustified(14) << details.join(QLatin1Char(' ')) << "\n";
    }
    const QJsonArray notes = r[QStringLiteral("notes")].toArray();
    if (!notes.isEmpty()) {
        out << "\nNotes\n";
        for (const QJsonValue &n : notes) {
            const QJsonObject o = n.toObject();
            out << "  [" << o[QStringLiteral("severity")].toInt() << " " << o[QStringLiteral("category")].toString() << "] "
                << o[QStringLiteral("text")].toString();
            if (!o[QStringLiteral("page")].isNull())
                out << "  (" << o[QStringLiteral("page")].toString() << ")";
            out << "\n";
        }
    }
    const QJsonArray commands = r[QStringLiteral("commands")].toArray();
    if (!commands.isEmpty()) {
        out << "\nCommands\n";
        for (const QJsonValue &c : commands) {
            const QJsonObject o = c.toObject();
            out << "  $ " << o[QStringLiteral("command")].toString();
            if (!o[QStringLiteral("exit_status")].isNull())
                out << "   -> exit " << o[QStringLiteral("exit_status")].toInt();
            out << "\n";
        }
    }
    out.flush();
}

Result<SessionRow> resolveSession(CliContext &ctx, LabDatabase &lab, const QStringList &args)
{
    if (!args.isEmpty())
        return SessionStore(lab).findSession(args.first());
    capture::SessionEngine engine(lab);
    return engine.openCurrent();
    Q_UNUSED(ctx);
}

} // namespace

int listSessions(CliContext &ctx, const QStringList &args)
{
    Q_UNUSED(args);
    Result<LabDatabase *> lab = ctx.lab();
    if (!lab)
        return ctx.fail(ExitLab, lab.error());
    Result<QList<SessionRow>> sessions = SessionStore(**lab).sessions();
    if (!sessions)
        return ctx.fail(ExitFailure, sessions.error());
    if (ctx.json) {
        QJsonArray array;
        for (const SessionRow &s : *sessions)
            array.append(summaryJson(s));
        ctx.printJson(array);
        return ExitOk;
    }
    if (sessions->isEmpty())
        ctx.out() << "no sessions in " << ctx.labPath << " yet\n";
    for (const SessionRow &s : *sessions)
        printSessionLine(ctx, s);
    ctx.out().flush();
    return ExitOk;
}

int showSession(CliContext &ctx, const QStringList &args)
{
    Result<LabDatabase *> lab = ctx.lab();
    if (!lab)
        return ctx.fail(ExitLab, lab.error());
    Result<SessionRow> session = resolveSession(ctx, **lab, args);
    if (!session)
        return ctx.fail(ExitNotFound, session.error());
    Result<QJsonObject> record = capture::sessionRecordJson(**lab, session->id);
    if (!record)
        return ctx.fail(ExitFailure, record.error());
    if (ctx.json)
        ctx.printJson(*record);
    else
        printRecordText(ctx, *record);
    return ExitOk;
}

int showStatus(CliContext &ctx, const QStringList &args)
{
    Result<LabDatabase *> lab = ctx.lab();
    if (!lab)
        return ctx.fail(ExitLab, lab.error());
    Result<SessionRow> session = resolveSession(ctx, **lab, args);
    if (!session)
        return ctx.fail(ExitNotFound, session.error());
    Result<std::optional<AttemptRow>> open = SessionStore(**lab).openAttempt(session->id);
    if (!open)
        return ctx.fail(ExitFailure, open.error());
    QJsonObject status = summaryJson(*session);
    if (*open)
        status.insert(QStringLiteral("task_in_progress"), QJsonObject{{QStringLiteral("number"), (*open)->taskNumber},
                                                                      {QStringLiteral("title"), (*open)->taskTitle},
                                                                      {QStringLiteral("started_at_ms"), (*open)->startedAtMs}});
    if (ctx.json) {
        ctx.printJson(status);
        return ExitOk;
    }
    ctx.out() << "session " << session->id << " (" << session->uuid.left(8) << "), " << toString(session->state) << ", "
              << session->pseudonym << " on \"" << session->planTitle << "\"\n";
    if (*open)
        ctx.out() << "task " << (*open)->taskNumber << " \"" << (*open)->taskTitle << "\" in progress since " << formatTime((*open)->startedAtMs) << "\n";
    else
        ctx.out() << "no task in progress\n";
    ctx.out().flush();
    return ExitOk;
}

int useSession(CliContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return ctx.usage(QStringLiteral("session use needs one session ID"), sessionHelp());
    Result<LabDatabase *> lab = ctx.lab();
    if (!lab)
        return ctx.fail(ExitLab, lab.error());
    Result<SessionRow> session = SessionStore(**lab).findSession(args.first());
    if (!session)
        return ctx.fail(ExitNotFound, session.error());
    capture::SessionEngine engine(**lab);
    if (Result<void> r = engine.makeCurrent(session->id); !r)
        return ctx.fail(ExitFailure, r.error());
    ctx.out() << "current session is now " << session->id << " (" << session->uuid.left(8) << ")" << Qt::endl;
    return ExitOk;
}

int recoverSessions(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("resume"), QStringLiteral("Take over an interrupted session."), QStringLiteral("ID")},
                  {QStringLiteral("abandon"), QStringLiteral("Close an interrupted session."), QStringLiteral("ID")}});
    if (std::optional<int> done = parseOptions(ctx, p, args, sessionHelp()))
        return *done;
    Result<LabDatabase *> lab = ctx.lab();
    if (!lab)
        return ctx.fail(ExitLab, lab.error());
    capture::SessionEngine engine(**lab);
    for (const QString &action : {QStringLiteral("resume"), QStringLiteral("abandon")}) {
        if (!p.isSet(action))
            continue;
        Result<SessionRow> session = SessionStore(**lab).findSession(p.value(action));
        if (!session)
            return ctx.fail(ExitNotFound, session.error());
        const Result<capture::Recorded> r = action == QLatin1String("resume") ? engine.resumeInterrupted(session->id) : engine.abandon(session->id);
        if (!r)
            return ctx.fail(ExitFailure, r.error());
        if (action == QLatin1String("resume"))
            (void)engine.makeCurrent(session->id);
        ctx.out() << "session " << session->id << (action == QLatin1String("resume") ? " resumed; the gap is recorded" : " abandoned") << Qt::endl;
        return ExitOk;
    }
    Result<QList<SessionRow>> interrupted = capture::SessionEngine::interruptedSessions(**lab, capture::systemClock());
    if (!interrupted)
        return ctx.fail(ExitFailure, interrupted.error());
    if (ctx.json) {
        QJsonArray array;
        for (const SessionRow &s : *interrupted)
            array.append(summaryJson(s));
        ctx.printJson(array);
        return ExitOk;
    }
    if (interrupted->isEmpty())
        ctx.out() << "no interrupted sessions\n";
    for (const SessionRow &s : *interrupted)
        printSessionLine(ctx, s);
    ctx.out().flush();
    return ExitOk;
}

} // namespace devzero::cli
