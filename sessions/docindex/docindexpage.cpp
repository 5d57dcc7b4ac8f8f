// DocIndex::page and readPageBlob: one page at the current or an earlier
// revision, found by path, "source:path" or a path relative to the subdir.

#include "sessions/docindex/docindex.h"

#include "sessions/docindex/gitrepository.h"
#include "sessions/docindex/siteurls.h"
#include "sessions/docindex/sourcerow.h"
#include "sessions/docindex/sqliteconnection.h"

namespace devzero::docindex {

struct DocIndex::PageRef
{
    SourceRow source;
    qint64 pageId = 0;
    QString path;
    QString blobId;
    QString commitId;
    bool current = true;
};

namespace {

// The revision seq of a (possibly abbreviated) commit id; 0 when unknown.
Result<std::pair<qint64, QString>> revisionOf(SqliteConnection &db, qint64 sourceId, const QString &revision)
{
    auto stmt = db.cached("SELECT seq, commit_id FROM revisions WHERE source_id = ?1 AND commit_id >= ?2 "
                          "AND commit_id < ?2 || 'g' ORDER BY seq DESC LIMIT 1");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, sourceId).bind(2, revision.toLower());
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    std::pair<qint64, QString> found{0, QString()};
    if (*row)
        found = {(*stmt)->int64(0), (*stmt)->text(1)};
    (*stmt)->reset();
    return found;
}

template<typename T, typename Fill>
Result<QList<T>> collect(Statement &stmt, Fill fill)
{
    QList<T> out;
    for (;;) {
        auto row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        out << fill(stmt);
    }
    stmt.reset();
    return out;
}

} // namespace

Result<DocIndex::PageRef> DocIndex::findPage(const QString &page, const QString &source, const QString &revision)
{
    QString sourceName = source;
    QString path = page.trimmed();
    const qsizetype colon = path.indexOf(QLatin1Char(':'));
    if (colon > 0 && sourceName.isEmpty()) {
        auto named = findSourceRow(*m_db, path.left(colon));
        if (!named)
            return named.error();
        if (*named) {
            sourceName = path.left(colon);
            path = path.mid(colon + 1);
        }
    }
    while (path.startsWith(QLatin1String("./")))
        path.remove(0, 2);
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (path.isEmpty())
        return makeError(QStringLiteral("no page path given"));

    QList<SourceRow> rows;
    if (!sourceName.isEmpty()) {
        auto row = loadSource(sourceName);
        if (!row)
            return row.error();
        rows << *row;
    } else {
        auto all = allSourceRows(*m_db);
        if (!all)
            return all.error();
        rows = *all;
    }
    if (rows.isEmpty())
        return makeError(QStringLiteral("no docs sources yet: add one with `devzero docs add`"), m_indexPath);

    auto stmt = m_db->cached("SELECT p.id, p.path, p.blob_id FROM pages p JOIN revision_pages r ON r.page_id = p.id "
                             "WHERE p.source_id = ?1 AND p.path = ?2 AND r.first_seq <= ?3 "
                             "AND (r.last_seq IS NULL OR r.last_seq >= ?3)");
    if (!stmt)
        return stmt.error();
    QList<PageRef> found;
    QStringList unknownRevision;
    for (const SourceRow &row : std::as_const(rows)) {
        qint64 seq = row.seq;
        QString commitId = row.commitId;
        if (!revision.isEmpty()) {
            auto rev = revisionOf(*m_db, row.id, revision);
            if (!rev)
                return rev.error();
            if (rev->first == 0) {
                unknownRevision << row.name;
                continue;
            }
            seq = rev->first;
            commitId = rev->second;
        }
        QStringList candidates = {path};
        if (!row.subdir.isEmpty() && !path.startsWith(row.subdir + QLatin1Char('/')))
            candidates << row.subdir + QLatin1Char('/') + path;
        for (const QString &candidate : std::as_const(candidates)) {
            (*stmt)->bind(1, row.id).bind(2, candidate).bind(3, seq);
            auto hit = (*stmt)->step();
            if (!hit)
                return hit.error();
            if (*hit) {
                found << PageRef{row, (*stmt)->int64(0), (*stmt)->text(1), (*stmt)->text(2), commitId, seq == row.seq};
                (*stmt)->reset();
                break;
            }
            (*stmt)->reset();
        }
    }
    if (found.isEmpty()) {
        if (!revision.isEmpty() && unknownRevision.size() == rows.size())
            return makeError(QStringLiteral("no indexed revision matches '%1'").arg(revision), sourceName);
        return makeError(QStringLiteral("no page '%1'%2 in the docs index")
                             .arg(path, revision.isEmpty() ? QString() : QStringLiteral(" at revision ") + revision),
                         sourceName);
    }
    if (found.size() > 1) {
        QStringList names;
        for (const PageRef &ref : std::as_const(found))
            names << ref.source.name;
        return makeError(QStringLiteral("page '%1' is in several sources (%2): name one").arg(path, names.join(QStringLiteral(", "))));
    }
    return found.first();
}

