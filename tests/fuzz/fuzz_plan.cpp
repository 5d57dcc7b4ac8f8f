// The plan parser on any bytes: no crash, no UB, and a plan that comes back
// ok is a plan a session can run (what the parser promises to reject never
// slips through).

#include "sessions/plan/plan.h"
#include "tests/fuzz/fuzzcheck.h"

#include <QSet>

using namespace devzero;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const plan::ParseResult result = plan::parsePlan(fuzz::bytes(data, size));
    FUZZ_CHECK(result.ok() == (result.errorCount() == 0), "ok() exactly when there is no error");
    int previousLine = 0;
    for (const plan::Diagnostic &d : result.diagnostics) {
        FUZZ_CHECK(d.line >= previousLine, "diagnostics in line order");
        FUZZ_CHECK(!d.message.isEmpty(), "every diagnostic says something");
        previousLine = d.line;
    }
    if (!result.ok())
        return 0;

    const plan::Plan &p = *result.plan;
    FUZZ_CHECK(!p.title.isEmpty(), "an ok plan has a title");
    FUZZ_CHECK(!p.journeys.isEmpty(), "an ok plan has a journey");
    QSet<QString> journeyKeys;
    QSet<QString> taskKeys;
    for (const plan::Journey &j : p.journeys) {
        FUZZ_CHECK(!j.title.isEmpty() && !j.key.isEmpty(), "journeys have a title and a key");
        FUZZ_CHECK(!journeyKeys.contains(j.key), "journey keys are unique");
        journeyKeys.insert(j.key);
        FUZZ_CHECK(!j.tasks.isEmpty(), "every journey has a task");
        FUZZ_CHECK(j.line > 0, "journeys have a line");
        for (const plan::Task &t : j.tasks) {
            FUZZ_CHECK(!t.title.isEmpty() && !t.key.isEmpty(), "tasks have a title and a key");
            FUZZ_CHECK(!taskKeys.contains(t.key), "task keys are unique in the plan");
            taskKeys.insert(t.key);
            FUZZ_CHECK(!t.goal.isEmpty() && !t.doneWhen.isEmpty(), "tasks have a goal and a done-when");
            FUZZ_CHECK(!t.budgetSeconds || *t.budgetSeconds > 0, "a budget is positive");
            FUZZ_CHECK(t.line > j.line, "a task comes after its journey heading");
        }
    }
    return 0;
}
