#pragma once

// The byte-level checks every page goes through before any parsing: binary
// content, UTF-8 repair, line endings. Linear in the input, one copy at most.

#include <QByteArray>
#include <QByteArrayView>

namespace devzero::docindex {

struct PageInput
{
    // UTF-8 text with "\n" line ends only and no BOM. Refers to the caller's
    // bytes (no copy) when nothing had to change, so it must not outlive them.
    QByteArray text;
    bool binary = false;     // a NUL byte was found; `text` is empty
    int nulLine = 0;         // line of the first NUL byte
    int invalidBytes = 0;    // bytes replaced with U+FFFD
    int firstInvalidLine = 0;
    int lineCount = 0;       // lines as git counts them ('\n'-terminated, last one may be open)
};

// Lone '\r' (old Mac line ends) becomes a space, not a line break, so that
// line numbers stay those `git blame` shows.
PageInput preparePageInput(QByteArrayView content);

// Lines in `text` the way PageInput::lineCount counts them.
int countLines(QByteArrayView text);

} // namespace devzero::docindex
