#include "ui/bench/wizardparticipantpage.h"

#include "ui/bench/startwizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace devzero::ui {

QString WizardParticipantPage::consentStatement()
{
    return tr("<p><b>What this session records</b></p>"
              "<ul>"
              "<li>When you start, finish, pause and resume each task, and how long you were active.</li>"
              "<li>The notes and markers you write, and a screenshot of your screen only when you tick the box for a note.</li>"
              "<li>The docs pages you open in this window and how long they stay open, and your searches.</li>"
              "<li>If you load the shell hook: the commands you run in that terminal, their exit status, duration and "
              "folder. Secrets such as tokens and passwords are removed before anything is saved.</li>"
              "<li>Your answers to the short questions after each task and at the end.</li>"
              "<li>Your operating system and the versions of the plan's tools (shown on the next page first).</li>"
              "</ul>"
              "<p>It does not record your keystrokes, your screen (except those screenshots), your browser or your name: "
              "you are known by the pseudonym above. You can pause at any time and stop whenever you like.</p>");
}

WizardParticipantPage::WizardParticipantPage(StartWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_pseudonym(new QLineEdit(this)), m_experience(new QComboBox(this)),
      m_consent(new QCheckBox(tr("I have read this and agree to be recorded in this session."), this))
{
    setTitle(tr("Participant"));
    setSubTitle(tr("Who is testing, and their agreement to be recorded."));
    m_pseudonym->setObjectName(QStringLiteral("participantPseudonym"));
    m_pseudonym->setPlaceholderText(tr("A pseudonym, not a real name, e.g. dz-07"));
    m_pseudonym->setMaxLength(64);
    connect(m_pseudonym, &QLineEdit::textChanged, this, &WizardParticipantPage::completeChanged);
    m_experience->setObjectName(QStringLiteral("participantExperience"));
    m_experience->addItem(tr("Novice: new to this kind of platform"), int(store::Experience::Novice));
    m_experience->addItem(tr("Intermediate: has used similar platforms"), int(store::Experience::Intermediate));
    m_experience->addItem(tr("Expert: works with such platforms daily"), int(store::Experience::Expert));
    auto *statement = new QLabel(consentStatement(), this);
    statement->setObjectName(QStringLiteral("consentStatement"));
    statement->setWordWrap(true);
    statement->setTextFormat(Qt::RichText);
    m_consent->setObjectName(QStringLiteral("participantConsent"));
    connect(m_consent, &QCheckBox::toggled, this, &WizardParticipantPage::completeChanged);

    auto *form = new QFormLayout;
    form->addRow(tr("&Pseudonym:"), m_pseudonym);
    form->addRow(tr("E&xperience:"), m_experience);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(statement);
    layout->addWidget(m_consent);
    layout->addStretch(1);
}

bool WizardParticipantPage::isComplete() const
{
    return !m_pseudonym->text().trimmed().isEmpty() && m_consent->isChecked();
}

bool WizardParticipantPage::validatePage()
{
    m_wizard->pseudonym = m_pseudonym->text().trimmed();
    m_wizard->experience = store::Experience(m_experience->currentData().toInt());
    m_wizard->consent = m_consent->isChecked();
    return isComplete();
}

} // namespace devzero::ui
