// DocIndex::search: FTS5 over the current sections of every source.

#include "sessions/docindex/docindex.h"

#include "sessions/docindex/ftsquery.h"
#include "sessions/docindex/snippet.h"
#include "sessions/docindex/sourcerow.h"
#include "sessions/docindex/sqliteconnection.h"

#include <QSet>

namespace devzero::docindex {

namespace {

// Column weights for bm25(): title, heading, body, source_id. A word in a
// heading says more about a section than the same word in its prose.
// No snippet() here: SQLite would compute it for every matching row before
// LIMIT applies. Snippets are made for the rows kept (snippet.h).
constexpr const char kSearchSql[] =
    "SELECT rowid, -bm25(page_fts, 10.0, 5.0, 1.0, 0.0) AS score "
    "FROM page_fts WHERE page_fts MATCH ?1 AND (?2 = 0 OR source_id = ?2) "
    "ORDER BY bm25(page_fts, 10.0, 5.0, 1.0, 0.0) LIMIT ?3";

constexpr const char kTextSql[] = "SELECT title, heading, body FROM page_fts WHERE rowid = ?1";

constexpr const char kSectionSql[] =
    "SELECT s.anchor, s.heading, s.start_line, s.end_line, p.path, p.title, src.name "
    "FROM sections s JOIN pages p ON p.id = s.page_id JOIN sources src ON src.id = p.source_id WHERE s.id = ?1";

} // namespace

Result<QList<SearchResult>> DocIndex::search(const QString &query, const SearchOptions &options)
{
    const QString match = toFtsQuery(query);
    if (match.isEmpty())
        return QList<SearchResult>(); // nothing searchable: no results, honestly
    qint64 sourceId = 0;
    if (!options.source.isEmpty()) {
        auto row = loadSource(options.source);
        if (!row)
            return row.error();
        sourceId = row->id;
    }
    const int limit = qBound(1, options.limit, 1000);

    auto stmt = m_db->cached(kSearchSql);
    if (!stmt)
        return stmt.error();
    // Several sections of one page may match: fetch more rows than asked and
    // keep each page's best section.
    (*stmt)->bind(1, match).bind(2, sourceId).bind(3, limit * 4);
    struct Hit { qint64 sectionId; double score; };
    QList<Hit> hits;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return Error{QStringLiteral("search for \"%1\" failed: %2").arg(query, row.error().message), m_indexPath};
        if (!*row)
            break;
        hits << Hit{(*stmt)->int64(0), (*stmt)->real(1)};
    }
    (*stmt)->reset();

    auto section = m_db->cached(kSectionSql);
    if (!section)
        return section.error();
    auto texts = m_db->cached(kTextSql);
    if (!texts)
        return texts.error();
    const QList<SearchTerm> terms = searchTerms(query);
    const QString open = QString::fromUtf16(kHighlightOpen);
    const QString close = QString::fromUtf16(kHighlightClose);
    QList<SearchResult> results;
    QSet<QString> pagesSeen;
    for (const Hit &hit : std::as_const(hits)) {
        if (results.size() >= limit)
            break;
        (*section)->bind(1, hit.sectionId);
        auto row = (*section)->step();
        if (!row)
            return row.error();
        if (!*row) {
            (*section)->reset();
            continue;
        }
        SearchResult result;
        result.anchor = (*section)->text(0);
        result.heading = (*section)->text(1);
        result.startLine = (*section)->integer(2);
        result.endLine = (*section)->integer(3);
        result.path = (*section)->text(4);
        result.title = (*section)->text(5);
        result.source = (*section)->text(6);
        (*section)->reset();
        const QString pageKey = result.source + QLatin1Char(':') + result.path;
        if (pagesSeen.contains(pageKey))
            continue;
        pagesSeen.insert(pageKey);
        (*texts)->bind(1, hit.sectionId);
        auto text = (*texts)->step();
        if (!text)
            return text.error();
        if (*text) {
            const QString body = (*texts)->text(2);
            for (const QString &candidate : {body, (*texts)->text(1), (*texts)->text(0)}) {
                result.snippet = makeSnippet(candidate, terms, open, close);
                if (!result.snippet.isEmpty())
                    break;
            }
            if (result.snippet.isEmpty())
                result.snippet = leadingWords(body);
        }
        (*texts)->reset();
        result.score = hit.score;
        results << result;
    }
    return results;
}

} // namespace devzero::docindex
