#pragma once

// Start wizard, last step: the environment snapshot (OS and the versions of
// the plan's tools), taken on a worker thread and shown to the tester
// before it is stored with the session.

#include "sessions/capture/environmentprobe.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace devzero::ui {

class StartWizard;

class WizardEnvironmentPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WizardEnvironmentPage(StartWizard *wizard);

    QTreeWidget *table() const { return m_table; }
    QLabel *problemLabel() const { return m_problem; }
    bool isTaking() const { return m_taking; }

    void initializePage() override;
    bool isComplete() const override;
    void showProblem(const QString &text);

public slots:
    void takeSnapshot();

private:
    void display(const capture::EnvironmentSnapshot &snapshot);

    StartWizard *m_wizard;
    QLabel *m_summary;
    QLabel *m_busyLabel;
    QProgressBar *m_busy;
    QTreeWidget *m_table;
    QPushButton *m_again;
    QLabel *m_problem;
    bool m_taking = false;
    int m_generation = 0;
};

} // namespace devzero::ui
