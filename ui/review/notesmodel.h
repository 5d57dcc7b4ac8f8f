#pragma once

// The friction notes browser: every note of the filtered sessions with its
// tester, task, page, category, tags and theme. Edits (notescommands.h)
// update rows in place.

#include "sessions/store/notesedit.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <optional>

namespace devzero::ui {

class NotesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WhenColumn, TesterColumn, TaskColumn, SeverityColumn, CategoryColumn, TextColumn, PageColumn,
                  TagsColumn, ThemeColumn, ColumnCount };
    enum Role { NoteIdRole = Qt::UserRole + 1, SessionIdRole, JourneyIdRole, SeverityRole, CategoryRole, ThemeIdRole,
                PageRole, AnchorRole, SearchTextRole, SortRole };

    explicit NotesModel(QObject *parent = nullptr);
    // `search`: searchText() of each note, when computed already (on a worker).
    void setNotes(QList<store::ReviewNote> notes, QStringList search = {});
    static QString searchText(const store::ReviewNote &note); // lower case
    const store::ReviewNote *note(int row) const;
    int rowOf(qint64 noteId) const;
    const QString &searchTextAt(int row) const { return m_search[row]; } // lower case

    // In-place updates after an edit (or its undo).
    void setCategories(const QHash<qint64, QString> &categories);
    void setTags(qint64 noteId, const QStringList &tags);
    void setThemes(const QHash<qint64, qint64> &themes, const QHash<qint64, QString> &themeNames);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rowChanged(int row);
    QList<store::ReviewNote> m_notes;
    QStringList m_search; // per row, lower case: filtering 20,000 notes per key stroke must not rebuild strings
    QHash<qint64, int> m_rows;
};

class NotesFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit NotesFilterModel(QObject *parent = nullptr);
    void setText(const QString &text);          // words in text, page, tags, tester
    void setCategory(const QString &category);  // empty: any
    void setMinimumSeverity(int severity);      // 0: any
    void setJourney(qint64 journeyId);          // 0: any
    void setSession(qint64 sessionId);          // 0: any
    void setTheme(std::optional<qint64> themeId); // none: any; 0: without theme
    qint64 journey() const { return m_journey; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words; // lower case
    QString m_category;
    int m_minSeverity = 0;
    qint64 m_journey = 0;
    qint64 m_session = 0;
    std::optional<qint64> m_theme;
};

} // namespace devzero::ui
