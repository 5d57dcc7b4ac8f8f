#pragma once

// The docs owners' triage of hidden-assumption flags: an append-only
// history of state changes per flag (who, when, a note, the page's blob at
// the time), and the state a flag shows once the docs were re-indexed and
// new sessions ran.
//
// A flag is named by its fingerprint (flagFingerprint), built from what
// survives a re-index: the rule, the page path, the section anchor and the
// term. Lines and blob ids change with every edit of the page, so they are
// not part of it.

#include "sessions/common/result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace devzero {
class LabDatabase;
}

namespace devzero::store {

enum class TriageState { Open, Accepted, Fixed, Verified, WontFix };

QString toString(TriageState state); // "open", "accepted", "fixed", "verified", "wont_fix"
QString triageStateLabel(TriageState state); // "Open", ..., "Won't fix"
std::optional<TriageState> triageStateFromString(const QString &text); // also "won't fix", "wont-fix"
const QList<TriageState> &triageStates();

// "rule|page|anchor|term", each part with '|' and '\' escaped.
QString flagFingerprint(const QString &ruleId, const QString &page, const QString &anchor, const QString &term);

struct TriageChange
{
    qint64 id = 0;
    QString fingerprint;
    QString rule;
    QString page;
    // Where the flag was when the change was made, so that a flag the rules
    // no longer raise (the fix worked) can still be shown and retested.
    QString anchor;
    QString term;
    int startLine = 0;
    int endLine = 0;
    QString message;
    TriageState state = TriageState::Open;
    QString actor;  // who: a name or e-mail
    QString note;
    QString blobId; // the page's blob when the change was made
    qint64 atMs = 0;
};

// What the queue shows for a flag, given its history and the present.
enum class TriageStatus { Open, Accepted, Fixed, FixedNeedsRetest, Verified, WontFix };
QString triageStatusLabel(TriageStatus status); // "Fixed, needs retest", ...

struct TriagePresent
{
    QString currentBlobId;          // the page's blob at the last indexed revision
    // Sessions that started after the flag was marked fixed, and how many
    // of them produced problem evidence on the flag's page.
    int sessionsSinceFixed = 0;
    int sessionsSinceFixedWithEvidence = 0;
};

// Fixed and the page's blob changed since: "fixed, needs retest" (the fix
// reached the docs; a session must now prove it).
TriageStatus triageStatus(const std::optional<TriageChange> &latest, const TriagePresent &present);

// Verified is allowed only on a fixed flag after a later session with no
// new problem evidence on its page; the reason when it is not.
Result<void> canVerify(const std::optional<TriageChange> &latest, const TriagePresent &present);

class TriageStore
{
public:
    explicit TriageStore(LabDatabase &lab) : m_lab(lab) {}

    // Appends a change (its own transaction); returns the change with its id.
    // Errors: an empty fingerprint or actor.
    Result<TriageChange> record(const TriageChange &change);
    // Removes one change (undo of record). Error when it does not exist.
    Result<void> remove(qint64 changeId);
    // Puts a removed change back with its old id (redo after undo).
    Result<void> restore(const TriageChange &change);

    // The newest change of every flag with a history, by fingerprint.
    Result<QHash<QString, TriageChange>> latestChanges();
    // Every change of one flag, oldest first.
    Result<QList<TriageChange>> history(const QString &fingerprint);

private:
    Result<void> insert(const TriageChange &change, bool withId, qint64 *newId);
    LabDatabase &m_lab;
};

} // namespace devzero::store
