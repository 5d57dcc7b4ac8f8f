#pragma once

// Rows of one parsed page version (source, path, blob): the page, its
// sections, links, code blocks, commands and terms, its search rows, and the
// revision spans that say when it was current. A page version is written
// once; later revisions only open or close spans.

#include "sessions/common/result.h"
#include "sessions/docindex/parsedpage.h"

#include <QList>
#include <QString>

namespace devzero::docindex {

class SqliteConnection;

class PageStore
{
public:
    explicit PageStore(SqliteConnection &db) : m_db(db) {}

    // The page version's id, or 0 when it was never parsed.
    Result<qint64> find(qint64 sourceId, const QString &path, const QString &blobId);
    // The id of the version current at path, or 0.
    Result<qint64> current(qint64 sourceId, const QString &path);

    // sectionIds (optional) receives the ids of the page's sections, in order.
    Result<qint64> insert(qint64 sourceId, const QString &blobId, qint64 size, const ParsedPage &page,
                          QList<qint64> *sectionIds = nullptr);

    // Search rows are kept for current page versions only. sectionIds:
    // from insert(), else read from the sections table.
    Result<void> addToSearch(qint64 sourceId, qint64 pageId, const ParsedPage &page,
                             const QList<qint64> *sectionIds = nullptr);
    Result<void> removeFromSearch(qint64 pageId);

    Result<void> openSpan(qint64 sourceId, qint64 pageId, qint64 seq);
    // Ends the current span of pageId at lastSeq (the previous revision).
    Result<void> closeSpan(qint64 pageId, qint64 lastSeq);

private:
    SqliteConnection &m_db;
};

} // namespace devzero::docindex
