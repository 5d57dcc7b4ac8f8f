#pragma once

// MkDocs Material admonitions ("!!! note", "??? tip", "???+ warning") and
// content tabs ('=== "macOS"') indent their content by four spaces, which
// cmark reads as an indented code block: the warning a reader must not miss
// would vanish from the prose. This pass removes those four spaces (and the
// marker line, keeping a quoted title as text), keeping every line break.
// Docusaurus admonition fences (":::note Title" ... ":::") are reduced to
// their title the same way; their content is not indented.

#include <QByteArray>
#include <QByteArrayView>

namespace devzero::docindex {

// Returns `body` itself (no copy) when it has no admonition or tab marker.
QByteArray dedentAdmonitions(const QByteArray &body);

} // namespace devzero::docindex
