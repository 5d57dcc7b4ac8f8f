// The session engine on a real lab file, with time driven by a ManualClock.

#include "sessions/capture/clock.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/capture/sessionrecord.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::capture;
using namespace devzero::store;

namespace {

const QByteArray kPlan = R"(# Test plan

Tools: bash

## First journey
Outcome: Can a newcomer do the first thing?

### Do the first thing
Goal: Have the first thing done.
Done when: The first thing prints ok.
Budget: 5 min

### Do the second thing
Goal: Have the second thing done.
Done when: The second thing prints ok.
)";

} // namespace

class TestSessionEngine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<LabDatabase> m_lab;
    qint64 m_planId = 0;

    StartRequest request() const
    {
        StartRequest r;
        r.planId = m_planId;
        r.pseudonym = QStringLiteral("dz-01");
        r.consent = true;
        return r;
    }

private slots:
    void init()
    {
        // A fresh lab file per test.
        m_lab.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("lab.sqlite")));
        auto lab = LabDatabase::open(m_dir.filePath(QStringLiteral("lab.sqlite")));
        QVERIFY2(lab.ok(), qPrintable(lab ? QString() : lab.error().toString()));
        m_lab = std::move(lab.value());
        const plan::ParseResult parsed = plan::parsePlan(kPlan);
        QVERIFY2(parsed.ok(), parsed.diagnostics.isEmpty() ? "" : qPrintable(parsed.diagnostics.first().message));
        auto imported = PlanStore(*m_lab).importPlan(*parsed.plan, kPlan, QStringLiteral("test.md"), 1);
        QVERIFY(imported.ok());
        m_planId = imported->planId;
        auto again = PlanStore(*m_lab).importPlan(*parsed.plan, kPlan, QStringLiteral("test.md"), 2);
        QVERIFY(again.ok());
        QVERIFY(again->alreadyPresent);
        QCOMPARE(again->planId, m_planId);
    }

    void cleanup()
    {
        m_lab.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("lab.sqlite")));
    }

    void refusesWithoutConsent()
    {
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        StartRequest r = request();
        r.consent = false;
        QVERIFY(!engine.start(r).ok());
        QVERIFY(SessionStore(*m_lab).sessions()->isEmpty());
    }

    void activeTimeExcludesPauses()
    {
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        auto session = engine.start(request());
        QVERIFY(session.ok());
        clock.advanceMs(1000);
        auto started = engine.startTask(QStringLiteral("1.1"));
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
        clock.advanceMs(60'000);
        QVERIFY(engine.pause().ok());
        QVERIFY(!engine.pause().ok()); // already paused
        QVERIFY(!engine.startTask(QStringLiteral("1.2")).ok());
        clock.advanceMs(300'000);
        QVERIFY(engine.resume().ok());
        QVERIFY(!engine.resume().ok());
        clock.advanceMs(30'000);
        auto ended = engine.endTask(Outcome::Success);
        QVERIFY(ended.ok());
        auto attempts = SessionStore(*m_lab).attempts(session->id);
        QCOMPARE(attempts->size(), 1);
        const AttemptRow a = attempts->first();
        QVERIFY(a.outcome == std::optional<Outcome>(Outcome::Success));
        QCOMPARE(a.pausedMs, qint64(300'000));
        QVERIFY(a.activeMs == std::optional<qint64>(90'000));
        QCOMPARE(SessionStore(*m_lab).session(session->id)->pausedMs, qint64(300'000));
    }

    void endingWhilePausedClosesThePause()
    {
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        QVERIFY(engine.start(request()).ok());
        QVERIFY(engine.startTask(QStringLiteral("do-the-first-thing")).ok());
        clock.advanceMs(10'000);
        QVERIFY(engine.pause().ok());
        clock.advanceMs(50'000);
        QVERIFY(engine.endTask(Outcome::GaveUp).ok());
        const AttemptRow a = SessionStore(*m_lab).attempts(engine.sessionId())->first();
        QVERIFY(a.activeMs == std::optional<qint64>(10'000));
    }

    void eventsCarryBothClocksInOrder()
    {
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        QVERIFY(engine.start(request()).ok());
        for (int i = 0; i < 5; ++i) {
            clock.advanceMs(250);
            QVERIFY(engine.marker(QStringLiteral("m%1").arg(i)).ok());
        }
        auto events = SessionStore(*m_lab).events(engine.sessionId());
        QCOMPARE(events->size(), 6);
        for (int i = 0; i < events->size(); ++i) {
            QCOMPARE(events->at(i).ordinal, qint64(i + 1));
            QCOMPARE(events->at(i).monoNs, qint64(i) * 250'000'000);
            QCOMPARE(events->at(i).wallMs, clock.wallMs() - (5 - i) * 250);
        }
    }

    void afterRebootTheWallClockStandsIn()
    {
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        QVERIFY(engine.start(request()).ok());
        clock.advanceMs(2000);
        clock.reboot(QStringLiteral("other-boot"), 5);
        auto marked = engine.marker(QStringLiteral("after reboot"));
        QVERIFY(marked.ok());
        QCOMPARE(marked->monoNs, qint64(2000) * 1'000'000);
        auto last = SessionStore(*m_lab).lastEvent(engine.sessionId());
        QCOMPARE((*last)->payload.value(QStringLiteral("clock")).toString(), QStringLiteral("wall"));
    }

    void validatesInput_data()
    {
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("fine") << 3 << QStringLiteral("unclear-step") << QStringLiteral("step 4 is vague") << true;
        QTest::newRow("severity 0") << 0 << QStringLiteral("other") << QStringLiteral("x") << false;
        QTest::newRow("severity 5") << 5 << QStringLiteral("other") << QStringLiteral("x") << false;
        QTest::newRow("unknown category") << 2 << QStringLiteral("rant") << QStringLiteral("x") << false;
        QTest::newRow("empty text") << 2 << QStringLiteral("other") << QStringLiteral("   ") << false;
    }

    void validatesInput()
    {
        QFETCH(int, severity);
        QFETCH(QString, category);
        QFETCH(QString, text);
        QFETCH(bool, ok);
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        QVERIFY(engine.start(request()).ok());
        NoteInput note;
        note.severity = severity;
        note.category = category;
        note.text = text;
        QCOMPARE(engine.note(note).ok(), ok);
        QCOMPARE(SessionStore(*m_lab).notes(engine.sessionId())->size(), ok ? 1 : 0);
    }

    void secretsAreRedactedBeforeStorage()
    {
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        QVERIFY(engine.start(request()).ok());
        const QString key = QStringLiteral("AKIA") + QStringLiteral("QWERTYUIOPASDFGH");
        NoteInput note;
        note.text = QStringLiteral("the docs told me to paste %1 into the config").arg(key);
        QVERIFY(engine.note(note).ok());
        QVERIFY(engine.command(QStringLiteral("aws configure set aws_access_key_id %1").arg(key), 0, 1200, QStringLiteral("/tmp")).ok());
        QVERIFY(engine.search(QStringLiteral("where does %1 go").arg(key), 0).ok());
        const QByteArray json = QJsonDocument(capture::sessionRecordJson(*m_lab, engine.sessionId()).value()).toJson();
        QVERIFY(!json.contains(key.toUtf8()));
        QVERIFY(json.contains("REDACTED"));
    }

    void lookupsMeasureDwell()
    {
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        QVERIFY(engine.start(request()).ok());
        auto opened = engine.openLookup(QStringLiteral("docs/start.md"), QStringLiteral("install"), QStringLiteral("panel"));
        QVERIFY(opened.ok());
        clock.advanceMs(42'000);
        QVERIFY(engine.closeLookup(opened->detailId).ok());
        QVERIFY(!engine.closeLookup(opened->detailId).ok()); // closed once
        QVERIFY(engine.lookup(QStringLiteral("docs/auth.md"), {}, QStringLiteral("cli"), 9000).ok());
        auto lookups = SessionStore(*m_lab).lookups(engine.sessionId());
        QCOMPARE(lookups->size(), 2);
        QVERIFY(lookups->at(0).dwellMs == std::optional<qint64>(42'000));
        QVERIFY(lookups->at(1).dwellMs == std::optional<qint64>(9000));
    }

    void seqAndSusRules()
    {
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        QVERIFY(engine.start(request()).ok());
        QVERIFY(!engine.answerSeq(5).ok()); // no task ended yet
        QVERIFY(engine.startTask(QStringLiteral("1.1")).ok());
        QVERIFY(engine.endTask(Outcome::Success).ok());
        QVERIFY(!engine.answerSeq(8).ok());
        QVERIFY(engine.answerSeq(6).ok());
        QVERIFY(!engine.answerSeq(6).ok()); // answered once
        QVERIFY(!engine.answerSus({1, 2, 3}).ok());
        QVERIFY(!engine.answerSus({1, 2, 3, 4, 5, 6, 1, 2, 3, 4}).ok());
        QVERIFY(engine.end().ok());
        QVERIFY(engine.answerSus({4, 2, 4, 1, 5, 2, 4, 1, 4, 2}).ok()); // asked after the end
        QVERIFY(!engine.answerSus({4, 2, 4, 1, 5, 2, 4, 1, 4, 2}).ok());
        QVERIFY(SessionStore(*m_lab).attempts(engine.sessionId())->first().seq == std::optional<int>(6));
        QCOMPARE(SessionStore(*m_lab).answers(engine.sessionId())->size(), 11);
    }

    void endRefusesOpenTaskUnlessForced()
    {
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        QVERIFY(engine.start(request()).ok());
        QVERIFY(engine.startTask(QStringLiteral("1.2")).ok());
        QVERIFY(!engine.startTask(QStringLiteral("1.1")).ok());
        QVERIFY(!engine.end().ok());
        auto opened = engine.openLookup(QStringLiteral("docs/a.md"), {}, QStringLiteral("panel"));
        QVERIFY(opened.ok());
        clock.advanceMs(1000);
        QVERIFY(engine.end(true).ok());
        const SessionRow s = SessionStore(*m_lab).session(engine.sessionId()).value();
        QVERIFY(s.state == SessionState::Ended);
        QVERIFY(SessionStore(*m_lab).attempts(s.id)->first().outcome == std::optional<Outcome>(Outcome::GaveUp));
        QVERIFY(SessionStore(*m_lab).lookups(s.id)->first().dwellMs == std::optional<qint64>(1000));
        QVERIFY(!engine.marker(QStringLiteral("too late")).ok());
    }

    void unknownTaskNamesTheKnownOnes()
    {
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        QVERIFY(engine.start(request()).ok());
        auto r = engine.startTask(QStringLiteral("9.9"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("do-the-first-thing")));
    }

    void interruptedSessionIsFoundAndTheGapRecorded()
    {
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        StartRequest r = request();
        r.ownedByThisProcess = true;
        auto session = engine.start(r);
        QVERIFY(session.ok());
        QVERIFY(engine.startTask(QStringLiteral("1.1")).ok());
        clock.advanceMs(20'000);
        QVERIFY(engine.marker(QStringLiteral("last words")).ok());
        // Our own process is alive: not interrupted.
        QCOMPARE(SessionEngine::interruptedSessions(*m_lab, clock)->size(), 0);
        // Pretend the owner was a process that has since died.
        QVERIFY(SessionStore(*m_lab).setOwner(session->id, 999'999'999, clock.bootId()).ok());
        auto interrupted = SessionEngine::interruptedSessions(*m_lab, clock);
        QCOMPARE(interrupted->size(), 1);
        clock.advanceMs(600'000); // ten minutes dead
        auto gap = engine.resumeInterrupted(session->id);
        QVERIFY(gap.ok());
        QCOMPARE(SessionEngine::interruptedSessions(*m_lab, clock)->size(), 0);
        clock.advanceMs(10'000);
        QVERIFY(engine.endTask(Outcome::Success).ok());
        const AttemptRow a = SessionStore(*m_lab).attempts(session->id)->first();
        QVERIFY(a.activeMs == std::optional<qint64>(30'000)); // 20 s + 10 s, not the dead ten minutes
        auto events = SessionStore(*m_lab).events(session->id);
        bool sawGap = false;
        for (const EventRow &e : *events) {
            if (e.kind == QLatin1String("gap")) {
                sawGap = true;
                QCOMPARE(e.payload.value(QStringLiteral("gap_ms")).toInteger(), qint64(600'000));
            }
        }
        QVERIFY(sawGap);
    }

    void abandonClosesAtLastEvent()
    {
        ManualClock clock;
        SessionEngine engine(*m_lab, clock);
        StartRequest r = request();
        r.ownedByThisProcess = true;
        auto session = engine.start(r);
        clock.advanceMs(5000);
        QVERIFY(engine.marker(QStringLiteral("x")).ok());
        const qint64 lastWall = clock.wallMs();
        clock.advanceMs(100'000);
        QVERIFY(engine.abandon(session->id).ok());
        const SessionRow s = SessionStore(*m_lab).session(session->id).value();
        QVERIFY(s.state == SessionState::Abandoned);
        QVERIFY(s.endedAtMs == std::optional<qint64>(lastWall));
    }

    void currentSessionIsRememberedPerLab()
    {
        ManualClock clock;
        SessionEngine first(*m_lab, clock);
        auto s1 = first.start(request());
        auto s2 = first.start(request());
        SessionEngine other(*m_lab, clock);
        QCOMPARE(other.openCurrent()->id, s2->id);
        QVERIFY(other.makeCurrent(s1->id).ok());
        SessionEngine third(*m_lab, clock);
        QCOMPARE(third.openCurrent()->id, s1->id);
        QVERIFY(!third.makeCurrent(12345).ok());
    }
};

QTEST_GUILESS_MAIN(TestSessionEngine)
#include "test_session_engine.moc"
