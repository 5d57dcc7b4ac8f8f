#include "ui/triage/triagefiltermodel.h"

#include "ui/triage/triagequeuemodel.h"

namespace devzero::ui {

namespace {

bool anyContains(const QStringList &list, const QString &needle)
{
    for (const QString &s : list)
        if (s.contains(needle, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

TriageFilterModel::TriageFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void TriageFilterModel::changed()
{
    // Qt 6.4 has no beginFilterChange(); invalidateFilter() is the supported way.
    invalidateFilter();
}

void TriageFilterModel::setOwner(const QString &owner) { m_owner = owner.trimmed(); changed(); }
void TriageFilterModel::setRule(const QString &ruleId) { m_rule = ruleId; changed(); }
void TriageFilterModel::setStatus(std::optional<int> status) { m_status = status; changed(); }
void TriageFilterModel::setMinimumSeverity(int severity) { m_minSeverity = severity; changed(); }
void TriageFilterModel::setMyPages(const QString &me) { m_me = me.trimmed(); changed(); }
void TriageFilterModel::setText(const QString &text) { m_text = text.trimmed(); changed(); }

bool TriageFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_rule.isEmpty() && i.data(TriageQueueModel::RuleRole).toString() != m_rule)
        return false;
    if (m_status && i.data(TriageQueueModel::StatusRole).toInt() != *m_status)
        return false;
    if (m_minSeverity > 0 && i.data(TriageQueueModel::SeverityRole).toInt() < m_minSeverity)
        return false;
    const QStringList owners = i.data(TriageQueueModel::OwnersRole).toStringList();
    if (!m_owner.isEmpty() && !anyContains(owners, m_owner))
        return false;
    if (!m_me.isEmpty() && !anyContains(owners, m_me))
        return false;
    if (!m_text.isEmpty()) {
        const QModelIndex page = sourceModel()->index(sourceRow, TriageQueueModel::PageColumn, sourceParent);
        const QString hay = page.data().toString() + QLatin1Char(' ') + i.data(TriageQueueModel::RuleRole).toString()
                            + QLatin1Char(' ') + page.data(Qt::ToolTipRole).toString();
        if (!hay.contains(m_text, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool TriageFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == TriageQueueModel::ScoreColumn)
        return left.data(TriageQueueModel::ScoreRole).toDouble() < right.data(TriageQueueModel::ScoreRole).toDouble();
    if (left.column() == TriageQueueModel::LinesColumn)
        return left.data().toString().section(QLatin1Char('-'), 0, 0).toInt()
               < right.data().toString().section(QLatin1Char('-'), 0, 0).toInt();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace devzero::ui
