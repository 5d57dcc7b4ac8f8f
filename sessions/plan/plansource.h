#pragma once

// The raw bytes of a plan, checked before cmark sees them: encoding, binary
// content and size problems become Diagnostics with a line and column, and
// the parser gets text it can map back to source lines.

#include "sessions/plan/plan.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace devzero::plan::detail {

struct PlanSource
{
    QByteArray utf8;              // BOM removed, front matter blanked (lines kept)
    QList<qsizetype> lineStarts;  // byte offset where line N+1 starts

    int lineCount() const { return int(lineStarts.size()); }
    // Line `line` (1-based) without its line ending; empty when out of range.
    QByteArrayView line(int line) const;
};

// Fills `source` from `input` and appends what is wrong to `diagnostics`.
// Returns false when the input cannot be a plan at all (binary, UTF-16,
// too large, empty): the parser must stop there.
bool preparePlanSource(QByteArrayView input, PlanSource &source, QList<Diagnostic> &diagnostics);

// Offset of the first byte that is not well-formed UTF-8 (overlong forms,
// surrogates and code points past U+10FFFF included), or -1.
qsizetype firstInvalidUtf8(QByteArrayView bytes);

} // namespace devzero::plan::detail
