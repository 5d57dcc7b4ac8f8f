#pragma once

// Search result snippets, made for the few results shown instead of by
// FTS5's snippet(), which SQLite computes for every matching row before
// LIMIT applies (tens of milliseconds on common words).

#include "sessions/docindex/ftsquery.h"

#include <QList>
#include <QString>

namespace devzero::docindex {

// About `words` words of text around the first place where most query
// terms meet, matches wrapped in open/close, "…" where text was cut.
// Empty when no term occurs in text.
QString makeSnippet(const QString &text, const QList<SearchTerm> &terms, const QString &open, const QString &close,
                    int words = 16);

// The first `words` words of text (no highlight), "…" when cut.
QString leadingWords(const QString &text, int words = 16);

} // namespace devzero::docindex
