#include "ui/bench/wizardplanpage.h"

#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "ui/bench/enterlineedit.h"
#include "ui/bench/startwizard.h"
#include "ui/bench/wording.h"

#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>

namespace devzero::ui {

WizardPlanPage::WizardPlanPage(StartWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_list(new QListWidget(this)), m_details(new QLabel(this)),
      m_file(new EnterLineEdit(this)), m_message(new QLabel(this))
{
    setTitle(tr("Session plan"));
    setSubTitle(tr("The plan gives the tester goals, never steps. Pick one of the lab's plans or import a plan file."));
    m_list->setObjectName(QStringLiteral("planList"));
    m_list->setSpacing(3); // two-line entries must not run into each other
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        showDetails();
        emit completeChanged();
    });
    m_details->setObjectName(QStringLiteral("planDetails"));
    m_details->setWordWrap(true);
    m_file->setObjectName(QStringLiteral("planFile"));
    m_file->setPlaceholderText(tr("A plan file (Markdown) to import, then Enter"));
    connect(m_file, &EnterLineEdit::entered, this, [this] { importFile(m_file->text().trimmed()); });
    auto *fileLabel = new QLabel(tr("&Import a file:"), this);
    fileLabel->setBuddy(m_file);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import a session plan"), QString(), tr("Plans (*.md *.markdown);;All files (*)"));
        if (!path.isEmpty()) {
            m_file->setText(path);
            importFile(path);
        }
    });
    m_message->setObjectName(QStringLiteral("planMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *listLabel = new QLabel(tr("&Plans in this lab:"), this);
    listLabel->setBuddy(m_list);
    auto *layout = new QGridLayout(this);
    layout->addWidget(listLabel, 0, 0, 1, 3);
    layout->addWidget(m_list, 1, 0, 1, 3);
    layout->addWidget(m_details, 2, 0, 1, 3);
    layout->addWidget(fileLabel, 3, 0);
    layout->addWidget(m_file, 3, 1);
    layout->addWidget(browse, 3, 2);
    layout->addWidget(m_message, 4, 0, 1, 3);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(1, 1);
}

void WizardPlanPage::initializePage()
{
    reload(m_wizard->plan ? m_wizard->plan->id : 0);
}

void WizardPlanPage::reload(qint64 selectId)
{
    m_list->clear();
    if (!m_wizard->lab())
        return;
    const Result<QList<store::PlanRow>> plans = store::PlanStore(*m_wizard->lab()).plans();
    if (!plans) {
        m_message->setText(plans.error().toString());
        return;
    }
    for (const store::PlanRow &p : *plans) {
        auto *item = new QListWidgetItem(tr("%1\n%2 in %3, imported %4")
                                             .arg(p.title, countOf(p.taskCount, tr("task"), tr("tasks")),
                                                  countOf(p.journeyCount, tr("journey"), tr("journeys")),
                                                  QDateTime::fromMSecsSinceEpoch(p.importedAtMs).toString(QStringLiteral("yyyy-MM-dd"))),
                                         m_list);
        item->setData(Qt::UserRole, p.id);
        if (p.id == selectId || (selectId == 0 && plans->size() == 1))
            m_list->setCurrentItem(item);
    }
    if (plans->isEmpty())
        m_details->setText(tr("This lab has no plans yet: import a plan file below."));
    showDetails();
}

void WizardPlanPage::showDetails()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || !m_wizard->lab())
        return;
    const Result<store::PlanRow> plan = store::PlanStore(*m_wizard->lab()).plan(item->data(Qt::UserRole).toLongLong());
    if (!plan)
        return;
    QString text = plan->summary.isEmpty() ? plan->title : plan->summary;
    if (!plan->tools.isEmpty())
        text += QLatin1Char('\n') + tr("Tools whose versions are recorded: %1").arg(plan->tools.join(QStringLiteral(", ")));
    m_details->setText(text);
}

bool WizardPlanPage::importFile(const QString &path)
{
    if (path.isEmpty() || !m_wizard->lab())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_message->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray text = file.read(plan::MaxPlanBytes + 1);
    if (text.size() > plan::MaxPlanBytes) {
        m_message->setText(tr("%1 is larger than a plan can be (1 MB).").arg(path));
        return false;
    }
    const plan::ParseResult parsed = plan::parsePlan(text);
    QStringList problems;
    for (const plan::Diagnostic &d : parsed.diagnostics)
        problems << d.toString(QFileInfo(path).fileName());
    if (!parsed.ok()) {
        m_message->setText(tr("This file is not a valid plan:\n%1").arg(problems.join(QLatin1Char('\n'))));
        return false;
    }
    const Result<store::PlanStore::Imported> imported =
        store::PlanStore(*m_wizard->lab()).importPlan(*parsed.plan, text, QFileInfo(path).absoluteFilePath(), QDateTime::currentMSecsSinceEpoch());
    if (!imported) {
        m_message->setText(tr("The plan could not be imported: %1").arg(imported.error().toString()));
        return false;
    }
    m_message->setText((imported->alreadyPresent ? tr("This plan was already in the lab; it is selected.") : tr("Imported and selected."))
                       + (problems.isEmpty() ? QString() : QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
    reload(imported->planId);
    m_list->setFocus(Qt::OtherFocusReason);
    return true;
}

bool WizardPlanPage::isComplete() const
{
    return m_list->currentItem() != nullptr;
}

bool WizardPlanPage::validatePage()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return false;
    const Result<store::PlanRow> plan = store::PlanStore(*m_wizard->lab()).plan(item->data(Qt::UserRole).toLongLong());
    if (!plan) {
        m_message->setText(plan.error().toString());
        return false;
    }
    m_wizard->plan = *plan;
    return true;
}

} // namespace devzero::ui
