#pragma once

// Reads for the evidence per docs page (sessions/analysis/evidence.h) and
// the report's timelines: what the selected sessions read, noted, searched
// and ran, as plain rows, in one snapshot of the lab.

#include "sessions/common/result.h"
#include "sessions/store/metricsstore.h"
#include "sessions/store/records.h"

#include <functional>

namespace devzero {
class LabDatabase;
}

namespace devzero::store {

// The rows carry what the evidence and the timelines use: the detail
// rows' own ids, a lookup's "how", a search's clicked page, screenshots,
// and a command's duration and cwd are not read (0 or empty), a lookup's
// closed time is its opening time plus its dwell.
struct EvidenceRows
{
    QList<SessionRow> sessions;  // as MetricsStore::sessions fills them, oldest first
    QList<AttemptRow> attempts;  // by session, then start order
    QList<LookupRow> lookups;    // by session, then event order
    QList<NoteRow> notes;        // by session, then event order; screenshots are not read
    QList<SearchRow> searches;   // by session, then event order
    QList<CommandRow> commands;  // by session, then event order
};

class EvidenceStore
{
public:
    explicit EvidenceStore(LabDatabase &lab) : m_lab(lab) {}

    // Everything above for the sessions the selection picks, in one read
    // transaction (or inside the caller's snapshot; see inSnapshot).
    Result<EvidenceRows> read(const SessionSelection &selection);

    Result<QList<LookupRow>> lookups(const SessionSelection &selection);
    Result<QList<NoteRow>> notes(const SessionSelection &selection);
    Result<QList<SearchRow>> searches(const SessionSelection &selection);
    // Every command's exit status and time; the text only of the commands
    // that failed (non-zero exit): a report never shows the others, and a
    // large lab holds hundreds of thousands of them. Duration and cwd are
    // not read.
    Result<QList<CommandRow>> commands(const SessionSelection &selection);

    // Runs fn inside one read transaction, so that several readers (the
    // metrics and the evidence of one report) see one state of the lab
    // while testers keep recording. Nothing fn does is committed.
    static Result<void> inSnapshot(LabDatabase &lab, const std::function<Result<void>()> &fn);

private:
    LabDatabase &m_lab;
};

} // namespace devzero::store
