#pragma once

// Plain rows of the lab, as the store reads and writes them.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace devzero::store {

enum class SessionState { Running, Paused, Ended, Abandoned };
enum class Outcome { Success, Failure, GaveUp, Skipped };
enum class Experience { Novice, Intermediate, Expert };

QString toString(SessionState state);
QString toString(Outcome outcome);
QString toString(Experience experience);
std::optional<SessionState> sessionStateFromString(const QString &text);
std::optional<Outcome> outcomeFromString(const QString &text);       // "success", "gave-up", "gave_up", ...
std::optional<Experience> experienceFromString(const QString &text);

struct PlanRow
{
    qint64 id = 0;
    QString title;
    QString summary;
    QStringList tools;
    QString sourcePath;
    QString contentSha256;
    qint64 importedAtMs = 0;
    int journeyCount = 0;
    int taskCount = 0;
};

struct TaskRow
{
    qint64 id = 0;
    qint64 planId = 0;
    qint64 journeyId = 0;
    int journeyPosition = 0; // 1-based
    int position = 0;        // 1-based within the journey
    QString key;
    QString title;
    QString goal;
    QString doneWhen;
    std::optional<qint64> budgetSeconds;
    QString check;
    QString journeyKey;
    QString journeyTitle;
    QString journeyOutcome;

    QString number() const { return QStringLiteral("%1.%2").arg(journeyPosition).arg(position); }
};

struct ParticipantRow
{
    qint64 id = 0;
    QString pseudonym;
    Experience experience = Experience::Novice;
    std::optional<qint64> consentAtMs;
};

struct SessionRow
{
    qint64 id = 0;
    QString uuid;
    qint64 planId = 0;
    QString planTitle;
    qint64 participantId = 0;
    QString pseudonym;
    Experience experience = Experience::Novice;
    QString docsRevision;
    QJsonObject environment;
    SessionState state = SessionState::Running;
    qint64 startedAtMs = 0;
    std::optional<qint64> endedAtMs;
    qint64 monoOriginNs = 0;
    QString bootId;
    std::optional<qint64> pausedAtNs; // set while paused: session-relative ns
    qint64 pausedMs = 0;
    std::optional<qint64> ownerPid;
    QString ownerBootId;
    // Counts filled by listings.
    int attemptCount = 0;
    int noteCount = 0;
    int eventCount = 0;

    bool isOpen() const { return state == SessionState::Running || state == SessionState::Paused; }
};

struct AttemptRow
{
    qint64 id = 0;
    qint64 sessionId = 0;
    qint64 taskId = 0;
    QString taskKey;
    QString taskTitle;
    QString taskNumber;
    qint64 startedAtMs = 0;
    qint64 startedNs = 0;
    std::optional<qint64> endedAtMs;
    std::optional<qint64> endedNs;
    std::optional<Outcome> outcome;
    qint64 pausedMs = 0;
    std::optional<qint64> activeMs;
    std::optional<int> seq;
};

struct EventRow
{
    qint64 id = 0;
    qint64 sessionId = 0;
    qint64 ordinal = 0;
    qint64 wallMs = 0;
    qint64 monoNs = 0;
    QString kind;
    std::optional<qint64> attemptId;
    QJsonObject payload;
};

struct NoteRow
{
    qint64 id = 0;
    qint64 eventId = 0;
    qint64 sessionId = 0;
    std::optional<qint64> attemptId;
    int severity = 2;
    QString category;
    QString text;
    QString page;
    QString anchor;
    QByteArray screenshot; // PNG, may be empty
    qint64 wallMs = 0;
};

struct LookupRow
{
    qint64 id = 0;
    qint64 eventId = 0;
    qint64 sessionId = 0;
    std::optional<qint64> attemptId;
    QString page;
    QString anchor;
    QString how; // "panel", "search", "link", "url", "cli", ...
    QString docsRevision;
    qint64 openedAtMs = 0;
    std::optional<qint64> closedAtMs;
    std::optional<qint64> dwellMs;
};

struct SearchRow
{
    qint64 id = 0;
    qint64 eventId = 0;
    qint64 sessionId = 0;
    std::optional<qint64> attemptId;
    QString query;
    int resultCount = 0;
    QString clickedPage;
    QString clickedAnchor;
    qint64 wallMs = 0;
};

struct CommandRow
{
    qint64 id = 0;
    qint64 eventId = 0;
    qint64 sessionId = 0;
    std::optional<qint64> attemptId;
    QString command;
    std::optional<qint64> exitStatus;
    std::optional<qint64> durationMs;
    QString cwd;
    qint64 wallMs = 0;
};

struct AnswerRow
{
    qint64 id = 0;
    qint64 eventId = 0;
    qint64 sessionId = 0;
    std::optional<qint64> attemptId;
    QString instrument; // "SEQ" or "SUS"
    int item = 0;       // SEQ: 1; SUS: 1..10
    int value = 0;
};

} // namespace devzero::store
