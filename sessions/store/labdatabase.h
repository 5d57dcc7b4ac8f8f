#pragma once

// The lab database: one SQLite file (WAL, foreign keys, busy timeout) with
// forward migrations. All SQL of the lab lives in sessions/store. Each
// LabDatabase owns one connection; use one object per thread.

#include "sessions/common/result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QSqlQuery;

namespace devzero {

class LabDatabase
{
public:
    struct Options {
        bool create = true;        // create the file (and its folder) when missing
        bool quickCheck = true;    // run PRAGMA quick_check on open
        int busyTimeoutMs = 10000; // how long a writer waits for another process
    };

    static Result<std::unique_ptr<LabDatabase>> open(const QString &path);
    static Result<std::unique_ptr<LabDatabase>> open(const QString &path, const Options &options);
    ~LabDatabase();

    LabDatabase(const LabDatabase &) = delete;
    LabDatabase &operator=(const LabDatabase &) = delete;

    QString path() const { return m_path; }
    QSqlDatabase &db() { return m_db; }

    // True when this user may not write the lab (file or folder read-only):
    // it is opened read-only, and write()/setMeta() fail with a message
    // naming the file and why.
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }

    int schemaVersion() const;
    static int latestSchemaVersion();

    // Runs fn inside BEGIN IMMEDIATE ... COMMIT: writers from other processes
    // wait (busy timeout) instead of failing half way. fn's error rolls back.
    Result<void> write(const std::function<Result<void>()> &fn, const QString &what);

    // Full PRAGMA integrity_check; "ok" or the problems found.
    Result<QStringList> integrityCheck();

    // Key/value settings kept inside the lab (e.g. the current session).
    Result<QString> meta(const QString &key);
    Result<void> setMeta(const QString &key, const QString &value);

    // Formats a failed query as an Error naming what was being done.
    static Error queryError(const QSqlQuery &query, const QString &what);

private:
    LabDatabase() = default;
    Result<void> configure(const Options &options);
    Result<void> migrate();
    Error readOnlyError(const QString &what) const;

    QString m_path;
    QString m_connectionName;
    QString m_readOnlyReason; // empty when writable
    QSqlDatabase m_db;
};

} // namespace devzero
