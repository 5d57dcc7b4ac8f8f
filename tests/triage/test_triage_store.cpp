// The triage history in a real lab file: record, undo (remove), redo
// (restore with the same id), the latest state per flag, the status a flag
// shows ("fixed, needs retest") and when it may be verified.

#include "sessions/store/labdatabase.h"
#include "sessions/store/triagestore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::store;

Q_DECLARE_METATYPE(devzero::store::TriageStatus)

namespace {

TriageChange change(const QString &fingerprint, TriageState state, const QString &blob, qint64 at)
{
    TriageChange c;
    c.fingerprint = fingerprint;
    c.rule = QStringLiteral("undeclared-tool");
    c.page = QStringLiteral("docs/a.md");
    c.anchor = QStringLiteral("setup");
    c.term = QStringLiteral("jq");
    c.startLine = 7;
    c.endLine = 8;
    c.message = QStringLiteral("`jq` is used but never introduced");
    c.state = state;
    c.actor = QStringLiteral("alice");
    c.note = QStringLiteral("note %1").arg(at);
    c.blobId = blob;
    c.atMs = at;
    return c;
}

} // namespace

class TestTriageStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LabDatabase> m_lab;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(m_dir.filePath(QStringLiteral("lab-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY2(lab.ok(), qPrintable(lab.ok() ? QString() : lab.error().toString()));
        m_lab = std::move(lab.value());
    }
    void cleanup() { m_lab.reset(); }

    void fingerprintIsStableAndEscaped()
    {
        QCOMPARE(flagFingerprint(QStringLiteral("r"), QStringLiteral("docs/a.md"), QStringLiteral("x"), QStringLiteral("jq")),
                 QStringLiteral("r|docs/a.md|x|jq"));
        // A '|' inside a part cannot make two flags collide.
        QVERIFY(flagFingerprint(QStringLiteral("r"), QStringLiteral("a|b"), {}, {})
                != flagFingerprint(QStringLiteral("r"), QStringLiteral("a"), QStringLiteral("b"), {}));
    }

    void stateNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("state"); // -1: not a state
        QTest::newRow("open") << QStringLiteral("open") << int(TriageState::Open);
        QTest::newRow("Fixed") << QStringLiteral("Fixed") << int(TriageState::Fixed);
        QTest::newRow("won't fix") << QStringLiteral("won't fix") << int(TriageState::WontFix);
        QTest::newRow("wont-fix") << QStringLiteral("wont-fix") << int(TriageState::WontFix);
        QTest::newRow("verified") << QStringLiteral(" verified ") << int(TriageState::Verified);
        QTest::newRow("done") << QStringLiteral("done") << -1;
        QTest::newRow("empty") << QStringLiteral("") << -1;
    }
    void stateNames()
    {
        QFETCH(QString, text);
        QFETCH(int, state);
        const std::optional<TriageState> parsed = triageStateFromString(text);
        QCOMPARE(parsed ? int(*parsed) : -1, state);
        if (parsed)
            QCOMPARE(int(*triageStateFromString(toString(*parsed))), int(*parsed));
    }

    void recordUndoRedo()
    {
        TriageStore store(*m_lab);
        Result<TriageChange> a = store.record(change(QStringLiteral("f1"), TriageState::Accepted, QStringLiteral("b1"), 100));
        Result<TriageChange> b = store.record(change(QStringLiteral("f1"), TriageState::Fixed, QStringLiteral("b1"), 200));
        Result<TriageChange> other = store.record(change(QStringLiteral("f2"), TriageState::WontFix, QString(), 150));
        QVERIFY(a.ok() && b.ok() && other.ok());
        QVERIFY(b->id > a->id);

        Result<QHash<QString, TriageChange>> latest = store.latestChanges();
        QVERIFY(latest.ok());
        QCOMPARE(latest->size(), 2);
        QCOMPARE(int(latest->value(QStringLiteral("f1")).state), int(TriageState::Fixed));
        QCOMPARE(latest->value(QStringLiteral("f1")).term, QStringLiteral("jq"));
        QCOMPARE(latest->value(QStringLiteral("f1")).endLine, 8);
        QCOMPARE(int(latest->value(QStringLiteral("f2")).state), int(TriageState::WontFix));

        // Undo the fix: accepted again. Redo: the same row comes back.
        QVERIFY(store.remove(b->id).ok());
        QCOMPARE(int(store.latestChanges()->value(QStringLiteral("f1")).state), int(TriageState::Accepted));
        QVERIFY(store.restore(*b).ok());
        const TriageChange back = store.latestChanges()->value(QStringLiteral("f1"));
        QCOMPARE(back.id, b->id);
        QCOMPARE(back.note, QStringLiteral("note 200"));

        Result<QList<TriageChange>> history = store.history(QStringLiteral("f1"));
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 2);
        QCOMPARE(int(history->at(0).state), int(TriageState::Accepted));
        QCOMPARE(history->at(1).actor, QStringLiteral("alice"));
    }

    void historySurvivesReopening()
    {
        const QString path = m_lab->path();
        QVERIFY(TriageStore(*m_lab).record(change(QStringLiteral("f1"), TriageState::Fixed, QStringLiteral("b1"), 5)).ok());
        m_lab.reset();
        Result<std::unique_ptr<LabDatabase>> again = LabDatabase::open(path);
        QVERIFY(again.ok());
        QCOMPARE(TriageStore(**again).history(QStringLiteral("f1"))->size(), 1);
    }

    void badInput()
    {
        TriageStore store(*m_lab);
        TriageChange noActor = change(QStringLiteral("f1"), TriageState::Open, {}, 1);
        noActor.actor = QStringLiteral("  ");
        Result<TriageChange> r1 = store.record(noActor);
        QVERIFY(!r1.ok());
        QVERIFY(r1.error().message.contains(QLatin1String("who")));
        Result<TriageChange> r2 = store.record(change(QString(), TriageState::Open, {}, 1));
        QVERIFY(!r2.ok());
        QVERIFY(r2.error().message.contains(QLatin1String("fingerprint")));
        Result<void> r3 = store.remove(4242);
        QVERIFY(!r3.ok());
        QVERIFY(r3.error().message.contains(QLatin1String("4242")));
        QVERIFY(store.latestChanges()->isEmpty());
    }

    void status_data()
    {
        QTest::addColumn<int>("state"); // -1: no history
        QTest::addColumn<QString>("fixedBlob");
        QTest::addColumn<QString>("currentBlob");
        QTest::addColumn<TriageStatus>("expected");
        QTest::newRow("no history") << -1 << QStringLiteral("") << QStringLiteral("b1") << TriageStatus::Open;
        QTest::newRow("accepted") << int(TriageState::Accepted) << QStringLiteral("b1") << QStringLiteral("b2") << TriageStatus::Accepted;
        QTest::newRow("fixed, same blob") << int(TriageState::Fixed) << QStringLiteral("b1") << QStringLiteral("b1") << TriageStatus::Fixed;
        QTest::newRow("fixed, page changed") << int(TriageState::Fixed) << QStringLiteral("b1") << QStringLiteral("b2") << TriageStatus::FixedNeedsRetest;
        QTest::newRow("fixed, blob unknown") << int(TriageState::Fixed) << QStringLiteral("") << QStringLiteral("b2") << TriageStatus::Fixed;
        QTest::newRow("fixed, page gone") << int(TriageState::Fixed) << QStringLiteral("b1") << QStringLiteral("") << TriageStatus::Fixed;
        QTest::newRow("verified") << int(TriageState::Verified) << QStringLiteral("b1") << QStringLiteral("b2") << TriageStatus::Verified;
        QTest::newRow("won't fix") << int(TriageState::WontFix) << QStringLiteral("b1") << QStringLiteral("b2") << TriageStatus::WontFix;
    }
    void status()
    {
        QFETCH(int, state);
        QFETCH(QString, fixedBlob);
        QFETCH(QString, currentBlob);
        QFETCH(TriageStatus, expected);
        std::optional<TriageChange> latest;
        if (state >= 0)
            latest = change(QStringLiteral("f"), TriageState(state), fixedBlob, 1);
        TriagePresent present;
        present.currentBlobId = currentBlob;
        QCOMPARE(triageStatusLabel(triageStatus(latest, present)), triageStatusLabel(expected));
    }

    void verify_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("later");
        QTest::addColumn<int>("withEvidence");
        QTest::addColumn<QString>("error"); // empty: allowed
        QTest::newRow("fixed, clean retest") << int(TriageState::Fixed) << 2 << 1 << QStringLiteral("");
        QTest::newRow("fixed, no session yet") << int(TriageState::Fixed) << 0 << 0 << QStringLiteral("no session");
        QTest::newRow("fixed, evidence again") << int(TriageState::Fixed) << 1 << 1 << QStringLiteral("new evidence");
        QTest::newRow("accepted") << int(TriageState::Accepted) << 3 << 0 << QStringLiteral("only a flag marked fixed");
    }
    void verify()
    {
        QFETCH(int, state);
        QFETCH(int, later);
        QFETCH(int, withEvidence);
        QFETCH(QString, error);
        TriagePresent present{QStringLiteral("b2"), later, withEvidence};
        const Result<void> ok = canVerify(change(QStringLiteral("f"), TriageState(state), QStringLiteral("b1"), 1), present);
        QCOMPARE(ok.ok(), error.isEmpty());
        if (!error.isEmpty())
            QVERIFY2(ok.error().message.contains(error), qPrintable(ok.error().message));
        QVERIFY(!canVerify(std::nullopt, present).ok());
    }
};

QTEST_GUILESS_MAIN(TestTriageStore)
#include "test_triage_store.moc"
