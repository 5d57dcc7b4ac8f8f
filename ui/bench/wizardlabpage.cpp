#include "ui/bench/wizardlabpage.h"

#include "sessions/capture/sessionengine.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"
#include "ui/bench/enterlineedit.h"
#include "ui/bench/startwizard.h"
#include "ui/bench/wording.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace devzero::ui {

WizardLabPage::WizardLabPage(const QString &labPath, StartWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_path(new EnterLineEdit(this)), m_info(new QLabel(this)),
      m_resume(new QPushButton(tr("Resume it…"), this))
{
    setTitle(tr("Lab"));
    setSubTitle(tr("The lab is one file that keeps the plans, the sessions and everything testers record."));
    m_path->setObjectName(QStringLiteral("labPath"));
    m_path->setText(labPath);
    m_path->setPlaceholderText(tr("Path of a lab file, e.g. ~/labs/payments.sqlite"));
    connect(m_path, &EnterLineEdit::entered, this, [this] { openLab(); });
    auto *label = new QLabel(tr("&Lab file:"), this);
    label->setBuddy(m_path);
    auto *open = new QPushButton(tr("&Open…"), this);
    auto *create = new QPushButton(tr("&New…"), this);
    connect(open, &QPushButton::clicked, this, [this] { browse(false); });
    connect(create, &QPushButton::clicked, this, [this] { browse(true); });
    m_info->setObjectName(QStringLiteral("labInfo"));
    m_info->setWordWrap(true);
    m_resume->setObjectName(QStringLiteral("labResume"));
    m_resume->hide();
    connect(m_resume, &QPushButton::clicked, this, [this] {
        emit m_wizard->resumeRequested(m_wizard->labPath());
        m_wizard->reject();
    });

    auto *layout = new QGridLayout(this);
    layout->addWidget(label, 0, 0);
    layout->addWidget(m_path, 0, 1);
    layout->addWidget(open, 0, 2);
    layout->addWidget(create, 0, 3);
    layout->addWidget(m_info, 1, 1, 1, 3);
    layout->addWidget(m_resume, 2, 1, Qt::AlignLeft);
    layout->setRowStretch(3, 1);
    layout->setColumnStretch(1, 1);
}

void WizardLabPage::initializePage()
{
    if (!m_path->text().trimmed().isEmpty())
        openLab();
}

bool WizardLabPage::validatePage()
{
    return openLab();
}

bool WizardLabPage::openLab()
{
    const QString path = m_path->text().trimmed();
    m_resume->hide();
    if (path.isEmpty()) {
        m_info->setText(tr("Choose a lab file first, or create a new one."));
        return false;
    }
    QString error;
    if (!m_wizard->openLab(path, &error)) {
        m_info->setText(tr("This lab cannot be opened: %1").arg(error));
        return false;
    }
    LabDatabase &lab = *m_wizard->lab();
    const Result<QList<store::PlanRow>> plans = store::PlanStore(lab).plans();
    const Result<QList<store::SessionRow>> sessions = store::SessionStore(lab).sessions();
    const qint64 planCount = plans ? plans->size() : 0;
    const qint64 sessionCount = sessions ? sessions->size() : 0;
    QString text = planCount == 0 && sessionCount == 0
        ? tr("A new lab: no plans or sessions yet.")
        : tr("This lab holds %1 and %2.").arg(countOf(planCount, tr("plan"), tr("plans")), countOf(sessionCount, tr("session"), tr("sessions")));
    const Result<QList<store::SessionRow>> interrupted = capture::SessionEngine::interruptedSessions(lab, m_wizard->clock());
    if (interrupted && !interrupted->isEmpty()) {
        text += QStringLiteral("\n\n")
            + tr("%1 stopped without being ended (the app closed unexpectedly). "
                 "You can resume it where it stopped instead of starting a new one.")
                  .arg(interrupted->size() == 1 ? tr("One session") : tr("%1 sessions").arg(interrupted->size()));
        m_resume->show();
    }
    m_info->setText(text);
    return true;
}

void WizardLabPage::browse(bool create)
{
    const QString filter = tr("Developer Zero labs (*.sqlite *.devzero);;All files (*)");
    const QString path = create ? QFileDialog::getSaveFileName(this, tr("New lab"), m_path->text(), filter)
                                : QFileDialog::getOpenFileName(this, tr("Open lab"), m_path->text(), filter);
    if (path.isEmpty())
        return;
    m_path->setText(path);
    openLab();
}

} // namespace devzero::ui
