// The tester's bench when the disk fills up under it. SQLite's own VFS is
// wrapped (registered as the default, so the lab's Qt connection uses it):
// while "full", every write that would grow a file fails with SQLITE_FULL,
// as a real full file system does; overwriting bytes already allocated
// still works. The tester must see why the note was not saved, keep the
// text, lose nothing recorded before, and save it with Enter once space
// returns. (A real tmpfs that fills up is in tests/faults/test_disk_full.)

#include "sessions/capture/clock.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"
#include "tests/ui/test_bench_support.h"
#include "ui/bench/benchsession.h"
#include "ui/bench/benchwindow.h"
#include "ui/bench/notebar.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <atomic>
#include <cstring>

using namespace devzero;
using namespace devzero::ui;

namespace {

std::atomic<bool> g_full{false};
std::atomic<int> g_refused{0};
sqlite3_vfs *g_base = nullptr;

struct FullFile {
    sqlite3_file base; // must come first: SQLite sees this
    sqlite3_file *real;
};

sqlite3_file *real(sqlite3_file *f) { return reinterpret_cast<FullFile *>(f)->real; }

int fullClose(sqlite3_file *f)
{
    sqlite3_file *r = real(f);
    const int rc = r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;
    sqlite3_free(r);
    return rc;
}
int fullRead(sqlite3_file *f, void *buf, int n, sqlite3_int64 off) { return real(f)->pMethods->xRead(real(f), buf, n, off); }
int fullWrite(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
    if (g_full) {
        sqlite3_int64 size = 0;
        real(f)->pMethods->xFileSize(real(f), &size);
        if (off + n > size) { // needs new blocks: a full disk has none
            ++g_refused;
            return SQLITE_FULL;
        }
    }
    return real(f)->pMethods->xWrite(real(f), buf, n, off);
}
int fullTruncate(sqlite3_file *f, sqlite3_int64 size) { return real(f)->pMethods->xTruncate(real(f), size); }
int fullSync(sqlite3_file *f, int flags) { return real(f)->pMethods->xSync(real(f), flags); }
int fullFileSize(sqlite3_file *f, sqlite3_int64 *size) { return real(f)->pMethods->xFileSize(real(f), size); }
int fullLock(sqlite3_file *f, int lock) { return real(f)->pMethods->xLock(real(f), lock); }
int fullUnlock(sqlite3_file *f, int lock) { return real(f)->pMethods->xUnlock(real(f), lock); }
int fullCheckReserved(sqlite3_file *f, int *out) { return real(f)->pMethods->xCheckReservedLock(real(f), out); }
int fullFileControl(sqlite3_file *f, int op, void *arg) { return real(f)->pMethods->xFileControl(real(f), op, arg); }
int fullSectorSize(sqlite3_file *f) { return real(f)->pMethods->xSectorSize(real(f)); }
int fullDeviceCharacteristics(sqlite3_file *f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int fullShmMap(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
    return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int fullShmLock(sqlite3_file *f, int offset, int n, int flags) { return real(f)->pMethods->xShmLock(real(f), offset, n, flags); }
void fullShmBarrier(sqlite3_file *f) { real(f)->pMethods->xShmBarrier(real(f)); }
int fullShmUnmap(sqlite3_file *f, int deleteFlag) { return real(f)->pMethods->xShmUnmap(real(f), deleteFlag); }
int fullFetch(sqlite3_file *f, sqlite3_int64 off, int n, void **out) { return real(f)->pMethods->xFetch(real(f), off, n, out); }
int fullUnfetch(sqlite3_file *f, sqlite3_int64 off, void *p) { return real(f)->pMethods->xUnfetch(real(f), off, p); }

const sqlite3_io_methods kFullMethods = {3,
                                         fullClose,
                                         fullRead,
                                         fullWrite,
                                         fullTruncate,
                                         fullSync,
                                         fullFileSize,
                                         fullLock,
                                         fullUnlock,
                                         fullCheckReserved,
                                         fullFileControl,
                                         fullSectorSize,
                                         fullDeviceCharacteristics,
                                         fullShmMap,
                                         fullShmLock,
                                         fullShmBarrier,
                                         fullShmUnmap,
                                         fullFetch,
                                         fullUnfetch};

int fullOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *wrapper = reinterpret_cast<FullFile *>(file);
    wrapper->base.pMethods = nullptr;
    wrapper->real = static_cast<sqlite3_file *>(sqlite3_malloc(g_base->szOsFile));
    if (!wrapper->real)
        return SQLITE_NOMEM;
    std::memset(wrapper->real, 0, g_base->szOsFile);
    const int rc = g_base->xOpen(g_base, name, wrapper->real, flags, outFlags);
    if (rc != SQLITE_OK || !wrapper->real->pMethods) {
        sqlite3_free(wrapper->real);
        wrapper->real = nullptr;
        return rc == SQLITE_OK ? SQLITE_CANTOPEN : rc;
    }
    wrapper->base.pMethods = &kFullMethods;
    return SQLITE_OK;
}

sqlite3_vfs g_fullVfs;

// Everything but xOpen goes straight to the platform's VFS.
bool registerFullDiskVfs()
{
    g_base = sqlite3_vfs_find(nullptr);
    if (!g_base)
        return false;
    g_fullVfs = *g_base;
    g_fullVfs.zName = "devzero-full-disk";
    g_fullVfs.szOsFile = int(sizeof(FullFile));
    g_fullVfs.pAppData = nullptr;
    g_fullVfs.xOpen = fullOpen;
    return sqlite3_vfs_register(&g_fullVfs, 1) == SQLITE_OK;
}

int countNotes(LabDatabase &lab, qint64 sessionId, const QString &text)
{
    QSqlQuery q(lab.db());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM notes WHERE session_id = ? AND text = ?"));
    q.addBindValue(sessionId);
    q.addBindValue(text);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestBenchDiskFull : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(registerFullDiskVfs()); }

    void cleanup() { g_full = false; }

    void aNoteRefusedByAFullDiskIsKeptAndSavedLater()
    {
        QTemporaryDir dir;
        const QString labPath = dir.filePath(QStringLiteral("lab.sqlite"));
        const qint64 sessionId = test::startBenchPlanSession(labPath, QStringLiteral("dz-full"));
        QVERIFY(sessionId > 0);

        QString error;
        auto session = BenchSession::open(labPath, sessionId, false, capture::systemClock(), &error);
        QVERIFY2(session, qPrintable(error));
        BenchWindow bench(std::move(session), std::nullopt);
        bench.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bench));
        auto *noteBar = bench.findChild<NoteBar *>();
        QVERIFY(noteBar);
        QLineEdit *line = noteBar->line();

