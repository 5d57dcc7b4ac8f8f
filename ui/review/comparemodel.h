#pragma once

// Before and after, per task: completion, time on task and SEQ on each
// side, the difference and whether it exceeds noise (analysis/compare.h).

#include "sessions/analysis/compare.h"

#include <QAbstractTableModel>

namespace devzero::ui {

class CompareModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TaskColumn, CompletionBeforeColumn, CompletionAfterColumn, CompletionDiffColumn, TimeBeforeColumn,
                  TimeAfterColumn, TimeDiffColumn, SeqBeforeColumn, SeqAfterColumn, SeqDiffColumn, ColumnCount };
    enum Role { ExceedsNoiseRole = Qt::UserRole + 1 };
    explicit CompareModel(QObject *parent = nullptr);
    void setComparison(analysis::Comparison comparison);
    const analysis::Comparison &comparison() const { return m_cmp; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    analysis::Comparison m_cmp;
};

} // namespace devzero::ui
