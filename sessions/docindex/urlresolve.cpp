// DocIndex::resolveUrl: a URL a tester pasted (docs site, GitHub, or a bare
// path) to the page and section it shows.

#include "sessions/docindex/docindex.h"

#include "sessions/docindex/siteurls.h"
#include "sessions/docindex/sourcerow.h"
#include "sessions/docindex/sqliteconnection.h"

#include <QUrl>

#include <climits>
#include <optional>

namespace devzero::docindex {

namespace {

struct Candidate
{
    int rank = INT_MAX; // lower is better: 0 = under the source's site URL, then segments skipped + 1
    SourceRow source;
    QString path;
    QString matchedBy;
};

// The first candidate page of key under prefix that is a current page.
Result<QString> lookupKey(SqliteConnection &db, qint64 sourceId, const QString &prefix, const QString &key)
{
    auto stmt = db.cached("SELECT 1 FROM pages p JOIN revision_pages r ON r.page_id = p.id "
                          "WHERE p.source_id = ?1 AND p.path = ?2 AND r.last_seq IS NULL");
    if (!stmt)
        return stmt.error();
    for (const QString &candidate : pageCandidates(key, prefix)) {
        (*stmt)->bind(1, sourceId).bind(2, candidate);
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        (*stmt)->reset();
        if (*row)
            return candidate;
    }
    return QString();
}

// Path segments after the site URL's own path, or nullopt when the URL is
// not under it.
std::optional<QStringList> underSite(const QUrl &url, const QStringList &segments, const QString &siteUrl)
{
    const QUrl site(siteUrl);
    if (!site.isValid() || site.host().isEmpty())
        return std::nullopt;
    if (!url.host().isEmpty() && url.host().compare(site.host(), Qt::CaseInsensitive) != 0)
        return std::nullopt;
    const QStringList prefix = site.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (prefix.size() > segments.size())
        return std::nullopt;
    for (qsizetype i = 0; i < prefix.size(); ++i) {
        if (prefix.at(i) != segments.at(i))
            return std::nullopt;
    }
    return segments.mid(prefix.size());
}

} // namespace

Result<ResolvedUrl> DocIndex::resolveUrl(const QString &input, const QString &source)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return makeError(QStringLiteral("no URL given"));
    QUrl url(text, QUrl::TolerantMode);
    if (!url.isValid())
        return makeError(QStringLiteral("not a URL: %1").arg(url.errorString()), text);
    const QString anchor = url.fragment(QUrl::FullyDecoded);
    const QStringList segments = url.path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);

    QList<SourceRow> rows;
    if (!source.isEmpty()) {
        auto row = loadSource(source);
        if (!row)
            return row.error();
        rows << *row;
    } else {
        auto all = allSourceRows(*m_db);
        if (!all)
            return all.error();
        rows = *all;
    }

    Candidate best;
    for (const SourceRow &row : std::as_const(rows)) {
        if (!row.siteUrl.isEmpty()) {
            if (auto rest = underSite(url, segments, row.siteUrl)) {
                QStringList pageSegments = *rest;
                pageSegments = pageSegments.mid(versionPrefixLength(pageSegments));
                auto path = lookupKey(*m_db, row.id, row.docsRoot, normaliseUrlPath(pageSegments.join(QLatin1Char('/'))));
                if (!path)
                    return path.error();
                if (!path->isEmpty()) {
                    best = Candidate{0, row, *path, QStringLiteral("site-url")};
                    break;
                }
            }
        }
        // Without a matching site URL: the longest tail of the URL that is
        // a page's site path or repository path. Leading segments skipped
        // are the site prefix (host folders, /en/stable/, /blob/main/ ...).
        const int versionLength = versionPrefixLength(segments);
        for (int skip = 0; skip <= segments.size() && skip + 1 < best.rank; ++skip) {
            const QString key = normaliseUrlPath(segments.mid(skip).join(QLatin1Char('/')));
            // The root page only for the site root or a bare version prefix,
            // never as the fallback for any unknown URL.
            if (key.isEmpty() && skip != 0 && skip != versionLength)
                continue;
            auto site = lookupKey(*m_db, row.id, row.docsRoot, key);
            if (!site)
                return site.error();
            if (!site->isEmpty()) {
                best = Candidate{skip + 1, row, *site, QStringLiteral("path")};
                break;
            }
            if (key.isEmpty())
                continue;
            auto repoPath = lookupKey(*m_db, row.id, QString(), key);
            if (!repoPath)
                return repoPath.error();
            if (!repoPath->isEmpty()) {
                best = Candidate{skip + 1, row, *repoPath, QStringLiteral("repository-path")};
                break;
            }
        }
    }
    if (best.path.isEmpty())
        return makeError(QStringLiteral("no indexed page matches this URL"), text);

    ResolvedUrl resolved;
    resolved.source = best.source.name;
    resolved.path = best.path;
    resolved.anchor = anchor;
    resolved.matchedBy = best.matchedBy;
    auto page = m_db->cached("SELECT p.id, p.title FROM pages p JOIN revision_pages r ON r.page_id = p.id "
                             "WHERE p.source_id = ?1 AND p.path = ?2 AND r.last_seq IS NULL");
    if (!page)
        return page.error();
    (*page)->bind(1, best.source.id).bind(2, best.path);
    qint64 pageId = 0;
    if (auto row = (*page)->step(); !row) {
        return row.error();
    } else if (*row) {
        pageId = (*page)->int64(0);
        resolved.title = (*page)->text(1);
    }
    (*page)->reset();
    if (!anchor.isEmpty() && pageId != 0) {
        auto section = m_db->cached("SELECT heading, start_line FROM sections WHERE page_id = ?1 AND anchor IN (?2, ?3) "
                                    "ORDER BY anchor = ?2 DESC LIMIT 1");
        if (!section)
            return section.error();
        (*section)->bind(1, pageId).bind(2, anchor).bind(3, anchor.toLower());
        if (auto row = (*section)->step(); !row) {
            return row.error();
        } else if (*row) {
            resolved.anchorFound = true;
            resolved.heading = (*section)->text(0);
            resolved.startLine = (*section)->integer(1);
        }
        (*section)->reset();
    }
    return resolved;
}

} // namespace devzero::docindex
