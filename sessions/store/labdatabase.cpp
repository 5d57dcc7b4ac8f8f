#include "sessions/store/labdatabase.h"

#include "sessions/common/logging.h"
#include "sessions/store/migrations.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

#include <sqlite3.h>

#include <cerrno>

namespace devzero {

namespace {

QAtomicInteger<quint64> connectionCounter;

// SQLite's result code for a file that is not a database (SQLITE_NOTADB).
const QString kNotADatabase = QStringLiteral("26");

// True when the last failure on this connection was a full disk: SQLITE_FULL
// (the WAL or the lab could not grow), or an I/O error whose system error is
// "no space" or "quota exceeded" (e.g. the -shm file could not grow).
bool diskIsFull(const QSqlDatabase &db, const QSqlError &error)
{
    if (error.nativeErrorCode() == QLatin1String("13"))
        return true;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    if (!connection)
        return false;
    const int code = sqlite3_extended_errcode(connection) & 0xff;
    const int systemError = sqlite3_system_errno(connection);
    return code == SQLITE_FULL || (code == SQLITE_IOERR && (systemError == ENOSPC || systemError == EDQUOT));
}

// SQLite rolls a transaction back when its commit finds the disk full, and
// the connection works again once there is room: say exactly that.
Error diskFullError(const QString &what, const QString &labPath)
{
    return Error{QStringLiteral("cannot save (%1): the disk is full. This entry was not recorded; nothing recorded "
                                "before it is lost. Free some disk space and try again")
                     .arg(what),
                 labPath};
}

// For a lab that does not exist yet: the nearest existing folder above it
// must be a folder this user may enter (and, to create, write); else say
// which one is in the way. A folder we may not enter looks missing to stat,
// so the walk stops at the first one that exists.
Result<void> checkFolderOf(const QFileInfo &lab, bool create)
{
    QString nearest = lab.absolutePath();
    while (!QFileInfo::exists(nearest)) {
        const QString parent = QFileInfo(nearest).absolutePath();
        if (parent == nearest)
            break;
        nearest = parent;
    }
    const QFileInfo folder(nearest);
    if (!folder.isDir())
        return makeError(QStringLiteral("%1 is a file, not a folder, so it cannot hold a lab").arg(nearest));
    if (!folder.isExecutable())
        return makeError(QStringLiteral("permission denied: cannot enter the folder %1").arg(nearest));
    if (create && !folder.isWritable())
        return makeError(QStringLiteral("cannot create the lab: no write permission in the folder %1").arg(nearest));
    return {};
}

} // namespace

Result<std::unique_ptr<LabDatabase>> LabDatabase::open(const QString &path)
{
    return open(path, Options{});
}

Result<std::unique_ptr<LabDatabase>> LabDatabase::open(const QString &path, const Options &options)
{
    if (path.isEmpty())
        return makeError(QStringLiteral("no lab path given"));
    const QFileInfo info(path);
    if (info.exists()) {
        if (info.isDir())
            return makeError(QStringLiteral("is a folder, not a lab file"), path);
        // The file's header is checked by SQLite itself (see configure()),
        // never by opening the file here: on POSIX, closing any descriptor of
        // a file drops every lock this process holds on it, so another
        // connection of this process would lose its locks and a later
        // process could delete the WAL under it.
        if (!info.isReadable())
            return makeError(QStringLiteral("cannot read the lab file: permission denied"), path);
    } else {
        if (Result<void> reachable = checkFolderOf(info, options.create); !reachable)
            return Error{reachable.error().message, path};
        if (!options.create) {
            if (!QFileInfo::exists(info.absolutePath()))
                return makeError(QStringLiteral("no lab at this path (the folder %1 does not exist)").arg(info.absolutePath()), path);
            return makeError(QStringLiteral("no lab at this path"), path);
        }
        if (!QDir().mkpath(info.absolutePath()))
            return makeError(QStringLiteral("cannot create the folder %1").arg(info.absolutePath()), path);
    }
    // A lab this user may not write is opened read-only: reading commands
    // work, writes fail with readOnlyError() instead of SQLite's "attempt
    // to write a readonly database" after half a command ran.
    QString readOnlyReason;
    if (info.exists() && !info.isWritable())
        readOnlyReason = QStringLiteral("the lab file is read-only (no write permission)");
    else if (info.exists() && !QFileInfo(info.absolutePath()).isWritable())
        readOnlyReason = QStringLiteral("the lab's folder %1 is read-only, and writing needs %2-wal and %2-shm beside the lab")
                             .arg(info.absolutePath(), info.fileName());

    std::unique_ptr<LabDatabase> lab(new LabDatabase);
    lab->m_path = info.absoluteFilePath();
    lab->m_connectionName = QStringLiteral("devzero-lab-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    lab->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), lab->m_connectionName);
    if (!lab->m_db.isValid())
        return makeError(QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed"), path);
    lab->m_readOnlyReason = readOnlyReason;
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
    if (readOnlyReason.isEmpty()) {
        lab->m_db.setDatabaseName(lab->m_path);
    } else if (QFileInfo(lab->m_path + QStringLiteral("-wal")).size() > 0) {
        // A writer is active (or crashed): read through its WAL, which works
        // when its -shm is there and readable; otherwise SQLite says why.
        lab->m_db.setDatabaseName(lab->m_path);
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    } else {
        // A WAL lab cannot be read by a read-only connection that may not
        // create -shm; with no WAL to merge, the file alone is the whole lab.
        lab->m_db.setDatabaseName(QUrl::fromLocalFile(lab->m_path).toString(QUrl::FullyEncoded)
                                  + QStringLiteral("?mode=ro&immutable=1"));
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI");
    }
    lab->m_db.setConnectOptions(connectOptions);
    if (!lab->m_db.open())
        return makeError(QStringLiteral("cannot open the lab: %1").arg(lab->m_db.lastError().text()), path);

    if (Result<void> configured = lab->configure(options); !configured)
        return configured.error();
    if (Result<void> migrated = lab->migrate(); !migrated)
        return migrated.error();
    qCDebug(lcStore) << "opened lab" << lab->m_path << "schema" << lab->schemaVersion();
    return lab;
}

LabDatabase::~LabDatabase()
{
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    if (!m_connectionName.isEmpty())
        QSqlDatabase::removeDatabase(m_connectionName);
}

Error LabDatabase::queryError(const QSqlQuery &query, const QString &what)
{
    const QSqlError error = query.lastError();
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.text();
    return Error{QStringLiteral("%1 failed: %2").arg(what, text), {}};
}

Result<void> LabDatabase::configure(const Options &options)
{
    QSqlQuery q(m_db);
    auto exec = [&](const QString &sql) -> Result<void> {
        if (!q.exec(sql))
            return Error{queryError(q, sql).message, m_path};
        return {};
    };
    if (auto r = exec(QStringLiteral("PRAGMA foreign_keys = ON")); !r)
        return r;
    if (auto r = exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(options.busyTimeoutMs)); !r)
        return r;

    // Reading user_version is the first real read of the file: it fails on a
    // damaged header. A newer schema is refused before anything is written.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        // A file that does not start like an SQLite database is somebody
        // else's: refuse it before anything is written.
        if (q.lastError().nativeErrorCode() == kNotADatabase)
            return makeError(
                QStringLiteral("not a devzero lab: the file is not an SQLite database; it was left unchanged"), m_path);
        return makeError(QStringLiteral("cannot read the lab (%1); it was left unchanged")
                             .arg(queryError(q, QStringLiteral("reading the schema version")).message),
                         m_path);
    }
    const int version = q.value(0).toInt();
    if (version > latestSchemaVersion())
        return makeError(QStringLiteral("this lab was written by a newer devzero (schema %1; this build knows up "
                                        "to %2); upgrade devzero to open it. The lab was left unchanged")
                             .arg(version)
                             .arg(latestSchemaVersion()),
                         m_path);

    if (options.quickCheck) {
        if (!q.exec(QStringLiteral("PRAGMA quick_check(5)")))
            return makeError(QStringLiteral("the lab is damaged (%1); it was left unchanged. Restore it from a "
                                            "backup or run `devzero lab check`")
                                 .arg(queryError(q, QStringLiteral("integrity check")).message),
                             m_path);
        QStringList problems;
        while (q.next())
            problems << q.value(0).toString();
        if (problems != QStringList{QStringLiteral("ok")})
            return makeError(QStringLiteral("the lab is damaged (%1); it was left unchanged. Restore it from a "
                                            "backup or run `devzero lab check`")
                                 .arg(problems.join(QStringLiteral("; "))),
                             m_path);
    }

    if (isReadOnly()) {
        if (version < latestSchemaVersion())
            return makeError(QStringLiteral("this lab has schema %1 and must be upgraded to schema %2 before use, but %3; "
                                            "it was left unchanged")
                                 .arg(version)
                                 .arg(latestSchemaVersion())
                                 .arg(m_readOnlyReason),
                             m_path);
        return {};
    }
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
        return Error{queryError(q, QStringLiteral("switching to WAL")).message, m_path};
    if (q.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << "lab" << m_path << "is not in WAL mode:" << q.value(0).toString();
    // FULL: a recorded event survives power loss too, not only a killed process.
    return exec(QStringLiteral("PRAGMA synchronous = FULL"));
}

int LabDatabase::latestSchemaVersion()
{
    return store::migrations().isEmpty() ? 0 : store::migrations().constLast().version;
}

int LabDatabase::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Error LabDatabase::readOnlyError(const QString &what) const
{
    return Error{QStringLiteral("cannot save (%1): %2; nothing was changed").arg(what, m_readOnlyReason), m_path};
}

Result<void> LabDatabase::write(const std::function<Result<void>()> &fn, const QString &what)
{
    if (isReadOnly())
        return readOnlyError(what);
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (diskIsFull(m_db, q.lastError()))
            return diskFullError(what, m_path);
        return Error{queryError(q, what).message, m_path};
    }
    Result<void> result = fn();
    if (!result) {
        // Checked before ROLLBACK, which resets the connection's last error.
        const bool full = diskIsFull(m_db, QSqlError());
        q.exec(QStringLiteral("ROLLBACK"));
        return full ? diskFullError(what, m_path) : result;
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        Error error = diskIsFull(m_db, q.lastError()) ? diskFullError(what, m_path) : Error{queryError(q, what).message, m_path};
        q.exec(QStringLiteral("ROLLBACK"));
        return error;
    }
    return {};
}

Result<void> LabDatabase::migrate()
{
    for (const store::Migration &migration : store::migrations()) {
        if (schemaVersion() >= migration.version)
            continue;
        const QString what = QStringLiteral("migration to schema %1 (%2)").arg(migration.version).arg(migration.description);
        Result<void> applied = write(
            [&]() -> Result<void> {
                // Another process may have migrated while we waited for the lock.
                if (schemaVersion() >= migration.version)
                    return {};
                QSqlQuery q(m_db);
                for (const QString &sql : migration.statements) {
                    if (!q.exec(sql))
                        return queryError(q, what);
                }
                if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)))
                    return queryError(q, what);
                return {};
            },
            what);
        if (!applied)
            return Error{applied.error().message, m_path};
        qCInfo(lcStore) << "lab" << m_path << "migrated to schema" << migration.version;
    }
    return {};
}

Result<QStringList> LabDatabase::integrityCheck()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return Error{queryError(q, QStringLiteral("integrity check")).message, m_path};
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    return lines;
}

Result<QString> LabDatabase::meta(const QString &key)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM lab_meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return queryError(q, QStringLiteral("reading setting %1").arg(key));
    return q.next() ? q.value(0).toString() : QString();
}

Result<void> LabDatabase::setMeta(const QString &key, const QString &value)
{
    if (isReadOnly())
        return readOnlyError(QStringLiteral("setting %1").arg(key));
    QSqlQuery q(m_db);
    if (value.isNull()) {
        q.prepare(QStringLiteral("DELETE FROM lab_meta WHERE key = ?"));
        q.addBindValue(key);
    } else {
        // Portable upsert: PostgreSQL and SQLite both accept ON CONFLICT.
        q.prepare(QStringLiteral("INSERT INTO lab_meta (key, value) VALUES (?, ?)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        q.addBindValue(key);
        q.addBindValue(value);
    }
    if (!q.exec())
        return queryError(q, QStringLiteral("saving setting %1").arg(key));
    return {};
}

} // namespace devzero
