#pragma once

// Reads "Key: value" fields out of the blocks of one plan section (the text
// under the title, under a journey heading or under a task heading). Fields
// may be lines of a paragraph, items of a bullet list, or written
// **Key:** value; a value continues on the following lines until the next
// key. Everything else comes back as prose for the parser to judge.

#include "sessions/markdown/markdowndocument.h"
#include "sessions/plan/plansource.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace devzero::plan::detail {

struct Field
{
    QString key;          // as written: "Done when"
    QString name;         // normalized: "done when"
    QString value;        // plain text, trimmed; inline markup removed
    QStringList commands; // code spans (or the code block) inside the value
    bool textOutsideCode = false; // the value holds words that are not in a code span
    int line = 0;         // of the key
    int column = 0;
    int valueLine = 0;    // of the first character of the value (the key when empty)
    int valueColumn = 0;
};

struct Prose
{
    markdown::Node block; // the block this prose is (part of)
    QString text;         // its plain text; for a paragraph only the lines outside fields
    int line = 0;
    int column = 0;
};

struct SectionContent
{
    QList<Field> fields; // in source order
    QList<Prose> prose;  // in source order
};

SectionContent readSection(const QList<markdown::Node> &blocks, const PlanSource &source);

// "Done-when", "DONE  when", "done_when" -> "done when".
QString normalizeKey(const QString &key);

// Plain text of a block as a reader would see it: paragraph lines joined by
// spaces, list items one per line.
QString blockText(const markdown::Node &block);

} // namespace devzero::plan::detail
