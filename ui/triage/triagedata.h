#pragma once

// Everything the triage screens show, gathered off the UI thread: the
// static flags of the docs source's indexed revision, ranked by the lab's
// evidence, with each page's owners, last authors and current blob, and
// each flag's triage history. Plain values: built on a worker, handed to
// the UI thread.

#include "sessions/analysis/evidence.h"
#include "sessions/analysis/flag.h"
#include "sessions/common/result.h"
#include "sessions/store/triagestore.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace devzero::ui {

struct TriageItem
{
    analysis::Flag flag;
    QString fingerprint;
    QString title;          // the page's title
    QStringList owners;     // CODEOWNERS
    QString ownersRule;
    QStringList authors;    // last authors, "Name <email>", newest first
    QString currentBlobId;  // the page's blob at the indexed revision
    std::optional<store::TriageChange> latest;
    store::TriagePresent present;
    store::TriageStatus status = store::TriageStatus::Open;
    // The rules no longer raise it at the indexed revision (the page was
    // changed); kept in the queue while its triage is not over.
    bool stale = false;

    // True when who names an owner or a last author (handle, name or e-mail; any case).
    bool ownedBy(const QString &who) const;
};

struct TriageSnapshot
{
    QString labPath;
    QString indexPath;
    QString source;
    QString commitId;
    QList<TriageItem> items;                          // ranked, most important first
    QHash<QString, analysis::PageEvidence> evidence;  // by page path
    QHash<qint64, QString> pseudonyms;                // by session id
    QHash<qint64, qint64> sessionStarts;              // by session id, UTC ms
    QStringList notices;                              // what could not be included

    int indexOf(const QString &fingerprint) const;
};

// Opens its own connections (call it on any thread). `source` empty: the
// index's only source. Errors: no docs index or source, an unreadable lab.
// `internalHosts`: host patterns from the app's settings, added to the docs
// repository's own (.devzero.yml) for the internal-link rule.
Result<TriageSnapshot> loadTriage(const QString &labPath, const QString &indexPath, const QString &source = {},
                                  const QStringList &internalHosts = {});

// Recomputes an item's status from its latest change and present values.
void refreshStatus(TriageItem &item, const TriageSnapshot &snapshot);

// The sessions that started after `sinceMs`, and those of them with problem
// evidence on the page after that time.
store::TriagePresent presentSince(const TriageSnapshot &snapshot, const QString &page, const QString &blobId,
                                  qint64 sinceMs);

} // namespace devzero::ui
