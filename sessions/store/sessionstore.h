#pragma once

// Participants, sessions, task attempts, events and their details.
// Writers are meant to run inside LabDatabase::write() so that an event and
// the state it changes commit together; readers run anywhere.

#include "sessions/common/result.h"
#include "sessions/store/records.h"

namespace devzero {
class LabDatabase;
}

namespace devzero::store {

class SessionStore
{
public:
    explicit SessionStore(LabDatabase &lab) : m_lab(lab) {}

    // --- writes (inside LabDatabase::write) ---
    Result<qint64> ensureParticipant(const QString &pseudonym, Experience experience,
                                     std::optional<qint64> consentAtMs, qint64 nowMs);
    Result<qint64> insertSession(const SessionRow &session);
    Result<void> setSessionState(qint64 sessionId, SessionState state, std::optional<qint64> endedAtMs);
    Result<void> setPaused(qint64 sessionId, std::optional<qint64> pausedAtNs, qint64 addPausedMs);
    Result<void> setOwner(qint64 sessionId, std::optional<qint64> pid, const QString &bootId);

    // Appends an event with the next ordinal of its session.
    Result<qint64> insertEvent(const EventRow &event);
    Result<qint64> insertAttempt(const AttemptRow &attempt);
    Result<void> finishAttempt(qint64 attemptId, qint64 endedAtMs, qint64 endedNs, Outcome outcome, qint64 activeMs);
    Result<void> addAttemptPause(qint64 attemptId, qint64 pausedMs);
    Result<void> setAttemptSeq(qint64 attemptId, int seq);
    Result<qint64> insertNote(const NoteRow &note);
    Result<qint64> insertLookup(const LookupRow &lookup);
    Result<void> closeLookup(qint64 lookupId, qint64 closedAtMs, qint64 dwellMs);
    Result<qint64> insertSearch(const SearchRow &search);
    Result<qint64> insertCommand(const CommandRow &command);
    Result<qint64> insertAnswer(const AnswerRow &answer);

    // --- reads ---
    Result<SessionRow> session(qint64 sessionId);
    // By numeric id, full uuid, or a uuid prefix of at least 4 characters.
    Result<SessionRow> findSession(const QString &idOrUuid);
    Result<QList<SessionRow>> sessions();
    Result<QList<AttemptRow>> attempts(qint64 sessionId);
    Result<std::optional<AttemptRow>> openAttempt(qint64 sessionId);
    Result<QList<EventRow>> events(qint64 sessionId);
    Result<std::optional<EventRow>> lastEvent(qint64 sessionId);
    Result<qint64> eventCount(qint64 sessionId);
    Result<QList<NoteRow>> notes(qint64 sessionId);
    Result<QList<LookupRow>> lookups(qint64 sessionId);
    Result<QList<LookupRow>> openLookups(qint64 sessionId);
    Result<QList<SearchRow>> searches(qint64 sessionId);
    Result<QList<CommandRow>> commands(qint64 sessionId);
    Result<QList<AnswerRow>> answers(qint64 sessionId);

private:
    LabDatabase &m_lab;
};

} // namespace devzero::store
