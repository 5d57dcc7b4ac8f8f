#pragma once

// Start wizard, step 1: the lab to record into (open or create), and a
// notice when it holds a session that was interrupted.

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace devzero::ui {

class EnterLineEdit;
class StartWizard;

class WizardLabPage : public QWizardPage
{
    Q_OBJECT
public:
    WizardLabPage(const QString &labPath, StartWizard *wizard);

    EnterLineEdit *pathEdit() const { return m_path; }
    QLabel *infoLabel() const { return m_info; }
    QPushButton *resumeButton() const { return m_resume; }

    void initializePage() override;
    bool validatePage() override;

private:
    bool openLab();
    void browse(bool create);

    StartWizard *m_wizard;
    EnterLineEdit *m_path;
    QLabel *m_info;
    QPushButton *m_resume;
};

} // namespace devzero::ui
