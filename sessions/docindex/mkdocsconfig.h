#pragma once

// The part of mkdocs.yml that maps site URLs to pages: docs_dir, site_url,
// use_directory_urls and the nav titles. A small reader for that subset of
// YAML (block mappings and nested "- Title: file.md" lists), not a YAML
// parser: everything else in the file is skipped, and tags such as
// `!ENV NAME` are treated as "value unknown".

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace devzero::docindex {

struct MkDocsNavEntry
{
    QString title;       // empty when the entry is a bare file name
    QString target;      // as written: a page relative to docs_dir, or a URL
    QStringList parents; // enclosing nav section titles, outermost first
    int line = 0;
};

struct MkDocsConfig
{
    QString docsDir = QStringLiteral("docs"); // relative to the folder of mkdocs.yml
    QString siteUrl;                          // empty when absent or not a literal
    bool useDirectoryUrls = true;
    QList<MkDocsNavEntry> nav;
    QStringList problems; // "mkdocs.yml:12: ..." lines the reader could not follow
};

MkDocsConfig parseMkDocsConfig(QByteArrayView yaml, const QString &fileName = QStringLiteral("mkdocs.yml"));

// Where mkdocs.yml may be, relative to the repository root and the subdir.
QStringList mkdocsConfigCandidates(const QString &subdir);

} // namespace devzero::docindex
