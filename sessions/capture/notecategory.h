#pragma once

// The fixed, documented set of friction-note categories (README "Friction
// notes"). Analysis groups notes by these ids; keep them stable.

#include <QList>
#include <QString>

namespace devzero::capture {

struct NoteCategory
{
    QString id;          // "missing-prerequisite"
    QString label;       // "Missing prerequisite"
    QString description; // one line shown in help and in the bench
    QChar key;           // keyboard shortcut in the bench's note bar
};

const QList<NoteCategory> &noteCategories();
bool isNoteCategory(const QString &id);

// Severity 1..4: 1 cosmetic, 2 slowed me down, 3 blocked for a while, 4 could not continue.
QString severityLabel(int severity);

} // namespace devzero::capture
