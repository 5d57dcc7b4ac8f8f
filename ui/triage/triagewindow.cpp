#include "ui/triage/triagewindow.h"

#include "sessions/analysis/rules.h"
#include "sessions/docindex/docindex.h"
#include "sessions/store/labdatabase.h"
#include "ui/bench/labpaths.h"
#include "ui/common/settingsdialog.h"
#include "ui/triage/pagesourceview.h"
#include "ui/triage/triagecommands.h"
#include "ui/triage/triagefiltermodel.h"
#include "ui/triage/triagequeuemodel.h"
#include "ui/triage/triagetext.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace devzero::ui {

namespace {

struct SnapshotLoad
{
    std::optional<TriageSnapshot> snapshot;
    QString error;
};

struct PageLoad
{
    QString path;
    QString anchor;
    QString title;
    QString text;
    QString error;
    int flagStart = 0;
    int flagEnd = 0;
    int sectionStart = 0;
    int sectionEnd = 0;
};

PageLoad readPage(const QString &indexPath, const QString &source, const QString &revision, PageLoad request)
{
    Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(indexPath);
    if (!index) {
        request.error = index.error().toString();
        return request;
    }
    Result<docindex::PageInfo> info = (*index)->page(request.path, source, revision);
    Result<QByteArray> bytes = (*index)->readPageBlob(request.path, source, revision);
    if (!info || !bytes) {
        request.error = (!info ? info.error() : bytes.error()).toString();
        return request;
    }
    request.title = info->title;
    request.text = QString::fromUtf8(*bytes);
    for (const docindex::PageSection &s : info->sections)
        if (!request.anchor.isEmpty() && s.anchor == request.anchor) {
            request.sectionStart = s.startLine;
            request.sectionEnd = s.endLine;
        }
    return request;
}

} // namespace

struct TriageWindow::Loader
{
    QFutureWatcher<SnapshotLoad> snapshot;
    QFutureWatcher<PageLoad> page;
    QFutureWatcher<QString> reindex; // the error, empty on success
    int pageGeneration = 0;
    QString pendingFingerprint; // selected again after a reload
};

