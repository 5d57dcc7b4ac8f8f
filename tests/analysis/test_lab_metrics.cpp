// computeMetrics on the lab of support_metricslab.h (four sessions recorded
// with the session engine): per task, per journey, per session, overall,
// and the JSON. Every figure is worked out by hand in the comments.

#include "tests/analysis/support_metricslab.h"

#include "sessions/analysis/labmetrics.h"
#include "sessions/store/labdatabase.h"

#include "sessions/analysis/metricsjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::analysis;
using namespace devzero::store;
using devzero::test::findJourney;
using devzero::test::findTask;
using devzero::test::near;

class TestLabMetrics : public QObject
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

    void tasks()
    {
        Result<LabMetrics> m = computeMetrics(*m_lab.lab, {});
        REQUIRE_OK(m);
        QCOMPARE(m->plans.size(), 1); // the plan without sessions is not in scope
        QCOMPARE(m->plans.first().title, QStringLiteral("Metrics plan"));
        QCOMPARE(m->tasks.size(), 3);
        QCOMPARE(m->tasks.at(0).number, QStringLiteral("1.1"));
        QCOMPARE(m->tasks.at(2).number, QStringLiteral("2.1"));

        // 1.1: 60 ✓ (S1), 120 ✓ (S2), 240 ✓ (S3), 45 ✗ and 75 ✓ (S4): 5 attempts from 4 sessions.
        const TaskMetrics *install = findTask(*m, QStringLiteral("install"));
        QVERIFY(install);
        QCOMPARE(install->title, QStringLiteral("Install the CLI"));
        QCOMPARE(install->journeyKey, QStringLiteral("start"));
        QCOMPARE(install->attempts, 5);
        QCOMPARE(install->successes, 4);
        QCOMPARE(install->failures, 1);
        QCOMPARE(install->sessions, 4);
        // 4 of 5: p_adj = 5.920729 / 8.841459 = 0.669655, [0.359631, 0.979679].
        QVERIFY(near(*install->completion.rate, 0.8));
        QVERIFY(near(install->completion.ci95->low, 0.359631));
        QVERIFY(near(install->completion.ci95->high, 0.979679));
        // Successes 60, 120 (pause excluded), 240, 75 s:
        // ln 4.094345 + 4.787492 + 5.480639 + 4.317488 = 18.679963, / 4 = 4.669991;
        // gm = (60·75·120·240)^(1/4) = 129,600,000^(1/4) = 106.696765;
        // sd of ln = 0.612803, se = 0.306402, t(0.975, 3) = 3.182446, margin 0.975107;
        // exp(4.669991 ∓ 0.975107) = 40.240907 and 282.901168.
        QCOMPARE(install->time.successful.count, 4);
        QVERIFY(near(*install->time.successful.geometricMean, 106.696765));
        QVERIFY(near(install->time.successful.ci95->low, 40.240907));
        QVERIFY(near(install->time.successful.ci95->high, 282.901168));
        // The failure (45 s) apart: one value, a mean without interval.
        QCOMPARE(install->time.unsuccessful.count, 1);
        QVERIFY(near(*install->time.unsuccessful.geometricMean, 45));
        QVERIFY(!install->time.unsuccessful.ci95);
        // SEQ 6, 7, 4 (S4 answered none): mean 17/3 = 5.666667; deviations 1/3, 4/3, -5/3:
        // squares 1/9 + 16/9 + 25/9 = 42/9, var 7/3, sd 1.527525, se 0.881917;
        // t(0.975, 2) = 4.302653, margin 3.794583: [1.872084, 9.46 -> 7]: overlaps 5.5.
        QCOMPARE(install->seq.answers.count, 3);
        QVERIFY(near(*install->seq.answers.mean, 5.666667));
        QVERIFY(near(install->seq.answers.ci95->low, 1.872084));
        QCOMPARE(install->seq.answers.ci95->high, 7.0);
        QVERIFY(near(*install->seq.difference, 0.166667));
        QCOMPARE(toString(install->seq.comparison), QStringLiteral("overlaps"));

        // 1.2: 120 ✓ (S1), 30 gave up + 90 ✓ (S2), skipped 5 s (S3), S4's open attempt not counted.
        const TaskMetrics *login = findTask(*m, QStringLiteral("login"));
        QVERIFY(login);
        QCOMPARE(login->attempts, 4);
        QCOMPARE(login->successes, 2);
        QCOMPARE(login->gaveUp, 1);
        QCOMPARE(login->skipped, 1);
        QCOMPARE(login->failures, 0);
        QCOMPARE(login->sessions, 3);
        // Skipped left out: 2 of 3; p_adj = 3.920729 / 6.841459 = 0.573084, [0.202442, 0.943725].
        QCOMPARE(login->completion.trials, 3);
        QVERIFY(near(*login->completion.adjustedRate, 0.573084));
        QVERIFY(near(login->completion.ci95->low, 0.202442));
        QVERIFY(near(login->completion.ci95->high, 0.943725));
        // Successes 120, 90: gm √10800 = 103.923048; ln(120/90) = 0.287682,
        // se = 0.287682/2, margin = 12.706205 × 0.143841 = 1.827674:
        // [16.709494, 646.339148].
        QVERIFY(near(*login->time.successful.geometricMean, 103.923048));
        QVERIFY(near(login->time.successful.ci95->low, 16.709494));
        QVERIFY(near(login->time.successful.ci95->high, 646.339148));
        QCOMPARE(login->time.unsuccessful.count, 1);
        QVERIFY(near(*login->time.unsuccessful.geometricMean, 30));
        // SEQ 5 and 3 (the skip has none): mean 4.
        QCOMPARE(login->seq.answers.count, 2);
        QVERIFY(near(*login->seq.answers.mean, 4));

        // 2.1: 240 ✗ (S1), 60 ✓ (S2), 120 ✓ (S3): 2 of 3; gm √7200 = 84.852814.
        // SEQ 2, 6, 5: mean 13/3 = 4.333333, sd 2.081666, margin 5.171145: clipped to [1, 7].
        const TaskMetrics *pay = findTask(*m, QStringLiteral("create-payment"));
        QVERIFY(pay);
        QCOMPARE(pay->attempts, 3);
        QCOMPARE(pay->successes, 2);
        QCOMPARE(pay->failures, 1);
        QVERIFY(near(*pay->completion.adjustedRate, 0.573084));
        QVERIFY(near(*pay->time.successful.geometricMean, 84.852814));
        QVERIFY(near(*pay->time.unsuccessful.geometricMean, 240));
        QVERIFY(near(*pay->seq.answers.mean, 4.333333));
        QVERIFY(near(*pay->seq.answers.sd, 2.081666));
        QCOMPARE(pay->seq.answers.ci95->low, 1.0);
        QCOMPARE(pay->seq.answers.ci95->high, 7.0);
    }

    void journeys()
    {
        Result<LabMetrics> m = computeMetrics(*m_lab.lab, {});
        REQUIRE_OK(m);
        QCOMPARE(m->journeys.size(), 2);

        // start: S1 ✓ (1.1 and 1.2 succeeded), S2 ✓ (1.2 on the retry),
        // S3 ✗ (1.2 skipped), S4 ✗ (1.2 still open): 2 of 4 sessions;
        // p_adj = 3.920729 / 7.841459 = 0.5, margin 0.349961.
        const JourneyMetrics *start = findJourney(*m, QStringLiteral("start"));
        QVERIFY(start);
        QCOMPARE(start->position, 1);
        QCOMPARE(start->outcome, QStringLiteral("Can a new developer get started?"));
        QCOMPARE(start->taskNumbers, (QStringList{QStringLiteral("1.1"), QStringLiteral("1.2")}));
        QCOMPARE(start->completion.successes, 2);
        QCOMPARE(start->completion.trials, 4);
        QVERIFY(near(start->completion.ci95->low, 0.150039));
        QVERIFY(near(start->completion.ci95->high, 0.849961));
        // First success: S1 60 s, S2 120 s, S3 240 s, S4 45 + 75 = 120 s.
        // gm = (60·120·240·120)^(1/4) = 120; ln deviations -ln2, 0, ln2, 0:
        // sd = ln2 √(2/3) = 0.565952, se = ln2/√6; t(0.975, 3) = 3.182446;
        // factor 2^(3.182446/√6) = 2^1.299228 = 2.460938: [48.761220, 295.316644].
        QCOMPARE(start->timeToFirstSuccess.count, 4);
        QVERIFY(near(*start->timeToFirstSuccess.geometricMean, 120));
        QVERIFY(near(start->timeToFirstSuccess.ci95->low, 48.761220));
        QVERIFY(near(start->timeToFirstSuccess.ci95->high, 295.316644));
        QCOMPARE(start->sessionsWithoutSuccess, 0);

        // pay: S1 ✗, S2 ✓, S3 ✓, S4 never tried: 2 of 3.
        // First success S2 60 s, S3 120 s: gm √7200 = 84.852814; S1 without success.
        const JourneyMetrics *pay = findJourney(*m, QStringLiteral("pay"));
        QVERIFY(pay);
        QCOMPARE(pay->completion.successes, 2);
        QCOMPARE(pay->completion.trials, 3);
        QCOMPARE(pay->timeToFirstSuccess.count, 2);
        QVERIFY(near(*pay->timeToFirstSuccess.geometricMean, 84.852814));
        QCOMPARE(pay->sessionsWithoutSuccess, 1);
    }

    void sessionsAndSus()
    {
        Result<LabMetrics> m = computeMetrics(*m_lab.lab, {});
        REQUIRE_OK(m);
        QCOMPARE(m->sessions.size(), 4);
        QList<qint64> ids;
        for (const SessionMetrics &s : m->sessions)
            ids << s.sessionId;
        QCOMPARE(ids, m_lab.sessionIds); // oldest first

        const SessionMetrics &s1 = m->sessions.at(0);
        QCOMPARE(s1.pseudonym, QStringLiteral("dz-01"));
        QCOMPARE(s1.docsRevision, QStringLiteral("aaaa1111"));
        QCOMPARE(s1.attempts, 3);
        QCOMPARE(s1.successes, 2);
        QVERIFY(s1.sus);
        QCOMPARE(s1.sus->score, 85.0);
        QCOMPARE(s1.sus->grade, QStringLiteral("A+"));
        QCOMPARE(s1.sus->learnability, 87.5);
        QCOMPARE(s1.sus->usability, 84.375);
        QCOMPARE(m->sessions.at(1).sus->score, 50.0);
        QCOMPARE(m->sessions.at(1).sus->grade, QStringLiteral("F"));
        QCOMPARE(m->sessions.at(1).attempts, 4);
        QCOMPARE(m->sessions.at(1).successes, 3);
        QCOMPARE(m->sessions.at(2).sus->grade, QStringLiteral("B"));
        const SessionMetrics &s4 = m->sessions.at(3);
        QVERIFY(!s4.sus);
        QCOMPARE(s4.attempts, 2); // the open attempt is not counted
        QCOMPARE(toString(s4.state), QStringLiteral("running"));
        QCOMPARE(toString(s4.experience), QStringLiteral("intermediate"));

        // Overall: 85, 50, 75: mean 70, sd 18.027756, margin 44.783429,
        // [25.216571, 100 (clipped)]; grade C.
        QCOMPARE(m->sus.score.count, 3);
        QVERIFY(near(*m->sus.score.mean, 70));
        QVERIFY(near(m->sus.score.ci95->low, 25.216571));
        QCOMPARE(m->sus.score.ci95->high, 100.0);
        QCOMPARE(m->sus.grade, QStringLiteral("C"));
        // Learnability (87.5 + 50 + 75) / 3 = 70.833333; usability (84.375 + 50 + 75) / 3 = 69.791667.
        QVERIFY(near(*m->sus.learnability.mean, 70.833333));
        QVERIFY(near(*m->sus.usability.mean, 69.791667));
    }

    void json()
    {
        MetricsFilter f;
        f.experience = Experience::Novice;
        f.since = QDate(2026, 1, 1);
        Result<LabMetrics> m = computeMetrics(*m_lab.lab, f);
        REQUIRE_OK(m);
        // Through text and back, as a script would read it.
        const QJsonObject o = QJsonDocument::fromJson(QJsonDocument(toJson(*m)).toJson()).object();
        QCOMPARE(o.value(QStringLiteral("schema")).toString(), QStringLiteral("devzero.metrics/1"));
        const QJsonObject filter = o.value(QStringLiteral("filter")).toObject();
        QCOMPARE(filter.value(QStringLiteral("experience")).toString(), QStringLiteral("novice"));
        QCOMPARE(filter.value(QStringLiteral("since")).toString(), QStringLiteral("2026-01-01"));
        QVERIFY(filter.value(QStringLiteral("until")).isNull());
        QVERIFY(filter.value(QStringLiteral("plan_id")).isNull());

        const QJsonArray tasks = o.value(QStringLiteral("tasks")).toArray();
        QCOMPARE(tasks.size(), 3);
        // 1.2 for S1 and S3: 120 ✓ and a skip: 1 of 1, one time, no interval.
        const QJsonObject login = tasks.at(1).toObject();
        QCOMPARE(login.value(QStringLiteral("key")).toString(), QStringLiteral("login"));
        QCOMPARE(login.value(QStringLiteral("number")).toString(), QStringLiteral("1.2"));
        QCOMPARE(login.value(QStringLiteral("skipped")).toInt(), 1);
        const QJsonObject completion = login.value(QStringLiteral("completion")).toObject();
        QCOMPARE(completion.value(QStringLiteral("trials")).toInt(), 1);
        QCOMPARE(completion.value(QStringLiteral("rate")).toDouble(), 1.0);
        // 1 of 1: p_adj 0.603275, [0.167499, 1].
        QVERIFY(near(completion.value(QStringLiteral("ci95")).toObject().value(QStringLiteral("low")).toDouble(), 0.167499));
        const QJsonObject time = login.value(QStringLiteral("time_on_task_s")).toObject();
        QCOMPARE(time.value(QStringLiteral("geometric_mean")).toDouble(), 120.0);
        QVERIFY(time.value(QStringLiteral("ci95")).isNull());
        QCOMPARE(login.value(QStringLiteral("unsuccessful_time_s")).toObject().value(QStringLiteral("count")).toInt(), 0);
        QVERIFY(login.value(QStringLiteral("unsuccessful_time_s")).toObject().value(QStringLiteral("geometric_mean")).isNull());
        const QJsonObject seq = login.value(QStringLiteral("seq")).toObject();
        QCOMPARE(seq.value(QStringLiteral("benchmark")).toDouble(), 5.5);
        QCOMPARE(seq.value(QStringLiteral("mean")).toDouble(), 5.0);
        QCOMPARE(seq.value(QStringLiteral("comparison")).toString(), QStringLiteral("not-enough-data"));

        const QJsonArray journeys = o.value(QStringLiteral("journeys")).toArray();
        QCOMPARE(journeys.size(), 2);
        QCOMPARE(journeys.at(1).toObject().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("Can a new developer take a card payment?"));
        QCOMPARE(journeys.at(1).toObject().value(QStringLiteral("sessions_without_success")).toInt(), 1);

        const QJsonArray sessions = o.value(QStringLiteral("sessions")).toArray();
        QCOMPARE(sessions.size(), 2);
        QCOMPARE(sessions.at(0).toObject().value(QStringLiteral("sus")).toObject().value(QStringLiteral("grade")).toString(),
                 QStringLiteral("A+"));
        const QJsonObject sus = o.value(QStringLiteral("sus")).toObject();
        QCOMPARE(sus.value(QStringLiteral("grade")).toString(), QStringLiteral("A-"));
        QCOMPARE(sus.value(QStringLiteral("score")).toObject().value(QStringLiteral("mean")).toDouble(), 80.0);
    }
};

QTEST_GUILESS_MAIN(TestLabMetrics)
#include "test_lab_metrics.moc"
