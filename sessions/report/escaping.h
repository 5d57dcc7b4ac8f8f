#pragma once

// Making user and docs text safe in each output format. Everything a tester
// typed (notes, searches, commands) and everything read from the docs
// (titles, paths, excerpts) is hostile until escaped here.

#include <QString>

namespace devzero::report {

// Text any format can carry: lone surrogates and control characters (other
// than tab, CR and LF) become U+FFFD; bidirectional overrides and
// isolates (U+202A..U+202E, U+2066..U+2069) and U+061C become a visible
// "[U+202E]", so that no text can reorder what surrounds it.
QString cleanText(const QString &text);

// HTML text and attribute values (always quoted with "): cleanText, then
// & < > " ' as character references.
QString htmlEscape(const QString &text);

// An href for a link the report may show: http(s) URLs with a host only,
// escaped for an attribute; empty for anything else (javascript:, data:, ...).
QString safeHref(const QString &url);

// Markdown inline text for GitHub: cleanText, newlines folded to spaces,
// Markdown punctuation backslash-escaped, < > & as references, "@"
// followed by U+200B so that a pasted report mentions nobody, "#" before a
// digit too (no #123 cross-reference). blockStart: the text opens a
// paragraph or a quote line, so a leading "#", "-", "+", "=" or "1." that
// would start a heading or a list is escaped too.
QString markdownText(const QString &text, bool blockStart = false);
// The same for a table cell (pipes escaped too).
QString markdownCell(const QString &text);
// An inline code span: a backtick fence longer than any run inside, pipes
// escaped (GitHub splits table rows on them even in code).
QString markdownCode(const QString &text);

// Text whose `backtick spans` are code (rule messages: "`jq` is used but
// never introduced"): HTML <code> / Markdown code spans for those, the
// rest escaped as above. An unpaired backtick stays a literal character.
QString htmlWithCode(const QString &text);
QString markdownWithCode(const QString &text);

// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF,
// quotes doubled. Text fields starting with = + - @ tab or CR get a leading
// apostrophe first, so that a spreadsheet shows them instead of running
// them as a formula.
QString csvText(const QString &text);
// A number the report computed: never guarded (a negative difference stays
// a number); empty for no value.
QString csvNumber(double value, int decimals = 6);
QString csvInteger(qint64 value);

} // namespace devzero::report
