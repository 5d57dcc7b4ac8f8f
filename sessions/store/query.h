#pragma once

// A prepared statement with positional binds and errors as Result, so the
// store's functions read as SQL plus a line of binding.

#include "sessions/common/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace devzero::store {

// SQL NULL for an empty text, the text otherwise (for optional columns).
inline std::optional<QString> textOrNull(const QString &text)
{
    return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
}

class Query
{
public:
    Query(QSqlDatabase &db, const QString &sql) : m_query(db), m_sql(sql)
    {
        m_query.setForwardOnly(true);
        m_prepared = m_query.prepare(sql);
    }

    template<typename... Args>
    Result<void> exec(const QString &what, const Args &...args)
    {
        if (!m_prepared)
            return error(what);
        (m_query.addBindValue(toVariant(args)), ...);
        if (!m_query.exec())
            return error(what);
        return {};
    }

    bool next() { return m_query.next(); }
    QVariant value(int i) const { return m_query.value(i); }
    qint64 int64(int i) const { return m_query.value(i).toLongLong(); }
    QString text(int i) const { return m_query.value(i).toString(); }
    std::optional<qint64> optInt64(int i) const
    {
        const QVariant v = m_query.value(i);
        if (v.isNull())
            return std::nullopt;
        return v.toLongLong();
    }
    qint64 lastInsertId() const { return m_query.lastInsertId().toLongLong(); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    QSqlQuery &raw() { return m_query; }

private:
    template<typename T>
    static QVariant toVariant(const T &value)
    {
        return QVariant::fromValue(value);
    }
    template<typename T>
    static QVariant toVariant(const std::optional<T> &value)
    {
        return value ? QVariant::fromValue(*value) : QVariant(QMetaType::fromType<T>());
    }
    static QVariant toVariant(const QString &value)
    {
        // Text binds as text, never NULL: columns that may be NULL take
        // std::optional (see textOrNull).
        return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
    }

    Error error(const QString &what) const;

    QSqlQuery m_query;
    QString m_sql;
    bool m_prepared = false;
};

} // namespace devzero::store
