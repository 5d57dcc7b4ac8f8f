#include "ui/review/comparemodel.h"

#include "ui/review/reviewformat.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace devzero::ui {

namespace {

QString side(const analysis::GroupTaskValues &g)
{
    return g.trials ? QStringLiteral("%1 (%2/%3)").arg(percent(g.completion())).arg(g.successes).arg(g.trials)
                    : QStringLiteral("-");
}

} // namespace

CompareModel::CompareModel(QObject *parent) : QAbstractTableModel(parent) {}

void CompareModel::setComparison(analysis::Comparison comparison)
{
    beginResetModel();
    m_cmp = std::move(comparison);
    endResetModel();
}

int CompareModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_cmp.tasks.size()); }
int CompareModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CompareModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cmp.tasks.size())
        return {};
    const analysis::TaskComparison &t = m_cmp.tasks[index.row()];
    const bool exceeds = (index.column() == CompletionDiffColumn && t.completionExceedsNoise())
                         || (index.column() == TimeDiffColumn && t.timeExceedsNoise())
                         || (index.column() == SeqDiffColumn && t.seqExceedsNoise());
    if (role == ExceedsNoiseRole)
        return exceeds;
    if (role == Qt::FontRole && exceeds) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && (index.column() == CompletionDiffColumn || index.column() == TimeDiffColumn
                                       || index.column() == SeqDiffColumn) && !exceeds)
        return QBrush(QColor(0x66, 0x66, 0x66));
    if (role == Qt::ToolTipRole && index.column() == TaskColumn)
        return t.journeyTitle;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TaskColumn: return QStringLiteral("%1 %2").arg(t.number, t.title);
    case CompletionBeforeColumn: return side(t.before);
    case CompletionAfterColumn: return side(t.after);
    case CompletionDiffColumn: return analysis::describeCompletion(t);
    case TimeBeforeColumn: return t.before.geometricMeanSeconds() ? duration(*t.before.geometricMeanSeconds()) : QStringLiteral("-");
    case TimeAfterColumn: return t.after.geometricMeanSeconds() ? duration(*t.after.geometricMeanSeconds()) : QStringLiteral("-");
    case TimeDiffColumn: return analysis::describeTime(t);
    case SeqBeforeColumn: return meanText(t.before.seqMean());
    case SeqAfterColumn: return meanText(t.after.seqMean());
    case SeqDiffColumn: return analysis::describeSeq(t);
    }
    return {};
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TaskColumn: return tr("Task");
    case CompletionBeforeColumn: return tr("Completion before");
    case CompletionAfterColumn: return tr("after");
    case CompletionDiffColumn: return tr("Difference (Fisher)");
    case TimeBeforeColumn: return tr("Time before");
    case TimeAfterColumn: return tr("after");
    case TimeDiffColumn: return tr("Ratio (Welch, log)");
    case SeqBeforeColumn: return tr("SEQ before");
    case SeqAfterColumn: return tr("after");
    case SeqDiffColumn: return tr("Difference (Welch)");
    }
    return {};
}

} // namespace devzero::ui
