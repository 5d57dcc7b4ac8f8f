#pragma once

// The docs index's own SQLite adapter: the only place in the docs index that
// calls sqlite3_*. The index is a derived cache that needs FTS5 (bm25,
// snippet), which Qt's SQL driver does not expose cleanly, hence raw SQLite
// behind RAII here. One connection per object, used by one thread at a time.

#include "sessions/common/result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace devzero::docindex {

class SqliteConnection;

// A prepared statement. Binding indexes are 1-based, columns 0-based, as in
// SQLite. step() returns true while a row is available.
class Statement
{
public:
    Statement() = default;
    Statement(SqliteConnection *connection, sqlite3_stmt *stmt, QByteArray sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value);   // a null QString binds '' (use bindNull)
    Statement &bind(int index, const QByteArray &value); // as TEXT; null binds ''
    Statement &bindNull(int index);

    Result<bool> step();
    // Steps to completion (for INSERT/UPDATE/DELETE) and resets.
    Result<void> exec();
    void reset();

    qint64 int64(int column) const;
    int integer(int column) const { return int(int64(column)); }
    double real(int column) const;
    QString text(int column) const;
    QByteArray bytes(int column) const;
    bool isNull(int column) const;

    QByteArray sql() const { return m_sql; }

private:
    Error stepError() const;

    SqliteConnection *m_connection = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QByteArray m_sql;
};

class SqliteConnection
{
public:
    static Result<std::unique_ptr<SqliteConnection>> open(const QString &path);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    QString path() const { return m_path; }

    Result<void> exec(const char *sql);
    Result<Statement> prepare(const char *sql);

    // A statement prepared once per connection and reused: reset and
    // unbound on each call. Do not nest two uses of the same SQL text.
    Result<Statement *> cached(const char *sql);

    qint64 lastInsertId() const;
    int changes() const;
    QString errorMessage() const;
    sqlite3 *handle() const { return m_db; }

    // Convenience: one integer from the first row, or fallback when no row.
    Result<qint64> scalar(const char *sql, qint64 fallback = 0);

private:
    SqliteConnection() = default;

    sqlite3 *m_db = nullptr;
    QString m_path;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit()
// succeeded, so every early error return leaves the index as it was.
class Transaction
{
public:
    explicit Transaction(SqliteConnection &connection);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Result<void> &begun() const { return m_begun; }
    Result<void> commit();

private:
    SqliteConnection &m_connection;
    Result<void> m_begun;
    bool m_open = false;
};

} // namespace devzero::docindex
