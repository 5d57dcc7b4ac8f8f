#include "sessions/docindex/indexedpages.h"

#include "sessions/docindex/docindextypes.h"
#include "sessions/docindex/sqliteconnection.h"

#include <QHash>

namespace devzero::docindex {

namespace {

QString linkKindName(Link::Kind kind)
{
    switch (kind) {
    case Link::Kind::Relative: return QStringLiteral("relative");
    case Link::Kind::External: return QStringLiteral("external");
    case Link::Kind::Anchor: return QStringLiteral("anchor");
    case Link::Kind::Other: break;
    }
    return QStringLiteral("other");
}

PageLink::Status initialStatus(Link::Kind kind)
{
    switch (kind) {
    case Link::Kind::External: return PageLink::Status::External;
    case Link::Kind::Other: return PageLink::Status::Other;
    default: return PageLink::Status::Ok; // set by the link resolver once the whole tree is known
    }
}

struct TermRow
{
    QString meaning;
    int line = 0;
    int count = 0;
};

// One row per distinct term and kind: first line and number of uses.
Result<void> insertTerms(Statement &stmt, qint64 pageId, const char *kind, const QList<Term> &terms)
{
    // Keyed by text: the table's key also has the first line, so the
    // same text stays one row.
    QHash<QString, TermRow> rows;
    QStringList order;
    for (const Term &term : terms) {
        auto it = rows.find(term.text);
        if (it == rows.end()) {
            rows.insert(term.text, TermRow{QString(), term.line, 1});
            order << term.text;
        } else {
            ++it->count;
        }
    }
    const QString kindName = QString::fromLatin1(kind);
    for (const QString &text : std::as_const(order)) {
        const TermRow &row = rows[text];
        stmt.bind(1, pageId).bind(2, kindName).bind(3, text).bind(4, row.meaning).bind(5, row.line).bind(6, row.count);
        auto done = stmt.exec();
        if (!done)
            return done;
    }
    return {};
}

} // namespace

Result<qint64> PageStore::find(qint64 sourceId, const QString &path, const QString &blobId)
{
    auto stmt = m_db.cached("SELECT id FROM pages WHERE source_id = ?1 AND path = ?2 AND blob_id = ?3");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, sourceId).bind(2, path).bind(3, blobId);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const qint64 id = *row ? (*stmt)->int64(0) : 0;
    (*stmt)->reset();
    return id;
}

Result<qint64> PageStore::current(qint64 sourceId, const QString &path)
{
    auto stmt = m_db.cached("SELECT p.id FROM pages p JOIN revision_pages r ON r.page_id = p.id "
                            "WHERE p.source_id = ?1 AND p.path = ?2 AND r.last_seq IS NULL");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, sourceId).bind(2, path);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const qint64 id = *row ? (*stmt)->int64(0) : 0;
    (*stmt)->reset();
    return id;
}

