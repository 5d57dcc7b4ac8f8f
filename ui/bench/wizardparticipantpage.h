#pragma once

// Start wizard, step 4: who the tester is (a pseudonym, their experience)
// and their consent, after a plain statement of what is recorded.

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace devzero::ui {

class StartWizard;

class WizardParticipantPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WizardParticipantPage(StartWizard *wizard);

    static QString consentStatement();

    QLineEdit *pseudonymEdit() const { return m_pseudonym; }
    QComboBox *experienceBox() const { return m_experience; }
    QCheckBox *consentBox() const { return m_consent; }

    bool isComplete() const override;
    bool validatePage() override;

private:
    StartWizard *m_wizard;
    QLineEdit *m_pseudonym;
    QComboBox *m_experience;
    QCheckBox *m_consent;
};

} // namespace devzero::ui
