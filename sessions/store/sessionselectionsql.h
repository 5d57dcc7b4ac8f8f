#pragma once

// The SQL of a SessionSelection, shared by the stores that read "the
// sessions a report covers" (metrics, evidence). Private to sessions/store.

#include "sessions/common/result.h"
#include "sessions/store/metricsstore.h"

#include <QString>
#include <QVariantList>

namespace devzero::store {

class Query;

namespace detail {

// A WHERE clause with its binds in order. Built from the fields set, so no
// NULL-typed parameters reach the driver.
struct Where
{
    QString sql;
    QVariantList binds;
};

// " WHERE ..." over sessions `s` joined with participants `pa` (empty when
// the selection selects all).
Where sessionsWhere(const SessionSelection &selection);

// " WHERE alias.session_id IN (the selected sessions)".
Where sessionIdsWhere(const SessionSelection &selection, const QString &alias);

// Binds the clause's values to the prepared query and runs it.
Result<void> runWhere(Query &q, const Where &where, const QString &what);

} // namespace detail

} // namespace devzero::store
