#include "sessions/capture/sessionrecord.h"

#include "sessions/store/labdatabase.h"
#include "sessions/store/sessionstore.h"

#include <QJsonArray>

namespace devzero::capture {

using namespace devzero::store;

namespace {

void insertOptional(QJsonObject &o, const QString &key, const std::optional<qint64> &v)
{
    o.insert(key, v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null));
}

void insertText(QJsonObject &o, const QString &key, const QString &v)
{
    o.insert(key, v.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v));
}

} // namespace

Result<QJsonObject> sessionRecordJson(LabDatabase &lab, qint64 sessionId)
{
    SessionStore store(lab);
    Result<SessionRow> s = store.session(sessionId);
    if (!s)
        return s.error();
    auto attempts = store.attempts(sessionId);
    auto events = store.events(sessionId);
    auto notes = store.notes(sessionId);
    auto lookups = store.lookups(sessionId);
    auto searches = store.searches(sessionId);
    auto commands = store.commands(sessionId);
    auto answers = store.answers(sessionId);
    for (const Error *e : {attempts ? nullptr : &attempts.error(), events ? nullptr : &events.error(),
                           notes ? nullptr : &notes.error(), lookups ? nullptr : &lookups.error(),
                           searches ? nullptr : &searches.error(), commands ? nullptr : &commands.error(),
                           answers ? nullptr : &answers.error()}) {
        if (e)
            return *e;
    }

    QJsonObject root{{QStringLiteral("schema"), QStringLiteral("devzero.session/1")},
                     {QStringLiteral("id"), s->id},
                     {QStringLiteral("uuid"), s->uuid},
                     {QStringLiteral("plan"), QJsonObject{{QStringLiteral("id"), s->planId}, {QStringLiteral("title"), s->planTitle}}},
                     {QStringLiteral("participant"), QJsonObject{{QStringLiteral("pseudonym"), s->pseudonym},
                                                                 {QStringLiteral("experience"), toString(s->experience)}}},
                     {QStringLiteral("state"), toString(s->state)},
                     {QStringLiteral("started_at_ms"), s->startedAtMs},
                     {QStringLiteral("paused_ms"), s->pausedMs},
                     {QStringLiteral("environment"), s->environment}};
    insertOptional(root, QStringLiteral("ended_at_ms"), s->endedAtMs);
    insertText(root, QStringLiteral("docs_revision"), s->docsRevision);

    QJsonArray attemptArray;
    for (const AttemptRow &a : *attempts) {
        QJsonObject o{{QStringLiteral("id"), a.id}, {QStringLiteral("task"), a.taskKey}, {QStringLiteral("number"), a.taskNumber},
                      {QStringLiteral("title"), a.taskTitle}, {QStringLiteral("started_at_ms"), a.startedAtMs},
                      {QStringLiteral("paused_ms"), a.pausedMs}};
        insertOptional(o, QStringLiteral("ended_at_ms"), a.endedAtMs);
        insertOptional(o, QStringLiteral("active_ms"), a.activeMs);
        o.insert(QStringLiteral("outcome"), a.outcome ? QJsonValue(toString(*a.outcome)) : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("seq"), a.seq ? QJsonValue(*a.seq) : QJsonValue(QJsonValue::Null));
        attemptArray.append(o);
    }
    root.insert(QStringLiteral("tasks"), attemptArray);

    QJsonArray noteArray;
    for (const NoteRow &n : *notes) {
        QJsonObject o{{QStringLiteral("id"), n.id}, {QStringLiteral("event_id"), n.eventId}, {QStringLiteral("at_ms"), n.wallMs},
                      {QStringLiteral("severity"), n.severity}, {QStringLiteral("category"), n.category},
                      {QStringLiteral("text"), n.text}, {QStringLiteral("screenshot_bytes"), int(n.screenshot.size())}};
        insertOptional(o, QStringLiteral("attempt_id"), n.attemptId);
        insertText(o, QStringLiteral("page"), n.page);
        insertText(o, QStringLiteral("anchor"), n.anchor);
        noteArray.append(o);
    }
    root.insert(QStringLiteral("notes"), noteArray);

    QJsonArray lookupArray;
    for (const LookupRow &l : *lookups) {
        QJsonObject o{{QStringLiteral("id"), l.id}, {QStringLiteral("page"), l.page}, {QStringLiteral("how"), l.how},
                      {QStringLiteral("opened_at_ms"), l.openedAtMs}};
        insertText(o, QStringLiteral("anchor"), l.anchor);
        insertText(o, QStringLiteral("docs_revision"), l.docsRevision);
        insertOptional(o, QStringLiteral("attempt_id"), l.attemptId);
        insertOptional(o, QStringLiteral("closed_at_ms"), l.closedAtMs);
        insertOptional(o, QStringLiteral("dwell_ms"), l.dwellMs);
        lookupArray.append(o);
    }
    root.insert(QStringLiteral("lookups"), lookupArray);

    QJsonArray searchArray;
    for (const SearchRow &r : *searches) {
        QJsonObject o{{QStringLiteral("id"), r.id}, {QStringLiteral("at_ms"), r.wallMs}, {QStringLiteral("query"), r.query},
                      {QStringLiteral("result_count"), r.resultCount}};
        insertText(o, QStringLiteral("clicked_page"), r.clickedPage);
        insertOptional(o, QStringLiteral("attempt_id"), r.attemptId);
        searchArray.append(o);
    }
    root.insert(QStringLiteral("searches"), searchArray);

    QJsonArray commandArray;
    for (const CommandRow &c : *commands) {
        QJsonObject o{{QStringLiteral("id"), c.id}, {QStringLiteral("at_ms"), c.wallMs}, {QStringLiteral("command"), c.command}};
        insertOptional(o, QStringLiteral("exit_status"), c.exitStatus);
        insertOptional(o, QStringLiteral("duration_ms"), c.durationMs);
        insertText(o, QStringLiteral("cwd"), c.cwd);
        insertOptional(o, QStringLiteral("attempt_id"), c.attemptId);
        commandArray.append(o);
    }
    root.insert(QStringLiteral("commands"), commandArray);

    QJsonArray sus;
    for (const AnswerRow &a : *answers) {
        if (a.instrument == QLatin1String("SUS"))
            sus.append(a.value);
    }
    root.insert(QStringLiteral("sus"), sus.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(sus));

    QJsonArray eventArray;
    for (const EventRow &e : *events) {
        QJsonObject o{{QStringLiteral("ordinal"), e.ordinal}, {QStringLiteral("kind"), e.kind},
                      {QStringLiteral("wall_ms"), e.wallMs}, {QStringLiteral("mono_ns"), e.monoNs},
                      {QStringLiteral("payload"), e.payload}};
        insertOptional(o, QStringLiteral("attempt_id"), e.attemptId);
        eventArray.append(o);
    }
    root.insert(QStringLiteral("events"), eventArray);
    return root;
}

} // namespace devzero::capture
