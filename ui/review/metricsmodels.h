#pragma once

// The lab overview's tables: journeys with their outcome and completion,
// and tasks with completion, time on task and SEQ. Read only.

#include "sessions/analysis/labmetrics.h"

#include <QAbstractTableModel>

namespace devzero::ui {

class JourneyModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { OutcomeColumn, CompletionColumn, TimeColumn, WithoutSuccessColumn, TasksColumn, ColumnCount };
    enum Role { JourneyIdRole = Qt::UserRole + 1, RateRole };
    explicit JourneyModel(QObject *parent = nullptr);
    void setJourneys(QList<analysis::JourneyMetrics> journeys);
    const analysis::JourneyMetrics *journey(int row) const;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<analysis::JourneyMetrics> m_journeys;
};

class TaskModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NumberColumn, TitleColumn, CompletionColumn, TimeColumn, SeqColumn, AttemptsColumn, ColumnCount };
    enum Role { TaskIdRole = Qt::UserRole + 1, RateRole };
    explicit TaskModel(QObject *parent = nullptr);
    void setTasks(QList<analysis::TaskMetrics> tasks);
    const QList<analysis::TaskMetrics> &tasks() const { return m_tasks; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<analysis::TaskMetrics> m_tasks;
};

} // namespace devzero::ui
