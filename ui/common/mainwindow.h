#pragma once

// The main window: opens or creates a lab and assembles the panels.

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
class QStackedWidget;

namespace devzero {
class LabDatabase;
}

namespace devzero::ui {

class ReviewWindow;
class SessionListPanel;
class TriageWindow;
class WelcomePanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (creating when missing) the lab at path; shows the problem in
    // the window when it cannot, and keeps the previous lab.
    bool openLab(const QString &path);
    QString labPath() const;
    QString lastError() const { return m_lastError; }
    SessionListPanel *sessions() const { return m_sessions; }
    WelcomePanel *welcome() const { return m_welcome; }
    // The platform team's review and the docs owners' triage, top-level
    // windows over the open lab (created on first use).
    ReviewWindow *showReview();
    TriageWindow *showTriage();

    // The user guide (the README): the copy installed beside the program
    // (<prefix>/bin -> <prefix>/share/doc/devzero/README.md), else the one in
    // the checkout the program was built from; empty when neither exists.
    static QString userGuidePath(const QString &applicationDir);
    // Opens the guide with the desktop's viewer, or says where to read it.
    void showUserGuide();

protected:
    void closeEvent(QCloseEvent *event) override;

public slots:
    void refresh();

private:
    void createMenus();
    void createSessionMenu();
    void createReviewMenu();
    void createHelpMenu();
    void showSettings();
    void chooseLab(bool create);
    void showAbout();

    std::unique_ptr<LabDatabase> m_lab;
    SessionListPanel *m_sessions;
    WelcomePanel *m_welcome;
    QStackedWidget *m_stack;
    QPointer<ReviewWindow> m_review;
    QPointer<TriageWindow> m_triage;
    QLabel *m_labLabel;
    QString m_lastError;
};

} // namespace devzero::ui
