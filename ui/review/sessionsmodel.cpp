#include "ui/review/sessionsmodel.h"

#include <QDateTime>

namespace devzero::ui {

ReviewSessionModel::ReviewSessionModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReviewSessionModel::setSessions(QList<analysis::SessionMetrics> sessions, QHash<qint64, int> notesPerSession)
{
    beginResetModel();
    m_sessions = std::move(sessions);
    m_notes = std::move(notesPerSession);
    endResetModel();
}

int ReviewSessionModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_sessions.size()); }
int ReviewSessionModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ReviewSessionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_sessions.size())
        return {};
    const analysis::SessionMetrics &s = m_sessions[index.row()];
    if (role == SessionIdRole)
        return s.sessionId;
    if (role == Qt::ToolTipRole)
        return s.uuid;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case StartedColumn: return QDateTime::fromMSecsSinceEpoch(s.startedAtMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case TesterColumn: return s.pseudonym;
    case ExperienceColumn: return store::toString(s.experience);
    case RevisionColumn: return s.docsRevision.left(10);
    case StateColumn: return store::toString(s.state);
    case TasksColumn: return QStringLiteral("%1 of %2").arg(s.successes).arg(s.attempts);
    case SusColumn: return s.sus ? QStringLiteral("%1 (%2)").arg(s.sus->score, 0, 'f', 1).arg(analysis::susGrade(s.sus->score)) : QString();
    case NotesColumn: return m_notes.value(s.sessionId);
    }
    return {};
}

QVariant ReviewSessionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartedColumn: return tr("Started (UTC)");
    case TesterColumn: return tr("Tester");
    case ExperienceColumn: return tr("Experience");
    case RevisionColumn: return tr("Docs");
    case StateColumn: return tr("State");
    case TasksColumn: return tr("Tasks succeeded");
    case SusColumn: return tr("SUS");
    case NotesColumn: return tr("Notes");
    }
    return {};
}

} // namespace devzero::ui
