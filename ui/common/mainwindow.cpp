#include "ui/common/mainwindow.h"

#include "sessions/store/labdatabase.h"
#include "ui/common/sessionlistpanel.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace devzero::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_sessions(new SessionListPanel(this)), m_labLabel(new QLabel(this))
{
    setWindowTitle(tr("Developer Zero Lab"));
    setCentralWidget(m_sessions);
    statusBar()->addWidget(m_labLabel, 1);
    createMenus();
    resize(1000, 640);
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
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Developer Zero Lab"), this, &MainWindow::showAbout);
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
    refresh();
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
