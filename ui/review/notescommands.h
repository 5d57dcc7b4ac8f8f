#pragma once

// The notes browser's edits, one QUndoCommand per kind: recategorise,
// retag, merge into a theme. Each redo writes to the lab and updates the
// model; each undo puts back what the write returned. A first redo that
// fails marks the command obsolete, so QUndoStack::push drops it and the
// error goes to the sink.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUndoCommand>

#include <functional>

namespace devzero {
class LabDatabase;
}

namespace devzero::ui {

class NotesModel;

struct NotesEditContext
{
    LabDatabase *lab = nullptr;
    NotesModel *model = nullptr;
    std::function<void(const QString &)> onError;
    std::function<void()> themesChanged; // the theme list must be re-read
};

class RecategoriseCommand : public QUndoCommand
{
public:
    RecategoriseCommand(NotesEditContext context, QList<qint64> noteIds, QString category);
    void redo() override;
    void undo() override;

private:
    NotesEditContext m_ctx;
    QList<qint64> m_ids;
    QString m_category;
    QHash<qint64, QString> m_previous;
};

class RetagCommand : public QUndoCommand
{
public:
    RetagCommand(NotesEditContext context, qint64 noteId, QStringList tags);
    void redo() override;
    void undo() override;

private:
    NotesEditContext m_ctx;
    qint64 m_id;
    QStringList m_tags;
    QStringList m_previous;
};

class MergeIntoThemeCommand : public QUndoCommand
{
public:
    MergeIntoThemeCommand(NotesEditContext context, QList<qint64> noteIds, QString theme, qint64 nowMs);
    void redo() override;
    void undo() override;

private:
    NotesEditContext m_ctx;
    QList<qint64> m_ids;
    QString m_theme;
    qint64 m_nowMs;
    QHash<qint64, qint64> m_previous;
    QHash<qint64, QString> m_previousNames;
};

} // namespace devzero::ui
