#include "ui/bench/startwizard.h"

#include "sessions/capture/clock.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/store/labdatabase.h"
#include "ui/bench/wizarddocspage.h"
#include "ui/bench/wizardenvironmentpage.h"
#include "ui/bench/wizardlabpage.h"
#include "ui/bench/wizardparticipantpage.h"
#include "ui/bench/wizardplanpage.h"

#include <QFileInfo>

namespace devzero::ui {

StartWizard::StartWizard(const QString &labPath, QWidget *parent) : StartWizard(labPath, capture::systemClock(), parent) {}

StartWizard::StartWizard(const QString &labPath, const capture::Clock &clock, QWidget *parent)
    : QWizard(parent), m_clock(clock), m_labPath(labPath), m_labPage(new WizardLabPage(labPath, this)),
      m_planPage(new WizardPlanPage(this)), m_docsPage(new WizardDocsPage(this)), m_participantPage(new WizardParticipantPage(this)),
      m_environmentPage(new WizardEnvironmentPage(this))
{
    setObjectName(QStringLiteral("startWizard"));
    setWindowTitle(tr("Start a session"));
    // The same look everywhere: the native macOS/Aero styles hide the
    // page titles that explain each step.
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    setButtonText(QWizard::FinishButton, tr("&Start session"));
    setPage(LabPage, m_labPage);
    setPage(PlanPage, m_planPage);
    setPage(DocsPage, m_docsPage);
    setPage(ParticipantPage, m_participantPage);
    setPage(EnvironmentPage, m_environmentPage);
    setStartId(LabPage);
    resize(680, 560);
}

StartWizard::~StartWizard() = default;

bool StartWizard::openLab(const QString &path, QString *error)
{
    if (m_lab && QFileInfo(m_lab->path()) == QFileInfo(path))
        return true;
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(path);
    if (!lab) {
        *error = lab.error().toString();
        return false;
    }
    m_lab = std::move(*lab);
    m_labPath = m_lab->path();
    plan.reset();
    docsSource.reset();
    return true;
}

void StartWizard::accept()
{
    if (!m_lab || !plan || !snapshot) {
        m_environmentPage->showProblem(tr("The session cannot start yet: a step is not finished."));
        return;
    }
    capture::StartRequest request;
    request.planId = plan->id;
    request.pseudonym = pseudonym;
    request.experience = experience;
    request.consent = consent;
    request.docsRevision = docsSource ? docsRevision : QString();
    request.environment = snapshot->toJson();
    request.ownedByThisProcess = true;
    capture::SessionEngine engine(*m_lab, m_clock);
    Result<store::SessionRow> started = engine.start(request);
    if (!started) {
        m_environmentPage->showProblem(tr("The session could not start: %1").arg(started.error().toString()));
        return;
    }
    m_sessionId = started->id;
    QWizard::accept();
}

} // namespace devzero::ui