        const QString before = QStringLiteral("the token page assumes I have an account");
        noteBar->activate();
        QTest::keyClicks(line, before);
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_VERIFY(line->text().isEmpty());

        // The disk fills up: enough notes to need new pages, so the WAL must grow.
        g_full = true;
        const QString during = QStringLiteral("the CLI install step 404s; ") + QString(3000, QLatin1Char('x'));
        noteBar->activate();
        line->setText(during);
        QTest::keyClick(line, Qt::Key_Return);
        QVERIFY2(g_refused > 0, "the fake full disk refused no write: the test proves nothing");
        QCOMPARE(line->text(), during); // kept for another try
        // Said in full where the tester looks, not cut off in the status bar.
        auto *problem = bench.findChild<QLabel *>(QStringLiteral("benchProblem"));
        QVERIFY(problem && problem->isVisible());
        const QString shown = problem->text();
        QVERIFY2(shown.contains(QStringLiteral("disk is full")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("lab.sqlite")), qPrintable(shown)); // says which file
        QVERIFY2(shown.contains(QStringLiteral("nothing recorded before it is lost")), qPrintable(shown));
        QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-disk-full")));

        // Space returns: the same Enter saves it, and nothing before was lost.
        g_full = false;
        noteBar->activate();
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_VERIFY(line->text().isEmpty());
        QVERIFY(!problem->isVisible());
        QVERIFY(bench.session()->startTask()); // and the session goes on

        auto lab = LabDatabase::open(labPath);
        QVERIFY(lab.ok());
        QCOMPARE((*lab)->integrityCheck().value(), QStringList{QStringLiteral("ok")});
        QCOMPARE(countNotes(**lab, sessionId, before), 1);
        QCOMPARE(countNotes(**lab, sessionId, during), 1); // once: the refused try left nothing half written
    }
};

QTEST_MAIN(TestBenchDiskFull)
#include "test_bench_disk_full.moc"
