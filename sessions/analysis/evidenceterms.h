#pragma once

// Private to sessions/analysis: recognising that a tester's note (or a
// failed command, or a search) names a docs page's terms or a flag's term.

#include "sessions/analysis/evidence.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <optional>

namespace devzero::analysis::terms {

// Words: runs of letters, digits, '_' and '-' (trailing '-' dropped).
QStringList tokens(const QString &text);

// A page's terms, ready to test notes against. Each maps to the section
// anchor it belongs to ("" for the page as a whole). Title words and
// one-word headings shorter than 4 letters, and words too generic to name
// a page ("install", "overview", "your", ...), are left out, as are shell
// commands every page uses (cd, echo, export, sudo, ...).
struct Matcher
{
    QHash<QString, QString> words;          // lower case
    QHash<QString, QString> caseWords;      // as written (acronyms)
    QList<QPair<QString, QString>> phrases; // " a b " lower case, padded: several-word headings and titles

    bool isEmpty() const { return words.isEmpty() && caseWords.isEmpty() && phrases.isEmpty(); }
};
Matcher buildMatcher(const PageVocabulary &vocabulary);

struct NoteWords
{
    QSet<QString> lower;
    QSet<QString> asWritten;
    QString padded; // " a b c ": the lower-case words joined
};
NoteWords noteWords(const QString &text);

// The section anchors of the terms a note names (the page itself not
// listed); nullopt when it names none.
std::optional<QSet<QString>> namedSections(const Matcher &matcher, const NoteWords &note);

// Whether text names term as a whole word (any case): "jq: command not
// found" names "jq", "jquery" does not. A term that starts or ends with a
// non-word character ("$TOKEN", "<your-key>") needs no boundary there.
bool namesTerm(const QString &text, const QString &term);

} // namespace devzero::analysis::terms
