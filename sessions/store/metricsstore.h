#pragma once

// Reads for the usability metrics (sessions/analysis): the sessions a
// report selects, their task attempts and their SUS answers, as plain rows.
// Plans and tasks come from PlanStore.

#include "sessions/common/result.h"
#include "sessions/store/records.h"

#include <optional>

namespace devzero {
class LabDatabase;
}

namespace devzero::store {

// Which sessions a report covers. Every field left empty selects all.
struct SessionSelection
{
    std::optional<qint64> planId;
    std::optional<qint64> startedFromMs;   // started at or after (UTC ms)
    std::optional<qint64> startedBeforeMs; // started strictly before (UTC ms)
    QString docsRevisionPrefix;            // the session's docs commit starts with this ("3f2a" matches "3f2a9c...")
    std::optional<Experience> experience;  // the participant's experience
};

// Everything the metrics read about the selected sessions.
struct MetricsRows
{
    QList<SessionRow> sessions;
    QList<AttemptRow> attempts;
    QList<AnswerRow> susAnswers;
};

class MetricsStore
{
public:
    explicit MetricsStore(LabDatabase &lab) : m_lab(lab) {}

    // The three reads below in one read transaction (one snapshot of the
    // WAL file), so that a tester recording meanwhile cannot make the
    // sessions and their attempts disagree.
    Result<MetricsRows> read(const SessionSelection &selection);

    // The selected sessions, oldest first. Filled: id, uuid, planId,
    // planTitle, participantId, pseudonym, experience, docsRevision, state,
    // startedAtMs, endedAtMs, pausedMs. Not read: environment, the owner
    // and the counts of listings.
    Result<QList<SessionRow>> sessions(const SessionSelection &selection);

    // Every task attempt of the selected sessions, ended or not, by session
    // and then in the order they were started.
    Result<QList<AttemptRow>> attempts(const SessionSelection &selection);

    // The SUS answers of the selected sessions, by session and item.
    Result<QList<AnswerRow>> susAnswers(const SessionSelection &selection);

private:
    LabDatabase &m_lab;
};

} // namespace devzero::store
