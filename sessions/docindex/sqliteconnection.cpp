#include "sessions/docindex/sqliteconnection.h"

#include "sessions/common/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace devzero::docindex {

namespace {

QString sqliteMessage(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
}

QString firstLine(const QByteArray &sql)
{
    const QByteArray simplified = sql.simplified();
    return QString::fromUtf8(simplified.left(80));
}

} // namespace

Statement::Statement(SqliteConnection *connection, sqlite3_stmt *stmt, QByteArray sql)
    : m_connection(connection), m_stmt(stmt), m_sql(std::move(sql))
{
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_connection(other.m_connection), m_stmt(other.m_stmt), m_sql(std::move(other.m_sql))
{
    other.m_stmt = nullptr;
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_connection = other.m_connection;
        m_stmt = other.m_stmt;
        m_sql = std::move(other.m_sql);
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &value)
{
    sqlite3_bind_text(m_stmt, index, value.isNull() ? "" : value.constData(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Error Statement::stepError() const
{
    return makeError(sqliteMessage(m_connection ? m_connection->handle() : nullptr),
                     QStringLiteral("docs index SQL \"%1\"").arg(firstLine(m_sql)));
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error = stepError();
    sqlite3_reset(m_stmt);
    return error;
}

Result<void> Statement::exec()
{
    for (;;) {
        auto row = step();
        if (!row) {
            reset();
            return row.error();
        }
        if (!*row)
            break;
    }
    reset();
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::bytes(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    if (!data)
        return {};
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const QString &path)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(QStringLiteral("cannot create the folder for the docs index"), info.absolutePath());

    std::unique_ptr<SqliteConnection> connection(new SqliteConnection);
    connection->m_path = path;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &connection->m_db, flags, nullptr);
    if (rc != SQLITE_OK)
        return makeError(QStringLiteral("cannot open the docs index: %1").arg(sqliteMessage(connection->m_db)), path);
    sqlite3_extended_result_codes(connection->m_db, 1);
    sqlite3_busy_timeout(connection->m_db, 10000);
    return connection;
}

SqliteConnection::~SqliteConnection()
{
    m_cache.clear(); // statements must be finalized before the connection closes
    if (m_db)
        sqlite3_close(m_db);
}

Result<void> SqliteConnection::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = message ? QString::fromUtf8(message) : sqliteMessage(m_db);
        sqlite3_free(message);
        return makeError(text, QStringLiteral("docs index SQL \"%1\"").arg(firstLine(QByteArray(sql))));
    }
    return {};
}

Result<Statement> SqliteConnection::prepare(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        return makeError(sqliteMessage(m_db),
                         QStringLiteral("docs index SQL \"%1\"").arg(firstLine(QByteArray(sql))));
    }
    return Statement(this, stmt, QByteArray(sql));
}

Result<Statement *> SqliteConnection::cached(const char *sql)
{
    auto it = m_cache.find(sql);
    if (it != m_cache.end()) {
        it->second->reset();
        return it->second.get();
    }
    auto prepared = prepare(sql);
    if (!prepared)
        return prepared.error();
    auto owned = std::make_unique<Statement>(std::move(prepared).value());
    Statement *raw = owned.get();
    m_cache.emplace(sql, std::move(owned));
    return raw;
}

qint64 SqliteConnection::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqliteConnection::changes() const
{
    return sqlite3_changes(m_db);
}

QString SqliteConnection::errorMessage() const
{
    return sqliteMessage(m_db);
}

Result<qint64> SqliteConnection::scalar(const char *sql, qint64 fallback)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row ? stmt->int64(0) : fallback;
}

Transaction::Transaction(SqliteConnection &connection) : m_connection(connection)
{
    m_begun = m_connection.exec("BEGIN IMMEDIATE");
    m_open = m_begun.ok();
}

Transaction::~Transaction()
{
    if (m_open) {
        auto rolledBack = m_connection.exec("ROLLBACK");
        if (!rolledBack)
            qCWarning(lcDocIndex) << "rollback failed:" << rolledBack.error().toString();
    }
}

Result<void> Transaction::commit()
{
    if (!m_open)
        return makeError(QStringLiteral("no open transaction to commit"), m_connection.path());
    auto committed = m_connection.exec("COMMIT");
    if (committed)
        m_open = false;
    return committed;
}

} // namespace devzero::docindex
