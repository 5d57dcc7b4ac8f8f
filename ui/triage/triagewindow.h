#pragma once

// The docs owners' window: the queue of flagged pages ranked by evidence,
// the page as indexed with the flagged lines, the evidence beside it, and
// the triage states (undoable, saved to the lab). Everything slow (rules,
// evidence, git reads, re-indexing) runs on worker threads.

#include "sessions/store/triagestore.h"
#include "ui/triage/triagedata.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QUndoStack;

namespace devzero {
class LabDatabase;
}

namespace devzero::ui {

class PageSourceView;
class TriageFilterModel;
class TriageQueueModel;

class TriageWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit TriageWindow(QWidget *parent = nullptr);
    ~TriageWindow() override;

    // Loads the lab's queue in the background; `indexPath` empty: the lab's
    // own docs index (labpaths.h). Emits loaded() when done.
    void openLab(const QString &labPath, const QString &indexPath = {}, const QString &source = {});
    void reload();
    // Re-indexes the docs source (as the repository has it now), then reloads.
    void reindex();
    bool isBusy() const;

    // Who is triaging: recorded with each change and used by "My pages".
    void setUser(const QString &who);
    QString user() const;

    // Selects a flag in the queue (clearing filters that hide it).
    bool selectFlag(const QString &fingerprint);
    const TriageItem *currentItem() const;
    // Shows a page at the indexed revision with a section highlighted (the
    // review window's drill-down from a note). Emits pageShown().
    void showPage(const QString &path, const QString &anchor);

    // Changes the current flag's state (undoable). Verified needs a later
    // session without new evidence (store::canVerify).
    Result<void> changeState(store::TriageState state, const QString &note = {});
    QString currentIssueMarkdown() const;
    void copyAsIssue();

    // Asks for the note of a state change; the default opens a dialog.
    // Returns none when the user cancels. Tests replace it.
    void setNotePrompt(std::function<std::optional<QString>(store::TriageState)> prompt);

    TriageQueueModel *queueModel() const { return m_model; }
    TriageFilterModel *filterModel() const { return m_filter; }
    QTableView *queueView() const { return m_table; }
    PageSourceView *pageView() const { return m_page; }
    QTextBrowser *evidenceView() const { return m_evidence; }
    QUndoStack *undoStack() const { return m_undo; }
    QLineEdit *ownerFilter() const { return m_owner; }
    QComboBox *ruleFilter() const { return m_rule; }
    QComboBox *stateFilter() const { return m_state; }
    QComboBox *severityFilter() const { return m_severity; }
    QCheckBox *myPagesFilter() const { return m_mine; }
    QString lastError() const { return m_lastError; }

signals:
    void loaded(bool ok);
    void pageShown();
    void reindexed(bool ok);

private:
    void buildFilters();
    void buildActions();
    void applySnapshot(TriageSnapshot snapshot);
    void currentChanged();
    void loadPage(const QString &path, const QString &anchor, int flagStart, int flagEnd);
    void askAndChange(store::TriageState state);
    void updateActions();
    void showError(const QString &message);

    struct Loader;
    std::unique_ptr<Loader> m_loader;
    std::unique_ptr<LabDatabase> m_lab; // the UI thread's connection, for triage writes
    QString m_labPath;
    QString m_indexPath;
    QString m_source;
    QString m_lastError;
    QString m_shownPath;
    std::function<std::optional<QString>(store::TriageState)> m_notePrompt;

    TriageQueueModel *m_model;
    TriageFilterModel *m_filter;
    QUndoStack *m_undo;
    QTableView *m_table;
    PageSourceView *m_page;
    QLabel *m_pageTitle;
    QTextBrowser *m_evidence;
    QLineEdit *m_text;
    QLineEdit *m_owner;
    QComboBox *m_rule;
    QComboBox *m_state;
    QComboBox *m_severity;
    QCheckBox *m_mine;
    QLineEdit *m_user;
    QLabel *m_status;
    QList<QAction *> m_stateActions;
    QAction *m_copyIssue = nullptr;
};

} // namespace devzero::ui
