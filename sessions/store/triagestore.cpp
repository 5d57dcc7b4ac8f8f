#include "sessions/store/triagestore.h"

#include "sessions/store/labdatabase.h"
#include "sessions/store/query.h"

namespace devzero::store {

namespace {

struct StateName
{
    TriageState state;
    const char16_t *id;
    const char16_t *label;
};

constexpr StateName kStates[] = {
    {TriageState::Open, u"open", u"Open"},
    {TriageState::Accepted, u"accepted", u"Accepted"},
    {TriageState::Fixed, u"fixed", u"Fixed"},
    {TriageState::Verified, u"verified", u"Verified"},
    {TriageState::WontFix, u"wont_fix", u"Won't fix"},
};

QString escapePart(QString part)
{
    part.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    part.replace(QLatin1Char('|'), QLatin1String("\\|"));
    return part;
}

const QString kColumns = QStringLiteral(
    "id, fingerprint, rule, page, state, actor, note, blob_id, at_ms, anchor, term, start_line, end_line, message");

std::optional<TriageChange> changeFrom(const Query &q)
{
    const std::optional<TriageState> state = triageStateFromString(q.text(4));
    if (!state)
        return std::nullopt;
    TriageChange c;
    c.id = q.int64(0);
    c.fingerprint = q.text(1);
    c.rule = q.text(2);
    c.page = q.text(3);
    c.state = *state;
    c.actor = q.text(5);
    c.note = q.text(6);
    c.blobId = q.text(7);
    c.atMs = q.int64(8);
    c.anchor = q.text(9);
    c.term = q.text(10);
    c.startLine = int(q.int64(11));
    c.endLine = int(q.int64(12));
    c.message = q.text(13);
    return c;
}

} // namespace

QString toString(TriageState state)
{
    for (const StateName &s : kStates)
        if (s.state == state)
            return QString::fromUtf16(s.id);
    return {};
}

QString triageStateLabel(TriageState state)
{
    for (const StateName &s : kStates)
        if (s.state == state)
            return QString::fromUtf16(s.label);
    return {};
}

std::optional<TriageState> triageStateFromString(const QString &text)
{
    QString key = text.trimmed().toLower();
    key.replace(QLatin1Char('-'), QLatin1Char('_')).replace(QLatin1Char(' '), QLatin1Char('_'));
    key.remove(QLatin1Char('\''));
    for (const StateName &s : kStates)
        if (key == QString::fromUtf16(s.id))
            return s.state;
    return std::nullopt;
}

const QList<TriageState> &triageStates()
{
    static const QList<TriageState> all = {TriageState::Open, TriageState::Accepted, TriageState::Fixed,
                                           TriageState::Verified, TriageState::WontFix};
    return all;
}

QString flagFingerprint(const QString &ruleId, const QString &page, const QString &anchor, const QString &term)
{
    return QStringList{escapePart(ruleId), escapePart(page), escapePart(anchor), escapePart(term)}.join(
        QLatin1Char('|'));
}

QString triageStatusLabel(TriageStatus status)
{
    switch (status) {
    case TriageStatus::Open: return QStringLiteral("Open");
    case TriageStatus::Accepted: return QStringLiteral("Accepted");
    case TriageStatus::Fixed: return QStringLiteral("Fixed");
    case TriageStatus::FixedNeedsRetest: return QStringLiteral("Fixed, needs retest");
    case TriageStatus::Verified: return QStringLiteral("Verified");
    case TriageStatus::WontFix: return QStringLiteral("Won't fix");
    }
    return {};
}

TriageStatus triageStatus(const std::optional<TriageChange> &latest, const TriagePresent &present)
{
    if (!latest)
        return TriageStatus::Open;
    switch (latest->state) {
    case TriageState::Open: return TriageStatus::Open;
    case TriageState::Accepted: return TriageStatus::Accepted;
    case TriageState::Verified: return TriageStatus::Verified;
    case TriageState::WontFix: return TriageStatus::WontFix;
    case TriageState::Fixed:
        // An empty blob on either side means "unknown" (working tree, or a
        // page no longer indexed): no claim that it changed.
        if (!latest->blobId.isEmpty() && !present.currentBlobId.isEmpty() && latest->blobId != present.currentBlobId)
            return TriageStatus::FixedNeedsRetest;
        return TriageStatus::Fixed;
    }
    return TriageStatus::Open;
}

Result<void> canVerify(const std::optional<TriageChange> &latest, const TriagePresent &present)
{
    if (!latest || latest->state != TriageState::Fixed)
        return makeError(QStringLiteral("only a flag marked fixed can be verified"));
    if (present.sessionsSinceFixed == 0)
        return makeError(QStringLiteral("no session has run since the flag was marked fixed: a retest must come first"));
    if (present.sessionsSinceFixed <= present.sessionsSinceFixedWithEvidence)
        return makeError(QStringLiteral("every session since the fix has new evidence on this page (%1 of %2)")
                             .arg(present.sessionsSinceFixedWithEvidence)
                             .arg(present.sessionsSinceFixed));
    return {};
}

Result<void> TriageStore::insert(const TriageChange &change, bool withId, qint64 *newId)
{
    if (change.fingerprint.isEmpty())
        return makeError(QStringLiteral("a triage change needs the flag's fingerprint"), QStringLiteral("triage_changes"));
    if (change.actor.trimmed().isEmpty())
        return makeError(QStringLiteral("a triage change needs who made it"), QStringLiteral("triage_changes"));
    // A restored change keeps its id (the undo stack refers to it); a new one gets the next.
    Query q(m_lab.db(), QStringLiteral("INSERT INTO triage_changes (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                            .arg(kColumns));
    const std::optional<qint64> id = withId ? std::optional<qint64>(change.id) : std::nullopt;
    Result<void> done = q.exec(withId ? QStringLiteral("restore triage change") : QStringLiteral("record triage change"),
                               id, change.fingerprint, change.rule, change.page, toString(change.state),
                               change.actor.trimmed(), change.note, change.blobId, change.atMs, change.anchor,
                               change.term, qint64(change.startLine), qint64(change.endLine), change.message);
    if (!done)
        return done.error();
    if (newId)
        *newId = withId ? change.id : q.lastInsertId();
    return {};
}

Result<TriageChange> TriageStore::record(const TriageChange &change)
{
    TriageChange stored = change;
    stored.actor = change.actor.trimmed();
    Result<void> done = m_lab.write([&]() { return insert(stored, false, &stored.id); },
                                    QStringLiteral("record triage change"));
    if (!done)
        return done.error();
    return stored;
}

Result<void> TriageStore::remove(qint64 changeId)
{
    return m_lab.write(
        [&]() -> Result<void> {
            Query q(m_lab.db(), QStringLiteral("DELETE FROM triage_changes WHERE id = ?"));
            if (Result<void> done = q.exec(QStringLiteral("remove triage change"), changeId); !done)
                return done;
            if (q.rowsAffected() != 1)
                return makeError(QStringLiteral("no triage change %1").arg(changeId), QStringLiteral("triage_changes"));
            return {};
        },
        QStringLiteral("remove triage change"));
}

Result<void> TriageStore::restore(const TriageChange &change)
{
    return m_lab.write([&]() { return insert(change, true, nullptr); }, QStringLiteral("restore triage change"));
}

Result<QHash<QString, TriageChange>> TriageStore::latestChanges()
{
    // The newest row per fingerprint: ids grow with time, so the max id wins.
    Query q(m_lab.db(), QStringLiteral("SELECT %1 FROM triage_changes WHERE id IN"
                                       " (SELECT MAX(id) FROM triage_changes GROUP BY fingerprint)")
                            .arg(kColumns));
    if (Result<void> done = q.exec(QStringLiteral("read triage states")); !done)
        return done.error();
    QHash<QString, TriageChange> out;
    while (q.next())
        if (std::optional<TriageChange> c = changeFrom(q))
            out.insert(c->fingerprint, *c);
    return out;
}

Result<QList<TriageChange>> TriageStore::history(const QString &fingerprint)
{
    Query q(m_lab.db(), QStringLiteral("SELECT %1 FROM triage_changes WHERE fingerprint = ? ORDER BY id").arg(kColumns));
    if (Result<void> done = q.exec(QStringLiteral("read triage history"), fingerprint); !done)
        return done.error();
    QList<TriageChange> out;
    while (q.next())
        if (std::optional<TriageChange> c = changeFrom(q))
            out.append(*c);
    return out;
}

} // namespace devzero::store
