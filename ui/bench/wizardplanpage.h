#pragma once

// Start wizard, step 2: the session plan, one already in the lab or a plan
// file to import (its problems are listed with their line numbers).

#include <QWizardPage>

class QLabel;
class QListWidget;

namespace devzero::ui {

class EnterLineEdit;
class StartWizard;

class WizardPlanPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WizardPlanPage(StartWizard *wizard);

    QListWidget *planList() const { return m_list; }
    EnterLineEdit *fileEdit() const { return m_file; }
    QLabel *messageLabel() const { return m_message; }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // Imports a plan file and selects it; false (with the problems shown) when it is not a valid plan.
    bool importFile(const QString &path);

private:
    void reload(qint64 selectId);
    void showDetails();

    StartWizard *m_wizard;
    QListWidget *m_list;
    QLabel *m_details;
    EnterLineEdit *m_file;
    QLabel *m_message;
};

} // namespace devzero::ui
