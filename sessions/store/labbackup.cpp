#include "sessions/store/labbackup.h"

#include "sessions/store/labdatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QThread>
#include <QVariant>

#include <sqlite3.h>

namespace devzero::store {

namespace {

// Pages per step: small enough that a recording session waits at most a
// few milliseconds for its write between two steps.
constexpr int kPagesPerStep = 256;

sqlite3 *handleOf(LabDatabase &lab)
{
    const QVariant handle = lab.db().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

void removeCopy(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

} // namespace

Result<BackupStats> backupLab(LabDatabase &lab, const QString &destination)
{
    if (destination.isEmpty())
        return makeError(QStringLiteral("no backup path given"));
    const QFileInfo info(destination);
    if (info.exists())
        return makeError(QStringLiteral("already exists; a backup never overwrites a file"), destination);
    if (!info.absoluteDir().exists())
        return makeError(QStringLiteral("the folder %1 does not exist").arg(info.absolutePath()), destination);
    if (info.absoluteFilePath() == QFileInfo(lab.path()).absoluteFilePath())
        return makeError(QStringLiteral("is the lab itself"), destination);

    sqlite3 *source = handleOf(lab);
    if (!source)
        return makeError(QStringLiteral("the lab's SQLite connection is not available for a backup"), lab.path());

    BackupStats stats;
    stats.destination = info.absoluteFilePath();
    sqlite3 *copy = nullptr;
    const QByteArray path = QFile::encodeName(stats.destination);
    int rc = sqlite3_open_v2(path.constData(), &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    auto fail = [&](const QString &what) -> Error {
        const QString detail = copy ? QString::fromUtf8(sqlite3_errmsg(copy)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(copy);
        removeCopy(stats.destination);
        return Error{QStringLiteral("%1: %2; nothing was written").arg(what, detail), stats.destination};
    };
    if (rc != SQLITE_OK)
        return fail(QStringLiteral("cannot create the backup file"));

    sqlite3_backup *backup = sqlite3_backup_init(copy, "main", source, "main");
    if (!backup)
        return fail(QStringLiteral("cannot start the backup"));
    do {
        rc = sqlite3_backup_step(backup, kPagesPerStep);
        ++stats.steps;
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            QThread::msleep(5); // a writer holds the lab: let it finish, then go on
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    stats.pages = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return fail(QStringLiteral("the backup stopped"));

    // The copy must be a lab one can open: check it before saying it is one.
    sqlite3_stmt *check = nullptr;
    QString verdict;
    if (sqlite3_prepare_v2(copy, "PRAGMA integrity_check", -1, &check, nullptr) == SQLITE_OK) {
        while (sqlite3_step(check) == SQLITE_ROW)
            verdict += QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(check, 0)));
    }
    sqlite3_finalize(check);
    if (verdict != QLatin1String("ok"))
        return fail(QStringLiteral("the copy failed its integrity check (%1)").arg(verdict));
    sqlite3_close(copy);
    return stats;
}

} // namespace devzero::store
