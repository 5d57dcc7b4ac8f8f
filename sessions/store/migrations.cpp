#include "sessions/store/migrations.h"

// Portable where it costs nothing: INTEGER/TEXT/BLOB columns, explicit
// foreign keys, no SQLite-only types, so a PostgreSQL team lab can follow.
// Times are integers: wall clock in UTC milliseconds (…_ms), monotonic
// nanoseconds since session start (…_ns).

namespace devzero::store {

static Migration schemaV1()
{
    return {1,
            QStringLiteral("plans, participants, sessions, attempts, events and their details"),
            {
                QStringLiteral("CREATE TABLE lab_meta ("
                               " key TEXT PRIMARY KEY,"
                               " value TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE plans ("
                               " id INTEGER PRIMARY KEY,"
                               " title TEXT NOT NULL,"
                               " summary TEXT NOT NULL DEFAULT '',"
                               " tools TEXT NOT NULL DEFAULT '[]',"
                               " source_path TEXT,"
                               " source_text TEXT NOT NULL,"
                               " content_sha256 TEXT NOT NULL UNIQUE,"
                               " imported_at_ms INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE journeys ("
                               " id INTEGER PRIMARY KEY,"
                               " plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,"
                               " position INTEGER NOT NULL,"
                               " key TEXT NOT NULL,"
                               " title TEXT NOT NULL,"
                               " outcome TEXT NOT NULL DEFAULT '',"
                               " UNIQUE (plan_id, key))"),
                QStringLiteral("CREATE TABLE tasks ("
                               " id INTEGER PRIMARY KEY,"
                               " journey_id INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,"
                               " position INTEGER NOT NULL,"
                               " key TEXT NOT NULL,"
                               " title TEXT NOT NULL,"
                               " goal TEXT NOT NULL,"
                               " done_when TEXT NOT NULL,"
                               " budget_s INTEGER,"
                               " check_command TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE TABLE participants ("
                               " id INTEGER PRIMARY KEY,"
                               " pseudonym TEXT NOT NULL UNIQUE,"
                               " experience TEXT NOT NULL"
                               "  CHECK (experience IN ('novice', 'intermediate', 'expert')),"
                               " consent_at_ms INTEGER,"
                               " created_at_ms INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE sessions ("
                               " id INTEGER PRIMARY KEY,"
                               " uuid TEXT NOT NULL UNIQUE,"
                               " plan_id INTEGER NOT NULL REFERENCES plans(id),"
                               " participant_id INTEGER NOT NULL REFERENCES participants(id),"
                               " docs_revision TEXT,"
                               " environment TEXT NOT NULL DEFAULT '{}',"
                               " state TEXT NOT NULL"
                               "  CHECK (state IN ('running', 'paused', 'ended', 'abandoned')),"
                               " started_at_ms INTEGER NOT NULL,"
                               " ended_at_ms INTEGER,"
                               " mono_origin_ns INTEGER NOT NULL,"
                               " boot_id TEXT NOT NULL,"
                               " paused_at_ns INTEGER,"
                               " paused_ms INTEGER NOT NULL DEFAULT 0,"
                               " owner_pid INTEGER,"
                               " owner_boot_id TEXT)"),
                QStringLiteral("CREATE TABLE task_attempts ("
                               " id INTEGER PRIMARY KEY,"
                               " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                               " task_id INTEGER NOT NULL REFERENCES tasks(id),"
                               " started_at_ms INTEGER NOT NULL,"
                               " started_ns INTEGER NOT NULL,"
                               " ended_at_ms INTEGER,"
                               " ended_ns INTEGER,"
                               " outcome TEXT"
                               "  CHECK (outcome IN ('success', 'failure', 'gave_up', 'skipped')),"
                               " paused_ms INTEGER NOT NULL DEFAULT 0,"
                               " active_ms INTEGER,"
                               " seq INTEGER CHECK (seq BETWEEN 1 AND 7))"),
                QStringLiteral("CREATE INDEX task_attempts_session ON task_attempts(session_id)"),
                QStringLiteral("CREATE TABLE events ("
                               " id INTEGER PRIMARY KEY,"
                               " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                               " ordinal INTEGER NOT NULL,"
                               " wall_ms INTEGER NOT NULL,"
                               " mono_ns INTEGER NOT NULL,"
                               " kind TEXT NOT NULL,"
                               " attempt_id INTEGER REFERENCES task_attempts(id),"
                               " payload TEXT NOT NULL DEFAULT '{}',"
                               " UNIQUE (session_id, ordinal))"),
                QStringLiteral("CREATE TABLE notes ("
                               " id INTEGER PRIMARY KEY,"
                               " event_id INTEGER NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE,"
                               " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                               " attempt_id INTEGER REFERENCES task_attempts(id),"
                               " severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),"
                               " category TEXT NOT NULL,"
                               " text TEXT NOT NULL,"
                               " page TEXT,"
                               " anchor TEXT,"
                               " screenshot BLOB)"),
                QStringLiteral("CREATE INDEX notes_session ON notes(session_id)"),
                QStringLiteral("CREATE INDEX notes_page ON notes(page)"),
                QStringLiteral("CREATE TABLE lookups ("
                               " id INTEGER PRIMARY KEY,"
                               " event_id INTEGER NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE,"
                               " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                               " attempt_id INTEGER REFERENCES task_attempts(id),"
                               " page TEXT NOT NULL,"
                               " anchor TEXT,"
                               " how TEXT NOT NULL,"
                               " docs_revision TEXT,"
                               " opened_at_ms INTEGER NOT NULL,"
                               " closed_at_ms INTEGER,"
                               " dwell_ms INTEGER)"),
                QStringLiteral("CREATE INDEX lookups_session ON lookups(session_id)"),
                QStringLiteral("CREATE INDEX lookups_page ON lookups(page)"),
                QStringLiteral("CREATE TABLE searches ("
                               " id INTEGER PRIMARY KEY,"
                               " event_id INTEGER NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE,"
                               " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                               " attempt_id INTEGER REFERENCES task_attempts(id),"
                               " query TEXT NOT NULL,"
                               " result_count INTEGER NOT NULL,"
                               " clicked_page TEXT,"
                               " clicked_anchor TEXT)"),
                QStringLiteral("CREATE INDEX searches_session ON searches(session_id)"),
                QStringLiteral("CREATE TABLE commands ("
                               " id INTEGER PRIMARY KEY,"
                               " event_id INTEGER NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE,"
                               " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                               " attempt_id INTEGER REFERENCES task_attempts(id),"
                               " command TEXT NOT NULL,"
                               " exit_status INTEGER,"
                               " duration_ms INTEGER,"
                               " cwd TEXT)"),
                QStringLiteral("CREATE INDEX commands_session ON commands(session_id)"),
                QStringLiteral("CREATE TABLE answers ("
                               " id INTEGER PRIMARY KEY,"
                               " event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
                               " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                               " attempt_id INTEGER REFERENCES task_attempts(id),"
                               " instrument TEXT NOT NULL CHECK (instrument IN ('SEQ', 'SUS')),"
                               " item INTEGER NOT NULL,"
                               " value INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX answers_session ON answers(session_id)"),
            }};
}

// Review and triage (ui/review, ui/triage): the docs owners' triage history
// per flag, and the platform team's tags and themes on friction notes.
// A flag is named by its fingerprint (rule, page, anchor, term), which
// survives re-indexing; the history is append-only and the latest row is
// the state.
static Migration schemaV2()
{
    return {2,
            QStringLiteral("triage history of flags, note tags and note themes"),
            {
                QStringLiteral("CREATE TABLE triage_changes ("
                               " id INTEGER PRIMARY KEY,"
                               " fingerprint TEXT NOT NULL,"
                               " rule TEXT NOT NULL,"
                               " page TEXT NOT NULL,"
                               " anchor TEXT NOT NULL DEFAULT '',"
                               " term TEXT NOT NULL DEFAULT '',"
                               " start_line INTEGER NOT NULL DEFAULT 0,"
                               " end_line INTEGER NOT NULL DEFAULT 0,"
                               " message TEXT NOT NULL DEFAULT '',"
                               " state TEXT NOT NULL"
                               "  CHECK (state IN ('open', 'accepted', 'fixed', 'verified', 'wont_fix')),"
                               " actor TEXT NOT NULL,"
                               " note TEXT NOT NULL DEFAULT '',"
                               " blob_id TEXT NOT NULL DEFAULT '',"
                               " at_ms INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX triage_changes_fingerprint ON triage_changes(fingerprint, id)"),
                QStringLiteral("CREATE TABLE note_tags ("
                               " note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,"
                               " tag TEXT NOT NULL,"
                               " PRIMARY KEY (note_id, tag))"),
                QStringLiteral("CREATE TABLE themes ("
                               " id INTEGER PRIMARY KEY,"
                               " name TEXT NOT NULL UNIQUE,"
                               " created_at_ms INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE note_themes ("
                               " note_id INTEGER PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,"
                               " theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE)"),
                QStringLiteral("CREATE INDEX note_themes_theme ON note_themes(theme_id)"),
            }};
}

const QList<Migration> &migrations()
{
    static const QList<Migration> all = {schemaV1(), schemaV2()};
    return all;
}

} // namespace devzero::store
