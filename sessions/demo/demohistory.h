#pragma once

// The demo repository's history (resources/demo/history.json, format in
// resources/demo/README.md) replayed into full trees, one per commit, with
// no git involved: GitWriter commits them.

#include "sessions/common/result.h"
#include "sessions/docindex/gitwriter.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace devzero::demo {

using docindex::CommitAuthor;

struct DemoCommit
{
    CommitAuthor author;
    QString message;
    QMap<QString, QByteArray> tree; // every file of the commit: path -> content
};

struct DemoHistory
{
    QString branch;
    QList<DemoCommit> commits; // oldest first
};

// Replays history.json against the final files under docsRoot (a folder or
// a resource path such as ":/devzero/demo/docs-repo"). Errors name the
// commit and the entry: a missing file, a `replace` whose text does not
// occur (history and docs drifted apart), dates that do not increase.
Result<DemoHistory> replayHistory(const QByteArray &historyJson, const QString &docsRoot);

} // namespace devzero::demo
