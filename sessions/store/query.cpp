#include "sessions/store/query.h"

#include "sessions/common/logging.h"

#include <QSqlError>

namespace devzero::store {

Error Query::error(const QString &what) const
{
    const QSqlError e = m_query.lastError();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    qCWarning(lcStore) << what << "failed:" << text << "in" << m_sql;
    return Error{QStringLiteral("%1 failed: %2").arg(what, text), {}};
}

} // namespace devzero::store