Result<qint64> PageStore::insert(qint64 sourceId, const QString &blobId, qint64 size, const ParsedPage &page,
                                 QList<qint64> *sectionIds)
{
    auto pageStmt = m_db.cached("INSERT INTO pages(source_id, path, blob_id, title, size, line_count, "
                                "front_matter_format, warnings) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!pageStmt)
        return pageStmt.error();
    (*pageStmt)->bind(1, sourceId).bind(2, page.path).bind(3, blobId).bind(4, page.title).bind(5, size);
    (*pageStmt)->bind(6, page.lineCount).bind(7, page.frontMatterFormat).bind(8, page.warnings.join(QLatin1Char('\n')));
    if (auto done = (*pageStmt)->exec(); !done)
        return done.error();
    const qint64 pageId = m_db.lastInsertId();

    auto sectionStmt = m_db.cached("INSERT INTO sections(page_id, ord, anchor, heading, level, start_line, end_line) "
                                   "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!sectionStmt)
        return sectionStmt.error();
    for (qsizetype i = 0; i < page.sections.size(); ++i) {
        const Section &s = page.sections.at(i);
        (*sectionStmt)->bind(1, pageId).bind(2, int(i)).bind(3, s.anchor).bind(4, s.heading).bind(5, s.level);
        (*sectionStmt)->bind(6, s.startLine).bind(7, s.endLine);
        if (auto done = (*sectionStmt)->exec(); !done)
            return done.error();
        if (sectionIds)
            sectionIds->append(m_db.lastInsertId());
    }

    auto linkStmt = m_db.cached("INSERT INTO links(page_id, kind, target, path, anchor, host, text, line, escapes, "
                                "image, status) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!linkStmt)
        return linkStmt.error();
    for (const auto &[list, image] : {std::pair{&page.links, false}, std::pair{&page.images, true}}) {
        for (const Link &l : *list) {
            (*linkStmt)->bind(1, pageId).bind(2, linkKindName(l.kind)).bind(3, l.target).bind(4, l.path);
            (*linkStmt)->bind(5, l.anchor).bind(6, l.host).bind(7, l.text).bind(8, l.line);
            (*linkStmt)->bind(9, l.escapesRepository).bind(10, image).bind(11, int(initialStatus(l.kind)));
            if (auto done = (*linkStmt)->exec(); !done)
                return done.error();
        }
    }

    // The code itself stays in the blob: its lines are enough to find it.
    auto codeStmt = m_db.cached("INSERT INTO code_blocks(page_id, language, start_line, end_line) "
                                "VALUES(?1, ?2, ?3, ?4)");
    if (!codeStmt)
        return codeStmt.error();
    for (const CodeBlock &c : page.codeBlocks) {
        (*codeStmt)->bind(1, pageId).bind(2, c.language).bind(3, c.startLine).bind(4, c.endLine);
        if (auto done = (*codeStmt)->exec(); !done)
            return done.error();
    }

    auto commandStmt = m_db.cached("INSERT INTO commands(page_id, program, text, line) VALUES(?1, ?2, ?3, ?4)");
    if (!commandStmt)
        return commandStmt.error();
    for (const Command &c : page.commands) {
        (*commandStmt)->bind(1, pageId).bind(2, c.program).bind(3, c.text).bind(4, c.line);
        if (auto done = (*commandStmt)->exec(); !done)
            return done.error();
    }

    auto termStmt = m_db.cached("INSERT OR IGNORE INTO terms(page_id, kind, text, meaning, line, count) "
                                "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    if (!termStmt)
        return termStmt.error();
    for (auto [kind, list] : {std::pair{"inline-code", &page.inlineCode}, std::pair{"env", &page.envVars},
                              std::pair{"env-assignment", &page.envAssignments},
                              std::pair{"placeholder", &page.placeholders}, std::pair{"acronym", &page.acronyms}}) {
        if (auto done = insertTerms(**termStmt, pageId, kind, *list); !done)
            return done.error();
    }
    for (const Definition &d : page.definitions) {
        (*termStmt)->bind(1, pageId).bind(2, QStringLiteral("definition")).bind(3, d.term).bind(4, d.meaning);
        (*termStmt)->bind(5, d.line).bind(6, 1);
        if (auto done = (*termStmt)->exec(); !done)
            return done.error();
    }
    return pageId;
}

Result<void> PageStore::addToSearch(qint64 sourceId, qint64 pageId, const ParsedPage &page,
                                    const QList<qint64> *knownIds)
{
    QList<qint64> sectionIds;
    if (knownIds) {
        sectionIds = *knownIds;
    } else {
        auto ids = m_db.cached("SELECT id FROM sections WHERE page_id = ?1 ORDER BY ord");
        if (!ids)
            return ids.error();
        (*ids)->bind(1, pageId);
        for (;;) {
            auto row = (*ids)->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            sectionIds << (*ids)->int64(0);
        }
        (*ids)->reset();
    }

    auto insert = m_db.cached("INSERT INTO page_fts(rowid, title, heading, body, source_id) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return insert.error();
    const qsizetype count = qMin(sectionIds.size(), page.sections.size());
    for (qsizetype i = 0; i < count; ++i) {
        const Section &s = page.sections.at(i);
        // The title goes into the first row only: a title hit names the
        // page once instead of lifting every one of its sections.
        if (i > 0 && s.heading.isEmpty() && s.text.trimmed().isEmpty())
            continue;
        (*insert)->bind(1, sectionIds.at(i)).bind(2, i == 0 ? page.title : QString()).bind(3, s.heading);
        (*insert)->bind(4, s.text).bind(5, sourceId);
        if (auto done = (*insert)->exec(); !done)
            return done;
    }
    return {};
}

Result<void> PageStore::removeFromSearch(qint64 pageId)
{
    auto stmt = m_db.cached("DELETE FROM page_fts WHERE rowid IN (SELECT id FROM sections WHERE page_id = ?1)");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, pageId);
    return (*stmt)->exec();
}

Result<void> PageStore::openSpan(qint64 sourceId, qint64 pageId, qint64 seq)
{
    auto stmt = m_db.cached("INSERT INTO revision_pages(page_id, source_id, first_seq, last_seq) VALUES(?1, ?2, ?3, NULL)");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, pageId).bind(2, sourceId).bind(3, seq);
    return (*stmt)->exec();
}

Result<void> PageStore::closeSpan(qint64 pageId, qint64 lastSeq)
{
    auto stmt = m_db.cached("UPDATE revision_pages SET last_seq = ?2 WHERE page_id = ?1 AND last_seq IS NULL");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, pageId).bind(2, lastSeq);
    return (*stmt)->exec();
}

} // namespace devzero::docindex
