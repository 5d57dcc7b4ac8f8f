#pragma once

// Scanners for the small facts the hidden-assumption rules look for. Each
// takes one line of text (or one inline run) and appends what it finds with
// that line number. Plain scans, no regular expressions: they run over every
// line of every page.

#include "sessions/docindex/parsedpage.h"

#include <QStringView>

namespace devzero::docindex {

// $FOO, ${FOO} (also ${FOO:-x}), %FOO%, $env:FOO. Names are upper-case,
// 2+ characters of A-Z, 0-9, '_' starting with a letter: not $1, $(cmd), $foo.
void scanEnvVars(QStringView text, int line, QList<Term> &out);

enum class AngleForms { Allowed, NotInMarkup };

// Placeholders as written:
//  - <your-token>, <API_KEY>, <cluster name>: a word or a few words in angle
//    brackets that are not an HTML tag, a generic (List<T>), an autolink or
//    one capitalised identifier (<Tabs>, <TabItem>: a component name);
//  - YOUR_API_KEY, your-token, REPLACE_ME, CHANGEME, TOKEN_HERE, xxxxx;
//  - {{ .Values.x }}, {{ var }}, {{path/to/file}}, ${{ secrets.X }}; template
//    control words ({{ end }}, {{ if ... }}) are not placeholders.
void scanPlaceholders(QStringView text, int line, QList<Term> &out, AngleForms angles = AngleForms::Allowed);

// An HtmlInline/HtmlBlock literal that is really a placeholder cmark read as
// a tag: "<your-token>", "<cluster name>".
bool isAnglePlaceholder(QStringView html);

// Acronyms in prose: 2-6 upper-case letters, digits allowed after the first
// ("K8S", "EC2"), plural "APIs" -> "API". Not: stop-list words that are not
// abbreviations (see terms.cpp), Roman numerals made of I, V and X, words in
// a run of 3+ capitalised words (shouting), identifiers (FOO_BAR, $FOO,
// FOO=, FOO(), README.md).
void scanAcronyms(QStringView text, int line, QList<Term> &out);

// True for a word scanAcronyms would report (after the plural is removed).
bool isAcronym(QStringView word);

} // namespace devzero::docindex
