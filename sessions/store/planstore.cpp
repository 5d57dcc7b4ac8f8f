#include "sessions/store/planstore.h"

#include "sessions/store/labdatabase.h"
#include "sessions/store/query.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace devzero::store {

namespace {

const QString kPlanColumns = QStringLiteral(
    "p.id, p.title, p.summary, p.tools, p.source_path, p.content_sha256, p.imported_at_ms,"
    " (SELECT COUNT(*) FROM journeys j WHERE j.plan_id = p.id),"
    " (SELECT COUNT(*) FROM tasks t JOIN journeys j ON j.id = t.journey_id WHERE j.plan_id = p.id)");

PlanRow readPlan(const Query &q)
{
    PlanRow row;
    row.id = q.int64(0);
    row.title = q.text(1);
    row.summary = q.text(2);
    for (const QJsonValue &v : QJsonDocument::fromJson(q.text(3).toUtf8()).array())
        row.tools << v.toString();
    row.sourcePath = q.text(4);
    row.contentSha256 = q.text(5);
    row.importedAtMs = q.int64(6);
    row.journeyCount = int(q.int64(7));
    row.taskCount = int(q.int64(8));
    return row;
}

const QString kTaskColumns = QStringLiteral(
    "t.id, j.plan_id, j.id, j.position, t.position, t.key, t.title, t.goal, t.done_when, t.budget_s,"
    " t.check_command, j.key, j.title, j.outcome");

TaskRow readTask(const Query &q)
{
    TaskRow row;
    row.id = q.int64(0);
    row.planId = q.int64(1);
    row.journeyId = q.int64(2);
    row.journeyPosition = int(q.int64(3));
    row.position = int(q.int64(4));
    row.key = q.text(5);
    row.title = q.text(6);
    row.goal = q.text(7);
    row.doneWhen = q.text(8);
    row.budgetSeconds = q.optInt64(9);
    row.check = q.text(10);
    row.journeyKey = q.text(11);
    row.journeyTitle = q.text(12);
    row.journeyOutcome = q.text(13);
    return row;
}

} // namespace

Result<PlanStore::Imported> PlanStore::importPlan(const plan::Plan &plan, const QByteArray &sourceText,
                                                  const QString &sourcePath, qint64 nowMs)
{
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(sourceText, QCryptographicHash::Sha256).toHex());
    Imported imported;
    Result<void> written = m_lab.write(
        [&]() -> Result<void> {
            Query existing(m_lab.db(), QStringLiteral("SELECT id FROM plans WHERE content_sha256 = ?"));
            if (auto r = existing.exec(QStringLiteral("looking up the plan"), sha); !r)
                return r;
            if (existing.next()) {
                imported = {existing.int64(0), true};
                return {};
            }
            const QByteArray tools = QJsonDocument(QJsonArray::fromStringList(plan.tools)).toJson(QJsonDocument::Compact);
            Query insertPlan(m_lab.db(),
                             QStringLiteral("INSERT INTO plans (title, summary, tools, source_path, source_text,"
                                            " content_sha256, imported_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            if (auto r = insertPlan.exec(QStringLiteral("storing the plan"), plan.title, plan.summary,
                                         QString::fromUtf8(tools), sourcePath, QString::fromUtf8(sourceText), sha, nowMs);
                !r)
                return r;
            imported = {insertPlan.lastInsertId(), false};

            Query insertJourney(m_lab.db(), QStringLiteral("INSERT INTO journeys (plan_id, position, key, title, outcome)"
                                                           " VALUES (?, ?, ?, ?, ?)"));
            Query insertTask(m_lab.db(),
                             QStringLiteral("INSERT INTO tasks (journey_id, position, key, title, goal, done_when,"
                                            " budget_s, check_command) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
            for (int j = 0; j < plan.journeys.size(); ++j) {
                const plan::Journey &journey = plan.journeys.at(j);
                if (auto r = insertJourney.exec(QStringLiteral("storing journey %1").arg(journey.title), imported.planId,
                                                j + 1, journey.key, journey.title, journey.outcome);
                    !r)
                    return r;
                const qint64 journeyId = insertJourney.lastInsertId();
                for (int t = 0; t < journey.tasks.size(); ++t) {
                    const plan::Task &task = journey.tasks.at(t);
                    std::optional<qint64> budget;
                    if (task.budgetSeconds)
                        budget = *task.budgetSeconds;
                    if (auto r = insertTask.exec(QStringLiteral("storing task %1").arg(task.title), journeyId, t + 1,
                                                 task.key, task.title, task.goal, task.doneWhen, budget, task.check);
                        !r)
                        return r;
                }
            }
            return {};
        },
        QStringLiteral("importing plan %1").arg(plan.title));
    if (!written)
        return written.error();
    return imported;
}

Result<QList<PlanRow>> PlanStore::plans()
{
    Query q(m_lab.db(), QStringLiteral("SELECT ") + kPlanColumns + QStringLiteral(" FROM plans p ORDER BY p.id"));
    if (auto r = q.exec(QStringLiteral("listing plans")); !r)
        return r.error();
    QList<PlanRow> rows;
    while (q.next())
        rows << readPlan(q);
    return rows;
}

Result<PlanRow> PlanStore::plan(qint64 planId)
{
    Query q(m_lab.db(), QStringLiteral("SELECT ") + kPlanColumns + QStringLiteral(" FROM plans p WHERE p.id = ?"));
    if (auto r = q.exec(QStringLiteral("reading plan %1").arg(planId), planId); !r)
        return r.error();
    if (!q.next())
        return makeError(QStringLiteral("no plan %1 in this lab").arg(planId));
    return readPlan(q);
}

Result<QList<TaskRow>> PlanStore::tasks(qint64 planId)
{
    Query q(m_lab.db(), QStringLiteral("SELECT ") + kTaskColumns
                            + QStringLiteral(" FROM tasks t JOIN journeys j ON j.id = t.journey_id"
                                             " WHERE j.plan_id = ? ORDER BY j.position, t.position"));
    if (auto r = q.exec(QStringLiteral("listing tasks of plan %1").arg(planId), planId); !r)
        return r.error();
    QList<TaskRow> rows;
    while (q.next())
        rows << readTask(q);
    return rows;
}

Result<TaskRow> PlanStore::task(qint64 taskId)
{
    Query q(m_lab.db(), QStringLiteral("SELECT ") + kTaskColumns
                            + QStringLiteral(" FROM tasks t JOIN journeys j ON j.id = t.journey_id WHERE t.id = ?"));
    if (auto r = q.exec(QStringLiteral("reading task %1").arg(taskId), taskId); !r)
        return r.error();
    if (!q.next())
        return makeError(QStringLiteral("no task %1 in this lab").arg(taskId));
    return readTask(q);
}

Result<TaskRow> PlanStore::findTask(qint64 planId, const QString &keyOrNumber)
{
    Result<QList<TaskRow>> all = tasks(planId);
    if (!all)
        return all.error();
    const QString wanted = keyOrNumber.trimmed();
    for (const TaskRow &task : *all) {
        if (task.key == wanted || task.number() == wanted)
            return task;
    }
    for (const TaskRow &task : *all) {
        if (task.title.compare(wanted, Qt::CaseInsensitive) == 0)
            return task;
    }
    QStringList known;
    for (const TaskRow &task : *all)
        known << task.number() + QLatin1Char(' ') + task.key;
    return makeError(QStringLiteral("no task \"%1\" in this plan; tasks are: %2").arg(wanted, known.join(QStringLiteral(", "))));
}

} // namespace devzero::store
