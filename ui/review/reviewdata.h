#pragma once

// What the review screens show, read off the UI thread: the metrics of the
// filtered sessions, every friction note with its tags and theme, the
// themes, the plans and the docs revisions seen; and one session's
// timeline. Plain values, built on a worker, handed to the UI thread.

#include "sessions/analysis/labmetrics.h"
#include "sessions/common/result.h"
#include "sessions/store/notesedit.h"
#include "sessions/store/records.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace devzero::ui {

struct ReviewSnapshot
{
    analysis::LabMetrics metrics;
    QList<store::PlanRow> plans;
    QStringList revisions;             // docs revisions of every session, oldest first seen
    QList<store::ReviewNote> notes;    // of the filtered sessions, oldest first
    QStringList noteSearch;            // NotesModel::searchText of each note, built here off the UI thread
    QList<store::Theme> themes;
    QHash<qint64, int> notesPerSession;
};

// Opens its own connection (call it on any thread).
Result<ReviewSnapshot> loadReview(const QString &labPath, const analysis::MetricsFilter &filter);

struct TimelineEntry
{
    enum class Kind { Note, Lookup, Search, Command };
    Kind kind = Kind::Note;
    qint64 atMs = 0;      // since the session started
    bool notable = false; // a note, a search with no result, a failed command
    QString label;
    QString detail;       // shown when the mark is clicked
    QString page;         // for notes and lookups
    QString anchor;
};

struct TimelineTaskBar
{
    QString number;
    QString title;
    qint64 startMs = 0;
    qint64 endMs = 0;
    std::optional<store::Outcome> outcome;
};

struct SessionTimelineData
{
    qint64 sessionId = 0;
    QString title;        // "dz-ana (novice), 2026-01-05 08:00 UTC, docs 42191d74"
    qint64 durationMs = 0;
    QList<TimelineTaskBar> tasks;
    QList<TimelineEntry> marks; // in time order
};

Result<SessionTimelineData> loadTimeline(const QString &labPath, qint64 sessionId);

} // namespace devzero::ui
