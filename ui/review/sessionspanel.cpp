#include "ui/review/sessionspanel.h"

#include "ui/review/sessionsmodel.h"
#include "ui/review/timelinewidget.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace devzero::ui {

namespace {

struct TimelineLoad
{
    std::optional<SessionTimelineData> timeline;
    QString error;
};

} // namespace

struct SessionsPanel::Loader
{
    QFutureWatcher<TimelineLoad> watcher;
};

SessionsPanel::SessionsPanel(QWidget *parent)
    : QWidget(parent), m_loader(std::make_unique<Loader>()), m_model(new ReviewSessionModel(this)),
      m_view(new QTableView(this)), m_timeline(new TimelineWidget(this)), m_detail(new QLabel(this)),
      m_openPage(new QPushButton(tr("Show the page lines"), this))
{
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    const QList<int> widths = {130, 110, 100, 100, 80, 120, 90};
    for (int c = 0; c < widths.size(); ++c)
        m_view->setColumnWidth(c, widths[c]);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        if (index.isValid())
            showSession(index.data(ReviewSessionModel::SessionIdRole).toLongLong());
    });
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setText(tr("Click a mark on the timeline to see what happened."));
    m_openPage->setEnabled(false);
    connect(m_timeline, &TimelineWidget::markClicked, this, &SessionsPanel::markClicked);
    connect(m_openPage, &QPushButton::clicked, this, [this] {
        const int i = m_timeline->selectedMark();
        if (i >= 0 && i < m_timeline->timeline().marks.size())
            emit pageRequested(m_timeline->timeline().marks[i].page, m_timeline->timeline().marks[i].anchor);
    });

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_timeline);
    auto *detailRow = new QHBoxLayout;
    detailRow->addWidget(m_detail, 1);
    detailRow->addWidget(m_openPage, 0, Qt::AlignTop);
    bottomLayout->addLayout(detailRow);
    bottomLayout->addStretch();
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(&m_loader->watcher, &QFutureWatcher<TimelineLoad>::finished, this, [this] {
        TimelineLoad load = m_loader->watcher.result();
        if (load.timeline)
            m_timeline->setTimeline(std::move(*load.timeline));
        else
            m_detail->setText(tr("Could not read the session: %1").arg(load.error));
        m_openPage->setEnabled(false);
        emit timelineShown();
    });
}

SessionsPanel::~SessionsPanel()
{
    m_loader->watcher.waitForFinished();
}

void SessionsPanel::setSnapshot(const ReviewSnapshot &snapshot)
{
    m_model->setSessions(snapshot.metrics.sessions, snapshot.notesPerSession);
}

void SessionsPanel::showSession(qint64 sessionId)
{
    if (m_labPath.isEmpty())
        return;
    m_loader->watcher.setFuture(QtConcurrent::run([lab = m_labPath, sessionId] {
        Result<SessionTimelineData> t = loadTimeline(lab, sessionId);
        return t ? TimelineLoad{std::move(t.value()), {}} : TimelineLoad{std::nullopt, t.error().toString()};
    }));
}

void SessionsPanel::markClicked(int index)
{
    const TimelineEntry &m = m_timeline->timeline().marks[index];
    m_detail->setText(m.detail);
    m_openPage->setEnabled(!m.page.isEmpty());
}

QString SessionsPanel::markDetail() const
{
    return m_detail->text();
}

} // namespace devzero::ui
