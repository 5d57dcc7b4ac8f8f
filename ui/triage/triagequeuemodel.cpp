#include "ui/triage/triagequeuemodel.h"

#include "sessions/analysis/rules.h"

#include <QBrush>
#include <QColor>

namespace devzero::ui {

QString evidenceSummary(const analysis::PageEvidence *evidence)
{
    if (!evidence)
        return QObject::tr("no session evidence");
    const analysis::EvidenceCounts &c = evidence->counts;
    QStringList parts;
    auto add = [&](int n, const char *one, const char *many) {
        if (n > 0)
            parts << QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    add(c.notes + c.termNotes, "note", "notes");
    add(c.failedCommands, "failed command", "failed commands");
    add(c.zeroResultSearches, "empty search", "empty searches");
    add(c.failedTasks, "failed task", "failed tasks");
    add(c.readers, "reader", "readers");
    return parts.isEmpty() ? QObject::tr("no session evidence") : parts.join(QStringLiteral(" \u00b7 "));
}

TriageQueueModel::TriageQueueModel(QObject *parent) : QAbstractTableModel(parent) {}

void TriageQueueModel::setSnapshot(TriageSnapshot snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}

const TriageItem *TriageQueueModel::item(int row) const
{
    return row >= 0 && row < m_snapshot.items.size() ? &m_snapshot.items[row] : nullptr;
}

const TriageItem *TriageQueueModel::item(const QString &fingerprint) const
{
    return item(m_snapshot.indexOf(fingerprint));
}

void TriageQueueModel::setLatest(const QString &fingerprint, const std::optional<store::TriageChange> &latest)
{
    const int row = m_snapshot.indexOf(fingerprint);
    if (row < 0)
        return;
    TriageItem &it = m_snapshot.items[row];
    it.latest = latest;
    refreshStatus(it, m_snapshot);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int TriageQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_snapshot.items.size());
}

int TriageQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TriageQueueModel::data(const QModelIndex &index, int role) const
{
    const TriageItem *it = index.isValid() ? item(index.row()) : nullptr;
    if (!it)
        return {};
    const analysis::Flag &f = it->flag;
    switch (role) {
    case FingerprintRole: return it->fingerprint;
    case StatusRole: return int(it->status);
    case SeverityRole: return int(f.severity);
    case RuleRole: return f.ruleId;
    case ScoreRole: return f.score;
    case OwnersRole: return it->owners + it->authors;
    case PageRole: return f.path;
    case Qt::ToolTipRole:
        if (index.column() == RuleColumn || index.column() == PageColumn)
            return f.message;
        if (index.column() == OwnersColumn)
            return (it->owners + it->authors).join(QLatin1Char('\n'));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && it->status == store::TriageStatus::FixedNeedsRetest)
            return QBrush(QColor(0xb3, 0x5c, 0x00));
        if (index.column() == SeverityColumn && f.severity == analysis::Severity::Error)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn || index.column() == LinesColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case ScoreColumn: return QString::number(f.score, 'f', 1);
        case StatusColumn: return store::triageStatusLabel(it->status);
        case SeverityColumn: return analysis::toString(f.severity);
        case RuleColumn: return f.ruleId;
        case PageColumn: return f.anchor.isEmpty() ? f.path : f.path + QLatin1Char('#') + f.anchor;
        case LinesColumn:
            if (it->stale) // lines of the revision it was triaged at
                return tr("was %1").arg(f.startLine);
            return f.endLine > f.startLine ? QStringLiteral("%1-%2").arg(f.startLine).arg(f.endLine)
                                           : QString::number(f.startLine);
        case OwnersColumn: return it->owners.isEmpty() ? (it->authors.isEmpty() ? QString() : it->authors.first())
                                                       : it->owners.join(QStringLiteral(", "));
        case EvidenceColumn: {
            const auto ev = m_snapshot.evidence.constFind(f.path);
            return evidenceSummary(ev == m_snapshot.evidence.constEnd() ? nullptr : &*ev);
        }
        }
        return {};
    }
    return {};
}

QVariant TriageQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ScoreColumn: return tr("Score");
    case StatusColumn: return tr("State");
    case SeverityColumn: return tr("Severity");
    case RuleColumn: return tr("Rule");
    case PageColumn: return tr("Page");
    case LinesColumn: return tr("Lines");
    case OwnersColumn: return tr("Owners");
    case EvidenceColumn: return tr("Evidence");
    }
    return {};
}

} // namespace devzero::ui
