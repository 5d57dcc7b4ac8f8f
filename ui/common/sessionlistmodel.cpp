#include "ui/common/sessionlistmodel.h"

#include <QDateTime>

namespace devzero::ui {

void SessionListModel::setSessions(QList<store::SessionRow> sessions)
{
    beginResetModel();
    m_sessions = std::move(sessions);
    endResetModel();
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int SessionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_sessions.size())
        return {};
    const store::SessionRow &s = m_sessions.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id: return s.uuid.left(8);
        case Started: return QDateTime::fromMSecsSinceEpoch(s.startedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case Participant: return s.pseudonym;
        case Experience: return store::toString(s.experience);
        case Plan: return s.planTitle;
        case State: return store::toString(s.state);
        case Tasks: return s.attemptCount;
        case Notes: return s.noteCount;
        case Events: return s.eventCount;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Id)
        return s.uuid;
    if (role == Qt::TextAlignmentRole && index.column() >= Tasks)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole)
        return s.id;
    return {};
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id: return tr("Session");
    case Started: return tr("Started");
    case Participant: return tr("Participant");
    case Experience: return tr("Experience");
    case Plan: return tr("Plan");
    case State: return tr("State");
    case Tasks: return tr("Tasks");
    case Notes: return tr("Notes");
    case Events: return tr("Events");
    default: return {};
    }
}

} // namespace devzero::ui
