#pragma once

// Plans, journeys and tasks in the lab.

#include "sessions/common/result.h"
#include "sessions/plan/plan.h"
#include "sessions/store/records.h"

namespace devzero {
class LabDatabase;
}

namespace devzero::store {

class PlanStore
{
public:
    explicit PlanStore(LabDatabase &lab) : m_lab(lab) {}

    struct Imported {
        qint64 planId = 0;
        bool alreadyPresent = false; // the same text was imported before
    };

    // Stores a parsed plan with its source text. Importing the very same
    // text again returns the existing plan instead of a duplicate.
    Result<Imported> importPlan(const plan::Plan &plan, const QByteArray &sourceText, const QString &sourcePath,
                                qint64 nowMs);

    Result<QList<PlanRow>> plans();
    Result<PlanRow> plan(qint64 planId);
    Result<QList<TaskRow>> tasks(qint64 planId);
    Result<TaskRow> task(qint64 taskId);

    // A task by its key ("install-the-cli"), number ("1.2") or title.
    Result<TaskRow> findTask(qint64 planId, const QString &keyOrNumber);

private:
    LabDatabase &m_lab;
};

} // namespace devzero::store
