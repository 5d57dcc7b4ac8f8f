#include "sessions/capture/enginecontext.h"
#include "sessions/capture/notecategory.h"
#include "sessions/capture/redactor.h"
#include "sessions/capture/sessionengine.h"

#include <QJsonArray>

// What a tester records inside a session: notes, doc lookups, searches,
// shell commands, markers and questionnaire answers. Every free text goes
// through the redactor before it reaches the transaction.

namespace devzero::capture {

using namespace devzero::store;

namespace {

QString redacted(const QString &text)
{
    return Redactor::standard().redact(text);
}

} // namespace

Result<Recorded> SessionEngine::note(const NoteInput &input)
{
    const QString text = redacted(input.text.trimmed());
    if (text.isEmpty())
        return makeError(QStringLiteral("a note needs some text"));
    if (input.severity < 1 || input.severity > 4)
        return makeError(QStringLiteral("severity %1 is out of range: use 1 (cosmetic) to 4 (could not continue)").arg(input.severity));
    if (!isNoteCategory(input.category)) {
        QStringList ids;
        for (const NoteCategory &c : noteCategories())
            ids << c.id;
        return makeError(QStringLiteral("unknown note category \"%1\"; use one of: %2").arg(input.category, ids.join(QStringLiteral(", "))));
    }
    NoteRow row;
    row.severity = input.severity;
    row.category = input.category;
    row.text = text;
    row.page = redacted(input.page.trimmed());
    row.anchor = redacted(input.anchor.trimmed());
    row.screenshot = input.screenshotPng;
    QJsonObject payload{{QStringLiteral("severity"), input.severity}, {QStringLiteral("category"), input.category}};
    if (!row.page.isEmpty())
        payload.insert(QStringLiteral("page"), row.page);
    Steps steps;
    steps.after = [&](Context &ctx) -> Result<qint64> {
        row.eventId = ctx.eventId;
        row.sessionId = ctx.session.id;
        row.attemptId = ctx.attemptId;
        return ctx.sessions.insertNote(row);
    };
    return record(QStringLiteral("note"), payload, steps);
}

Result<Recorded> SessionEngine::openLookup(const QString &page, const QString &anchor, const QString &how,
                                           const QString &docsRevision)
{
    LookupRow row;
    row.page = redacted(page.trimmed());
    row.anchor = redacted(anchor.trimmed());
    row.how = how.isEmpty() ? QStringLiteral("panel") : how;
    if (row.page.isEmpty())
        return makeError(QStringLiteral("a lookup needs the page that was read"));
    Steps steps;
    steps.after = [&](Context &ctx) -> Result<qint64> {
        row.eventId = ctx.eventId;
        row.sessionId = ctx.session.id;
        row.attemptId = ctx.attemptId;
        row.docsRevision = docsRevision.isEmpty() ? ctx.session.docsRevision : docsRevision;
        row.openedAtMs = ctx.wallMs;
        return ctx.sessions.insertLookup(row);
    };
    return record(QStringLiteral("lookup_open"), QJsonObject{{QStringLiteral("page"), row.page}, {QStringLiteral("anchor"), row.anchor}}, steps);
}

Result<Recorded> SessionEngine::closeLookup(qint64 lookupId)
{
    Steps steps;
    steps.requireOpen = false; // a page may close as the session ends
    steps.before = [&](Context &ctx) -> Result<void> {
        Result<QList<LookupRow>> open = ctx.sessions.openLookups(ctx.session.id);
        if (!open)
            return open.error();
        for (const LookupRow &lookup : *open) {
            if (lookup.id != lookupId)
                continue;
            const qint64 dwell = std::max<qint64>(0, ctx.wallMs - lookup.openedAtMs);
            ctx.payload.insert(QStringLiteral("lookup_id"), lookupId);
            ctx.payload.insert(QStringLiteral("dwell_ms"), dwell);
            ctx.detailId = lookupId;
            return ctx.sessions.closeLookup(lookupId, ctx.wallMs, dwell);
        }
        return makeError(QStringLiteral("lookup %1 is not open in this session").arg(lookupId));
    };
    steps.after = [](Context &ctx) -> Result<qint64> { return ctx.detailId; };
    return record(QStringLiteral("lookup_close"), {}, steps);
}

Result<Recorded> SessionEngine::lookup(const QString &page, const QString &anchor, const QString &how, qint64 dwellMs,
                                       const QString &docsRevision)
{
    if (dwellMs < 0)
        return makeError(QStringLiteral("dwell time cannot be negative"));
    LookupRow row;
    row.page = redacted(page.trimmed());
    row.anchor = redacted(anchor.trimmed());
    row.how = how.isEmpty() ? QStringLiteral("cli") : how;
    if (row.page.isEmpty())
        return makeError(QStringLiteral("a lookup needs the page that was read"));
    Steps steps;
    steps.after = [&](Context &ctx) -> Result<qint64> {
        row.eventId = ctx.eventId;
        row.sessionId = ctx.session.id;
        row.attemptId = ctx.attemptId;
        row.docsRevision = docsRevision.isEmpty() ? ctx.session.docsRevision : docsRevision;
        // Recorded after the fact: it was opened dwell ms ago and closed now.
        row.openedAtMs = ctx.wallMs - dwellMs;
        row.closedAtMs = ctx.wallMs;
        row.dwellMs = dwellMs;
        return ctx.sessions.insertLookup(row);
    };
    return record(QStringLiteral("lookup"),
                  QJsonObject{{QStringLiteral("page"), row.page}, {QStringLiteral("anchor"), row.anchor},
                              {QStringLiteral("dwell_ms"), dwellMs}},
                  steps);
}

Result<Recorded> SessionEngine::search(const QString &query, int resultCount, const QString &clickedPage,
                                       const QString &clickedAnchor)
{
    SearchRow row;
    row.query = redacted(query.trimmed());
    row.resultCount = resultCount;
    row.clickedPage = redacted(clickedPage.trimmed());
    row.clickedAnchor = redacted(clickedAnchor.trimmed());
    if (row.query.isEmpty())
        return makeError(QStringLiteral("a search needs its query"));
    if (resultCount < 0)
        return makeError(QStringLiteral("a result count cannot be negative"));
    Steps steps;
    steps.after = [&](Context &ctx) -> Result<qint64> {
        row.eventId = ctx.eventId;
        row.sessionId = ctx.session.id;
        row.attemptId = ctx.attemptId;
        return ctx.sessions.insertSearch(row);
    };
    // A search that found nothing is a fact worth its own kind.
    const QString kind = resultCount == 0 ? QStringLiteral("search_empty") : QStringLiteral("search");
    return record(kind, QJsonObject{{QStringLiteral("query"), row.query}, {QStringLiteral("results"), resultCount}}, steps);
}

Result<Recorded> SessionEngine::command(const QString &text, std::optional<int> exitStatus,
                                        std::optional<qint64> durationMs, const QString &cwd)
{
    CommandRow row;
    row.command = redacted(text.trimmed());
    if (exitStatus)
        row.exitStatus = *exitStatus;
    row.durationMs = durationMs;
    row.cwd = redacted(cwd);
    if (row.command.isEmpty())
        return makeError(QStringLiteral("a command needs its text"));
    if (durationMs && *durationMs < 0)
        return makeError(QStringLiteral("a command's duration cannot be negative"));
    Steps steps;
    steps.after = [&](Context &ctx) -> Result<qint64> {
        row.eventId = ctx.eventId;
        row.sessionId = ctx.session.id;
        row.attemptId = ctx.attemptId;
        return ctx.sessions.insertCommand(row);
    };
    QJsonObject payload;
    if (exitStatus)
        payload.insert(QStringLiteral("exit"), *exitStatus);
    return record(QStringLiteral("command"), payload, steps);
}

Result<Recorded> SessionEngine::marker(const QString &text)
{
    return record(QStringLiteral("marker"), QJsonObject{{QStringLiteral("text"), redacted(text.trimmed())}}, Steps{});
}

Result<Recorded> SessionEngine::answerSeq(int value, std::optional<qint64> attemptId)
{
    if (value < 1 || value > 7)
        return makeError(QStringLiteral("SEQ answers run from 1 (very difficult) to 7 (very easy); got %1").arg(value));
    Steps steps;
    steps.requireOpen = false; // the last task's SEQ may come right after the session ends
    steps.before = [&](Context &ctx) -> Result<void> {
        Result<QList<AttemptRow>> attempts = ctx.sessions.attempts(ctx.session.id);
        if (!attempts)
            return attempts.error();
        const AttemptRow *target = nullptr;
        for (const AttemptRow &a : *attempts) {
            if (attemptId ? a.id == *attemptId : a.endedAtMs.has_value())
                target = &a;
        }
        if (!target)
            return makeError(attemptId ? QStringLiteral("no task attempt %1 in this session").arg(*attemptId)
                                       : QStringLiteral("no task has ended yet; SEQ is asked after a task"));
        if (!target->endedAtMs)
            return makeError(QStringLiteral("task %1 has not ended yet").arg(target->taskNumber));
        if (target->seq)
            return makeError(QStringLiteral("task %1 already has a SEQ answer (%2)").arg(target->taskNumber).arg(*target->seq));
        ctx.attemptId = target->id;
        ctx.payload.insert(QStringLiteral("task"), target->taskKey);
        ctx.payload.insert(QStringLiteral("value"), value);
        return ctx.sessions.setAttemptSeq(target->id, value);
    };
    steps.after = [&](Context &ctx) -> Result<qint64> {
        return ctx.sessions.insertAnswer(AnswerRow{0, ctx.eventId, ctx.session.id, ctx.attemptId, QStringLiteral("SEQ"), 1, value});
    };
    return record(QStringLiteral("seq"), {}, steps);
}

Result<Recorded> SessionEngine::answerSus(const QList<int> &answers)
{
    if (answers.size() != 10)
        return makeError(QStringLiteral("SUS has 10 items; got %1 answers").arg(answers.size()));
    for (int i = 0; i < answers.size(); ++i) {
        if (answers.at(i) < 1 || answers.at(i) > 5)
            return makeError(QStringLiteral("SUS item %1: answers run from 1 (strongly disagree) to 5 (strongly agree); got %2")
                                 .arg(i + 1)
                                 .arg(answers.at(i)));
    }
    Steps steps;
    steps.requireOpen = false; // SUS is asked at the very end
    steps.before = [](Context &ctx) -> Result<void> {
        Result<QList<AnswerRow>> existing = ctx.sessions.answers(ctx.session.id);
        if (!existing)
            return existing.error();
        for (const AnswerRow &a : *existing) {
            if (a.instrument == QLatin1String("SUS"))
                return makeError(QStringLiteral("this session already has its SUS answers"));
        }
        ctx.attemptId.reset();
        return {};
    };
    steps.after = [&](Context &ctx) -> Result<qint64> {
        qint64 last = 0;
        for (int i = 0; i < answers.size(); ++i) {
            Result<qint64> id = ctx.sessions.insertAnswer(
                AnswerRow{0, ctx.eventId, ctx.session.id, std::nullopt, QStringLiteral("SUS"), i + 1, answers.at(i)});
            if (!id)
                return id;
            last = *id;
        }
        return last;
    };
    QJsonArray values;
    for (int v : answers)
        values.append(v);
    return record(QStringLiteral("sus"), QJsonObject{{QStringLiteral("answers"), values}}, steps);
}

} // namespace devzero::capture
