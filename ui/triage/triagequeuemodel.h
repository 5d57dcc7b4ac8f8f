#pragma once

// The docs owners' queue: one row per flag, ranked by score (the order of
// the snapshot). Filtering and sorting are done by TriageFilterModel.

#include "ui/triage/triagedata.h"

#include <QAbstractTableModel>

namespace devzero::ui {

class TriageQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ScoreColumn, StatusColumn, SeverityColumn, RuleColumn, PageColumn, LinesColumn, OwnersColumn,
                  EvidenceColumn, ColumnCount };
    enum Role {
        FingerprintRole = Qt::UserRole + 1,
        StatusRole,   // store::TriageStatus as int
        SeverityRole, // analysis::Severity as int
        RuleRole,
        ScoreRole,    // double, for sorting
        OwnersRole,   // QStringList: owners and authors
        PageRole,
    };

    explicit TriageQueueModel(QObject *parent = nullptr);

    void setSnapshot(TriageSnapshot snapshot);
    const TriageSnapshot &snapshot() const { return m_snapshot; }
    const TriageItem *item(int row) const;
    const TriageItem *item(const QString &fingerprint) const;

    // A triage change was recorded (or undone: `latest` is the one before).
    void setLatest(const QString &fingerprint, const std::optional<store::TriageChange> &latest);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    TriageSnapshot m_snapshot;
};

QString evidenceSummary(const analysis::PageEvidence *evidence);

} // namespace devzero::ui
