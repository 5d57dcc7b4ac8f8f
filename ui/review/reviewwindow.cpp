#include "ui/review/reviewwindow.h"

#include "sessions/analysis/lintdocs.h"
#include "sessions/docindex/docindex.h"
#include "sessions/report/renderers.h"
#include "sessions/store/labdatabase.h"
#include "ui/bench/labpaths.h"
#include "ui/review/comparepanel.h"
#include "ui/review/notespanel.h"
#include "ui/review/overviewpanel.h"
#include "ui/review/reviewdata.h"
#include "ui/review/sessionspanel.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QtConcurrent>

namespace devzero::ui {

namespace {

struct SnapshotLoad
{
    std::optional<ReviewSnapshot> snapshot;
    QString error;
};

struct ExportResult
{
    bool ok = false;
    QString message;
};

ExportResult writeReportFile(const QString &labPath, const analysis::MetricsFilter &filter, const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const std::optional<report::Format> format = report::formatFromString(suffix.isEmpty() ? QStringLiteral("csv") : suffix);
    if (!format)
        return {false, QStringLiteral("%1: unknown report format \"%2\" (html, md, pdf, json, or a folder for csv)").arg(path, suffix)};
    LabDatabase::Options options;
    options.create = false;
    options.quickCheck = false;
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(labPath, options);
    if (!lab)
        return {false, lab.error().toString()};
    // The docs index is optional: without it the report has no owners or flags.
    std::unique_ptr<docindex::DocIndex> docs;
    QList<analysis::Flag> flags;
    if (QFileInfo::exists(docsIndexPath(labPath))) {
        if (Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(docsIndexPath(labPath)); index) {
            docs = std::move(index.value());
            if (Result<QList<docindex::SourceInfo>> sources = docs->sources(); sources && sources->size() == 1)
                if (Result<analysis::LintResult> lint = analysis::lintSource(*docs, sources->first().name); lint)
                    flags = lint->flags;
        }
    }
    report::ReportOptions reportOptions;
    reportOptions.filter = filter;
    Result<report::ReportModel> model = report::buildReportModel(**lab, docs.get(), flags, reportOptions);
    if (!model)
        return {false, model.error().toString()};
    Result<QStringList> written = report::writeReport(*model, *format, path);
    if (!written)
        return {false, written.error().toString()};
    return {true, written->join(QStringLiteral(", "))};
}

} // namespace

struct ReviewWindow::Loader
{
    QFutureWatcher<SnapshotLoad> snapshot;
    QFutureWatcher<ExportResult> exporter;
    bool again = false; // a filter changed while loading
};

ReviewWindow::ReviewWindow(QWidget *parent)
    : QMainWindow(parent), m_loader(std::make_unique<Loader>()), m_undo(new QUndoStack(this)),
      m_tabs(new QTabWidget(this)), m_overview(new OverviewPanel(this)), m_sessions(new SessionsPanel(this)),
      m_notes(new NotesPanel(m_undo, this)), m_compare(new ComparePanel(this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("Review - Developer Zero Lab"));
    m_tabs->addTab(m_overview, tr("&Overview"));
    m_tabs->addTab(m_sessions, tr("&Sessions"));
    m_tabs->addTab(m_notes, tr("&Friction notes"));
    m_tabs->addTab(m_compare, tr("&Before and after"));
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    statusBar()->addWidget(m_status, 1);

    QToolBar *bar = addToolBar(tr("Review"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(tr("Reload"), this, &ReviewWindow::reload)->setShortcut(QKeySequence::Refresh);
    bar->addSeparator();
    QAction *undo = m_undo->createUndoAction(this, tr("Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("Redo"));
    redo->setShortcut(QKeySequence::Redo);
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    bar->addAction(tr("Export report..."), this, &ReviewWindow::chooseExport);

    connect(m_overview, &OverviewPanel::filterChanged, this, &ReviewWindow::reload);
    connect(m_overview, &OverviewPanel::journeyActivated, this, [this](qint64 journeyId, const QString &outcome) {
        m_notes->showJourney(journeyId, outcome);
        m_tabs->setCurrentWidget(m_notes);
    });
    connect(m_notes, &NotesPanel::pageRequested, this, &ReviewWindow::pageRequested);
    connect(m_sessions, &SessionsPanel::pageRequested, this, &ReviewWindow::pageRequested);

    connect(&m_loader->snapshot, &QFutureWatcher<SnapshotLoad>::finished, this, [this] {
        SnapshotLoad load = m_loader->snapshot.result();
        if (m_loader->again) {
            m_loader->again = false;
            reload();
            return;
        }
        if (!load.snapshot) {
            m_lastError = load.error;
            m_status->setText(tr("Could not load the lab: %1").arg(load.error));
            emit loaded(false);
            return;
        }
        applySnapshot(std::move(*load.snapshot));
        emit loaded(true);
    });
    connect(&m_loader->exporter, &QFutureWatcher<ExportResult>::finished, this, [this] {
        const ExportResult r = m_loader->exporter.result();
        m_status->setText(r.ok ? tr("Report written: %1").arg(r.message) : tr("Export failed: %1").arg(r.message));
        if (!r.ok)
            m_lastError = r.message;
        emit exported(r.ok, r.message);
    });
    resize(1280, 820);
}

ReviewWindow::~ReviewWindow()
{
    m_loader->snapshot.waitForFinished();
    m_loader->exporter.waitForFinished();
}

void ReviewWindow::openLab(const QString &labPath)
{
    LabDatabase::Options options;
    options.create = false;
    options.quickCheck = false;
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(labPath, options);
    m_undo->clear();
    if (!lab) {
        m_lab.reset();
        m_lastError = lab.error().toString();
        m_status->setText(tr("Could not open the lab: %1").arg(m_lastError));
        emit loaded(false);
        return;
    }
    m_lab = std::move(lab.value());
    m_labPath = labPath;
    m_notes->setLab(m_lab.get());
    m_sessions->setLab(labPath);
    m_compare->setLab(labPath);
    setWindowTitle(tr("%1 - Review - Developer Zero Lab").arg(QFileInfo(labPath).fileName()));
    reload();
}

bool ReviewWindow::isLoading() const
{
    return m_loader->snapshot.isRunning();
}

void ReviewWindow::reload()
{
    if (m_labPath.isEmpty())
        return;
    if (m_loader->snapshot.isRunning()) {
        m_loader->again = true; // the newest filter wins; no queue of stale loads
        return;
    }
    m_status->setText(tr("Loading..."));
    m_loader->snapshot.setFuture(QtConcurrent::run([lab = m_labPath, filter = m_overview->filter()] {
        Result<ReviewSnapshot> s = loadReview(lab, filter);
        return s ? SnapshotLoad{std::move(s.value()), {}} : SnapshotLoad{std::nullopt, s.error().toString()};
    }));
}

void ReviewWindow::applySnapshot(ReviewSnapshot snapshot)
{
    m_lastError.clear();
    m_overview->setSnapshot(snapshot);
    m_sessions->setSnapshot(snapshot);
    m_notes->setSnapshot(snapshot);
    m_compare->setRevisions(snapshot.revisions);
    m_status->setText(tr("%1 sessions, %2 notes, %3 tasks")
                          .arg(snapshot.metrics.sessions.size())
                          .arg(snapshot.notes.size())
                          .arg(snapshot.metrics.tasks.size()));
}

void ReviewWindow::exportReport(const QString &path)
{
    if (m_labPath.isEmpty() || m_loader->exporter.isRunning())
        return;
    m_status->setText(tr("Writing the report..."));
    m_loader->exporter.setFuture(QtConcurrent::run(writeReportFile, m_labPath, m_overview->filter(), path));
}

void ReviewWindow::chooseExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), QString(),
                                                      tr("HTML (*.html);;Markdown (*.md);;PDF (*.pdf);;JSON (*.json)"));
    if (!path.isEmpty())
        exportReport(path);
}

} // namespace devzero::ui
