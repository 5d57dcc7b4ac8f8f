#include "sessions/docindex/linkresolver.h"

#include "sessions/docindex/sqliteconnection.h"

namespace devzero::docindex {

LinkResolver::LinkResolver(SqliteConnection &db, qint64 sourceId, const QString &subdir)
    : m_db(db), m_sourceId(sourceId), m_subdirPrefix(subdir.isEmpty() ? QString() : subdir + QLatin1Char('/'))
{
}

Result<qint64> LinkResolver::currentPage(const QString &path)
{
    auto cachedId = m_pageIds.constFind(path);
    if (cachedId != m_pageIds.constEnd())
        return *cachedId;
    auto stmt = m_db.cached("SELECT p.id FROM pages p JOIN revision_pages r ON r.page_id = p.id "
                            "WHERE p.source_id = ?1 AND p.path = ?2 AND r.last_seq IS NULL");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, m_sourceId).bind(2, path);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const qint64 id = *row ? (*stmt)->int64(0) : 0;
    (*stmt)->reset();
    m_pageIds.insert(path, id);
    return id;
}

Result<bool> LinkResolver::hasAnchor(qint64 pageId, const QString &anchor)
{
    auto it = m_anchors.find(pageId);
    if (it == m_anchors.end()) {
        auto stmt = m_db.cached("SELECT anchor FROM sections WHERE page_id = ?1");
        if (!stmt)
            return stmt.error();
        (*stmt)->bind(1, pageId);
        QSet<QString> anchors;
        for (;;) {
            auto row = (*stmt)->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            anchors.insert((*stmt)->text(0));
        }
        (*stmt)->reset();
        it = m_anchors.insert(pageId, anchors);
    }
    // Browsers match fragments exactly, but site generators lower-case
    // their anchors and authors often do not: accept either.
    return it->contains(anchor) || it->contains(anchor.toLower());
}

Result<bool> LinkResolver::fileExists(const QString &path)
{
    auto stmt = m_db.cached("SELECT 1 FROM assets WHERE source_id = ?1 AND (path = ?2 OR (path > ?2 || '/' AND path < ?2 || '0')) "
                            "UNION ALL SELECT 1 FROM pages p JOIN revision_pages r ON r.page_id = p.id "
                            "WHERE p.source_id = ?1 AND r.last_seq IS NULL AND p.path > ?2 || '/' AND p.path < ?2 || '0' "
                            "LIMIT 1");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, m_sourceId).bind(2, path);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const bool found = *row;
    (*stmt)->reset();
    return found;
}

Result<LinkResolver::Target> LinkResolver::resolve(const QString &kind, const QString &path, const QString &anchor,
                                                   bool escapes, qint64 pageId, const QString &pagePath)
{
    Target target;
    if (kind == QLatin1String("external")) {
        target.status = PageLink::Status::External;
        return target;
    }
    if (kind != QLatin1String("relative") && kind != QLatin1String("anchor")) {
        target.status = PageLink::Status::Other;
        return target;
    }
    if (escapes) {
        target.status = PageLink::Status::EscapesRepository;
        return target;
    }
    qint64 targetPage = 0;
    if (kind == QLatin1String("anchor") || path.isEmpty() || path == pagePath) {
        targetPage = pageId;
        target.resolvedPath = pagePath;
    } else if (!m_subdirPrefix.isEmpty() && !path.startsWith(m_subdirPrefix)) {
        target.status = PageLink::Status::OutsideIndex; // not read, so not judged
        target.resolvedPath = path;
        return target;
    } else {
        // The page itself, else what a docs site serves for the link: a
        // folder's index/README page, or the page without its extension.
        const QString base = path.endsWith(QLatin1Char('/')) ? path.chopped(1) : path;
        const QStringList candidates = {base, QString(base + QStringLiteral("/index.md")),
                                        QString(base + QStringLiteral("/README.md")), QString(base + QStringLiteral(".md"))};
        for (const QString &candidate : candidates) {
            auto id = currentPage(candidate);
            if (!id)
                return id.error();
            if (*id) {
                targetPage = *id;
                target.resolvedPath = candidate;
                break;
            }
        }
        if (!targetPage) {
            auto exists = fileExists(base);
            if (!exists)
                return exists.error();
            target.status = *exists ? PageLink::Status::Ok : PageLink::Status::BrokenFile;
            target.resolvedPath = *exists ? base : QString();
            return target;
        }
    }
    if (!anchor.isEmpty()) {
        auto found = hasAnchor(targetPage, anchor);
        if (!found)
            return found.error();
        if (!*found)
            target.status = PageLink::Status::BrokenAnchor;
    }
    return target;
}

