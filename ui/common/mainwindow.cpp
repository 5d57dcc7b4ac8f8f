#include "ui/common/mainwindow.h"

#include "sessions/store/labdatabase.h"
#include "ui/bench/benchlauncher.h"
#include "ui/common/sessionlistpanel.h"
#include "ui/common/settingsdialog.h"
#include "ui/common/welcomepanel.h"
#include "ui/review/reviewwindow.h"
#include "ui/triage/triagewindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>

namespace devzero::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_sessions(new SessionListPanel(this)),
      m_welcome(new WelcomePanel(this)),
      m_stack(new QStackedWidget(this)),
      m_labLabel(new QLabel(this))
{
    setWindowTitle(tr("Developer Zero Lab"));
    // An empty lab shows the welcome (the three roles and the demo); a lab
    // with sessions shows them.
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_sessions);
    setCentralWidget(m_stack);
    connect(m_welcome, &WelcomePanel::demoLabReady, this, &MainWindow::openLab);
    connect(m_welcome, &WelcomePanel::openLabRequested, this, [this] { chooseLab(false); });
    connect(m_welcome, &WelcomePanel::newLabRequested, this, [this] { chooseLab(true); });
    statusBar()->addWidget(m_labLabel, 1);
    createMenus();
    resize(1000, 640);
    restoreGeometry(QSettings().value(QStringLiteral("window/main")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&Lab"));
    QAction *newLab = file->addAction(tr("&New Lab..."), this, [this] { chooseLab(true); });
    newLab->setShortcut(QKeySequence::New);
    QAction *openLab = file->addAction(tr("&Open Lab..."), this, [this] { chooseLab(false); });
    openLab->setShortcut(QKeySequence::Open);
    QAction *reload = file->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    reload->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    file->addAction(tr("Try the &Demo"), m_welcome, &WelcomePanel::startDemo);
    QAction *settings = file->addAction(tr("&Settings..."), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    createSessionMenu();
    createReviewMenu();

    createHelpMenu();
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("&User Guide"), this, &MainWindow::showUserGuide);
    guide->setObjectName(QStringLiteral("userGuideAction"));
    guide->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    help->addAction(tr("&About Developer Zero Lab"), this, &MainWindow::showAbout);
}

QString MainWindow::userGuidePath(const QString &applicationDir)
{
    // DEVZERO_DOC_RELDIR and DEVZERO_SOURCE_README come from
    // packaging/CMakeLists.txt, which knows where the README is installed.
    QStringList candidates = {QDir(applicationDir).filePath(QStringLiteral(DEVZERO_DOC_RELDIR "/README.md"))};
    candidates << QStringLiteral(DEVZERO_SOURCE_README);
    for (const QString &candidate : std::as_const(candidates)) {
        const QFileInfo info(candidate);
        if (info.isFile())
            return info.canonicalFilePath();
    }
    return {};
}

void MainWindow::showUserGuide()
{
    const QString path = userGuidePath(QCoreApplication::applicationDirPath());
    if (!path.isEmpty() && QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        return;
    // No guide on disk, or no viewer for it: the man page is always installed with the package.
    QMessageBox::information(this, tr("User Guide"),
                             path.isEmpty() ? tr("The user guide is not installed here. Run <b>man devzero</b> in a terminal "
                                                 "for the commands, or <b>devzero --help</b>.")
                                            : tr("Could not open the user guide, %1. Open it with a text viewer, or run "
                                                 "<b>man devzero</b> in a terminal.")
                                                  .arg(path.toHtmlEscaped()));
}

// The tester's bench (ui/bench): start a session, or take over one whose
// recording app died.
void MainWindow::createSessionMenu()
{
    QMenu *session = menuBar()->addMenu(tr("&Session"));
    QAction *start = session->addAction(tr("&Start Session..."), this, [this] {
        if (m_lab)
            startSession(this, m_lab->path(), [this] { refresh(); });
    });
    start->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+S")));
    session->addAction(tr("&Resume Interrupted..."), this, [this] {
        if (m_lab && !offerRecovery(this, m_lab->path(), [this](bool) { refresh(); }))
            statusBar()->showMessage(tr("No interrupted session in this lab."), 5000);
    });
}

// The platform team's review and the docs owners' triage (ui/review,
// ui/triage): top-level windows over the open lab; a note's page opens in
// the triage window.
void MainWindow::createReviewMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Review"));
    menu->addAction(tr("&Review Sessions"), this, [this] { showReview(); })
        ->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    menu->addAction(tr("&Triage Docs"), this, [this] { showTriage(); })
        ->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+T")));
}

TriageWindow *MainWindow::showTriage()
{
    if (!m_lab)
        return nullptr;
    if (!m_triage) {
        m_triage = new TriageWindow;
        m_triage->setAttribute(Qt::WA_DeleteOnClose);
        m_triage->openLab(m_lab->path());
    }
    m_triage->show();
    m_triage->raise();
    m_triage->activateWindow();
    return m_triage;
}

ReviewWindow *MainWindow::showReview()
{
    if (!m_lab)
        return nullptr;
    if (!m_review) {
        m_review = new ReviewWindow;
        m_review->setAttribute(Qt::WA_DeleteOnClose);
        m_review->openLab(m_lab->path());
        connect(m_review, &ReviewWindow::pageRequested, this, [this](const QString &page, const QString &anchor) {
            if (TriageWindow *triage = showTriage())
                triage->showPage(page, anchor);
        });
    }
    m_review->show();
    m_review->raise();
    m_review->activateWindow();
    return m_review;
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString wanted = dialog.settings().labPath;
    if (!wanted.isEmpty() && wanted != labPath() && !openLab(wanted))
        QMessageBox::warning(this, tr("Could not open the lab"), m_lastError);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("window/main"), saveGeometry());
    if (m_review)
        m_review->close();
    if (m_triage)
        m_triage->close();
    QMainWindow::closeEvent(event);
}

