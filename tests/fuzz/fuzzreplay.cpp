// Replays a fuzz target's corpus (the seeds and every crash input found so
// far) in the ordinary build, without libFuzzer: each file is one row, so a
// fixed crash that comes back fails this suite in every CI job. Linked with
// one fuzz_<target>.cpp; FUZZ_CORPUS_DIR names its corpus folder.

#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

class FuzzReplay : public QObject
{
    Q_OBJECT

private slots:
    void replay_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(FUZZ_CORPUS_DIR));
        const QStringList names = dir.entryList(QDir::Files, QDir::Name);
        if (names.isEmpty())
            QFAIL(qPrintable(QStringLiteral("no corpus files in %1").arg(dir.path())));
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void replay()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file + QStringLiteral(": ") + f.errorString()));
        const QByteArray bytes = f.readAll();
        // A crash or a broken invariant aborts here; the log names the row.
        QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size())), 0);
    }
};

QTEST_GUILESS_MAIN(FuzzReplay)
#include "fuzzreplay.moc"
