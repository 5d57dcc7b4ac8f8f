#include "ui/bench/wizardenvironmentpage.h"

#include "ui/bench/startwizard.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace devzero::ui {

WizardEnvironmentPage::WizardEnvironmentPage(StartWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_summary(new QLabel(this)), m_busyLabel(new QLabel(this)), m_busy(new QProgressBar(this)),
      m_table(new QTreeWidget(this)), m_again(new QPushButton(tr("Check &again"), this)), m_problem(new QLabel(this))
{
    setTitle(tr("Environment"));
    setSubTitle(tr("This is what will be stored about your computer with the session. Nothing else is collected."));
    m_summary->setObjectName(QStringLiteral("environmentSummary"));
    m_summary->setWordWrap(true);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(m_busyLabel->sizeHint().height());
    m_table->setObjectName(QStringLiteral("environmentTable"));
    m_table->setColumnCount(2);
    m_table->setHeaderLabels({tr("What"), tr("Value")});
    m_table->setRootIsDecorated(false);
    m_table->setAlternatingRowColors(true);
    m_table->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->header()->setStretchLastSection(true);
    m_table->setWordWrap(true);
    m_table->setStyleSheet(QStringLiteral("QTreeWidget::item { padding: 3px 2px; }"));
    connect(m_again, &QPushButton::clicked, this, &WizardEnvironmentPage::takeSnapshot);
    m_problem->setObjectName(QStringLiteral("environmentProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a11;"));
    m_problem->hide();

    auto *busyRow = new QHBoxLayout;
    busyRow->addWidget(m_busyLabel);
    busyRow->addWidget(m_busy, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(busyRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_again, 0, Qt::AlignLeft);
    layout->addWidget(m_problem);
    setFinalPage(true);
}

void WizardEnvironmentPage::initializePage()
{
    QString docs = m_wizard->docsSource ? *m_wizard->docsSource : tr("no docs panel");
    m_summary->setText(tr("Plan: %1\nDocs: %2\nParticipant: %3")
                           .arg(m_wizard->plan ? m_wizard->plan->title : QString(), docs, m_wizard->pseudonym));
    m_problem->hide();
    takeSnapshot();
}

void WizardEnvironmentPage::takeSnapshot()
{
    const QStringList tools = m_wizard->plan ? m_wizard->plan->tools : QStringList();
    m_wizard->snapshot.reset();
    m_taking = true;
    m_table->clear();
    m_busyLabel->setText(tools.isEmpty() ? tr("Looking at your system…")
                                         : tr("Asking %1 for their versions…").arg(tools.join(QStringLiteral(", "))));
    m_busyLabel->show();
    m_busy->show();
    m_again->setEnabled(false);
    emit completeChanged();
    const int generation = ++m_generation;
    auto *watcher = new QFutureWatcher<capture::EnvironmentSnapshot>(this);
    connect(watcher, &QFutureWatcher<capture::EnvironmentSnapshot>::finished, this, [this, watcher, generation] {
        const capture::EnvironmentSnapshot snapshot = watcher->result();
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_taking = false;
        m_wizard->snapshot = snapshot;
        display(snapshot);
        emit completeChanged();
    });
    // Runs the tools: seconds at worst, never on the UI thread.
    watcher->setFuture(QtConcurrent::run([tools] { return capture::takeEnvironmentSnapshot(tools); }));
}

void WizardEnvironmentPage::display(const capture::EnvironmentSnapshot &snapshot)
{
    m_busyLabel->hide();
    m_busy->hide();
    m_again->setEnabled(true);
    const auto add = [this](const QString &what, const QString &value) {
        auto *item = new QTreeWidgetItem(m_table, {what, value});
        item->setToolTip(1, value);
    };
    add(tr("Operating system"), snapshot.os);
    add(tr("Kernel"), snapshot.kernel);
    add(tr("Architecture"), snapshot.arch);
    add(tr("Shell"), snapshot.shell);
    add(tr("Locale"), snapshot.locale);
    add(tr("Computer (hashed name)"), snapshot.hostNameHash);
    for (const capture::ToolVersion &tool : snapshot.tools) {
        QString value = tool.found ? tool.version : tr("not found");
        if (!tool.error.isEmpty() && tool.found)
            value += QStringLiteral(" (%1)").arg(tool.error);
        if (!tool.path.isEmpty())
            value += QStringLiteral("  \u2014  ") + tool.path;
        add(tool.tool, value);
    }
}

bool WizardEnvironmentPage::isComplete() const
{
    return !m_taking && m_wizard->snapshot.has_value();
}

void WizardEnvironmentPage::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

} // namespace devzero::ui
