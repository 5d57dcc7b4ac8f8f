#pragma once

// User search text to an FTS5 MATCH expression that is always valid. Words
// and "quoted phrases" are AND-ed; a trailing * makes a word a prefix query
// (from two characters on: a one-letter prefix would expand to most of the
// vocabulary and is searched as the word itself); FTS5 operators (AND, OR,
// NOT, NEAR), column filters, parentheses and stray punctuation are taken as
// plain text. Words with no letter or digit are dropped, so `"`, `-` or
// `***` leave nothing to search: an empty result, not a syntax error.

#include <QList>
#include <QString>

namespace devzero::docindex {

// Empty when nothing searchable is left.
QString toFtsQuery(const QString &userText);

// The words of a query as the index compares them (for highlighting).
struct SearchTerm
{
    QString folded;
    bool prefix = false;
};
QList<SearchTerm> searchTerms(const QString &userText);

// Lower-case, compatibility-decomposed, diacritics removed: "Größen" and
// "GROSSEN" are not equal, "Überblick" and "uberblick" are.
QString foldForSearch(QStringView word);

} // namespace devzero::docindex
