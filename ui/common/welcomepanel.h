#pragma once

// The first start: what the app is for, its three roles (tester, platform
// team, docs owner) and a "Try the demo" button that creates the Paylark
// demo lab on a worker thread and hands its path back. Shown by the main
// window while the open lab has no sessions.
//
// Hooking it in (MainWindow):
//   auto *welcome = new WelcomePanel(this);
//   connect(welcome, &WelcomePanel::demoLabReady, this, &MainWindow::openLab);
//   connect(welcome, &WelcomePanel::openLabRequested, this, [this] { chooseLab(false); });
//   connect(welcome, &WelcomePanel::newLabRequested, this, [this] { chooseLab(true); });

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace devzero {
class LabDatabase;
}

namespace devzero::ui {

class WelcomePanel : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePanel(QWidget *parent = nullptr);
    ~WelcomePanel() override;

    // Where "Try the demo" puts its lab: a lab of its own beside the
    // default one, replaced each time (it only ever holds the demo).
    static QString defaultDemoLabPath();
    // True when the lab has no plan and no session: the welcome is the
    // most useful thing to show then.
    static bool labIsEmpty(LabDatabase &lab);

    void setDemoLabPath(const QString &path) { m_demoLabPath = path; }
    QString demoLabPath() const { return m_demoLabPath; }
    bool isCreatingDemo() const { return m_watcher.isRunning(); }

public slots:
    // Creates the demo lab without blocking the UI thread; emits
    // demoLabReady or demoLabFailed.
    void startDemo();

signals:
    void demoLabReady(const QString &labPath);
    void demoLabFailed(const QString &message);
    void openLabRequested();
    void newLabRequested();

private:
    struct Outcome
    {
        QString labPath;
        QString error;
    };
    QWidget *roleCard(const QString &objectName, const QString &role, const QString &job, const QString &where);
    void demoFinished();

    QString m_demoLabPath;
    QPushButton *m_demoButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace devzero::ui
