#pragma once

// Filters of the triage queue: owner, rule, state, severity, "my pages",
// and free text over page, rule and message. Sorts by score by default.

#include <QSortFilterProxyModel>

#include <optional>

namespace devzero::ui {

class TriageFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TriageFilterModel(QObject *parent = nullptr);

    void setOwner(const QString &owner);       // substring of an owner or author; empty: any
    void setRule(const QString &ruleId);       // empty: any
    void setStatus(std::optional<int> status); // store::TriageStatus; none: any
    void setMinimumSeverity(int severity);     // analysis::Severity; 0: any
    void setMyPages(const QString &me);        // empty: off
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void changed();
    QString m_owner;
    QString m_rule;
    std::optional<int> m_status;
    int m_minSeverity = 0;
    QString m_me;
    QString m_text;
};

} // namespace devzero::ui
