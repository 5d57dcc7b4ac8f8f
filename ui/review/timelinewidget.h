#pragma once

// One session on a time axis: its task attempts as bars (coloured by
// outcome), and on four lanes below the notes, lookups, searches and
// commands as marks (notable ones filled: a note, a search that found
// nothing, a failed command). Clicking a mark selects it.

#include "ui/review/reviewdata.h"

#include <QWidget>

namespace devzero::ui {

class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);

    void setTimeline(SessionTimelineData timeline);
    const SessionTimelineData &timeline() const { return m_timeline; }
    int selectedMark() const { return m_selected; }
    // Where mark i is drawn (its centre), for tests and tooltips.
    QPoint markPosition(int i) const;
    int markAt(const QPoint &pos) const;

    QSize sizeHint() const override { return {800, 230}; }
    QSize minimumSizeHint() const override { return {400, 200}; }

signals:
    void markClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect plotRect() const;
    int xFor(qint64 ms) const;
    int laneY(int lane) const;

    SessionTimelineData m_timeline;
    int m_selected = -1;
};

} // namespace devzero::ui