Result<PageInfo> DocIndex::page(const QString &pagePath, const QString &source, const QString &revision)
{
    auto ref = findPage(pagePath, source, revision);
    if (!ref)
        return ref.error();
    PageInfo info;
    info.source = ref->source.name;
    info.path = ref->path;
    info.blobId = ref->blobId;
    info.commitId = ref->commitId;

    auto page = m_db->cached("SELECT title, line_count, size, front_matter_format, warnings FROM pages WHERE id = ?1");
    if (!page)
        return page.error();
    (*page)->bind(1, ref->pageId);
    if (auto row = (*page)->step(); !row) {
        return row.error();
    } else if (*row) {
        info.title = (*page)->text(0);
        info.lineCount = (*page)->integer(1);
        info.size = (*page)->int64(2);
        info.frontMatterFormat = (*page)->text(3);
        const QString warnings = (*page)->text(4);
        if (!warnings.isEmpty())
            info.warnings = warnings.split(QLatin1Char('\n'));
    }
    (*page)->reset();

    auto sections = m_db->cached("SELECT anchor, heading, level, start_line, end_line FROM sections WHERE page_id = ?1 ORDER BY ord");
    if (!sections)
        return sections.error();
    (*sections)->bind(1, ref->pageId);
    auto sectionList = collect<PageSection>(**sections, [](Statement &s) {
        return PageSection{s.text(0), s.text(1), s.integer(2), s.integer(3), s.integer(4)};
    });
    if (!sectionList)
        return sectionList.error();
    info.sections = *sectionList;

    auto links = m_db->cached("SELECT kind, target, resolved_path, path, anchor, host, text, line, status, image FROM links "
                              "WHERE page_id = ?1 ORDER BY id");
    if (!links)
        return links.error();
    (*links)->bind(1, ref->pageId);
    auto linkList = collect<PageLink>(**links, [](Statement &s) {
        PageLink link;
        link.kind = s.text(0);
        link.target = s.text(1);
        link.path = s.text(2).isEmpty() ? s.text(3) : s.text(2);
        link.anchor = s.text(4);
        link.host = s.text(5);
        link.text = s.text(6);
        link.line = s.integer(7);
        link.status = PageLink::Status(s.integer(8));
        link.image = s.integer(9) != 0;
        return link;
    });
    if (!linkList)
        return linkList.error();
    info.links = *linkList;

    auto commands = m_db->cached("SELECT program, text, line FROM commands WHERE page_id = ?1 ORDER BY id");
    if (!commands)
        return commands.error();
    (*commands)->bind(1, ref->pageId);
    auto commandList = collect<PageCommand>(**commands, [](Statement &s) {
        return PageCommand{s.text(0), s.text(1), s.integer(2)};
    });
    if (!commandList)
        return commandList.error();
    info.commands = *commandList;

    auto terms = m_db->cached("SELECT kind, text, meaning, line, count FROM terms WHERE page_id = ?1 ORDER BY kind, line");
    if (!terms)
        return terms.error();
    (*terms)->bind(1, ref->pageId);
    auto termList = collect<PageTerm>(**terms, [](Statement &s) {
        return PageTerm{s.text(0), s.text(1), s.text(2), s.integer(3), s.integer(4)};
    });
    if (!termList)
        return termList.error();
    info.terms = *termList;

    // Owners and authors are kept for the current revision only.
    auto owners = m_db->cached("SELECT owners, rule FROM owners WHERE source_id = ?1 AND path = ?2");
    if (!owners)
        return owners.error();
    (*owners)->bind(1, ref->source.id).bind(2, ref->path);
    if (auto row = (*owners)->step(); !row) {
        return row.error();
    } else if (*row) {
        info.owners = (*owners)->text(0).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        info.ownersRule = (*owners)->text(1);
    }
    (*owners)->reset();

    auto authors = m_db->cached("SELECT name, email, commit_id, time FROM authors WHERE source_id = ?1 AND path = ?2 ORDER BY rank");
    if (!authors)
        return authors.error();
    (*authors)->bind(1, ref->source.id).bind(2, ref->path);
    auto authorList = collect<PageAuthor>(**authors, [](Statement &s) {
        return PageAuthor{s.text(0), s.text(1), s.text(2), QDateTime::fromSecsSinceEpoch(s.int64(3), Qt::UTC)};
    });
    if (!authorList)
        return authorList.error();
    info.authors = *authorList;

    const QString key = siteKey(ref->path, ref->source.docsRoot);
    if (!ref->source.siteUrl.isEmpty() && !key.isNull()) {
        QString base = ref->source.siteUrl;
        if (!base.endsWith(QLatin1Char('/')))
            base += QLatin1Char('/');
        info.siteUrl = base + key + (key.isEmpty() ? QString() : QStringLiteral("/"));
    }
    return info;
}

Result<QByteArray> DocIndex::readPageBlob(const QString &pagePath, const QString &source, const QString &revision)
{
    auto ref = findPage(pagePath, source, revision);
    if (!ref)
        return ref.error();
    auto repo = repository(ref->source);
    if (!repo)
        return repo.error();
    auto bytes = (*repo)->readBlob(ref->blobId);
    if (!bytes) {
        // The index keeps a page's outline, the repository its bytes: after a
        // force-push and a gc the old bytes are gone. Say so, with where.
        return Error{QStringLiteral("the bytes of this page at %1 are no longer in the repository %2 (history rewritten "
                                    "and garbage-collected?); its outline is still in the index (%3)")
                         .arg(ref->commitId.left(12), ref->source.localPath, bytes.error().message),
                     ref->source.name + QLatin1Char(':') + ref->path};
    }
    return bytes;
}

} // namespace devzero::docindex
