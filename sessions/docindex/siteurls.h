#pragma once

// Site URL <-> page path. A page has two keys: its site key (its path
// relative to the site's docs folder, without extension, index/README
// naming the folder: mkdocs' rules, which most generators share) and its
// repository key (repository path without extension, for GitHub links).
// URLs are reduced to the same form: no "index.html", ".html", ".md" or
// trailing slash, so use_directory_urls either way gives the same key.
// Keys are not stored: a URL's key gives a handful of candidate page paths
// to look up, which costs less than keeping a key per page up to date.

#include "sessions/common/result.h"

#include <QString>
#include <QStringList>

namespace devzero::docindex {

class GitRepository;

// "getting_started/" -> "getting_started"; "a/index.html" -> "a"; "/" -> "".
QString normaliseUrlPath(const QString &path);

// Key of a page on the site whose content root is docsRoot ("docs" or "");
// a null QString when the page is outside docsRoot.
QString siteKey(const QString &pagePath, const QString &docsRoot);
QString repositoryKey(const QString &pagePath);

// Version segments docs hosts put in front of the pages: "en/stable",
// "en/latest", "en/v2.3", "v1.2", "latest". True for the segment pair or
// single segment at the start of segments.
int versionPrefixLength(const QStringList &segments);

struct SiteLayout
{
    QString configPath;  // mkdocs.yml (repository path) or empty
    QString configBlob;
    QString docsRoot;    // repository path of the site's content root
    QString siteUrl;     // from mkdocs.yml site_url when literal
    QStringList navProblems;
    QString fingerprint() const; // changes with the config file or the docs root
};

// Also reports nav entries that name no page when the config changed
// since previousFingerprint or pagesChanged (a tree lookup per entry).
Result<SiteLayout> readSiteLayout(const GitRepository &repo, const QString &commitId, const QString &subdir,
                                  const QString &previousFingerprint, bool pagesChanged);

// Page paths that a key may name under prefix (the docs root for site
// keys, "" for repository keys), most likely first.
QStringList pageCandidates(const QString &key, const QString &prefix);

} // namespace devzero::docindex
