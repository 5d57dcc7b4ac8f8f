#include "ui/bench/benchsession.h"

#include "sessions/capture/clock.h"
#include "sessions/common/logging.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"

namespace devzero::ui {

using namespace devzero::store;

BenchSession::BenchSession(std::unique_ptr<LabDatabase> lab, const capture::Clock &clock)
    : m_lab(std::move(lab)), m_clock(clock), m_engine(std::make_unique<capture::SessionEngine>(*m_lab, clock))
{
}

BenchSession::~BenchSession() = default;

std::unique_ptr<BenchSession> BenchSession::open(const QString &labPath, qint64 sessionId, bool resumeInterrupted,
                                                 const capture::Clock &clock, QString *error)
{
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(labPath);
    if (!lab) {
        *error = lab.error().toString();
        return nullptr;
    }
    std::unique_ptr<BenchSession> bench(new BenchSession(std::move(*lab), clock));
    if (resumeInterrupted) {
        Result<capture::Recorded> r = bench->m_engine->resumeInterrupted(sessionId);
        if (!r) {
            *error = r.error().toString();
            return nullptr;
        }
        if (Result<std::optional<EventRow>> gap = SessionStore(*bench->m_lab).lastEvent(sessionId); gap && *gap)
            bench->m_gapMs = (*gap)->payload.value(QStringLiteral("gap_ms")).toInteger();
    } else if (Result<SessionRow> s = bench->m_engine->open(sessionId); !s) {
        *error = s.error().toString();
        return nullptr;
    }
    Result<SessionRow> row = bench->m_engine->session();
    if (!row) {
        *error = row.error().toString();
        return nullptr;
    }
    Result<QList<TaskRow>> tasks = PlanStore(*bench->m_lab).tasks(row->planId);
    if (!tasks) {
        *error = tasks.error().toString();
        return nullptr;
    }
    bench->m_tasks = *tasks;
    if (!bench->reload()) {
        *error = QObject::tr("could not read session %1").arg(sessionId);
        return nullptr;
    }
    return bench;
}

QString BenchSession::labPath() const
{
    return m_lab->path();
}

bool BenchSession::reload()
{
    SessionStore store(*m_lab);
    Result<SessionRow> row = store.session(m_engine->sessionId());
    Result<QList<AttemptRow>> attempts = store.attempts(m_engine->sessionId());
    if (!row || !attempts) {
        emit problem(!row ? row.error().toString() : attempts.error().toString());
        return false;
    }
    m_session = *row;
    m_open.reset();
    int next = 0;
    for (const AttemptRow &a : *attempts) {
        int index = -1;
        for (int i = 0; i < m_tasks.size(); ++i) {
            if (m_tasks.at(i).id == a.taskId)
                index = i;
        }
        if (!a.endedAtMs) {
            m_open = a;
            next = index;
            break;
        }
        next = std::max(next, index + 1);
    }
    m_current = next;
    return true;
}

bool BenchSession::check(const Result<capture::Recorded> &result, const QString &what)
{
    if (!result) {
        qCWarning(lcUi) << what << "failed:" << result.error().toString();
        emit problem(result.error().toString());
        reload();
        emit changed();
        return false;
    }
    reload();
    emit recorded(what);
    emit changed();
    return true;
}

std::optional<TaskRow> BenchSession::currentTask() const
{
    if (m_current < 0 || m_current >= m_tasks.size())
        return std::nullopt;
    return m_tasks.at(m_current);
}

qint64 BenchSession::activeMs() const
{
    if (!m_open)
        return 0;
    // The session's own time base (see SessionEngine::sessionNs).
    const qint64 nowNs = m_session.bootId == m_clock.bootId() ? m_clock.monotonicNs() - m_session.monoOriginNs
                                                              : (m_clock.wallMs() - m_session.startedAtMs) * 1'000'000;
    qint64 ms = (nowNs - m_open->startedNs) / 1'000'000 - m_open->pausedMs;
    if (isPaused() && m_session.pausedAtNs)
        ms -= std::max<qint64>(0, (nowNs - *m_session.pausedAtNs) / 1'000'000);
    return std::max<qint64>(0, ms);
}

bool BenchSession::startTask()
{
    const std::optional<TaskRow> task = currentTask();
    if (!task) {
        emit problem(tr("every task of the plan has been attempted"));
        return false;
    }
    return check(m_engine->startTask(task->key), tr("Task %1 started").arg(task->number()));
}

bool BenchSession::endTask(Outcome outcome)
{
    if (!m_open) {
        emit problem(tr("no task is in progress"));
        return false;
    }
    emit aboutToChangeState();
    const AttemptRow attempt = *m_open;
    Result<capture::Recorded> ended = m_engine->endTask(outcome);
    if (!check(ended, tr("Task %1: %2").arg(attempt.taskNumber, outcomeLabel(outcome))))
        return false;
    emit taskEnded(ended->detailId, outcome, attempt.taskTitle);
    return true;
}

bool BenchSession::skipTask()
{
    if (!m_open && !startTask())
        return false;
    return endTask(Outcome::Skipped);
}

bool BenchSession::togglePause()
{
    emit aboutToChangeState();
    if (isPaused())
        return check(m_engine->resume(), tr("Resumed"));
    return check(m_engine->pause(), tr("Paused: the clock is stopped"));
}

bool BenchSession::marker(const QString &text)
{
    return check(m_engine->marker(text), tr("Marker recorded"));
}

bool BenchSession::note(const capture::NoteInput &note)
{
    return check(m_engine->note(note), tr("Note saved"));
}

qint64 BenchSession::openLookup(const QString &page, const QString &anchor, const QString &how, const QString &revision)
{
    Result<capture::Recorded> r = m_engine->openLookup(page, anchor, how, revision);
    if (!r) {
        emit problem(r.error().toString());
        return 0;
    }
    return r->detailId;
}

void BenchSession::closeLookup(qint64 lookupId)
{
    if (lookupId <= 0)
        return;
    if (Result<capture::Recorded> r = m_engine->closeLookup(lookupId); !r)
        qCWarning(lcUi) << "closing lookup" << lookupId << "failed:" << r.error().toString();
}

bool BenchSession::search(const QString &query, int results, const QString &clickedPage, const QString &clickedAnchor)
{
    Result<capture::Recorded> r = m_engine->search(query, results, clickedPage, clickedAnchor);
    if (!r) {
        emit problem(r.error().toString());
        return false;
    }
    return true;
}

bool BenchSession::answerSeq(qint64 attemptId, int value)
{
    return check(m_engine->answerSeq(value, attemptId), tr("Answer saved"));
}

bool BenchSession::answerSus(const QList<int> &answers)
{
    return check(m_engine->answerSus(answers), tr("Answers saved"));
}

bool BenchSession::end()
{
    if (!isOpen())
        return true;
    emit aboutToChangeState();
    return check(m_engine->end(true), tr("Session ended"));
}

SessionSummary BenchSession::summary()
{
    SessionSummary summary;
    summary.pseudonym = m_session.pseudonym;
    summary.planTitle = m_session.planTitle;
    SessionStore store(*m_lab);
    const qint64 id = m_session.id;
    Result<QList<AttemptRow>> attempts = store.attempts(id);
    for (const TaskRow &task : std::as_const(m_tasks)) {
        TaskSummary t{task.number(), task.title, std::nullopt, std::nullopt, std::nullopt};
        if (attempts) {
            for (const AttemptRow &a : *attempts) {
                if (a.taskId != task.id)
                    continue;
                t.outcome = a.outcome;
                t.activeMs = a.activeMs;
                t.seq = a.seq;
                summary.activeMs += a.activeMs.value_or(0);
            }
        }
        summary.tasks << t;
    }
    if (Result<QList<NoteRow>> notes = store.notes(id))
        summary.notes = int(notes->size());
    if (Result<QList<LookupRow>> lookups = store.lookups(id))
        summary.lookups = int(lookups->size());
    if (Result<QList<SearchRow>> searches = store.searches(id))
        summary.searches = int(searches->size());
    if (Result<QList<CommandRow>> commands = store.commands(id))
        summary.commands = int(commands->size());
    return summary;
}

} // namespace devzero::ui
