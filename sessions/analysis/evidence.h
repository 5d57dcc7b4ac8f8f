#pragma once

// Evidence per docs page and section: what testers did around a page, from
// the lab's lookups, notes, searches, commands and task outcomes; and the
// ranking of hidden-assumption flags by that evidence.
//
// Definitions. A "context" is one task attempt of one session (or, for
// what happens between tasks, the time outside attempts of that session).
// Within a context, events are taken in the order they happened (lookups
// at the time the page was opened).
// - lookups: every lookup of the page (section: with that anchor); dwell
//   total and median over the lookups that were closed.
// - revisits: lookups of the page (section) after its first one in the
//   same task attempt. Lookups between tasks never count as revisits.
// - notes: notes attached to the page (section: to that anchor).
// - term notes: notes NOT attached to the page that name one of its terms
//   (title words, headings, command names, acronyms; PageVocabulary), in a
//   context where the page was read before the note. Needs vocabularies
//   (from the docs index); zero without them. A term first seen inside a
//   section, or a heading, attributes the note to that section too.
// - zero-result searches: searches that found nothing, attributed to the
//   page (section) read last before them in the same context. Lab-wide
//   they are grouped by normalised query (normaliseQuery).
// - failed commands: commands with a non-zero exit status after the page
//   was read in the same context (each command counts once per page, and
//   once per section read before it); exit 127 is "command not found"
//   and is counted apart too. Commands without an exit status are ignored.
// - failed tasks: attempts that ended failed or given up in which the page
//   (section) was read.
// - readers: distinct testers (participants) who looked the page up;
//   testers: distinct testers with any of notes, term notes, zero-result
//   searches, failed commands or failed tasks on it.
// - revisions: the docs revisions the evidence was seen at: a lookup's
//   own revision; anything attributed to a lookup takes that lookup's
//   revision; an attached note with no lookup of its page in its context,
//   the session's revision.
//
// Weight (EvidenceWeights, the defaults documented there) turns counts into
// one number used to rank pages and flags. Reading a page is not evidence
// of a problem: lookups and dwell are shown, never weighted. A failed
// command or task says something is wrong, not where: its weight is shared
// equally among the pages read before it in its context (and, within a
// page, among the sections read), so a page everyone reads does not
// collect the blame for every failure.

#include "sessions/analysis/flag.h"
#include "sessions/analysis/labmetrics.h"
#include "sessions/common/result.h"
#include "sessions/store/evidencestore.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace devzero {
class LabDatabase;
}

namespace devzero::analysis {

// The weight of one unit of evidence. Defaults:
//   revisit 0.25; note 1.0 per severity point (1..4); term note 0.5 per
//   severity point; zero-result search 1.0; failed command 1.0, command
//   not found 2.0 and failed or given-up task 3.0, each shared among the
//   pages read before it in its context; each tester affected 0.5.
// For a flag: evidence on the flag's section counts fully, evidence
// elsewhere on its page counts `otherSection` (0.5); each note, term note,
// zero-result search or failed command there whose text names the flag's
// term adds `direct` (4.0). See rankFlags.
struct EvidenceWeights
{
    double revisit = 0.25;
    double notePerSeverity = 1.0;
    double termNotePerSeverity = 0.5;
    double zeroResultSearch = 1.0;
    double failedCommand = 1.0;
    double commandNotFound = 2.0; // replaces failedCommand for exit status 127
    double failedTask = 3.0;
    double tester = 0.5;
    double otherSection = 0.5;
    double direct = 4.0;
};

struct EvidenceCounts
{
    int lookups = 0;
    qint64 totalDwellMs = 0;
    std::optional<qint64> medianDwellMs; // over closed lookups; an even count averages the middle two (rounded)
    int revisits = 0;
    int notes = 0;
    int termNotes = 0;
    int zeroResultSearches = 0;
    int failedCommands = 0;
    int commandsNotFound = 0; // of failedCommands, exit status 127
    int failedTasks = 0;
    int readers = 0;
    int testers = 0;
    QStringList revisions; // sorted, distinct; empty revision left out
    double weight = 0;     // the weighted sum (EvidenceWeights)