Result<void> LinkResolver::store(qint64 linkId, const Target &target)
{
    auto stmt = m_db.cached("UPDATE links SET status = ?2, resolved_path = ?3 WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, linkId).bind(2, int(target.status)).bind(3, target.resolvedPath);
    if (target.status == PageLink::Status::BrokenFile || target.status == PageLink::Status::BrokenAnchor
        || target.status == PageLink::Status::EscapesRepository)
        ++m_broken;
    return (*stmt)->exec();
}

Result<int> LinkResolver::resolvePages(const QList<qint64> &pageIds)
{
    auto stmt = m_db.cached("SELECT l.id, l.kind, l.path, l.anchor, l.escapes, p.path FROM links l "
                            "JOIN pages p ON p.id = l.page_id WHERE l.page_id = ?1 AND l.kind IN ('relative', 'anchor')");
    if (!stmt)
        return stmt.error();
    struct Row { qint64 id; QString kind, path, anchor; bool escapes; QString pagePath; };
    int count = 0;
    for (qint64 pageId : pageIds) {
        (*stmt)->bind(1, pageId);
        QList<Row> rows;
        for (;;) {
            auto row = (*stmt)->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            rows << Row{(*stmt)->int64(0), (*stmt)->text(1), (*stmt)->text(2), (*stmt)->text(3),
                        (*stmt)->int64(4) != 0, (*stmt)->text(5)};
        }
        (*stmt)->reset();
        for (const Row &r : std::as_const(rows)) {
            auto target = resolve(r.kind, r.path, r.anchor, r.escapes, pageId, r.pagePath);
            if (!target)
                return target.error();
            if (auto stored = store(r.id, *target); !stored)
                return stored.error();
            ++count;
        }
    }
    return count;
}

Result<int> LinkResolver::resolveLinksTo(const QSet<QString> &paths)
{
    // A link may name the page, its folder or the page without ".md".
    QSet<QString> targets;
    for (const QString &path : paths) {
        targets.insert(path);
        if (path.endsWith(QLatin1String(".md")))
            targets.insert(path.chopped(3));
        const QString leaf = path.section(QLatin1Char('/'), -1);
        if (leaf == QLatin1String("index.md") || leaf == QLatin1String("README.md"))
            targets.insert(path.section(QLatin1Char('/'), 0, -2));
        for (QString folder = path.section(QLatin1Char('/'), 0, -2); !folder.isEmpty();
             folder = folder.section(QLatin1Char('/'), 0, -2)) {
            targets.insert(folder); // links to a folder exist while anything is in it
            if (!folder.contains(QLatin1Char('/')))
                break;
        }
    }
    // "l.path <> ''" lets SQLite use the partial index links_by_target.
    auto stmt = m_db.cached("SELECT l.id, l.kind, l.path, l.anchor, l.escapes, p.id, p.path FROM links l "
                            "JOIN pages p ON p.id = l.page_id JOIN revision_pages r ON r.page_id = p.id "
                            "WHERE l.path = ?1 AND l.path <> '' AND p.source_id = ?2 AND r.last_seq IS NULL");
    if (!stmt)
        return stmt.error();
    int count = 0;
    for (const QString &target : std::as_const(targets)) {
        struct Row { qint64 id; QString kind, path, anchor; bool escapes; qint64 pageId; QString pagePath; };
        QList<Row> rows;
        (*stmt)->bind(1, target).bind(2, m_sourceId);
        for (;;) {
            auto row = (*stmt)->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            rows << Row{(*stmt)->int64(0), (*stmt)->text(1), (*stmt)->text(2), (*stmt)->text(3),
                        (*stmt)->int64(4) != 0, (*stmt)->int64(5), (*stmt)->text(6)};
        }
        (*stmt)->reset();
        for (const Row &r : std::as_const(rows)) {
            auto resolved = resolve(r.kind, r.path, r.anchor, r.escapes, r.pageId, r.pagePath);
            if (!resolved)
                return resolved.error();
            if (auto stored = store(r.id, *resolved); !stored)
                return stored.error();
            ++count;
        }
    }
    return count;
}

} // namespace devzero::docindex
