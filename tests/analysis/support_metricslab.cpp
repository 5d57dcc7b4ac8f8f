#include "tests/analysis/support_metricslab.h"

#include "sessions/capture/clock.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"

#include <QDateTime>

#include <cmath>

namespace devzero::test {

using namespace devzero::capture;
using namespace devzero::store;

const QByteArray kMetricsPlan = R"(# Metrics plan

## Get started {#start}

Outcome: Can a new developer get started?

### Install the CLI {#install}

Goal: Have the CLI installed.
Done when: `cli --version` prints a version.

### Log in {#login}

Goal: Be logged in.
Done when: `cli whoami` prints your name.

## Take a payment {#pay}

Outcome: Can a new developer take a card payment?

### Create a payment {#create-payment}

Goal: Create a test payment.
Done when: the payment is listed.
)";

namespace {

const QByteArray kOtherPlan = R"(# Other plan

## Only journey {#only}

Outcome: Does a plan without sessions show up?

### Only task {#only-task}

Goal: Nothing.
Done when: never.
)";

void advanceTo(ManualClock &clock, const QString &isoUtc)
{
    clock.advanceMs(QDateTime::fromString(isoUtc, Qt::ISODate).toMSecsSinceEpoch() - clock.wallMs());
}

// Starts task `number`, lets `seconds` of work pass, ends it with `outcome`,
// answers the SEQ when given. An empty string on success.
QString runTask(SessionEngine &engine, ManualClock &clock, const QString &number, int seconds, Outcome outcome,
                std::optional<int> seq = std::nullopt)
{
    if (auto r = engine.startTask(number); !r)
        return r.error().toString();
    clock.advanceMs(seconds * 1000LL);
    if (auto r = engine.endTask(outcome); !r)
        return r.error().toString();
    clock.advanceMs(10'000);
    if (seq) {
        if (auto r = engine.answerSeq(*seq); !r)
            return r.error().toString();
    }
    return {};
}

} // namespace

Result<std::unique_ptr<LabDatabase>> openLab(const QString &path)
{
    return LabDatabase::open(path);
}

Result<qint64> importPlan(LabDatabase &lab, const QByteArray &text)
{
    const plan::ParseResult parsed = plan::parsePlan(text);
    if (!parsed.ok())
        return makeError(QStringLiteral("the test plan does not parse"));
    Result<PlanStore::Imported> imported = PlanStore(lab).importPlan(*parsed.plan, text, QStringLiteral("plan.md"), 1);
    if (!imported)
        return imported.error();
    return imported->planId;
}

StartRequest startRequest(qint64 planId, const QString &pseudonym, Experience experience, const QString &docsRevision)
{
    StartRequest r;
    r.planId = planId;
    r.pseudonym = pseudonym;
    r.experience = experience;
    r.consent = true;
    r.docsRevision = docsRevision;
    return r;
}

QString buildMetricsLab(const QString &path, MetricsLab &out)
{
    auto lab = openLab(path);
    if (!lab)
        return lab.error().toString();
    out.lab = std::move(lab.value());
    auto plan = importPlan(*out.lab, kMetricsPlan);
    auto other = importPlan(*out.lab, kOtherPlan);
    if (!plan || !other)
        return QStringLiteral("importing the plans failed");
    out.planId = *plan;
    out.otherPlanId = *other;

    ManualClock clock; // 2026-01-01 00:00 UTC
    SessionEngine engine(*out.lab, clock);
    QString failed;
    const auto step = [&](const QString &error) {
        if (failed.isEmpty())
            failed = error;
    };
    const auto ok = [&](const auto &result) {
        if (!result)
            step(result.error().toString());
    };

    advanceTo(clock, QStringLiteral("2026-01-01T09:00:00Z"));
    auto s1 = engine.start(startRequest(out.planId, QStringLiteral("dz-01"), Experience::Novice, QStringLiteral("aaaa1111")));
    if (!s1)
        return s1.error().toString();
    step(runTask(engine, clock, QStringLiteral("1.1"), 60, Outcome::Success, 6));
    step(runTask(engine, clock, QStringLiteral("1.2"), 120, Outcome::Success, 5));
    step(runTask(engine, clock, QStringLiteral("2.1"), 240, Outcome::Failure, 2));
    ok(engine.answerSus({4, 2, 5, 1, 4, 2, 5, 1, 4, 2}));
    ok(engine.end());

    advanceTo(clock, QStringLiteral("2026-01-02T09:00:00Z"));
    auto s2 = engine.start(startRequest(out.planId, QStringLiteral("dz-02"), Experience::Expert, QStringLiteral("aaaa1111")));
    if (!s2)
        return s2.error().toString();
    ok(engine.startTask(QStringLiteral("1.1")));
    clock.advanceMs(50'000);
    ok(engine.pause());
    clock.advanceMs(30'000); // paused: not task time
    ok(engine.resume());
    clock.advanceMs(70'000);
    ok(engine.endTask(Outcome::Success));
    ok(engine.answerSeq(7));
    step(runTask(engine, clock, QStringLiteral("1.2"), 30, Outcome::GaveUp, 3));
    step(runTask(engine, clock, QStringLiteral("1.2"), 90, Outcome::Success));
    step(runTask(engine, clock, QStringLiteral("2.1"), 60, Outcome::Success, 6));
    ok(engine.answerSus(QList<int>(10, 3)));
    ok(engine.end());

    advanceTo(clock, QStringLiteral("2026-01-03T09:00:00Z"));
    auto s3 = engine.start(startRequest(out.planId, QStringLiteral("dz-03"), Experience::Novice, QStringLiteral("bbbb2222")));
    if (!s3)
        return s3.error().toString();
    step(runTask(engine, clock, QStringLiteral("1.1"), 240, Outcome::Success, 4));
    step(runTask(engine, clock, QStringLiteral("1.2"), 5, Outcome::Skipped));
    step(runTask(engine, clock, QStringLiteral("2.1"), 120, Outcome::Success, 5));
    ok(engine.answerSus({4, 2, 4, 2, 4, 2, 4, 2, 4, 2}));
    ok(engine.end());

    advanceTo(clock, QStringLiteral("2026-01-03T15:00:00Z"));
    auto s4 = engine.start(startRequest(out.planId, QStringLiteral("dz-04"), Experience::Intermediate, QStringLiteral("bbbb2222")));
    if (!s4)
        return s4.error().toString();
    step(runTask(engine, clock, QStringLiteral("1.1"), 45, Outcome::Failure));
    step(runTask(engine, clock, QStringLiteral("1.1"), 75, Outcome::Success));
    ok(engine.startTask(QStringLiteral("1.2")));
    clock.advanceMs(600'000); // still open: counts nowhere

    out.sessionIds = {s1->id, s2->id, s3->id, s4->id};
    return failed;
}

bool near(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

const analysis::TaskMetrics *findTask(const analysis::LabMetrics &metrics, const QString &key)
{
    for (const analysis::TaskMetrics &t : metrics.tasks) {
        if (t.key == key)
            return &t;
    }
    return nullptr;
}

const analysis::JourneyMetrics *findJourney(const analysis::LabMetrics &metrics, const QString &key)
{
    for (const analysis::JourneyMetrics &j : metrics.journeys) {
        if (j.key == key)
            return &j;
    }
    return nullptr;
}

} // namespace devzero::test
