#pragma once

// The lab the metrics tests read: a real lab file recorded with the session
// engine, time driven by a ManualClock.
//
// Plan "Metrics plan": journey 1 "start" (1.1 install, 1.2 login), journey 2
// "pay" (2.1 create-payment). A second plan, "Other plan", has no sessions.
//
// Plan "Metrics plan": journey 1 "start" (1.1 install, 1.2 login), journey 2
// "pay" (2.1 create-payment). A second plan has no sessions.
//
// S1 dz-01 novice, docs aaaa1111, 2026-01-01 09:00 UTC
//    1.1 success 60 s (SEQ 6) · 1.2 success 120 s (SEQ 5) · 2.1 failure 240 s (SEQ 2)
//    SUS 4 2 5 1 4 2 5 1 4 2 = 85 (A+, learnability 87.5, usability 84.375); ended
// S2 dz-02 expert, docs aaaa1111, 2026-01-02 09:00
//    1.1 success 50 s + paused 30 s + 70 s = 120 s active (SEQ 7)
//    1.2 gave up 30 s (SEQ 3), retried: success 90 s · 2.1 success 60 s (SEQ 6)
//    SUS all 3 = 50 (F, 50, 50); ended
// S3 dz-03 novice, docs bbbb2222, 2026-01-03 09:00
//    1.1 success 240 s (SEQ 4) · 1.2 skipped 5 s · 2.1 success 120 s (SEQ 5)
//    SUS 4 2 4 2 ... = 75 (B, 75, 75); ended
// S4 dz-04 intermediate, docs bbbb2222, 2026-01-03 15:00
//    1.1 failure 45 s, retried: success 75 s · 1.2 started, still open; no SUS; running
//
// Between tasks 10 s pass (not task time).

#include "sessions/analysis/labmetrics.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/store/labdatabase.h"

#include <memory>

namespace devzero::test {

struct MetricsLab
{
    std::unique_ptr<LabDatabase> lab;
    qint64 planId = 0;
    qint64 otherPlanId = 0;
    QList<qint64> sessionIds; // S1..S4
};

extern const QByteArray kMetricsPlan;

// Opens (creating) the lab file at `path`; an error says why not.
Result<std::unique_ptr<LabDatabase>> openLab(const QString &path);
// Parses and imports a plan; its id, or an error.
Result<qint64> importPlan(LabDatabase &lab, const QByteArray &text);
capture::StartRequest startRequest(qint64 planId, const QString &pseudonym, store::Experience experience,
                                   const QString &docsRevision);

// Records S1..S4 above into a new lab at `path`. An empty string on
// success, else what failed.
QString buildMetricsLab(const QString &path, MetricsLab &out);

// Relative comparison for hand-computed figures given to 6 decimals.
bool near(double actual, double expected, double tolerance = 1e-6);

const analysis::TaskMetrics *findTask(const analysis::LabMetrics &metrics, const QString &key);
const analysis::JourneyMetrics *findJourney(const analysis::LabMetrics &metrics, const QString &key);

} // namespace devzero::test

#define REQUIRE_OK(result) QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : (result).error().toString()))