TriageWindow::TriageWindow(QWidget *parent)
    : QMainWindow(parent), m_loader(std::make_unique<Loader>()), m_model(new TriageQueueModel(this)),
      m_filter(new TriageFilterModel(this)), m_undo(new QUndoStack(this)), m_table(new QTableView(this)),
      m_page(new PageSourceView(this)), m_pageTitle(new QLabel(this)), m_evidence(new QTextBrowser(this)),
      m_text(new QLineEdit(this)), m_owner(new QLineEdit(this)), m_rule(new QComboBox(this)),
      m_state(new QComboBox(this)), m_severity(new QComboBox(this)), m_mine(new QCheckBox(tr("&My pages"), this)),
      m_user(new QLineEdit(this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("Docs triage - Developer Zero Lab"));
    m_filter->setSourceModel(m_model);
    m_filter->sort(TriageQueueModel::ScoreColumn, Qt::DescendingOrder);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TriageQueueModel::ScoreColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const QList<int> widths = {56, 130, 70, 150, 300, 60, 150};
    for (int c = 0; c < widths.size(); ++c)
        m_table->setColumnWidth(c, widths[c]);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TriageWindow::currentChanged);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, [this] { currentChanged(); });

    m_evidence->setOpenLinks(false);
    m_pageTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pageTitle->setContentsMargins(4, 2, 4, 2);
    m_user->setPlaceholderText(tr("you (name, e-mail or @handle)"));
    m_user->setText(qEnvironmentVariable("USER"));
    m_user->setMaximumWidth(200);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    buildFilters();
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_text, 2);
    filters->addWidget(new QLabel(tr("Owner:"), this));
    filters->addWidget(m_owner, 1);
    filters->addWidget(m_rule, 1);
    filters->addWidget(m_state);
    filters->addWidget(m_severity);
    filters->addWidget(m_mine);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("You:"), this));
    filters->addWidget(m_user);
    layout->addLayout(filters);

    auto *pagePane = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(pagePane);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(2);
    pageLayout->addWidget(m_pageTitle);
    pageLayout->addWidget(m_page);
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(pagePane);
    bottom->addWidget(m_evidence);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    // Initial proportions (size hints would leave the evidence a narrow strip).
    bottom->setSizes({740, 520});
    split->setSizes({300, 500});
    layout->addWidget(split, 1);
    setCentralWidget(central);
    statusBar()->addWidget(m_status, 1);
    buildActions();

    connect(&m_loader->snapshot, &QFutureWatcher<SnapshotLoad>::finished, this, [this] {
        SnapshotLoad load = m_loader->snapshot.result();
        if (!load.snapshot) {
            showError(tr("Could not load the triage queue: %1").arg(load.error));
            emit loaded(false);
            return;
        }
        applySnapshot(std::move(*load.snapshot));
        emit loaded(true);
    });
    connect(&m_loader->page, &QFutureWatcher<PageLoad>::finished, this, [this] {
        const PageLoad page = m_loader->page.result();
        if (!page.error.isEmpty()) {
            m_page->showPage(QString(), 0, 0);
            m_pageTitle->setText(tr("Could not read %1: %2").arg(page.path, page.error));
        } else {
            m_page->showPage(page.text, page.flagStart, page.flagEnd, page.sectionStart, page.sectionEnd);
            const QString lines = page.flagStart > 0 ? (page.flagEnd > page.flagStart ? tr("flagged lines %1-%2").arg(page.flagStart).arg(page.flagEnd)
                                                                                      : tr("flagged line %1").arg(page.flagStart))
                                  : page.sectionStart > 0 ? tr("section lines %1-%2").arg(page.sectionStart).arg(page.sectionEnd)
                                                          : QString();
            m_pageTitle->setText(QStringLiteral("<b>%1</b> &nbsp; <code>%2%3</code> &nbsp; @%4 &nbsp; <span style='color:#666'>%5</span>")
                                     .arg(page.title.toHtmlEscaped(), page.path.toHtmlEscaped(),
                                          page.anchor.isEmpty() ? QString() : QLatin1Char('#') + page.anchor.toHtmlEscaped(),
                                          m_model->snapshot().commitId.left(10), lines));
        }
        emit pageShown();
    });
    connect(&m_loader->reindex, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = m_loader->reindex.result();
        if (!error.isEmpty()) {
            showError(tr("Re-indexing failed: %1").arg(error));
            emit reindexed(false);
            return;
        }
        emit reindexed(true);
        reload();
    });
    resize(1280, 820);
    updateActions();
}

TriageWindow::~TriageWindow()
{
    // Workers hold no pointer into the window, but their results must not arrive after it.
    m_loader->snapshot.waitForFinished();
    m_loader->page.waitForFinished();
    m_loader->reindex.waitForFinished();
}

void TriageWindow::buildFilters()
{
    m_text->setPlaceholderText(tr("Filter pages, rules, messages"));
    m_text->setClearButtonEnabled(true);
    m_owner->setPlaceholderText(tr("@team or name"));
    m_owner->setClearButtonEnabled(true);
    m_rule->addItem(tr("All rules"), QString());
    for (const analysis::RuleInfo &r : analysis::rules())
        m_rule->addItem(r.title, r.id);
    m_state->addItem(tr("All states"), -1);
    for (store::TriageStatus s : {store::TriageStatus::Open, store::TriageStatus::Accepted, store::TriageStatus::Fixed,
                                  store::TriageStatus::FixedNeedsRetest, store::TriageStatus::Verified,
                                  store::TriageStatus::WontFix})
        m_state->addItem(store::triageStatusLabel(s), int(s));
    m_severity->addItem(tr("Any severity"), 0);
    m_severity->addItem(tr("Warning and up"), int(analysis::Severity::Warning));
    m_severity->addItem(tr("Errors only"), int(analysis::Severity::Error));
    connect(m_text, &QLineEdit::textChanged, m_filter, &TriageFilterModel::setText);
    connect(m_owner, &QLineEdit::textChanged, m_filter, &TriageFilterModel::setOwner);
    connect(m_rule, &QComboBox::currentIndexChanged, this, [this] { m_filter->setRule(m_rule->currentData().toString()); });
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        const int s = m_state->currentData().toInt();
        m_filter->setStatus(s < 0 ? std::nullopt : std::optional<int>(s));
    });
    connect(m_severity, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setMinimumSeverity(m_severity->currentData().toInt()); });
    auto mine = [this] { m_filter->setMyPages(m_mine->isChecked() ? m_user->text() : QString()); };
    connect(m_mine, &QCheckBox::toggled, this, mine);
    connect(m_user, &QLineEdit::textChanged, this, mine);
}

