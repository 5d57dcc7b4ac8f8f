#pragma once

// The friction notes browser: filter and search; recategorise, retag and
// merge selected notes into a theme, each an undoable command saved to the
// lab; double-click a note to see its page lines.

#include "sessions/store/notesedit.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QUndoStack;

namespace devzero {
class LabDatabase;
}

namespace devzero::ui {

class NotesFilterModel;
class NotesModel;
struct ReviewSnapshot;

class NotesPanel : public QWidget
{
    Q_OBJECT
public:
    NotesPanel(QUndoStack *undo, QWidget *parent = nullptr);

    // The UI thread's connection for edits (owned by the window).
    void setLab(LabDatabase *lab) { m_lab = lab; }
    void setSnapshot(const ReviewSnapshot &snapshot);
    // Shows only the notes of one journey (0: all), as a drill-down from the overview.
    void showJourney(qint64 journeyId, const QString &label);

    // The edits, on the given notes (the selection when empty). False with
    // lastError() when nothing could be done.
    bool recategorise(const QString &category, QList<qint64> noteIds = {});
    bool retag(const QStringList &tags, qint64 noteId = 0);
    bool mergeIntoTheme(const QString &theme, QList<qint64> noteIds = {});
    QList<qint64> selectedNotes() const;
    void selectNotes(const QList<qint64> &noteIds);

    NotesModel *model() const { return m_model; }
    NotesFilterModel *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *categoryFilter() const { return m_category; }
    QString lastError() const { return m_lastError; }

signals:
    void pageRequested(const QString &page, const QString &anchor);
    void themesChanged();

private:
    void setThemes(const QList<store::Theme> &themes);
    void reloadThemes();
    struct NotesEditContext context();
    void fail(const QString &message);

    QUndoStack *m_undo;
    LabDatabase *m_lab = nullptr;
    NotesModel *m_model;
    NotesFilterModel *m_filter;
    QTableView *m_view;
    QLineEdit *m_search;
    QComboBox *m_category;
    QComboBox *m_severity;
    QComboBox *m_theme;
    QLabel *m_journey;
    QPushButton *m_clearJourney = nullptr;
    QComboBox *m_newCategory;
    QLineEdit *m_tags;
    QComboBox *m_mergeTheme;
    QLabel *m_status;
    QString m_lastError;
};

} // namespace devzero::ui
