#pragma once

// Heading anchors the way GitHub makes them (github-slugger), plus explicit
// "{#id}" anchors as MkDocs, Hugo and Docusaurus write them.

#include <QHash>
#include <QString>

namespace devzero::docindex {

// Hands out unique anchors in document order with GitHub's duplicate rule:
// "install", "install-1", "install-2", ...; a suffixed anchor that is already
// taken (say by a heading "Install 1") is skipped to the next free number.
class AnchorRegistry
{
public:
    // The anchor for a heading whose slug (githubAnchor) is `slug`.
    QString unique(const QString &slug);
    // An explicit {#id} anchor: kept as written, and taken so that later
    // generated anchors do not collide with it.
    void reserve(const QString &id);

private:
    QHash<QString, int> m_occurrences;
};

struct HeadingId
{
    QString text;       // heading text without the {#id}, trimmed
    QString explicitId; // empty when there is none
};

// Splits a trailing "{#id}" (also "{#id .class key=value}") off a heading.
HeadingId splitExplicitId(const QString &heading);

} // namespace devzero::docindex
