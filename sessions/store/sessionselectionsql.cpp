#include "sessions/store/sessionselectionsql.h"

#include "sessions/store/query.h"

#include <QStringList>

namespace devzero::store::detail {

Where sessionsWhere(const SessionSelection &selection)
{
    QStringList conditions;
    Where where;
    if (selection.planId) {
        conditions << QStringLiteral("s.plan_id = ?");
        where.binds << *selection.planId;
    }
    if (selection.startedFromMs) {
        conditions << QStringLiteral("s.started_at_ms >= ?");
        where.binds << *selection.startedFromMs;
    }
    if (selection.startedBeforeMs) {
        conditions << QStringLiteral("s.started_at_ms < ?");
        where.binds << *selection.startedBeforeMs;
    }
    if (!selection.docsRevisionPrefix.isEmpty()) {
        conditions << QStringLiteral("substr(s.docs_revision, 1, ?) = ?");
        where.binds << int(selection.docsRevisionPrefix.size()) << selection.docsRevisionPrefix;
    }
    if (selection.experience) {
        conditions << QStringLiteral("pa.experience = ?");
        where.binds << toString(*selection.experience);
    }
    if (!conditions.isEmpty())
        where.sql = QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    return where;
}

Where sessionIdsWhere(const SessionSelection &selection, const QString &alias)
{
    Where where = sessionsWhere(selection);
    where.sql = QStringLiteral(" WHERE ") + alias
                + QStringLiteral(".session_id IN (SELECT s.id FROM sessions s JOIN participants pa ON pa.id = s.participant_id")
                + where.sql + QLatin1Char(')');
    return where;
}

Result<void> runWhere(Query &q, const Where &where, const QString &what)
{
    for (const QVariant &bind : where.binds)
        q.raw().addBindValue(bind);
    return q.exec(what);
}

} // namespace devzero::store::detail
