#pragma once

// The lab's sessions as a table: one row a session.

#include "sessions/store/records.h"

#include <QAbstractTableModel>

namespace devzero::ui {

class SessionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Started, Participant, Experience, Plan, State, Tasks, Notes, Events, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setSessions(QList<store::SessionRow> sessions);
    const store::SessionRow &session(int row) const { return m_sessions.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<store::SessionRow> m_sessions;
};

} // namespace devzero::ui
