#pragma once

// The review's session list: tester, experience, docs revision, state,
// started, tasks succeeded, SUS, notes.

#include "sessions/analysis/labmetrics.h"

#include <QAbstractTableModel>
#include <QHash>

namespace devzero::ui {

class ReviewSessionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StartedColumn, TesterColumn, ExperienceColumn, RevisionColumn, StateColumn, TasksColumn, SusColumn,
                  NotesColumn, ColumnCount };
    enum Role { SessionIdRole = Qt::UserRole + 1 };
    explicit ReviewSessionModel(QObject *parent = nullptr);
    void setSessions(QList<analysis::SessionMetrics> sessions, QHash<qint64, int> notesPerSession);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<analysis::SessionMetrics> m_sessions;
    QHash<qint64, int> m_notes;
};

} // namespace devzero::ui
