#pragma once

// The platform team's window: the lab overview, the sessions with their
// timelines, the friction notes (edits undoable and saved to the lab) and
// before/after comparison; exports the report. Reading and computing run
// on worker threads; the window only assembles the panels.

#include "sessions/analysis/labmetrics.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QTabWidget;
class QUndoStack;

namespace devzero {
class LabDatabase;
}

namespace devzero::ui {

class ComparePanel;
class NotesPanel;
class OverviewPanel;
class SessionsPanel;
struct ReviewSnapshot;

class ReviewWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ReviewWindow(QWidget *parent = nullptr);
    ~ReviewWindow() override;

    // Opens an existing lab and loads it in the background (emits loaded()).
    void openLab(const QString &labPath);
    void reload();
    bool isLoading() const;
    // Writes the report (format from the suffix: .html .md .pdf .json, or a
    // folder for CSV) in the background; emits exported().
    void exportReport(const QString &path);

    OverviewPanel *overview() const { return m_overview; }
    SessionsPanel *sessions() const { return m_sessions; }
    NotesPanel *notes() const { return m_notes; }
    ComparePanel *compare() const { return m_compare; }
    QTabWidget *tabs() const { return m_tabs; }
    QUndoStack *undoStack() const { return m_undo; }
    QString lastError() const { return m_lastError; }

signals:
    void loaded(bool ok);
    void exported(bool ok, const QString &message);
    // A note or a lookup asks for its docs page (the triage window shows it).
    void pageRequested(const QString &page, const QString &anchor);

private:
    void applySnapshot(ReviewSnapshot snapshot);
    void chooseExport();

    struct Loader;
    std::unique_ptr<Loader> m_loader;
    std::unique_ptr<LabDatabase> m_lab;
    QString m_labPath;
    QString m_lastError;
    QUndoStack *m_undo;
    QTabWidget *m_tabs;
    OverviewPanel *m_overview;
    SessionsPanel *m_sessions;
    NotesPanel *m_notes;
    ComparePanel *m_compare;
    QLabel *m_status;
};

} // namespace devzero::ui
