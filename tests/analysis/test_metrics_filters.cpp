// computeMetrics with filters (experience, docs revision, dates, plan) on
// the lab of support_metricslab.h, and the errors for filters that cannot
// match and for SUS answers no engine writes.

#include "tests/analysis/support_metricslab.h"

#include "sessions/analysis/labmetrics.h"
#include "sessions/store/labdatabase.h"

#include "sessions/capture/clock.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::analysis;
using namespace devzero::capture;
using namespace devzero::store;
using devzero::test::findJourney;
using devzero::test::findTask;
using devzero::test::near;

Q_DECLARE_METATYPE(std::optional<qint64>)
Q_DECLARE_METATYPE(std::optional<QDate>)

class TestMetricsFilters : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::MetricsLab m_lab;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString failed = test::buildMetricsLab(m_dir.filePath(QStringLiteral("lab.sqlite")), m_lab);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void filterByExperience()
    {
        MetricsFilter f;
        f.experience = Experience::Novice; // S1 and S3
        Result<LabMetrics> m = computeMetrics(*m_lab.lab, f);
        REQUIRE_OK(m);
        QCOMPARE(m->sessions.size(), 2);
        // 1.1: 60 ✓ and 240 ✓: 2 of 2; p_adj = 3.920729 / 5.841459 = 0.671190,
        // margin 0.380963: [0.290227, 1 (clipped)]. gm √14400 = 120.
        const TaskMetrics *install = findTask(*m, QStringLiteral("install"));
        QCOMPARE(install->attempts, 2);
        QVERIFY(near(install->completion.ci95->low, 0.290227));
        QCOMPARE(install->completion.ci95->high, 1.0);
        QVERIFY(near(*install->time.successful.geometricMean, 120));
        // Journey start: S1 ✓, S3 ✗: 1 of 2; p_adj 0.5, margin 0.405469.
        const JourneyMetrics *start = findJourney(*m, QStringLiteral("start"));
        QCOMPARE(start->completion.successes, 1);
        QCOMPARE(start->completion.trials, 2);
        QVERIFY(near(start->completion.ci95->low, 0.094531));
        // SUS 85 and 75: mean 80, A-.
        QVERIFY(near(*m->sus.score.mean, 80));
        QCOMPARE(m->sus.grade, QStringLiteral("A-"));
    }

    void filterByDocsRevisionPrefix()
    {
        MetricsFilter f;
        f.docsRevision = QStringLiteral("bbbb"); // S3 and S4
        Result<LabMetrics> m = computeMetrics(*m_lab.lab, f);
        REQUIRE_OK(m);
        QCOMPARE(m->sessions.size(), 2);
        // 1.1: 240 ✓ (S3), 45 ✗ and 75 ✓ (S4): 2 of 3.
        const TaskMetrics *install = findTask(*m, QStringLiteral("install"));
        QCOMPARE(install->attempts, 3);
        QCOMPARE(install->successes, 2);
        QCOMPARE(m->sus.score.count, 1);
        QCOMPARE(*m->sus.score.mean, 75.0);
        QVERIFY(!m->sus.score.ci95);

        f.docsRevision = QStringLiteral("aaaa1111"); // the full id works too
        QCOMPARE(computeMetrics(*m_lab.lab, f)->sessions.size(), 2);
        f.docsRevision = QStringLiteral("bbbb2222x");
        QCOMPARE(computeMetrics(*m_lab.lab, f)->sessions.size(), 0);
    }

    void filterByDates_data()
    {
        QTest::addColumn<QDate>("since");
        QTest::addColumn<QDate>("until");
        QTest::addColumn<QStringList>("pseudonyms");
        const QDate none;
        QTest::newRow("one day") << QDate(2026, 1, 2) << QDate(2026, 1, 2) << QStringList{QStringLiteral("dz-02")};
        QTest::newRow("since the 3rd") << QDate(2026, 1, 3) << none << QStringList{QStringLiteral("dz-03"), QStringLiteral("dz-04")};
        QTest::newRow("until the 1st") << none << QDate(2026, 1, 1) << QStringList{QStringLiteral("dz-01")};
        QTest::newRow("before everything") << none << QDate(2025, 12, 31) << QStringList{};
    }

    void filterByDates()
    {
        QFETCH(QDate, since);
        QFETCH(QDate, until);
        QFETCH(QStringList, pseudonyms);
        MetricsFilter f;
        if (since.isValid())
            f.since = since;
        if (until.isValid())
            f.until = until;
        Result<LabMetrics> m = computeMetrics(*m_lab.lab, f);
        REQUIRE_OK(m);
        QStringList found;
        for (const SessionMetrics &s : m->sessions)
            found << s.pseudonym;
        QCOMPARE(found, pseudonyms);
    }

    void oneDayHasOneSession()
    {
        // S2 alone: 1.2 gave up then succeeded: 1 of 2; SUS 50 with no interval.
        MetricsFilter f;
        f.since = QDate(2026, 1, 2);
        f.until = QDate(2026, 1, 2);
        Result<LabMetrics> m = computeMetrics(*m_lab.lab, f);
        REQUIRE_OK(m);
        const TaskMetrics *login = findTask(*m, QStringLiteral("login"));
        QCOMPARE(login->completion.successes, 1);
        QCOMPARE(login->completion.trials, 2);
        QCOMPARE(login->sessions, 1);
        QCOMPARE(m->sus.grade, QStringLiteral("F"));
        QVERIFY(!m->sus.score.ci95);
    }

    void planWithoutSessions()
    {
        MetricsFilter f;
        f.planId = m_lab.otherPlanId;
        Result<LabMetrics> m = computeMetrics(*m_lab.lab, f);
        REQUIRE_OK(m);
        QCOMPARE(m->plans.size(), 1);
        QCOMPARE(m->plans.first().title, QStringLiteral("Other plan"));
        QCOMPARE(m->tasks.size(), 1);
        QCOMPARE(m->tasks.first().attempts, 0);
        QVERIFY(!m->tasks.first().completion.rate);
        QVERIFY(!m->tasks.first().time.successful.geometricMean);
        QCOMPARE(m->journeys.size(), 1);
        QCOMPARE(m->journeys.first().completion.trials, 0);
        QVERIFY(m->sessions.isEmpty());
        QCOMPARE(m->sus.score.count, 0);
        QVERIFY(m->sus.grade.isEmpty());
    }

    void badFilters_data()
    {
        QTest::addColumn<std::optional<qint64>>("planId");
        QTest::addColumn<std::optional<QDate>>("since");
        QTest::addColumn<std::optional<QDate>>("until");
        QTest::addColumn<QString>("says");
        const std::optional<QDate> any;
        QTest::newRow("unknown plan") << std::optional<qint64>(999) << any << any << QStringLiteral("no plan 999");
        QTest::newRow("plan 0") << std::optional<qint64>(0) << any << any << QStringLiteral("plan id 0 is not valid");
        QTest::newRow("since after until") << std::optional<qint64>() << std::optional<QDate>(QDate(2026, 2, 1))
                                           << std::optional<QDate>(QDate(2026, 1, 1))
                                           << QStringLiteral("2026-02-01 is after the end date 2026-01-01");
        QTest::newRow("invalid since") << std::optional<qint64>() << std::optional<QDate>(QDate(2026, 2, 30)) << any
                                       << QStringLiteral("--since: the start date is not a valid date");
        QTest::newRow("invalid until") << std::optional<qint64>() << any << std::optional<QDate>(QDate())
                                       << QStringLiteral("--until: the end date is not a valid date");
    }

    void badFilters()
    {
        QFETCH(std::optional<qint64>, planId);
        QFETCH(std::optional<QDate>, since);
        QFETCH(std::optional<QDate>, until);
        QFETCH(QString, says);
        MetricsFilter f;
        f.planId = planId;
        f.since = since;
        f.until = until;
        Result<LabMetrics> m = computeMetrics(*m_lab.lab, f);
        QVERIFY(!m.ok());
        QVERIFY2(m.error().toString().contains(says), qPrintable(m.error().toString()));
    }

    void badSusAnswersNameTheSession_data()
    {
        QTest::addColumn<QList<int>>("items");
        QTest::addColumn<QList<int>>("values");
        QTest::addColumn<QString>("says");
        QTest::newRow("out of range") << QList<int>{3} << QList<int>{9} << QStringLiteral("SUS item 3: answers run from 1 to 5; got 9");
        QTest::newRow("incomplete") << QList<int>{1, 2, 3, 4, 5, 6, 7, 8} << QList<int>(8, 3)
                                    << QStringLiteral("no answer for items 9, 10");
        QTest::newRow("repeated") << QList<int>{1, 1} << QList<int>{3, 4} << QStringLiteral("item 1 is answered more than once");
        QTest::newRow("item 11") << QList<int>{11} << QList<int>{3} << QStringLiteral("item 11");
    }

    void badSusAnswersNameTheSession()
    {
        // Answers no engine writes, put straight into a fresh lab's table.
        QFETCH(QList<int>, items);
        QFETCH(QList<int>, values);
        QFETCH(QString, says);
        const QString name = QStringLiteral("bad-%1.sqlite").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        auto opened = test::openLab(m_dir.filePath(name));
        REQUIRE_OK(opened);
        std::unique_ptr<LabDatabase> lab = std::move(opened.value());
        auto planId = test::importPlan(*lab, test::kMetricsPlan);
        REQUIRE_OK(planId);
        ManualClock clock;
        SessionEngine engine(*lab, clock);
        auto session = engine.start(test::startRequest(*planId, QStringLiteral("dz-09"), Experience::Novice, {}));
        REQUIRE_OK(session);
        auto marker = engine.marker(QStringLiteral("before the questionnaire"));
        REQUIRE_OK(marker);
        for (int i = 0; i < items.size(); ++i) {
            QSqlQuery q(lab->db());
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO answers (event_id, session_id, instrument, item, value) VALUES (?, ?, 'SUS', ?, ?)")));
            q.addBindValue(marker->eventId);
            q.addBindValue(session->id);
            q.addBindValue(items.at(i));
            q.addBindValue(values.at(i));
            QVERIFY(q.exec());
        }
        Result<LabMetrics> m = computeMetrics(*lab, {});
        QVERIFY(!m.ok());
        QVERIFY2(m.error().message.contains(says), qPrintable(m.error().toString()));
        QVERIFY2(m.error().where.contains(QStringLiteral("session %1 (%2)").arg(session->id).arg(session->uuid.left(8))),
                 qPrintable(m.error().toString()));
    }

};

QTEST_GUILESS_MAIN(TestMetricsFilters)
#include "test_metrics_filters.moc"
