#pragma once

// The lab overview: the filter (plan, dates, docs revision, experience),
// journeys with their outcome and completion, tasks with completion, time
// on task and SEQ, the SUS with its grade, and a chart of completion per task.

#include "sessions/analysis/labmetrics.h"
#include "sessions/store/records.h"

#include <QWidget>

class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QTableView;

namespace devzero::ui {

class JourneyModel;
class TaskModel;
struct ReviewSnapshot;

class OverviewPanel : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPanel(QWidget *parent = nullptr);

    void setSnapshot(const ReviewSnapshot &snapshot);
    analysis::MetricsFilter filter() const;

    JourneyModel *journeys() const { return m_journeys; }
    TaskModel *tasks() const { return m_tasks; }
    QTableView *journeyView() const { return m_journeyView; }
    QComboBox *revisionFilter() const { return m_revision; }
    QComboBox *experienceFilter() const { return m_experience; }
    QChartView *chartView() const { return m_chartView; }
    QString susText() const;

signals:
    void filterChanged();
    void journeyActivated(qint64 journeyId, const QString &outcome);

private:
    void updateChart();

    JourneyModel *m_journeys;
    TaskModel *m_tasks;
    QTableView *m_journeyView;
    QTableView *m_taskView;
    QComboBox *m_plan;
    QCheckBox *m_useDates;
    QDateEdit *m_since;
    QDateEdit *m_until;
    QComboBox *m_revision;
    QComboBox *m_experience;
    QLabel *m_sus;
    QLabel *m_counts;
    QChartView *m_chartView;
    bool m_updating = false;
};

} // namespace devzero::ui
