#include "sessions/store/notesedit.h"

#include "sessions/store/evidencestore.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/query.h"

#include <QSet>

#include <algorithm>

namespace devzero::store {

namespace {

QStringList cleanTags(const QStringList &tags)
{
    QStringList out;
    for (const QString &tag : tags) {
        const QString t = tag.trimmed();
        if (!t.isEmpty() && !out.contains(t))
            out << t;
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

Result<QList<ReviewNote>> NotesEditStore::notes()
{
    QList<ReviewNote> out;
    QHash<qint64, int> rowOf;
    // One read snapshot, so that the tags match the notes while testers record.
    Result<void> read = EvidenceStore::inSnapshot(
        m_lab, [&]() -> Result<void> {
            Query q(m_lab.db(),
                    QStringLiteral(
                        "SELECT n.id, n.session_id, s.uuid, pa.pseudonym, COALESCE(s.docs_revision, ''), e.wall_ms,"
                        " n.severity, n.category, n.text, COALESCE(n.page, ''), COALESCE(n.anchor, ''),"
                        " COALESCE(j.position || '.' || t.position, ''), COALESCE(t.title, ''), COALESCE(j.id, 0),"
                        " COALESCE(th.id, 0), COALESCE(th.name, '')"
                        " FROM notes n JOIN events e ON e.id = n.event_id"
                        " JOIN sessions s ON s.id = n.session_id JOIN participants pa ON pa.id = s.participant_id"
                        " LEFT JOIN task_attempts a ON a.id = n.attempt_id LEFT JOIN tasks t ON t.id = a.task_id"
                        " LEFT JOIN journeys j ON j.id = t.journey_id"
                        " LEFT JOIN note_themes nt ON nt.note_id = n.id LEFT JOIN themes th ON th.id = nt.theme_id"
                        " ORDER BY e.wall_ms, n.id"));
            if (Result<void> done = q.exec(QStringLiteral("read notes")); !done)
                return done;
            while (q.next()) {
                ReviewNote n;
                n.id = q.int64(0);
                n.sessionId = q.int64(1);
                n.sessionUuid = q.text(2);
                n.pseudonym = q.text(3);
                n.docsRevision = q.text(4);
                n.wallMs = q.int64(5);
                n.severity = int(q.int64(6));
                n.category = q.text(7);
                n.text = q.text(8);
                n.page = q.text(9);
                n.anchor = q.text(10);
                n.taskNumber = q.text(11);
                n.taskTitle = q.text(12);
                n.journeyId = q.int64(13);
                n.themeId = q.int64(14);
                n.theme = q.text(15);
                rowOf.insert(n.id, int(out.size()));
                out.append(std::move(n));
            }
            Query tags(m_lab.db(), QStringLiteral("SELECT note_id, tag FROM note_tags ORDER BY note_id, tag"));
            if (Result<void> done = tags.exec(QStringLiteral("read note tags")); !done)
                return done;
            while (tags.next())
                if (auto it = rowOf.constFind(tags.int64(0)); it != rowOf.constEnd())
                    out[*it].tags << tags.text(1);
            return {};
        });
    if (!read)
        return read.error();
    return out;
}

Result<QList<Theme>> NotesEditStore::themes()
{
    Query q(m_lab.db(), QStringLiteral("SELECT th.id, th.name, COUNT(nt.note_id) FROM themes th"
                                       " LEFT JOIN note_themes nt ON nt.theme_id = th.id GROUP BY th.id, th.name"
                                       " ORDER BY th.name"));
    if (Result<void> done = q.exec(QStringLiteral("read themes")); !done)
        return done.error();
    QList<Theme> out;
    while (q.next())
        out.append({q.int64(0), q.text(1), int(q.int64(2))});
    return out;
}

Result<void> NotesEditStore::requireNotes(const QList<qint64> &noteIds)
{
    for (qint64 id : noteIds) {
        Query q(m_lab.db(), QStringLiteral("SELECT 1 FROM notes WHERE id = ?"));
        if (Result<void> done = q.exec(QStringLiteral("find note"), id); !done)
            return done;
        if (!q.next())
            return makeError(QStringLiteral("no note %1").arg(id), QStringLiteral("notes"));
    }
    return {};
}

Result<QHash<qint64, QString>> NotesEditStore::setCategory(const QList<qint64> &noteIds, const QString &category)
{
    const QString cat = category.trimmed();
    if (cat.isEmpty())
        return makeError(QStringLiteral("a note category must not be empty"), QStringLiteral("notes"));
    QHash<qint64, QString> previous;
    Result<void> done = m_lab.write(
        [&]() -> Result<void> {
            if (Result<void> ok = requireNotes(noteIds); !ok)
                return ok;
            for (qint64 id : noteIds) {
                Query old(m_lab.db(), QStringLiteral("SELECT category FROM notes WHERE id = ?"));
                if (Result<void> ok = old.exec(QStringLiteral("read note category"), id); !ok)
                    return ok;
                if (old.next())
                    previous.insert(id, old.text(0));
                Query q(m_lab.db(), QStringLiteral("UPDATE notes SET category = ? WHERE id = ?"));
                if (Result<void> ok = q.exec(QStringLiteral("recategorise note"), cat, id); !ok)
                    return ok;
            }
            return {};
        },
        QStringLiteral("recategorise notes"));
    if (!done)
        return done.error();
    return previous;
}

Result<void> NotesEditStore::restoreCategories(const QHash<qint64, QString> &categories)
{
    return m_lab.write(
        [&]() -> Result<void> {
            for (auto it = categories.cbegin(); it != categories.cend(); ++it) {
                Query q(m_lab.db(), QStringLiteral("UPDATE notes SET category = ? WHERE id = ?"));
                if (Result<void> ok = q.exec(QStringLiteral("restore note category"), it.value(), it.key()); !ok)
                    return ok;
            }
            return {};
        },
        QStringLiteral("restore note categories"));
}

Result<QStringList> NotesEditStore::setTags(qint64 noteId, const QStringList &tags)
{
    QStringList previous;
    const QStringList clean = cleanTags(tags);
    Result<void> done = m_lab.write(
        [&]() -> Result<void> {
            if (Result<void> ok = requireNotes({noteId}); !ok)
                return ok;
            Query old(m_lab.db(), QStringLiteral("SELECT tag FROM note_tags WHERE note_id = ? ORDER BY tag"));
            if (Result<void> ok = old.exec(QStringLiteral("read note tags"), noteId); !ok)
                return ok;
            while (old.next())
                previous << old.text(0);
            Query del(m_lab.db(), QStringLiteral("DELETE FROM note_tags WHERE note_id = ?"));
            if (Result<void> ok = del.exec(QStringLiteral("clear note tags"), noteId); !ok)
                return ok;
            for (const QString &tag : clean) {
                Query ins(m_lab.db(), QStringLiteral("INSERT INTO note_tags (note_id, tag) VALUES (?, ?)"));
                if (Result<void> ok = ins.exec(QStringLiteral("tag note"), noteId, tag); !ok)
                    return ok;
            }
            return {};
        },
        QStringLiteral("retag note"));
    if (!done)
        return done.error();
    return previous;
}

Result<qint64> NotesEditStore::ensureTheme(const QString &name, qint64 nowMs)
{
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return makeError(QStringLiteral("a theme needs a name"), QStringLiteral("themes"));
    qint64 id = 0;
    Result<void> done = m_lab.write(
        [&]() -> Result<void> {
            Query find(m_lab.db(), QStringLiteral("SELECT id FROM themes WHERE name = ?"));
            if (Result<void> ok = find.exec(QStringLiteral("find theme"), clean); !ok)
                return ok;
            if (find.next()) {
                id = find.int64(0);
                return {};
            }
            Query ins(m_lab.db(), QStringLiteral("INSERT INTO themes (name, created_at_ms) VALUES (?, ?)"));
            if (Result<void> ok = ins.exec(QStringLiteral("create theme"), clean, nowMs); !ok)
                return ok;
            id = ins.lastInsertId();
            return {};
        },
        QStringLiteral("create theme"));
    if (!done)
        return done.error();
    return id;
}

Result<void> NotesEditStore::assignThemes(const QHash<qint64, qint64> &themes)
{
    for (auto it = themes.cbegin(); it != themes.cend(); ++it) {
        Query del(m_lab.db(), QStringLiteral("DELETE FROM note_themes WHERE note_id = ?"));
        if (Result<void> ok = del.exec(QStringLiteral("take note out of its theme"), it.key()); !ok)
            return ok;
        if (it.value() == 0)
            continue;
        Query ins(m_lab.db(), QStringLiteral("INSERT INTO note_themes (note_id, theme_id) VALUES (?, ?)"));
        if (Result<void> ok = ins.exec(QStringLiteral("put note into theme"), it.key(), it.value()); !ok)
            return ok;
    }
    return {};
}

Result<QHash<qint64, qint64>> NotesEditStore::setTheme(const QList<qint64> &noteIds, qint64 themeId)
{
    QHash<qint64, qint64> previous;
    Result<void> done = m_lab.write(
        [&]() -> Result<void> {
            if (Result<void> ok = requireNotes(noteIds); !ok)
                return ok;
            if (themeId != 0) {
                Query t(m_lab.db(), QStringLiteral("SELECT 1 FROM themes WHERE id = ?"));
                if (Result<void> ok = t.exec(QStringLiteral("find theme"), themeId); !ok)
                    return ok;
                if (!t.next())
                    return makeError(QStringLiteral("no theme %1").arg(themeId), QStringLiteral("themes"));
            }
            QHash<qint64, qint64> wanted;
            for (qint64 id : noteIds) {
                Query old(m_lab.db(), QStringLiteral("SELECT theme_id FROM note_themes WHERE note_id = ?"));
                if (Result<void> ok = old.exec(QStringLiteral("read note theme"), id); !ok)
                    return ok;
                previous.insert(id, old.next() ? old.int64(0) : 0);
                wanted.insert(id, themeId);
            }
            return assignThemes(wanted);
        },
        QStringLiteral("merge notes into a theme"));
    if (!done)
        return done.error();
    return previous;
}

Result<void> NotesEditStore::restoreThemes(const QHash<qint64, qint64> &themes)
{
    return m_lab.write([&]() { return assignThemes(themes); }, QStringLiteral("restore note themes"));
}

Result<void> NotesEditStore::dropEmptyThemes()
{
    return m_lab.write(
        [&]() -> Result<void> {
            Query q(m_lab.db(), QStringLiteral("DELETE FROM themes WHERE id NOT IN (SELECT theme_id FROM note_themes)"));
            return q.exec(QStringLiteral("drop empty themes"));
        },
        QStringLiteral("drop empty themes"));
}

} // namespace devzero::store
