#pragma once

// Decides, against the current revision of one source, whether each
// relative or in-page link reaches an existing page (or file) and anchor,
// and stores the outcome on the link row. Runs after every page of a
// revision is written; on an incremental run only links that could have
// changed their outcome are looked at.

#include "sessions/common/result.h"
#include "sessions/docindex/docindextypes.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace devzero::docindex {

class SqliteConnection;

class LinkResolver
{
public:
    LinkResolver(SqliteConnection &db, qint64 sourceId, const QString &subdir);

    // Every link of these page versions.
    Result<int> resolvePages(const QList<qint64> &pageIds);
    // Links of current pages whose target is one of these repository paths
    // (pages or other files that appeared, changed or disappeared).
    Result<int> resolveLinksTo(const QSet<QString> &paths);

    int brokenCount() const { return m_broken; }

private:
    struct Target
    {
        PageLink::Status status = PageLink::Status::Ok;
        QString resolvedPath;
    };
    Result<Target> resolve(const QString &kind, const QString &path, const QString &anchor, bool escapes,
                           qint64 pageId, const QString &pagePath);
    Result<qint64> currentPage(const QString &path);
    Result<bool> hasAnchor(qint64 pageId, const QString &anchor);
    Result<bool> fileExists(const QString &path);
    Result<void> store(qint64 linkId, const Target &target);

    SqliteConnection &m_db;
    qint64 m_sourceId;
    QString m_subdirPrefix; // "docs/" or empty
    QHash<QString, qint64> m_pageIds;
    QHash<qint64, QSet<QString>> m_anchors;
    int m_broken = 0;
};

} // namespace devzero::docindex
