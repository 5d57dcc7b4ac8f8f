#include "ui/triage/triagedata.h"

#include "sessions/analysis/lintdocs.h"
#include "sessions/analysis/rules.h"
#include "sessions/docindex/docindex.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/metricsstore.h"

#include <QSet>

namespace devzero::ui {

namespace {

analysis::PageVocabulary vocabularyOf(const docindex::PageInfo &info)
{
    analysis::PageVocabulary v;
    v.page = info.path;
    v.title = info.title;
    for (const docindex::PageSection &s : info.sections)
        v.sections.append({s.anchor, s.heading, s.startLine, s.endLine});
    QSet<QString> programs;
    for (const docindex::PageCommand &c : info.commands)
        if (!c.program.isEmpty() && !programs.contains(c.program)) {
            programs.insert(c.program);
            v.terms.append({c.program, c.line, false});
        }
    for (const docindex::PageTerm &t : info.terms)
        if (t.kind == QLatin1String("acronym"))
            v.terms.append({t.text, t.line, true});
    return v;
}

} // namespace

bool TriageItem::ownedBy(const QString &who) const
{
    const QString needle = who.trimmed();
    if (needle.isEmpty())
        return false;
    for (const QString &o : owners + authors)
        if (o.contains(needle, Qt::CaseInsensitive))
            return true;
    return false;
}

int TriageSnapshot::indexOf(const QString &fingerprint) const
{
    for (int i = 0; i < items.size(); ++i)
        if (items[i].fingerprint == fingerprint)
            return i;
    return -1;
}

store::TriagePresent presentSince(const TriageSnapshot &snapshot, const QString &page, const QString &blobId,
                                  qint64 sinceMs)
{
    store::TriagePresent present;
    present.currentBlobId = blobId;
    QSet<qint64> later;
    for (auto it = snapshot.sessionStarts.cbegin(); it != snapshot.sessionStarts.cend(); ++it)
        if (it.value() > sinceMs)
            later.insert(it.key());
    present.sessionsSinceFixed = int(later.size());
    QSet<qint64> withEvidence;
    if (const auto ev = snapshot.evidence.constFind(page); ev != snapshot.evidence.constEnd())
        for (const analysis::EvidenceItem &item : ev->items)
            if (item.wallMs > sinceMs && later.contains(item.sessionId))
                withEvidence.insert(item.sessionId);
    present.sessionsSinceFixedWithEvidence = int(withEvidence.size());
    return present;
}

void refreshStatus(TriageItem &item, const TriageSnapshot &snapshot)
{
    const qint64 since = item.latest ? item.latest->atMs : 0;
    item.present = presentSince(snapshot, item.flag.path, item.currentBlobId, since);
    item.status = store::triageStatus(item.latest, item.present);
}

Result<TriageSnapshot> loadTriage(const QString &labPath, const QString &indexPath, const QString &source,
                                  const QStringList &internalHosts)
{
    TriageSnapshot snap;
    snap.labPath = labPath;
    snap.indexPath = indexPath;
    Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(indexPath);
    if (!index)
        return index.error();
    Result<QList<docindex::SourceInfo>> sources = (*index)->sources();
    if (!sources)
        return sources.error();
    if (source.isEmpty()) {
        if (sources->size() != 1)
            return makeError(sources->isEmpty() ? QStringLiteral("no docs source in the index: add one first")
                                                : QStringLiteral("the index has %1 docs sources: choose one").arg(sources->size()),
                             indexPath);
        snap.source = sources->first().name;
        snap.commitId = sources->first().commitId;
    } else {
        Result<docindex::SourceInfo> info = (*index)->source(source);
        if (!info)
            return info.error();
        snap.source = info->name;
        snap.commitId = info->commitId;
    }

    Result<analysis::LintResult> lint = analysis::lintSource(**index, snap.source, {}, internalHosts);
    if (!lint)
        return lint.error();
    snap.notices += lint->warnings;

    // Owners, authors, blobs and vocabularies of every flagged page.
    QHash<QString, docindex::PageInfo> infos;
    analysis::EvidenceInput input;
    for (const analysis::Flag &f : lint->flags) {
        if (infos.contains(f.path))
            continue;
        Result<docindex::PageInfo> info = (*index)->page(f.path, snap.source);
        if (!info) {
            snap.notices << info.error().toString();
            infos.insert(f.path, {});
            continue;
        }
        input.vocabularies.insert(info->path, vocabularyOf(*info));
        infos.insert(f.path, *info);
    }

    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(labPath, {false, false, 10000});
    if (!lab)
        return lab.error();
    Result<analysis::EvidenceReport> evidence = analysis::computeEvidence(**lab, {}, input);
    if (!evidence)
        return evidence.error();
    for (const analysis::PageEvidence &p : evidence->pages)
        snap.evidence.insert(p.page, p);
    Result<QList<store::SessionRow>> sessions = store::MetricsStore(**lab).sessions({});
    if (!sessions)
        return sessions.error();
    for (const store::SessionRow &s : *sessions) {
        snap.pseudonyms.insert(s.id, s.pseudonym);
        snap.sessionStarts.insert(s.id, s.startedAtMs);
    }
    Result<QHash<QString, store::TriageChange>> latest = store::TriageStore(**lab).latestChanges();
    if (!latest)
        return latest.error();

    // Flags with a triage history that the rules no longer raise: rebuilt
    // from their last change, so a fix can still be retested and verified.
    QList<analysis::Flag> flags = lint->flags;
    QSet<QString> firing;
    for (const analysis::Flag &f : flags)
        firing.insert(store::flagFingerprint(f.ruleId, f.path, f.anchor, f.term));
    QSet<QString> stale;
    for (const store::TriageChange &c : *latest) {
        if (firing.contains(c.fingerprint) || c.state == store::TriageState::WontFix)
            continue;
        analysis::Flag f;
        f.ruleId = c.rule;
        f.path = c.page;
        f.anchor = c.anchor;
        f.term = c.term;
        f.startLine = c.startLine;
        f.endLine = c.endLine;
        f.blobId = c.blobId;
        const analysis::RuleInfo *rule = analysis::findRule(c.rule);
        f.severity = rule ? rule->defaultSeverity : analysis::Severity::Warning;
        f.explanation = rule ? rule->explanation : QString();
        f.message = c.message + QStringLiteral(" (no longer raised at this revision)");
        f.staticScore = analysis::defaultStaticScore(f);
        if (!infos.contains(f.path)) {
            Result<docindex::PageInfo> info = (*index)->page(f.path, snap.source);
            infos.insert(f.path, info ? *info : docindex::PageInfo{});
        }
        stale.insert(c.fingerprint);
        flags.append(f);
    }
    const QList<analysis::Flag> ranked = analysis::rankFlags(flags, *evidence);
    snap.items.reserve(ranked.size());
    for (const analysis::Flag &f : ranked) {
        TriageItem item;
        item.flag = f;
        item.fingerprint = store::flagFingerprint(f.ruleId, f.path, f.anchor, f.term);
        const docindex::PageInfo info = infos.value(f.path);
        item.title = info.title;
        item.owners = info.owners;
        item.ownersRule = info.ownersRule;
        for (const docindex::PageAuthor &a : info.authors)
            item.authors << QStringLiteral("%1 <%2>").arg(a.name, a.email);
        item.currentBlobId = info.blobId.isEmpty() ? f.blobId : info.blobId;
        item.stale = stale.contains(item.fingerprint);
        if (auto it = latest->constFind(item.fingerprint); it != latest->constEnd())
            item.latest = *it;
        refreshStatus(item, snap);
        snap.items.append(std::move(item));
    }
    return snap;
}

} // namespace devzero::ui
