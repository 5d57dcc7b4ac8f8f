#pragma once

// The current journey and task: its goal and "done when" (never the steps),
// the active time against the budget, and the task's actions. The actions
// themselves are the window's (they carry its shortcuts); the panel shows
// them as buttons and enables what makes sense in the current state.

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace devzero::ui {

class BenchSession;

class TaskPanel : public QWidget
{
    Q_OBJECT
public:
    struct Actions {
        QAction *start;
        QAction *done;
        QAction *failed;
        QAction *gaveUp;
        QAction *skip;
        QAction *pause;
        QAction *marker;
    };

    TaskPanel(BenchSession *session, const Actions &actions, QWidget *parent = nullptr);

    QLineEdit *markerLine() const { return m_markerLine; }
    QLabel *timerLabel() const { return m_timer; }

public slots:
    void refresh();
    void askMarker(); // shows the marker line; Enter records it
    void tick();

private:
    QToolButton *button(QAction *action, bool primary = false);

    BenchSession *m_session;
    Actions m_actions;
    QLabel *m_journey;
    QLabel *m_task;
    QLabel *m_goal;
    QLabel *m_doneWhen;
    QLabel *m_state;
    QLabel *m_timer;
    QLineEdit *m_markerLine;
    QTimer *m_ticker;
};

} // namespace devzero::ui