bool MainWindow::openLab(const QString &path)
{
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(path);
    if (!lab) {
        m_lastError = lab.error().toString();
        statusBar()->showMessage(tr("Could not open the lab: %1").arg(m_lastError));
        if (!m_lab)
            m_labLabel->setText(tr("No lab open: %1").arg(m_lastError));
        return false;
    }
    m_lab = std::move(lab.value());
    m_lastError.clear();
    setWindowTitle(tr("%1 - Developer Zero Lab").arg(QFileInfo(m_lab->path()).fileName()));
    m_labLabel->setText(tr("Lab: %1").arg(m_lab->path()));
    QSettings().setValue(QStringLiteral("lab/last"), m_lab->path());
    refresh();
    if (m_review)
        m_review->openLab(m_lab->path());
    if (m_triage)
        m_triage->openLab(m_lab->path());
    // A session whose bench died (crash, kill, reboot) is offered at once.
    QTimer::singleShot(0, this, [this, labPath = m_lab->path()] {
        if (m_lab && m_lab->path() == labPath)
            offerRecovery(this, labPath, [this](bool) { refresh(); });
    });
    return true;
}

QString MainWindow::labPath() const
{
    return m_lab ? m_lab->path() : QString();
}

void MainWindow::refresh()
{
    if (!m_lab)
        return;
    const QString error = m_sessions->reload(*m_lab);
    if (!error.isEmpty())
        statusBar()->showMessage(error);
    m_stack->setCurrentWidget(WelcomePanel::labIsEmpty(*m_lab) ? static_cast<QWidget *>(m_welcome) : m_sessions);
}

void MainWindow::chooseLab(bool create)
{
    const QString filter = tr("Developer Zero labs (*.sqlite *.devzero);;All files (*)");
    const QString path = create ? QFileDialog::getSaveFileName(this, tr("New Lab"), QString(), filter)
                                : QFileDialog::getOpenFileName(this, tr("Open Lab"), QString(), filter);
    if (path.isEmpty())
        return;
    if (!openLab(path))
        QMessageBox::warning(this, tr("Could not open the lab"), m_lastError);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Developer Zero Lab"),
                       tr("<h3>Developer Zero Lab %1</h3>"
                          "<p>Runs outsiders through onboarding sessions against a platform, records what "
                          "happens, and tells platform teams and docs owners which pages to fix first.</p>")
                           .arg(QStringLiteral(DEVZERO_VERSION)));
}

} // namespace devzero::ui
