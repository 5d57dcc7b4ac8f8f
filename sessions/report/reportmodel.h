#pragma once

// Everything a report shows, gathered once from the lab (one snapshot), the
// docs index (owners, last authors, page terms) and the hidden-assumption
// flags; the renderers (renderers.h) only format it.

#include "sessions/analysis/evidence.h"
#include "sessions/analysis/flag.h"
#include "sessions/analysis/labmetrics.h"
#include "sessions/common/result.h"
#include "sessions/store/records.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace devzero {
class LabDatabase;
}
namespace devzero::docindex {
class DocIndex;
}

namespace devzero::report {

inline constexpr auto kReportSchema = "devzero.report/1";

struct ReportOptions
{
    analysis::MetricsFilter filter;
    // The docs index source for owners, last authors and page terms. Empty:
    // the index's only source, if it has exactly one.
    QString docsSource;
    QDateTime generatedAt; // UTC; the current time when invalid
    int quotesPerTheme = 3;
};

struct PageAuthorRef
{
    QString name;
    QDateTime time;
};

// What the docs index says about a page the evidence or a flag names.
struct PageDocs
{
    QString path;       // repository path
    QString title;
    QString siteUrl;
    QStringList owners; // CODEOWNERS, in file order
    QString ownersRule;
    QList<PageAuthorRef> authors; // newest first
};

struct ThemeQuote
{
    QString text;
    int severity = 2;
    qint64 sessionId = 0;
    QString pseudonym;
    QString taskNumber; // empty outside tasks
    QString page;
    QString anchor;
    qint64 wallMs = 0;
};

// Notes of one category ("missing-prerequisite", ...).
struct FrictionTheme
{
    QString category;
    QString label;
    QString description;
    int notes = 0;
    int sessions = 0;
    int testers = 0;
    int severe = 0;          // severity 3 (blocked for a while) or 4 (could not continue)
    double meanSeverity = 0;
    QStringList pages;       // pages the notes were attached to, most often first (at most 5)
    QList<ThemeQuote> quotes; // most severe first, then oldest
};

struct TimelineTask
{
    QString number;
    QString title;
    qint64 startMs = 0; // since the session started
    qint64 endMs = 0;   // the attempt's end, or the session's end while open
    std::optional<store::Outcome> outcome; // none: still open
};

struct TimelineMark
{
    enum class Kind { Note, Lookup, Search, Command };
    Kind kind = Kind::Note;
    qint64 atMs = 0;      // since the session started
    bool notable = false; // a note, a search that found nothing, a failed command
    int value = 0;        // note severity, command exit status, search result count
    QString label;        // note text, page#anchor, query; the command only when it failed
};
QString toString(TimelineMark::Kind kind); // "note", "lookup", "search", "command"

struct SessionTimeline
{
    qint64 sessionId = 0;
    QString uuid;
    QString pseudonym;
    store::Experience experience = store::Experience::Novice;
    store::SessionState state = store::SessionState::Running;
    QString docsRevision;
    qint64 startedAtMs = 0;
    qint64 durationMs = 0; // to the end, or to the last thing recorded while open
    QList<TimelineTask> tasks;
    QList<TimelineMark> marks; // in time order
    int notes = 0;
    int lookups = 0;
    int searches = 0;
    int commands = 0;
    int failedCommands = 0;
    int zeroResultSearches = 0;
};

struct ReportModel
{
    QString title;
    QDateTime generatedAt;
    ReportOptions options;
    QString docsSource;  // the source used, empty without a docs index
    QString docsCommit;  // its indexed revision
    QStringList notices; // what the report could not include, and why

    analysis::LabMetrics metrics;
    analysis::EvidenceReport evidence;
    QHash<QString, PageDocs> docs;  // by repository path
    QList<analysis::Flag> flags;    // ranked, most important first
    QList<FrictionTheme> themes;    // most notes first
    QList<SessionTimeline> timelines; // oldest first

    int participants = 0;
    int noteCount = 0;
    int lookupCount = 0;
    int searchCount = 0;
    int commandCount = 0;
};

// Reads the sessions the filter selects, computes their metrics and
// evidence, asks the docs index (optional) about the pages, and ranks the
// flags (from the static rules; may be empty) by that evidence. Errors: a
// filter that cannot match, an unreadable lab, an unknown docs source.
Result<ReportModel> buildReportModel(LabDatabase &lab, docindex::DocIndex *docs, const QList<analysis::Flag> &flags,
                                     const ReportOptions &options);

} // namespace devzero::report
