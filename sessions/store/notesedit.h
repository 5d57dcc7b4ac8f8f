#pragma once

// The platform team's edits of friction notes (ui/review): recategorise,
// retag, and merge duplicates into named themes. The recorded text,
// severity and timestamps are never changed. Each write is one transaction
// and returns what it replaced, so that an undo can put it back.

#include "sessions/common/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace devzero {
class LabDatabase;
}

namespace devzero::store {

// A note as the notes browser lists it: with its session, tester, task,
// tags and theme.
struct ReviewNote
{
    qint64 id = 0;
    qint64 sessionId = 0;
    QString sessionUuid;
    QString pseudonym;
    QString docsRevision;
    qint64 wallMs = 0;
    int severity = 2;
    QString category;
    QString text;
    QString page;
    QString anchor;
    QString taskNumber; // "1.2"; empty outside tasks
    QString taskTitle;
    qint64 journeyId = 0; // 0 outside tasks
    QStringList tags;     // sorted
    qint64 themeId = 0;   // 0: no theme
    QString theme;
};

struct Theme
{
    qint64 id = 0;
    QString name;
    int notes = 0;
};

class NotesEditStore
{
public:
    explicit NotesEditStore(LabDatabase &lab) : m_lab(lab) {}

    // Every note of the lab, oldest first (screenshots not read).
    Result<QList<ReviewNote>> notes();
    Result<QList<Theme>> themes();

    // Sets the category of the notes; returns their previous categories.
    // Errors: an empty category, an unknown note (nothing is changed then).
    Result<QHash<qint64, QString>> setCategory(const QList<qint64> &noteIds, const QString &category);
    // Puts back categories returned by setCategory.
    Result<void> restoreCategories(const QHash<qint64, QString> &categories);

    // Replaces a note's tags (trimmed, empty ones dropped, distinct); returns the previous ones.
    Result<QStringList> setTags(qint64 noteId, const QStringList &tags);

    // The theme named so, created when missing (a name is trimmed and must not be empty).
    Result<qint64> ensureTheme(const QString &name, qint64 nowMs);
    // Moves notes into a theme (0: out of any theme); returns their previous themes (0: none).
    Result<QHash<qint64, qint64>> setTheme(const QList<qint64> &noteIds, qint64 themeId);
    // Puts back themes returned by setTheme.
    Result<void> restoreThemes(const QHash<qint64, qint64> &themes);
    // Deletes themes no note belongs to (after an undone merge).
    Result<void> dropEmptyThemes();

private:
    Result<void> requireNotes(const QList<qint64> &noteIds);
    Result<void> assignThemes(const QHash<qint64, qint64> &themes);
    LabDatabase &m_lab;
};

} // namespace devzero::store
