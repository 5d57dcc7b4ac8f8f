#include "ui/review/overviewpanel.h"

#include "ui/review/metricsmodels.h"
#include "ui/review/reviewdata.h"
#include "ui/review/reviewformat.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

namespace devzero::ui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

OverviewPanel::OverviewPanel(QWidget *parent)
    : QWidget(parent), m_journeys(new JourneyModel(this)), m_tasks(new TaskModel(this)),
      m_journeyView(makeTable(m_journeys, this)), m_taskView(makeTable(m_tasks, this)), m_plan(new QComboBox(this)),
      m_useDates(new QCheckBox(tr("From"), this)), m_since(new QDateEdit(this)), m_until(new QDateEdit(this)),
      m_revision(new QComboBox(this)), m_experience(new QComboBox(this)), m_sus(new QLabel(this)),
      m_counts(new QLabel(this)), m_chartView(new QChartView(this))
{
    m_plan->addItem(tr("All plans"), QVariant());
    m_revision->addItem(tr("All docs revisions"), QString());
    m_experience->addItem(tr("Any experience"), QVariant());
    for (store::Experience e : {store::Experience::Novice, store::Experience::Intermediate, store::Experience::Expert})
        m_experience->addItem(store::toString(e), int(e));
    for (QDateEdit *d : {m_since, m_until}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setDate(QDate::currentDate());
        d->setEnabled(false);
    }
    connect(m_useDates, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_useDates, &QCheckBox::toggled, m_until, &QWidget::setEnabled);
    auto changed = [this] {
        if (!m_updating)
            emit filterChanged();
    };
    connect(m_plan, &QComboBox::currentIndexChanged, this, changed);
    connect(m_revision, &QComboBox::currentIndexChanged, this, changed);
    connect(m_experience, &QComboBox::currentIndexChanged, this, changed);
    connect(m_useDates, &QCheckBox::toggled, this, changed);
    connect(m_since, &QDateEdit::dateChanged, this, changed);
    connect(m_until, &QDateEdit::dateChanged, this, changed);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_plan, 2);
    filters->addWidget(m_revision, 1);
    filters->addWidget(m_experience, 1);
    filters->addSpacing(8);
    filters->addWidget(m_useDates);
    filters->addWidget(m_since);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_until);
    filters->addStretch();

    m_sus->setTextFormat(Qt::RichText);
    m_counts->setStyleSheet(QStringLiteral("color: palette(placeholder-text)"));
    auto *summary = new QHBoxLayout;
    summary->addWidget(m_sus);
    summary->addStretch();
    summary->addWidget(m_counts);

    m_journeyView->setColumnWidth(JourneyModel::OutcomeColumn, 340);
    m_journeyView->setColumnWidth(JourneyModel::CompletionColumn, 170);
    m_journeyView->setColumnWidth(JourneyModel::TimeColumn, 230);
    m_journeyView->setColumnWidth(JourneyModel::WithoutSuccessColumn, 170);
    m_taskView->setColumnWidth(TaskModel::NumberColumn, 40);
    m_taskView->setColumnWidth(TaskModel::TitleColumn, 190);
    m_taskView->setColumnWidth(TaskModel::CompletionColumn, 150);
    m_taskView->setColumnWidth(TaskModel::TimeColumn, 210);
    m_taskView->setColumnWidth(TaskModel::SeqColumn, 80);
    m_journeyView->setToolTip(tr("Double-click a journey to read its friction notes."));
    connect(m_journeyView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const analysis::JourneyMetrics *j = m_journeys->journey(index.row()))
            emit journeyActivated(j->journeyId, j->outcome.isEmpty() ? j->title : j->outcome);
    });

    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumSize(320, 220);
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    // setChart() releases the view's default chart without deleting it.
    QChart *defaultChart = m_chartView->chart();
    m_chartView->setChart(chart);
    delete defaultChart;

    auto heading = [this](const QString &text) {
        auto *l = new QLabel(QStringLiteral("<b>%1</b>").arg(text), this);
        l->setContentsMargins(0, 6, 0, 0);
        return l;
    };
    auto *journeyPane = new QWidget(this);
    auto *journeyLayout = new QVBoxLayout(journeyPane);
    journeyLayout->setContentsMargins(0, 0, 0, 0);
    journeyLayout->addWidget(heading(tr("Journeys")));
    journeyLayout->addWidget(m_journeyView);
    auto *taskPane = new QWidget(this);
    auto *taskLayout = new QVBoxLayout(taskPane);
    taskLayout->setContentsMargins(0, 0, 0, 0);
    taskLayout->addWidget(heading(tr("Tasks")));
    taskLayout->addWidget(m_taskView);

    // Journeys on top (few rows); tasks and the chart side by side below.
    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(taskPane);
    lower->addWidget(m_chartView);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(journeyPane);
    split->addWidget(lower);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(summary);
    layout->addWidget(split, 1);
}

