// The lab file: creation, migrations, refusal of newer and damaged files.

#include "sessions/store/labdatabase.h"
#include "sessions/store/migrations.h"
#include "tests/common/testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Executes SQL through a separate raw connection, as another program would.
void rawExec(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &sql : statements)
            QVERIFY2(q.exec(sql), qPrintable(sql));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

QStringList tables(LabDatabase &lab)
{
    QSqlQuery q(lab.db());
    q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

} // namespace

class TestLabDatabase : public QObject
{
    Q_OBJECT

private slots:
    void createsNewLabInMissingFolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nested/deeper/lab.sqlite"));
        auto lab = LabDatabase::open(path);
        QVERIFY2(lab.ok(), qPrintable(lab ? QString() : lab.error().toString()));
        QCOMPARE((*lab)->schemaVersion(), LabDatabase::latestSchemaVersion());
        QVERIFY(QFile::exists(path));
        const QStringList names = tables(**lab);
        for (const char *table : {"plans", "journeys", "tasks", "participants", "sessions", "task_attempts", "events",
                                  "notes", "lookups", "searches", "commands", "answers", "lab_meta"})
            QVERIFY2(names.contains(QLatin1String(table)), table);
    }

    void pragmasAreSet()
    {
        QTemporaryDir dir;
        auto lab = LabDatabase::open(dir.filePath(QStringLiteral("lab.sqlite")));
        QVERIFY(lab.ok());
        QSqlQuery q((*lab)->db());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("PRAGMA busy_timeout")) && q.next());
        QVERIFY(q.value(0).toInt() >= 1000);
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
    }

    void reopenKeepsDataAndVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.sqlite"));
        {
            auto lab = LabDatabase::open(path);
            QVERIFY(lab.ok());
            QVERIFY((*lab)->setMeta(QStringLiteral("k"), QStringLiteral("v")).ok());
        }
        auto lab = LabDatabase::open(path);
        QVERIFY(lab.ok());
        QCOMPARE((*lab)->meta(QStringLiteral("k")).value(), QStringLiteral("v"));
        QCOMPARE((*lab)->schemaVersion(), LabDatabase::latestSchemaVersion());
    }

    // From each earlier version (0 = empty file) the migrations bring a lab
    // to the latest schema and keep what it held.
    void migratesFromEachEarlierVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int v = 0; v < LabDatabase::latestSchemaVersion(); ++v)
            QTest::addRow("from v%d", v) << v;
    }

    void migratesFromEachEarlierVersion()
    {
        QFETCH(int, fromVersion);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.sqlite"));
        QStringList statements;
        for (const store::Migration &m : store::migrations()) {
            if (m.version > fromVersion)
                break;
            statements << m.statements << QStringLiteral("PRAGMA user_version = %1").arg(m.version);
        }
        if (fromVersion >= 1)
            statements << QStringLiteral("INSERT INTO lab_meta (key, value) VALUES ('marker', 'kept')");
        else
            statements << QStringLiteral("PRAGMA user_version = 0");
        rawExec(path, statements);

        auto lab = LabDatabase::open(path);
        QVERIFY2(lab.ok(), qPrintable(lab ? QString() : lab.error().toString()));
        QCOMPARE((*lab)->schemaVersion(), LabDatabase::latestSchemaVersion());
        if (fromVersion >= 1)
            QCOMPARE((*lab)->meta(QStringLiteral("marker")).value(), QStringLiteral("kept"));
    }

    void migrationsAreOrderedAndContiguous()
    {
        int expected = 1;
        for (const store::Migration &m : store::migrations())
            QCOMPARE(m.version, expected++);
    }

    void refusesNewerSchemaWithoutTouchingIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.sqlite"));
        { QVERIFY(LabDatabase::open(path).ok()); }
        rawExec(path, {QStringLiteral("PRAGMA journal_mode = DELETE"), QStringLiteral("PRAGMA user_version = 99")});
        const QByteArray before = fileHash(path);
        auto lab = LabDatabase::open(path);
        QVERIFY(!lab.ok());
        QVERIFY2(lab.error().message.contains(QStringLiteral("newer devzero")), qPrintable(lab.error().message));
        QVERIFY(lab.error().message.contains(QStringLiteral("99")));
        QCOMPARE(lab.error().where, QFileInfo(path).absoluteFilePath());
        QCOMPARE(fileHash(path), before);
    }

    void refusesFileThatIsNotSqlite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are my precious notes, not a database\n");
        f.close();
        const QByteArray before = fileHash(path);
        auto lab = LabDatabase::open(path);
        QVERIFY(!lab.ok());
        QVERIFY2(lab.error().message.contains(QStringLiteral("not an SQLite database")), qPrintable(lab.error().message));
        QCOMPARE(fileHash(path), before);
    }

    void detectsDamagedLab()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.sqlite"));
        {
            auto lab = LabDatabase::open(path);
            QVERIFY(lab.ok());
            QSqlQuery q((*lab)->db());
            // Enough rows to span many pages, then checkpoint into the main file.
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE filler (x TEXT)")));
            for (int i = 0; i < 200; ++i)
                QVERIFY(q.exec(QStringLiteral("INSERT INTO filler VALUES (printf('%.500c', 'x'))")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        }
        // Scribble over the middle of the file, as a failing disk would.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY(size > 16 * 4096);
        for (qint64 offset = 4096 * 3; offset < size - 4096; offset += 4096 * 2) {
            f.seek(offset + 8);
            f.write(QByteArray(64, '\xA5'));
        }
        f.close();
        const QByteArray before = fileHash(path);
        auto lab = LabDatabase::open(path);
        QVERIFY(!lab.ok());
        QVERIFY2(lab.error().message.contains(QStringLiteral("damaged")) || lab.error().message.contains(QStringLiteral("cannot read")),
                 qPrintable(lab.error().message));
        QCOMPARE(fileHash(path), before);
    }

    void refusesFolderAndMissingWithoutCreate()
    {
        QTemporaryDir dir;
        auto asFolder = LabDatabase::open(dir.path());
        QVERIFY(!asFolder.ok());
        QVERIFY(asFolder.error().message.contains(QStringLiteral("folder")));
        LabDatabase::Options options;
        options.create = false;
        auto missing = LabDatabase::open(dir.filePath(QStringLiteral("absent.sqlite")), options);
        QVERIFY(!missing.ok());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("absent.sqlite"))));
    }

    void failedWriteRollsBack()
    {
        QTemporaryDir dir;
        auto lab = LabDatabase::open(dir.filePath(QStringLiteral("lab.sqlite")));
        QVERIFY(lab.ok());
        Result<void> r = (*lab)->write(
            [&]() -> Result<void> {
                if (auto set = (*lab)->setMeta(QStringLiteral("half"), QStringLiteral("written")); !set)
                    return set;
                return makeError(QStringLiteral("something later failed"));
            },
            QStringLiteral("test"));
        QVERIFY(!r.ok());
        QCOMPARE((*lab)->meta(QStringLiteral("half")).value(), QString());
    }

    void integrityCheckSaysOk()
    {
        QTemporaryDir dir;
        auto lab = LabDatabase::open(dir.filePath(QStringLiteral("lab.sqlite")));
        QVERIFY(lab.ok());
        QCOMPARE((*lab)->integrityCheck().value(), QStringList{QStringLiteral("ok")});
    }

    // A second open in a process that has the lab open must not drop the
    // first connection's POSIX locks (closing any descriptor of the file
    // would): otherwise the next process that closes the lab thinks it is
    // the last one and deletes the WAL the first connection still writes to.
    void secondOpenKeepsTheFirstConnectionsLocks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.sqlite"));
        auto first = LabDatabase::open(path);
        QVERIFY(first.ok());
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        auto second = LabDatabase::open(path);
        QVERIFY(second.ok());
        (*second).reset();

        QProcess other;
        other.start(test::devzeroExecutable(), {QStringLiteral("--lab"), path, QStringLiteral("lab"), QStringLiteral("check")});
        QVERIFY(other.waitForFinished(30000));
        QCOMPARE(other.exitCode(), 0);
        QVERIFY2(QFile::exists(path + QStringLiteral("-wal")), "the WAL was deleted while a connection still used it");

        // What the first connection writes now is seen by a new process.
        QVERIFY((*first)->setMeta(QStringLiteral("after"), QStringLiteral("seen")).ok());
        other.start(test::devzeroExecutable(), {QStringLiteral("--lab"), path, QStringLiteral("lab"), QStringLiteral("check")});
        QVERIFY(other.waitForFinished(30000));
        QCOMPARE(other.exitCode(), 0);
        (*first).reset();
        auto reopened = LabDatabase::open(path);
        QVERIFY(reopened.ok());
        QCOMPARE((*reopened)->meta(QStringLiteral("after")).value(), QStringLiteral("seen"));
    }
};

QTEST_GUILESS_MAIN(TestLabDatabase)
#include "test_lab_database.moc"
