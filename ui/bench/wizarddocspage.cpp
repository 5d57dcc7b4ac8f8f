#include "ui/bench/wizarddocspage.h"

#include "sessions/docindex/docindex.h"
#include "ui/bench/enterlineedit.h"
#include "ui/bench/labpaths.h"
#include "ui/bench/startwizard.h"
#include "ui/bench/wording.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace devzero::ui {

namespace {

struct SourcesAnswer
{
    QList<docindex::SourceInfo> sources;
    QString error;
};

struct AddAnswer
{
    QString name;
    QString error;
    int pages = 0;
};

// A source name from a repository: "https://x/argo-cd.git" -> "argo-cd".
QString suggestedName(const QString &repo)
{
    QString base = QFileInfo(QUrl(repo).path().isEmpty() ? repo : QUrl(repo).path()).fileName();
    if (base.endsWith(QLatin1String(".git")))
        base.chop(4);
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    return base.isEmpty() ? QStringLiteral("docs") : base;
}

} // namespace

WizardDocsPage::WizardDocsPage(StartWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_list(new QListWidget(this)), m_name(new QLineEdit(this)), m_repo(new EnterLineEdit(this)),
      m_subdir(new QLineEdit(this)), m_site(new QLineEdit(this)),
      m_clone(new QCheckBox(tr("&Clone a private copy into the lab (web addresses always are)"), this)), m_add(new QPushButton(tr("&Add and index"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_progress(new QProgressBar(this)), m_status(new QLabel(this))
{
    setTitle(tr("Docs"));
    setSubTitle(tr("The docs the tester may read in the bench. Pages are shown exactly as they were indexed, "
                   "so every note can point at the commit and line they were about."));
    m_list->setObjectName(QStringLiteral("docsSources"));
    m_list->setSpacing(3); // two-line entries must not run into each other
    connect(m_list, &QListWidget::currentRowChanged, this, &WizardDocsPage::completeChanged);

    m_name->setObjectName(QStringLiteral("docsName"));
    m_name->setPlaceholderText(tr("A short name, e.g. payments-docs"));
    m_repo->setObjectName(QStringLiteral("docsRepo"));
    m_repo->setPlaceholderText(tr("A local repository folder, or a URL to clone"));
    connect(m_repo, &EnterLineEdit::entered, this, &WizardDocsPage::addSource);
    connect(m_repo, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!m_name->isModified())
            m_name->setText(suggestedName(text.trimmed()));
    });
    m_subdir->setPlaceholderText(tr("Optional: the docs folder inside it, e.g. docs"));
    m_site->setPlaceholderText(tr("Optional: where the docs are published, e.g. https://docs.example.com/"));
    m_clone->setObjectName(QStringLiteral("docsClone"));
    m_clone->setToolTip(tr("The lab then reads its own copy: later changes to that folder do not change what testers read."));
    m_add->setObjectName(QStringLiteral("docsAdd"));
    connect(m_add, &QPushButton::clicked, this, &WizardDocsPage::addSource);
    m_cancel->setObjectName(QStringLiteral("docsCancel"));
    connect(m_cancel, &QPushButton::clicked, this, &WizardDocsPage::cancelAdd);
    m_progress->setObjectName(QStringLiteral("docsProgress"));
    m_status->setObjectName(QStringLiteral("docsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Repository:"), m_repo);
    form->addRow(tr("Na&me:"), m_name);
    form->addRow(tr("Docs &folder:"), m_subdir);
    form->addRow(tr("&Site address:"), m_site);
    form->addRow(QString(), m_clone);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_cancel);
    auto *group = new QGroupBox(tr("Add docs"), this);
    auto *groupLayout = new QVBoxLayout(group);
    groupLayout->addLayout(form);
    groupLayout->addLayout(buttons);
    groupLayout->addWidget(m_status);

    auto *listLabel = new QLabel(tr("&Docs in this lab:"), this);
    listLabel->setBuddy(m_list);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(group);
    setBusy(false);
}

WizardDocsPage::~WizardDocsPage()
{
    cancelAdd(); // the worker stops at its next check and discards its clone
}

void WizardDocsPage::initializePage()
{
    loadSources(m_wizard->docsSource.value_or(QString()));
}

void WizardDocsPage::loadSources(const QString &select)
{
    const QString indexPath = docsIndexPath(m_wizard->labPath());
    const QString clones = docsClonesDir(m_wizard->labPath());
    ++m_loads;
    auto *watcher = new QFutureWatcher<SourcesAnswer>(this);
    connect(watcher, &QFutureWatcher<SourcesAnswer>::finished, this, [this, watcher, select] {
        --m_loads;
        const SourcesAnswer answer = watcher->result();
        watcher->deleteLater();
        showSources(answer.sources, answer.error, select);
    });
    // The index is opened, read and closed on the worker: never on the UI thread.
    watcher->setFuture(QtConcurrent::run([indexPath, clones] {
        if (!QFileInfo::exists(indexPath))
            return SourcesAnswer{};
        Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(indexPath, clones);
        if (!index)
            return SourcesAnswer{{}, index.error().toString()};
        Result<QList<docindex::SourceInfo>> sources = (*index)->sources();
        return sources ? SourcesAnswer{*sources, {}} : SourcesAnswer{{}, sources.error().toString()};
    }));
}

void WizardDocsPage::showSources(const QList<docindex::SourceInfo> &sources, const QString &error, const QString &select)
{
    m_list->clear();
    auto *none = new QListWidgetItem(tr("No docs panel\nThe tester reads the docs in their own browser only."), m_list);
    none->setData(Qt::UserRole, QString());
    m_list->setCurrentItem(none);
    for (const docindex::SourceInfo &s : sources) {
        auto *item = new QListWidgetItem(tr("%1: %2 at commit %3\n%4").arg(s.name, countOf(s.pageCount, tr("page"), tr("pages")), s.commitId.left(10), s.repo), m_list);
        item->setData(Qt::UserRole, s.name);
        item->setData(Qt::UserRole + 1, s.commitId);
        if (s.name == select || (select.isEmpty() && sources.size() == 1))
            m_list->setCurrentItem(item);
    }
    if (!error.isEmpty())
        m_status->setText(tr("The lab's docs index cannot be read: %1").arg(error));
    emit completeChanged();
}

void WizardDocsPage::addSource()
{
    if (m_cancelFlag)
        return;
    docindex::SourceSpec spec;
    spec.repo = m_repo->text().trimmed();
    spec.name = m_name->text().trimmed().isEmpty() ? suggestedName(spec.repo) : m_name->text().trimmed();
    spec.subdir = m_subdir->text().trimmed();
    spec.siteUrl = m_site->text().trimmed();
    spec.clone = m_clone->isChecked();
    if (spec.repo.isEmpty()) {
        m_status->setText(tr("Type a repository folder or URL first."));
        m_repo->setFocus();
        return;
    }
    const QString indexPath = docsIndexPath(m_wizard->labPath());
    const QString clones = docsClonesDir(m_wizard->labPath());
    QDir().mkpath(labDataDir(m_wizard->labPath()));
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    setBusy(true);
    m_status->setText(tr("Adding %1…").arg(spec.repo));
    std::shared_ptr<std::atomic_bool> cancel = m_cancelFlag;
    QPointer<WizardDocsPage> self(this);
    auto *watcher = new QFutureWatcher<AddAnswer>(this);
    connect(watcher, &QFutureWatcher<AddAnswer>::finished, this, [this, watcher] {
        const AddAnswer answer = watcher->result();
        watcher->deleteLater();
        m_cancelFlag.reset();
        setBusy(false);
        if (answer.error.isEmpty()) {
            m_status->setText(tr("Added %1: %2 indexed.").arg(answer.name, countOf(answer.pages, tr("page"), tr("pages"))));
            loadSources(answer.name);
            m_list->setFocus(Qt::OtherFocusReason);
        } else {
            m_status->setText(tr("Not added: %1").arg(answer.error));
            loadSources({});
            m_repo->setFocus(Qt::OtherFocusReason); // fix the address and press Enter again
        }
    });
    watcher->setFuture(QtConcurrent::run([indexPath, clones, spec, cancel, self] {
        Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(indexPath, clones);
        if (!index)
            return AddAnswer{spec.name, index.error().toString()};
        const auto progress = [self](const docindex::Progress &p) {
            QMetaObject::invokeMethod(
                qApp, [self, p] { if (self) self->showProgress(p); }, Qt::QueuedConnection);
        };
        Result<docindex::IndexStats> stats = (*index)->addSource(spec, progress, cancel.get());
        if (!stats)
            return AddAnswer{spec.name, cancel->load() ? QObject::tr("cancelled") : stats.error().toString()};
        return AddAnswer{spec.name, {}, stats->pagesTotal};
    }));
}

void WizardDocsPage::cancelAdd()
{
    if (m_cancelFlag) {
        m_cancelFlag->store(true);
        m_status->setText(tr("Cancelling…"));
    }
}

void WizardDocsPage::showProgress(const docindex::Progress &progress)
{
    if (progress.total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000 * progress.done / std::max<qint64>(1, progress.total)));
    } else {
        m_progress->setRange(0, 0); // busy: the total is not known yet
    }
    m_status->setText(QStringLiteral("%1%2").arg(docindex::stageName(progress.stage),
                                                  progress.message.isEmpty() ? QString() : QStringLiteral(": ") + progress.message));
}

void WizardDocsPage::setBusy(bool busy)
{
    m_add->setEnabled(!busy);
    m_cancel->setVisible(busy);
    m_progress->setVisible(busy);
    m_progress->setRange(0, 0);
    // The fields go grey while busy: the keyboard lands on Cancel (Space).
    if (busy)
        m_cancel->setFocus(Qt::OtherFocusReason);
    for (QWidget *w : {static_cast<QWidget *>(m_repo), static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_subdir),
                       static_cast<QWidget *>(m_site), static_cast<QWidget *>(m_clone)})
        w->setEnabled(!busy);
    emit completeChanged();
}

bool WizardDocsPage::isComplete() const
{
    return !m_cancelFlag && m_loads == 0 && m_list->currentItem() != nullptr;
}

bool WizardDocsPage::validatePage()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return false;
    const QString name = item->data(Qt::UserRole).toString();
    if (name.isEmpty()) {
        m_wizard->docsSource.reset();
        m_wizard->docsRevision.clear();
    } else {
        m_wizard->docsSource = name;
        m_wizard->docsRevision = item->data(Qt::UserRole + 1).toString();
    }
    return true;
}

} // namespace devzero::ui