void TriageWindow::buildActions()
{
    QToolBar *bar = addToolBar(tr("Triage"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(tr("Reload"), this, &TriageWindow::reload)->setShortcut(QKeySequence::Refresh);
    bar->addAction(tr("Re-index docs"), this, &TriageWindow::reindex);
    bar->addSeparator();
    const QList<QPair<store::TriageState, QString>> states = {
        {store::TriageState::Accepted, tr("&Accept")}, {store::TriageState::Fixed, tr("Mark &fixed")},
        {store::TriageState::Verified, tr("&Verify")}, {store::TriageState::WontFix, tr("&Won't fix")},
        {store::TriageState::Open, tr("Re&open")}};
    for (const auto &[state, label] : states) {
        QAction *a = bar->addAction(label, this, [this, s = state] { askAndChange(s); });
        a->setData(int(state));
        m_stateActions << a;
    }
    bar->addSeparator();
    QAction *undo = m_undo->createUndoAction(this, tr("Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("Redo"));
    redo->setShortcut(QKeySequence::Redo);
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    m_copyIssue = bar->addAction(tr("&Copy as issue"), this, &TriageWindow::copyAsIssue);
    m_copyIssue->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+C")));
}

void TriageWindow::setNotePrompt(std::function<std::optional<QString>(store::TriageState)> prompt)
{
    m_notePrompt = std::move(prompt);
}

void TriageWindow::setUser(const QString &who) { m_user->setText(who); }
QString TriageWindow::user() const { return m_user->text().trimmed(); }

bool TriageWindow::isBusy() const
{
    return m_loader->snapshot.isRunning() || m_loader->reindex.isRunning();
}

void TriageWindow::openLab(const QString &labPath, const QString &indexPath, const QString &source)
{
    m_labPath = labPath;
    m_indexPath = indexPath.isEmpty() ? docsIndexPath(labPath) : indexPath;
    m_source = source;
    m_undo->clear();
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(labPath, {false, false, 10000});
    if (!lab) {
        m_lab.reset();
        showError(tr("Could not open the lab: %1").arg(lab.error().toString()));
        emit loaded(false);
        return;
    }
    m_lab = std::move(lab.value());
    reload();
}

void TriageWindow::reload()
{
    if (m_labPath.isEmpty() || m_loader->snapshot.isRunning())
        return;
    if (const TriageItem *it = currentItem())
        m_loader->pendingFingerprint = it->fingerprint;
    m_status->setText(tr("Loading flags and evidence..."));
    // Settings > internal host patterns join the docs repository's own.
    const QStringList internalHosts = AppSettings::load().internalHosts;
    m_loader->snapshot.setFuture(QtConcurrent::run([lab = m_labPath, index = m_indexPath, source = m_source, internalHosts] {
        Result<TriageSnapshot> s = loadTriage(lab, index, source, internalHosts);
        return s ? SnapshotLoad{std::move(s.value()), {}} : SnapshotLoad{std::nullopt, s.error().toString()};
    }));
}

void TriageWindow::reindex()
{
    if (m_indexPath.isEmpty() || isBusy())
        return;
    const QString source = m_source.isEmpty() ? m_model->snapshot().source : m_source;
    m_status->setText(tr("Re-indexing the docs..."));
    m_loader->reindex.setFuture(QtConcurrent::run([index = m_indexPath, source] {
        Result<std::unique_ptr<docindex::DocIndex>> docs = docindex::DocIndex::open(index);
        if (!docs)
            return docs.error().toString();
        QString name = source;
        if (name.isEmpty()) {
            Result<QList<docindex::SourceInfo>> sources = (*docs)->sources();
            if (!sources || sources->size() != 1)
                return QStringLiteral("choose a docs source to re-index");
            name = sources->first().name;
        }
        Result<docindex::IndexStats> stats = (*docs)->index(name);
        return stats ? QString() : stats.error().toString();
    }));
}

void TriageWindow::applySnapshot(TriageSnapshot snapshot)
{
    const int count = int(snapshot.items.size());
    const int n = int(snapshot.notices.size());
    const QString notices = n == 0 ? QString() : n == 1 ? tr(" (1 notice, hover to read)") : tr(" (%1 notices, hover to read)").arg(n);
    m_status->setToolTip(snapshot.notices.mid(0, 20).join(QLatin1Char('\n')));
    const QString summary = (count == 1 ? tr("1 flag") : tr("%1 flags").arg(count))
                            + tr(" on %1 @ %2%3").arg(snapshot.source, snapshot.commitId.left(10), notices);
    m_model->setSnapshot(std::move(snapshot));
    m_page->showPage(QString(), 0, 0); // the revision may have changed: read the page again
    m_status->setText(summary);
    m_lastError.clear();
    if (!m_loader->pendingFingerprint.isEmpty() && selectFlag(m_loader->pendingFingerprint))
        return;
    if (m_filter->rowCount() > 0)
        m_table->selectRow(0);
    updateActions();
}

bool TriageWindow::selectFlag(const QString &fingerprint)
{
    const int row = m_model->snapshot().indexOf(fingerprint);
    if (row < 0)
        return false;
    QModelIndex proxy = m_filter->mapFromSource(m_model->index(row, 0));
    if (!proxy.isValid()) {
        m_text->clear();
        m_owner->clear();
        m_rule->setCurrentIndex(0);
        m_state->setCurrentIndex(0);
        m_severity->setCurrentIndex(0);
        m_mine->setChecked(false);
        proxy = m_filter->mapFromSource(m_model->index(row, 0));
    }
    m_table->selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(proxy);
    return true;
}

const TriageItem *TriageWindow::currentItem() const
{
    const QModelIndex proxy = m_table->selectionModel()->currentIndex();
    if (!proxy.isValid())
        return nullptr;
    return m_model->item(m_filter->mapToSource(proxy).row());
}

void TriageWindow::currentChanged()
{
    updateActions();
    const TriageItem *it = currentItem();
    if (!it) {
        m_evidence->clear();
        return;
    }
    QList<store::TriageChange> history;
    if (m_lab) {
        Result<QList<store::TriageChange>> h = store::TriageStore(*m_lab).history(it->fingerprint);
        if (h)
            history = *h;
    }
    m_evidence->setHtml(evidenceHtml(*it, m_model->snapshot(), history));
    // A flag the rules no longer raise has lines of an older revision: show
    // its section at the indexed revision instead.
    const int start = it->stale ? 0 : it->flag.startLine;
    const int end = it->stale ? 0 : qMax(it->flag.startLine, it->flag.endLine);
    if (m_page->flaggedLines() != qMakePair(start, end) || m_page->document()->isEmpty() || m_shownPath != it->flag.path)
        loadPage(it->flag.path, it->flag.anchor, start, end);
}

void TriageWindow::showPage(const QString &path, const QString &anchor)
{
    loadPage(path, anchor, 0, 0);
}

void TriageWindow::loadPage(const QString &path, const QString &anchor, int flagStart, int flagEnd)
{
    PageLoad request;
    request.path = path;
    request.anchor = anchor;
    request.flagStart = flagStart;
    request.flagEnd = qMax(flagStart, flagEnd);
    m_shownPath = path;
    m_pageTitle->setText(tr("Reading %1...").arg(path));
    const QString source = m_model->snapshot().source.isEmpty() ? m_source : m_model->snapshot().source;
    m_loader->page.setFuture(QtConcurrent::run([index = m_indexPath, source, rev = m_model->snapshot().commitId, request] {
        return readPage(index, source, rev, request);
    }));
}

void TriageWindow::askAndChange(store::TriageState state)
{
    std::optional<QString> note;
    if (m_notePrompt) {
        note = m_notePrompt(state);
    } else {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Mark %1").arg(store::triageStateLabel(state).toLower()),
                                                   tr("Note (optional): what was done, or why"), QLineEdit::Normal,
                                                   QString(), &ok);
        if (ok)
            note = text;
    }
    if (!note)
        return;
    if (Result<void> done = changeState(state, *note); !done)
        showError(done.error().toString());
}

Result<void> TriageWindow::changeState(store::TriageState state, const QString &note)
{
    const TriageItem *it = currentItem();
    if (!it)
        return makeError(tr("select a flag first"));
    if (!m_lab)
        return makeError(tr("no lab is open"));
    if (user().isEmpty())
        return makeError(tr("say who you are (the You field) before changing a state"));
    if (state == store::TriageState::Verified)
        if (Result<void> ok = store::canVerify(it->latest, it->present); !ok)
            return makeError(tr("cannot verify yet: %1").arg(ok.error().message));
    store::TriageChange change;
    change.fingerprint = it->fingerprint;
    change.rule = it->flag.ruleId;
    change.page = it->flag.path;
    change.anchor = it->flag.anchor;
    change.term = it->flag.term;
    change.startLine = it->flag.startLine;
    change.endLine = it->flag.endLine;
    change.message = it->flag.message;
    change.state = state;
    change.actor = user();
    change.note = note.trimmed();
    change.blobId = it->currentBlobId;
    change.atMs = QDateTime::currentMSecsSinceEpoch();
    if (it->latest && change.atMs <= it->latest->atMs)
        change.atMs = it->latest->atMs + 1; // history stays ordered even if the clock stepped back
    Result<store::TriageChange> recorded = store::TriageStore(*m_lab).record(change);
    if (!recorded)
        return recorded.error();
    m_undo->push(new TriageStateCommand(*m_lab, m_model, *recorded, it->latest,
                                        [this](const QString &e) { showError(e); }));
    return {};
}

QString TriageWindow::currentIssueMarkdown() const
{
    const TriageItem *it = currentItem();
    return it ? issueMarkdown(*it, m_model->snapshot()) : QString();
}

void TriageWindow::copyAsIssue()
{
    const QString md = currentIssueMarkdown();
    if (md.isEmpty())
        return;
    QApplication::clipboard()->setText(md);
    m_status->setText(tr("Copied the issue text (%1 characters) to the clipboard.").arg(md.size()));
}

void TriageWindow::updateActions()
{
    const TriageItem *it = currentItem();
    for (QAction *a : m_stateActions) {
        const auto state = store::TriageState(a->data().toInt());
        bool enabled = it != nullptr;
        if (it && state == store::TriageState::Verified) {
            const Result<void> ok = store::canVerify(it->latest, it->present);
            enabled = ok.ok();
            a->setToolTip(ok ? tr("A later session found no new problem here") : ok.error().message);
        }
        a->setEnabled(enabled);
    }
    if (m_copyIssue)
        m_copyIssue->setEnabled(it != nullptr);
}

void TriageWindow::showError(const QString &message)
{
    m_lastError = message;
    m_status->setText(message);
}

} // namespace devzero::ui
