#pragma once

// The main window: opens or creates a lab and assembles the panels.

#include <QMainWindow>

#include <memory>

class QLabel;

namespace devzero {
class LabDatabase;
}

namespace devzero::ui {

class SessionListPanel;

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

public slots:
    void refresh();

private:
    void createMenus();
    void chooseLab(bool create);
    void showAbout();

    std::unique_ptr<LabDatabase> m_lab;
    SessionListPanel *m_sessions;
    QLabel *m_labLabel;
    QString m_lastError;
};

} // namespace devzero::ui
