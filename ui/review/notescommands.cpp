#include "ui/review/notescommands.h"

#include "sessions/store/notesedit.h"
#include "ui/review/notesmodel.h"

#include <QObject>

#include <algorithm>

namespace devzero::ui {

namespace {

// First redo failed: drop the command. Later failures: report only.
void failed(QUndoCommand *command, const NotesEditContext &ctx, const Error &error, bool first)
{
    if (first)
        command->setObsolete(true);
    if (ctx.onError)
        ctx.onError(error.toString());
}

} // namespace

RecategoriseCommand::RecategoriseCommand(NotesEditContext context, QList<qint64> noteIds, QString category)
    : m_ctx(std::move(context)), m_ids(std::move(noteIds)), m_category(std::move(category))
{
    setText(m_ids.size() == 1 ? QObject::tr("Recategorise note") : QObject::tr("Recategorise %1 notes").arg(m_ids.size()));
}

void RecategoriseCommand::redo()
{
    Result<QHash<qint64, QString>> previous = store::NotesEditStore(*m_ctx.lab).setCategory(m_ids, m_category);
    if (!previous)
        return failed(this, m_ctx, previous.error(), m_previous.isEmpty());
    m_previous = *previous;
    QHash<qint64, QString> now;
    for (qint64 id : m_ids)
        now.insert(id, m_category);
    m_ctx.model->setCategories(now);
}

void RecategoriseCommand::undo()
{
    if (Result<void> done = store::NotesEditStore(*m_ctx.lab).restoreCategories(m_previous); !done)
        return failed(this, m_ctx, done.error(), false);
    m_ctx.model->setCategories(m_previous);
}

RetagCommand::RetagCommand(NotesEditContext context, qint64 noteId, QStringList tags)
    : m_ctx(std::move(context)), m_id(noteId), m_tags(std::move(tags))
{
    setText(QObject::tr("Retag note"));
}

void RetagCommand::redo()
{
    Result<QStringList> previous = store::NotesEditStore(*m_ctx.lab).setTags(m_id, m_tags);
    if (!previous)
        return failed(this, m_ctx, previous.error(), true);
    m_previous = *previous;
    // What the store kept (trimmed, distinct, sorted), read back through a no-op.
    QStringList clean;
    for (const QString &t : m_tags)
        if (!t.trimmed().isEmpty() && !clean.contains(t.trimmed()))
            clean << t.trimmed();
    std::sort(clean.begin(), clean.end());
    m_ctx.model->setTags(m_id, clean);
}

void RetagCommand::undo()
{
    if (Result<QStringList> done = store::NotesEditStore(*m_ctx.lab).setTags(m_id, m_previous); !done)
        return failed(this, m_ctx, done.error(), false);
    m_ctx.model->setTags(m_id, m_previous);
}

MergeIntoThemeCommand::MergeIntoThemeCommand(NotesEditContext context, QList<qint64> noteIds, QString theme, qint64 nowMs)
    : m_ctx(std::move(context)), m_ids(std::move(noteIds)), m_theme(theme.simplified()), m_nowMs(nowMs)
{
    setText(QObject::tr("Merge %1 into \"%2\"")
                .arg(m_ids.size() == 1 ? QObject::tr("a note") : QObject::tr("%1 notes").arg(m_ids.size()), m_theme));
    for (qint64 id : m_ids)
        if (const int row = m_ctx.model->rowOf(id); row >= 0) {
            const store::ReviewNote *n = m_ctx.model->note(row);
            m_previousNames.insert(n->themeId, n->theme);
        }
}

void MergeIntoThemeCommand::redo()
{
    const bool first = m_previous.isEmpty();
    store::NotesEditStore store(*m_ctx.lab);
    // The theme may have been dropped by an undo: ensureTheme creates it again.
    Result<qint64> theme = store.ensureTheme(m_theme, m_nowMs);
    if (!theme)
        return failed(this, m_ctx, theme.error(), first);
    Result<QHash<qint64, qint64>> previous = store.setTheme(m_ids, *theme);
    if (!previous)
        return failed(this, m_ctx, previous.error(), first);
    m_previous = *previous;
    QHash<qint64, qint64> now;
    for (qint64 id : m_ids)
        now.insert(id, *theme);
    m_ctx.model->setThemes(now, {{*theme, m_theme}});
    if (m_ctx.themesChanged)
        m_ctx.themesChanged();
}

void MergeIntoThemeCommand::undo()
{
    store::NotesEditStore store(*m_ctx.lab);
    Result<void> done = store.restoreThemes(m_previous);
    if (done)
        done = store.dropEmptyThemes();
    if (!done)
        return failed(this, m_ctx, done.error(), false);
    m_ctx.model->setThemes(m_previous, m_previousNames);
    if (m_ctx.themesChanged)
        m_ctx.themesChanged();
}

} // namespace devzero::ui