void OverviewPanel::setSnapshot(const ReviewSnapshot &snapshot)
{
    m_updating = true;
    const QVariant plan = m_plan->currentData();
    const QString revision = m_revision->currentData().toString();
    while (m_plan->count() > 1)
        m_plan->removeItem(1);
    for (const store::PlanRow &p : snapshot.plans)
        m_plan->addItem(p.title, p.id);
    m_plan->setCurrentIndex(qMax(0, m_plan->findData(plan)));
    while (m_revision->count() > 1)
        m_revision->removeItem(1);
    for (const QString &r : snapshot.revisions)
        m_revision->addItem(tr("Docs %1").arg(r.left(10)), r);
    m_revision->setCurrentIndex(qMax(0, m_revision->findData(revision)));
    m_updating = false;

    const analysis::LabMetrics &m = snapshot.metrics;
    m_journeys->setJourneys(m.journeys);
    m_tasks->setTasks(m.tasks);
    // Few rows (journeys and tasks of a plan): fitting the columns is cheap.
    m_journeyView->resizeColumnsToContents();
    m_taskView->resizeColumnsToContents();
    if (m.sus.score.mean) {
        QString ci;
        if (m.sus.score.ci95)
            ci = QStringLiteral(" (95% CI %1-%2)").arg(m.sus.score.ci95->low, 0, 'f', 1).arg(m.sus.score.ci95->high, 0, 'f', 1);
        m_sus->setText(tr("<b>SUS %1</b>, grade <b>%2</b>%3 from %4 sessions; the average is 68.")
                           .arg(*m.sus.score.mean, 0, 'f', 1)
                           .arg(m.sus.grade, ci)
                           .arg(m.sus.score.count));
    } else {
        m_sus->setText(tr("No SUS answers in these sessions."));
    }
    m_counts->setText(tr("%1 sessions, %2 notes").arg(m.sessions.size()).arg(snapshot.notes.size()));
    updateChart();
}

void OverviewPanel::updateChart()
{
    QChart *chart = m_chartView->chart();
    chart->removeAllSeries(); // deletes them
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis); // only gives the axis back: it is ours to delete
        delete axis;
    }
    auto *completion = new QBarSet(tr("Completion %"));
    completion->setColor(QColor(0x3b, 0x6e, 0xc6));
    QStringList categories;
    for (const analysis::TaskMetrics &t : m_tasks->tasks()) {
        categories << t.number;
        *completion << (t.completion.rate ? *t.completion.rate * 100 : 0);
    }
    auto *series = new QBarSeries;
    series->append(completion);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value%"));
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d%"));
    y->setTickCount(6);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->setTitle(tr("Task completion (ended attempts, skips left out)"));
}

analysis::MetricsFilter OverviewPanel::filter() const
{
    analysis::MetricsFilter f;
    if (m_plan->currentData().isValid())
        f.planId = m_plan->currentData().toLongLong();
    f.docsRevision = m_revision->currentData().toString();
    if (m_experience->currentData().isValid())
        f.experience = store::Experience(m_experience->currentData().toInt());
    if (m_useDates->isChecked()) {
        f.since = m_since->date();
        f.until = m_until->date();
    }
    return f;
}

QString OverviewPanel::susText() const
{
    return m_sus->text();
}

} // namespace devzero::ui
