#pragma once

// The tester's bench: a compact window (it can stay on top of the terminal)
// that assembles the task panel, the docs panel, the note bar and, between
// tasks, the questionnaires. It owns the shortcuts; the panels do the work.

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QStackedWidget;

namespace devzero::ui {

class BenchSession;
class DocsPanel;
class NoteBar;
class SeqQuestion;
class ShortcutsOverlay;
class SusQuestionnaire;
class TaskPanel;
class ThankYouPage;

class BenchWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `docsSource`: the docs index source the tester reads (empty: every
    // source of the lab's index); nullopt: no docs panel.
    BenchWindow(std::unique_ptr<BenchSession> session, const std::optional<QString> &docsSource, QWidget *parent = nullptr);
    ~BenchWindow() override;

    // Asks the tester a yes/no question; a seam so tests need no modal box.
    using Confirm = std::function<bool(const QString &question)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    BenchSession *session() const { return m_session.get(); }
    TaskPanel *taskPanel() const { return m_tasks; }
    NoteBar *noteBar() const { return m_notes; }
    DocsPanel *docsPanel() const { return m_docs; } // null without docs
    SeqQuestion *seq() const { return m_seq; }
    SusQuestionnaire *sus() const { return m_sus; }
    ThankYouPage *thankYou() const { return m_thanks; }
    ShortcutsOverlay *shortcuts() const { return m_overlay; }
    QStackedWidget *pages() const { return m_pages; }
    QAction *stayOnTopAction() const { return m_onTop; }

public slots:
    void setStayOnTop(bool on);
    void endEarly();

protected:
    void closeEvent(QCloseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QAction *addShortcut(const QString &text, const QList<QKeySequence> &keys, const QString &help,
                         const std::function<void()> &fn, Qt::ShortcutContext context = Qt::WindowShortcut);
    void buildShortcutsHelp();
    void onTaskEnded(qint64 attemptId, int outcome, const QString &title);
    void advance();
    void showSus();
    void finish();

    std::unique_ptr<BenchSession> m_session;
    Confirm m_confirm;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_work = nullptr;
    TaskPanel *m_tasks = nullptr;
    DocsPanel *m_docs = nullptr;
    NoteBar *m_notes = nullptr;
    SeqQuestion *m_seq = nullptr;
    SusQuestionnaire *m_sus = nullptr;
    ThankYouPage *m_thanks = nullptr;
    ShortcutsOverlay *m_overlay = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_problem = nullptr;
    QWidget *m_noteFrame = nullptr;
    QAction *m_onTop = nullptr;
    QList<QPair<QString, QAction *>> m_helpActions; // group title, action
    qint64 m_seqAttempt = 0;
    bool m_finishing = false;
};

} // namespace devzero::ui
