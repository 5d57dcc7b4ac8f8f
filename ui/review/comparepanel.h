#pragma once

// Before and after: two docs revisions (or two date ranges), compared per
// task in the background; differences beyond noise in bold.

#include "sessions/analysis/compare.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QTableView;

namespace devzero::ui {

class CompareModel;

class ComparePanel : public QWidget
{
    Q_OBJECT
public:
    explicit ComparePanel(QWidget *parent = nullptr);
    ~ComparePanel() override;

    void setLab(const QString &labPath) { m_labPath = labPath; }
    void setRevisions(const QStringList &revisions);
    // Compares two revisions (prefixes are fine); emits compared().
    void compareRevisions(const QString &before, const QString &after);
    void compareFilters(const analysis::MetricsFilter &before, const analysis::MetricsFilter &after);

    CompareModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString summary() const;

signals:
    void compared(bool ok);

private:
    void compareChosen();

    struct Loader;
    std::unique_ptr<Loader> m_loader;
    QString m_labPath;
    CompareModel *m_model;
    QTableView *m_view;
    QComboBox *m_before;
    QComboBox *m_after;
    QCheckBox *m_byDate;
    QDateEdit *m_beforeFrom;
    QDateEdit *m_beforeTo;
    QDateEdit *m_afterFrom;
    QDateEdit *m_afterTo;
    QLabel *m_summary;
};

} // namespace devzero::ui
