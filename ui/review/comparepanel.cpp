#include "ui/review/comparepanel.h"

#include "sessions/store/labdatabase.h"
#include "ui/review/comparemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace devzero::ui {

namespace {

struct CompareLoad
{
    std::optional<analysis::Comparison> comparison;
    QString error;
};

CompareLoad runCompare(const QString &labPath, const analysis::MetricsFilter &before, const analysis::MetricsFilter &after)
{
    LabDatabase::Options options;
    options.create = false;
    options.quickCheck = false;
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(labPath, options);
    if (!lab)
        return {std::nullopt, lab.error().toString()};
    Result<analysis::Comparison> c = analysis::compareLab(**lab, before, after);
    if (!c)
        return {std::nullopt, c.error().toString()};
    return {std::move(c.value()), {}};
}

QDateEdit *dateEdit(QWidget *parent)
{
    auto *d = new QDateEdit(QDate::currentDate(), parent);
    d->setCalendarPopup(true);
    d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return d;
}

} // namespace

struct ComparePanel::Loader
{
    QFutureWatcher<CompareLoad> watcher;
};

ComparePanel::ComparePanel(QWidget *parent)
    : QWidget(parent), m_loader(std::make_unique<Loader>()), m_model(new CompareModel(this)),
      m_view(new QTableView(this)), m_before(new QComboBox(this)), m_after(new QComboBox(this)),
      m_byDate(new QCheckBox(tr("Compare date ranges instead"), this)), m_beforeFrom(dateEdit(this)),
      m_beforeTo(dateEdit(this)), m_afterFrom(dateEdit(this)), m_afterTo(dateEdit(this)), m_summary(new QLabel(this))
{
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const QList<int> widths = {180, 130, 110, 260, 90, 90, 260, 80, 60};
    for (int c = 0; c < widths.size(); ++c)
        m_view->setColumnWidth(c, widths[c]);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Pick the docs revision before the change and the one after, then compare."));

    auto *go = new QPushButton(tr("&Compare"), this);
    connect(go, &QPushButton::clicked, this, &ComparePanel::compareChosen);
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Before:"), this), 0, 0);
    grid->addWidget(m_before, 0, 1);
    grid->addWidget(m_beforeFrom, 0, 2);
    grid->addWidget(m_beforeTo, 0, 3);
    grid->addWidget(new QLabel(tr("After:"), this), 1, 0);
    grid->addWidget(m_after, 1, 1);
    grid->addWidget(m_afterFrom, 1, 2);
    grid->addWidget(m_afterTo, 1, 3);
    grid->addWidget(m_byDate, 0, 4);
    grid->addWidget(go, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(5, 1);
    for (QDateEdit *d : {m_beforeFrom, m_beforeTo, m_afterFrom, m_afterTo}) {
        d->setEnabled(false);
        connect(m_byDate, &QCheckBox::toggled, d, &QWidget::setEnabled);
    }
    connect(m_byDate, &QCheckBox::toggled, m_before, &QWidget::setDisabled);
    connect(m_byDate, &QCheckBox::toggled, m_after, &QWidget::setDisabled);

    auto *note = new QLabel(tr("A difference exceeds noise when its p value is below 0.05: Fisher's exact test for "
                               "completion, Welch's t test on log times for time on task and on SEQ. Bold: exceeds noise."),
                            this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: palette(placeholder-text)"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(note);

    connect(&m_loader->watcher, &QFutureWatcher<CompareLoad>::finished, this, [this] {
        CompareLoad load = m_loader->watcher.result();
        if (!load.comparison) {
            m_summary->setText(tr("Could not compare: %1").arg(load.error));
            emit compared(false);
            return;
        }
        int beyond = 0;
        for (const analysis::TaskComparison &t : load.comparison->tasks)
            beyond += t.completionExceedsNoise() || t.timeExceedsNoise() || t.seqExceedsNoise();
        m_summary->setText(tr("<b>%1 sessions before, %2 after.</b> %3 of %4 tasks changed by more than noise.")
                               .arg(load.comparison->sessionsBefore)
                               .arg(load.comparison->sessionsAfter)
                               .arg(beyond)
                               .arg(load.comparison->tasks.size()));
        m_model->setComparison(std::move(*load.comparison));
        m_view->resizeColumnsToContents(); // one row per task: cheap
        emit compared(true);
    });
}

ComparePanel::~ComparePanel()
{
    m_loader->watcher.waitForFinished();
}

void ComparePanel::setRevisions(const QStringList &revisions)
{
    const QString before = m_before->currentData().toString(), after = m_after->currentData().toString();
    // "After" on the newest revision stays on the newest when a new one appears.
    const bool afterWasNewest = m_after->count() == 0 || m_after->currentIndex() == m_after->count() - 1;
    m_before->clear();
    m_after->clear();
    for (const QString &r : revisions) {
        m_before->addItem(r.left(10), r);
        m_after->addItem(r.left(10), r);
    }
    m_before->setCurrentIndex(before.isEmpty() ? 0 : qMax(0, m_before->findData(before)));
    m_after->setCurrentIndex(afterWasNewest ? m_after->count() - 1 : qMax(0, m_after->findData(after)));
}

void ComparePanel::compareChosen()
{
    analysis::MetricsFilter before, after;
    if (m_byDate->isChecked()) {
        before.since = m_beforeFrom->date();
        before.until = m_beforeTo->date();
        after.since = m_afterFrom->date();
        after.until = m_afterTo->date();
    } else {
        before.docsRevision = m_before->currentData().toString();
        after.docsRevision = m_after->currentData().toString();
    }
    compareFilters(before, after);
}

void ComparePanel::compareRevisions(const QString &before, const QString &after)
{
    if (const int i = m_before->findData(before); i >= 0)
        m_before->setCurrentIndex(i);
    if (const int i = m_after->findData(after); i >= 0)
        m_after->setCurrentIndex(i);
    analysis::MetricsFilter b, a;
    b.docsRevision = before;
    a.docsRevision = after;
    compareFilters(b, a);
}

void ComparePanel::compareFilters(const analysis::MetricsFilter &before, const analysis::MetricsFilter &after)
{
    if (m_labPath.isEmpty() || m_loader->watcher.isRunning())
        return;
    m_summary->setText(tr("Comparing..."));
    m_loader->watcher.setFuture(QtConcurrent::run(runCompare, m_labPath, before, after));
}

QString ComparePanel::summary() const
{
    return m_summary->text();
}

} // namespace devzero::ui