    bool hasProblems() const
    {
        return notes + termNotes + zeroResultSearches + failedCommands + failedTasks > 0;
    }
};

// One piece of evidence behind a page's counts, kept so that a flag can be
// matched on its term and a report can quote it.
struct EvidenceItem
{
    enum class Kind { Note, TermNote, ZeroResultSearch, FailedCommand, FailedTask };
    Kind kind = Kind::Note;
    qint64 sessionId = 0;
    QString anchor;   // the section it is attributed to; empty: the page
    QString text;     // the note, the query, the command, the task's number and title
    QString revision;
    qint64 wallMs = 0;
    int value = 0;    // note severity, command exit status
};
QString toString(EvidenceItem::Kind kind); // "note", "term-note", "zero-result-search", "failed-command", "failed-task"

struct SectionEvidence
{
    QString anchor;
    QString heading; // from the vocabulary, when known
    EvidenceCounts counts;
};

struct RevisionEvidence
{
    QString revision;
    EvidenceCounts counts;
};

struct PageEvidence
{
    QString page;  // repository path (canonical when aliases are given)
    QString title; // from the vocabulary, when known
    EvidenceCounts counts;
    QList<SectionEvidence> sections;   // heaviest first, then by anchor
    QList<RevisionEvidence> revisions; // by revision text
    QList<EvidenceItem> items;         // in the order they happened
};

struct ZeroResultQuery
{
    QString query;         // normalised
    QStringList forms;     // as typed, distinct, in order first seen (at most 5)
    int count = 0;
    int sessions = 0;
    int testers = 0;
    qint64 firstWallMs = 0;
    qint64 lastWallMs = 0;
    QStringList revisions; // sessions' or attributed lookups' revisions, sorted
    QStringList pages;     // pages read last before the search, by count then path
};

struct EvidenceReport
{
    QList<PageEvidence> pages;                  // heaviest first, then by path
    QList<ZeroResultQuery> zeroResultSearches;  // most frequent first, then by query
    EvidenceWeights weights;

    const PageEvidence *page(const QString &path) const;
};

// What the docs say a page is about, to recognise a note that names it.
// Built from the docs index page info by the caller (the report).
struct PageVocabulary
{
    struct Section
    {
        QString anchor;
        QString heading;
        int startLine = 0;
        int endLine = 0;
    };
    struct Term
    {
        QString text;
        int line = 0;             // first occurrence; 0: the page as a whole
        bool caseSensitive = false; // acronyms
    };
    QString page;
    QString title;
    QList<Section> sections;
    QList<Term> terms; // command names, acronyms (title words and headings are taken from above)
};

struct EvidenceInput
{
    // Canonical page path by vocabulary; a page without one gets no term notes.
    QHash<QString, PageVocabulary> vocabularies;
    // Page as recorded in the lab -> canonical path (e.g. a site URL or a
    // path inside the docs subdir -> repository path). Unlisted pages are
    // only normalised (normalisePagePath).
    QHash<QString, QString> aliases;
    EvidenceWeights weights;
};

// "  Install   JQ " -> "install jq": lower case, trimmed, runs of white space collapsed.
QString normaliseQuery(const QString &query);
// "./docs//a.md" -> "docs/a.md", "/docs/a.md" -> "docs/a.md"; a URL is kept as it is.
QString normalisePagePath(const QString &page);

// The counts as JSON (snake_case keys; median_dwell_ms null without a closed lookup).
QJsonObject toJson(const EvidenceCounts &counts);

// Pure: the evidence of rows already read.
EvidenceReport computeEvidence(const store::EvidenceRows &rows, const EvidenceInput &input = {});

// Reads the sessions the filter selects (same selection as computeMetrics)
// and computes their evidence.
Result<EvidenceReport> computeEvidence(LabDatabase &lab, const MetricsFilter &filter, const EvidenceInput &input = {});

// A flag's static score when its rule set none: the severity (info 1,
// warning 2, error 3), halved on generated pages.
double defaultStaticScore(const Flag &flag);

// Ranks flags by evidence on their page and section:
//   E     = W(section) + otherSection × (W(page) − W(section)) + direct × D
//   score = staticScore × (1 + E)
// W is EvidenceCounts::weight (W(section) = 0 for a flag without anchor or
// a section without evidence); D counts the page's evidence items whose text
// names the flag's term (whole word, any case). Fills score and evidence
// (JSON: counts of the page and the section, direct, weighted, repeat).
// The n-th flag (from 0, in score order) of one rule on one page has its
// score halved n times: repeats of one rule on one page teach its owner
// nothing new. Sorts by score, then severity, then path, line and rule, so
// equal flags keep a stable order.
QList<Flag> rankFlags(QList<Flag> flags, const EvidenceReport &evidence);

} // namespace devzero::analysis
