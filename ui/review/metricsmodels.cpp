#include "ui/review/metricsmodels.h"

#include "ui/review/reviewformat.h"

#include <QBrush>
#include <QColor>

namespace devzero::ui {

namespace {

QVariant rateColour(const std::optional<double> &rate)
{
    if (!rate)
        return {};
    if (*rate < 0.5)
        return QBrush(QColor(0xb0, 0x1c, 0x1c));
    if (*rate < 0.78) // Sauro's average task completion
        return QBrush(QColor(0xb3, 0x5c, 0x00));
    return {};
}

} // namespace

JourneyModel::JourneyModel(QObject *parent) : QAbstractTableModel(parent) {}

void JourneyModel::setJourneys(QList<analysis::JourneyMetrics> journeys)
{
    beginResetModel();
    m_journeys = std::move(journeys);
    endResetModel();
}

const analysis::JourneyMetrics *JourneyModel::journey(int row) const
{
    return row >= 0 && row < m_journeys.size() ? &m_journeys[row] : nullptr;
}

int JourneyModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_journeys.size()); }
int JourneyModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant JourneyModel::data(const QModelIndex &index, int role) const
{
    const analysis::JourneyMetrics *j = index.isValid() ? journey(index.row()) : nullptr;
    if (!j)
        return {};
    if (role == JourneyIdRole)
        return j->journeyId;
    if (role == RateRole)
        return j->completion.rate ? QVariant(*j->completion.rate) : QVariant();
    if (role == Qt::ForegroundRole && index.column() == CompletionColumn)
        return rateColour(j->completion.rate);
    if (role == Qt::ToolTipRole && index.column() == OutcomeColumn)
        return j->title;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case OutcomeColumn: return j->outcome.isEmpty() ? j->title : j->outcome;
    case CompletionColumn: return completionText(j->completion);
    case TimeColumn: return geometricText(j->timeToFirstSuccess);
    case WithoutSuccessColumn: return j->sessionsWithoutSuccess;
    case TasksColumn: return j->taskNumbers.join(QStringLiteral(", "));
    }
    return {};
}

QVariant JourneyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OutcomeColumn: return tr("Journey outcome");
    case CompletionColumn: return tr("Achieved (95% CI)");
    case TimeColumn: return tr("Time to first success");
    case WithoutSuccessColumn: return tr("Sessions without success");
    case TasksColumn: return tr("Tasks");
    }
    return {};
}

TaskModel::TaskModel(QObject *parent) : QAbstractTableModel(parent) {}

void TaskModel::setTasks(QList<analysis::TaskMetrics> tasks)
{
    beginResetModel();
    m_tasks = std::move(tasks);
    endResetModel();
}

int TaskModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_tasks.size()); }
int TaskModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TaskModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tasks.size())
        return {};
    const analysis::TaskMetrics &t = m_tasks[index.row()];
    if (role == TaskIdRole)
        return t.taskId;
    if (role == RateRole)
        return t.completion.rate ? QVariant(*t.completion.rate) : QVariant();
    if (role == Qt::ForegroundRole && index.column() == CompletionColumn)
        return rateColour(t.completion.rate);
    if (role == Qt::ToolTipRole && index.column() == TitleColumn)
        return t.journeyTitle;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NumberColumn: return t.number;
    case TitleColumn: return t.title;
    case CompletionColumn: return completionText(t.completion);
    case TimeColumn: return geometricText(t.time.successful);
    case SeqColumn:
        return t.seq.answers.mean ? QStringLiteral("%1 (n=%2)").arg(*t.seq.answers.mean, 0, 'f', 1).arg(t.seq.answers.count)
                                  : QStringLiteral("-");
    case AttemptsColumn:
        if (t.attempts == 0)
            return tr("not tried");
        return t.sessions == 1 ? tr("%1 by 1 tester").arg(t.attempts) : tr("%1 by %2 testers").arg(t.attempts).arg(t.sessions);
    }
    return {};
}

QVariant TaskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn: return tr("#");
    case TitleColumn: return tr("Task");
    case CompletionColumn: return tr("Completion (95% CI)");
    case TimeColumn: return tr("Time on task, successes");
    case SeqColumn: return tr("SEQ");
    case AttemptsColumn: return tr("Attempts");
    }
    return {};
}

} // namespace devzero::ui
