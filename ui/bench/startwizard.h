#pragma once

// Starting a session: the lab, the plan, the docs the tester will read, the
// participant and their consent, and the environment snapshot they see
// before it is stored. Finishing starts the session (owned by this process,
// so a crash is detected and can be resumed); the bench then opens on it.

#include "sessions/capture/environmentprobe.h"
#include "sessions/store/records.h"

#include <QWizard>

#include <memory>
#include <optional>

namespace devzero {
class LabDatabase;
}
namespace devzero::capture {
class Clock;
}

namespace devzero::ui {

class WizardDocsPage;
class WizardEnvironmentPage;
class WizardLabPage;
class WizardParticipantPage;
class WizardPlanPage;

class StartWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { LabPage, PlanPage, DocsPage, ParticipantPage, EnvironmentPage };

    explicit StartWizard(const QString &labPath, QWidget *parent = nullptr);
    StartWizard(const QString &labPath, const capture::Clock &clock, QWidget *parent = nullptr);
    ~StartWizard() override;

    // The open lab (null until the lab page is passed).
    LabDatabase *lab() const { return m_lab.get(); }
    QString labPath() const { return m_labPath; }
    bool openLab(const QString &path, QString *error);
    const capture::Clock &clock() const { return m_clock; }

    // What the pages chose.
    std::optional<store::PlanRow> plan;
    std::optional<QString> docsSource; // nullopt: no docs panel; set: a source name
    QString docsRevision;
    QString pseudonym;
    store::Experience experience = store::Experience::Novice;
    bool consent = false;
    std::optional<capture::EnvironmentSnapshot> snapshot;

    // After accept(): the session started.
    qint64 sessionId() const { return m_sessionId; }

    WizardLabPage *labPage() const { return m_labPage; }
    WizardPlanPage *planPage() const { return m_planPage; }
    WizardDocsPage *docsPage() const { return m_docsPage; }
    WizardParticipantPage *participantPage() const { return m_participantPage; }
    WizardEnvironmentPage *environmentPage() const { return m_environmentPage; }

    void accept() override;

signals:
    // The tester asked to resume an interrupted session of this lab instead.
    void resumeRequested(const QString &labPath);

private:
    const capture::Clock &m_clock;
    QString m_labPath;
    std::unique_ptr<LabDatabase> m_lab;
    qint64 m_sessionId = 0;
    WizardLabPage *m_labPage;
    WizardPlanPage *m_planPage;
    WizardDocsPage *m_docsPage;
    WizardParticipantPage *m_participantPage;
    WizardEnvironmentPage *m_environmentPage;
};

} // namespace devzero::ui
