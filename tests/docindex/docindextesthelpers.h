#pragma once

// Small helpers shared by the docs index suites (header-only).

#include "sessions/docindex/docindex.h"

#include <QStringList>

namespace devzero::test {

inline QStringList anchorsOf(const docindex::PageInfo &page)
{
    QStringList anchors;
    for (const auto &s : page.sections)
        anchors << s.anchor;
    return anchors;
}

inline const docindex::PageLink *linkTo(const docindex::PageInfo &page, const QString &target)
{
    for (const auto &l : page.links) {
        if (l.target == target)
            return &l;
    }
    return nullptr;
}

inline QStringList pathsOf(const QList<docindex::SearchResult> &results)
{
    QStringList paths;
    for (const auto &r : results)
        paths << r.path;
    return paths;
}

inline QStringList authorNames(const docindex::PageInfo &page)
{
    QStringList names;
    for (const auto &a : page.authors)
        names << a.name;
    return names;
}

} // namespace devzero::test
