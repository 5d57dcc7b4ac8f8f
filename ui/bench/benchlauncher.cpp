#include "ui/bench/benchlauncher.h"

#include "sessions/capture/clock.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/sessionstore.h"
#include "ui/bench/benchsession.h"
#include "ui/bench/benchwindow.h"
#include "ui/bench/labpaths.h"
#include "ui/bench/startwizard.h"
#include "ui/common/settingsdialog.h"

#include <QFileInfo>
#include <QMessageBox>

namespace devzero::ui {

Result<QList<InterruptedSession>> findInterruptedSessions(LabDatabase &lab, const capture::Clock &clock)
{
    Result<QList<store::SessionRow>> sessions = capture::SessionEngine::interruptedSessions(lab, clock);
    if (!sessions)
        return sessions.error();
    QList<InterruptedSession> found;
    store::SessionStore store(lab);
    for (const store::SessionRow &s : *sessions) {
        Result<std::optional<store::EventRow>> last = store.lastEvent(s.id);
        found << InterruptedSession{s, last && *last ? (*last)->wallMs : s.startedAtMs};
    }
    return found;
}

BenchWindow *openBench(const QString &labPath, qint64 sessionId, bool resumeInterrupted, const std::optional<QString> &docsSource,
                       QString *error)
{
    std::unique_ptr<BenchSession> session = BenchSession::open(labPath, sessionId, resumeInterrupted, capture::systemClock(), error);
    if (!session)
        return nullptr;
    // A resumed session reads the docs of its revision in whichever source has it.
    std::optional<QString> docs = docsSource;
    if (resumeInterrupted && !docs && !session->session().docsRevision.isEmpty() && QFileInfo::exists(docsIndexPath(labPath)))
        docs = QString();
    auto *bench = new BenchWindow(std::move(session), docs);
    bench->setAttribute(Qt::WA_DeleteOnClose);
    // Settings > "Keep the bench on top" (on by default); Ctrl+T toggles it.
    bench->setStayOnTop(AppSettings::load().benchAlwaysOnTop);
    bench->show();
    return bench;
}

bool offerRecovery(QWidget *parent, const QString &labPath, const std::function<void(bool)> &then)
{
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(labPath);
    if (!lab)
        return false;
    Result<QList<InterruptedSession>> interrupted = findInterruptedSessions(**lab, capture::systemClock());
    if (!interrupted || interrupted->isEmpty())
        return false;
    auto *dialog = new RecoveryDialog(*interrupted, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::finished, dialog, [dialog, labPath, parent, then] {
        bool opened = false;
        const qint64 id = dialog->sessionId();
        if (dialog->choice() == RecoveryDialog::Choice::Resume) {
            QString error;
            opened = openBench(labPath, id, true, std::nullopt, &error) != nullptr;
            if (!opened)
                QMessageBox::warning(parent, QObject::tr("The session cannot be resumed"), error);
        } else if (dialog->choice() == RecoveryDialog::Choice::Abandon) {
            Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(labPath);
            if (lab) {
                capture::SessionEngine engine(**lab);
                if (Result<capture::Recorded> r = engine.abandon(id); !r)
                    QMessageBox::warning(parent, QObject::tr("The session cannot be closed"), r.error().toString());
            }
        }
        if (then)
            then(opened);
    });
    dialog->open();
    return true;
}

void startSession(QWidget *parent, const QString &labPath, const std::function<void()> &changed)
{
    const auto showWizard = [parent, labPath, changed] {
        auto *wizard = new StartWizard(labPath, parent);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(wizard, &QDialog::accepted, wizard, [wizard, parent, changed] {
            QString error;
            BenchWindow *bench = openBench(wizard->labPath(), wizard->sessionId(), false, wizard->docsSource, &error);
            if (!bench)
                QMessageBox::warning(wizard->parentWidget(), QObject::tr("The bench cannot open"), error);
            else if (changed)
                QObject::connect(bench, &QObject::destroyed, parent ? static_cast<QObject *>(parent) : bench, changed);
            if (changed)
                changed();
        });
        QObject::connect(wizard, &StartWizard::resumeRequested, wizard, [parent, changed](const QString &path) {
            offerRecovery(parent, path, [changed](bool) {
                if (changed)
                    changed();
            });
        });
        wizard->show();
    };
    const bool offered = offerRecovery(parent, labPath, [showWizard, changed](bool opened) {
        if (changed)
            changed();
        if (!opened)
            showWizard();
    });
    if (!offered)
        showWizard();
}

} // namespace devzero::ui
