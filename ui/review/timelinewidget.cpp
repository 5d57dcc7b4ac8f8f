#include "ui/review/timelinewidget.h"

#include "ui/review/reviewformat.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace devzero::ui {

namespace {

constexpr int kLabelWidth = 92;
constexpr int kTop = 28;
constexpr int kBarHeight = 26;
constexpr int kLaneHeight = 26;
constexpr int kLanes = 4;

QColor outcomeColour(const std::optional<store::Outcome> &o)
{
    if (!o)
        return QColor(0x9e, 0xa7, 0xb3);
    switch (*o) {
    case store::Outcome::Success: return QColor(0x3a, 0x9a, 0x5b);
    case store::Outcome::Failure: return QColor(0xc6, 0x3b, 0x3b);
    case store::Outcome::GaveUp: return QColor(0xe0, 0x8a, 0x2c);
    case store::Outcome::Skipped: return QColor(0xb8, 0xbe, 0xc6);
    }
    return Qt::gray;
}

int laneOf(TimelineEntry::Kind kind) { return int(kind); }

QString laneName(int lane)
{
    switch (lane) {
    case 0: return QObject::tr("Notes");
    case 1: return QObject::tr("Lookups");
    case 2: return QObject::tr("Searches");
    case 3: return QObject::tr("Commands");
    }
    return {};
}

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumHeight(kTop + kBarHeight + kLanes * kLaneHeight + 40);
}

void TimelineWidget::setTimeline(SessionTimelineData timeline)
{
    m_timeline = std::move(timeline);
    m_selected = -1;
    update();
}

QRect TimelineWidget::plotRect() const
{
    return QRect(kLabelWidth, kTop, qMax(50, width() - kLabelWidth - 16), kBarHeight + kLanes * kLaneHeight);
}

int TimelineWidget::xFor(qint64 ms) const
{
    const QRect r = plotRect();
    const double f = m_timeline.durationMs > 0 ? double(qBound<qint64>(0, ms, m_timeline.durationMs)) / m_timeline.durationMs : 0;
    return r.left() + int(f * r.width());
}

int TimelineWidget::laneY(int lane) const
{
    return kTop + kBarHeight + lane * kLaneHeight + kLaneHeight / 2;
}

QPoint TimelineWidget::markPosition(int i) const
{
    if (i < 0 || i >= m_timeline.marks.size())
        return {};
    return {xFor(m_timeline.marks[i].atMs), laneY(laneOf(m_timeline.marks[i].kind))};
}

int TimelineWidget::markAt(const QPoint &pos) const
{
    int best = -1;
    int bestDistance = 8 * 8;
    for (int i = 0; i < m_timeline.marks.size(); ++i) {
        const QPoint d = markPosition(i) - pos;
        const int dist = d.x() * d.x() + d.y() * d.y();
        if (dist <= bestDistance) {
            best = i;
            bestDistance = dist;
        }
    }
    return best;
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    const int i = markAt(event->position().toPoint());
    if (i >= 0) {
        m_selected = i;
        update();
        emit markClicked(i);
    }
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = markAt(help->pos());
        if (i >= 0)
            QToolTip::showText(help->globalPos(), m_timeline.marks[i].detail, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const QRect plot = plotRect();
    const QColor text = palette().color(QPalette::Text);
    const QColor muted = palette().color(QPalette::PlaceholderText);
    if (m_timeline.sessionId == 0) {
        p.setPen(muted);
        p.drawText(rect(), Qt::AlignCenter, tr("Select a session to see its timeline."));
        return;
    }
    p.setPen(text);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(8, 4, width() - 16, kTop - 8), Qt::AlignLeft | Qt::AlignVCenter, m_timeline.title);
    p.setFont(font());

    // Legend, right-aligned on the title row.
    int lx = width() - 16;
    const QList<QPair<QColor, QString>> legend = {
        {outcomeColour(store::Outcome::Success), tr("success")}, {outcomeColour(store::Outcome::Failure), tr("failure")},
        {outcomeColour(store::Outcome::GaveUp), tr("gave up")}, {QColor(0xc6, 0x3b, 0x3b), tr("problem (filled mark)")}};
    for (auto it = legend.crbegin(); it != legend.crend(); ++it) {
        const int w = p.fontMetrics().horizontalAdvance(it->second);
        lx -= w;
        p.setPen(muted);
        p.drawText(QRect(lx, 4, w, kTop - 8), Qt::AlignVCenter, it->second);
        lx -= 16;
        p.fillRect(QRect(lx, kTop / 2 - 5, 10, 10), it->first);
        lx -= 14;
    }

    // Lanes: alternate shading, names at the left.
    p.setPen(text);
    p.drawText(QRect(8, kTop, kLabelWidth - 12, kBarHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("Tasks"));
    for (int lane = 0; lane < kLanes; ++lane) {
        const QRect band(plot.left(), kTop + kBarHeight + lane * kLaneHeight, plot.width(), kLaneHeight);
        if (lane % 2 == 0)
            p.fillRect(band, palette().color(QPalette::AlternateBase));
        p.setPen(muted);
        p.drawText(QRect(8, band.top(), kLabelWidth - 12, kLaneHeight), Qt::AlignLeft | Qt::AlignVCenter, laneName(lane));
    }

    // Task bars.
    for (const TimelineTaskBar &t : m_timeline.tasks) {
        const int x1 = xFor(t.startMs), x2 = qMax(x1 + 3, xFor(t.endMs));
        const QRect bar(x1, kTop + 3, x2 - x1, kBarHeight - 6);
        p.setPen(Qt::NoPen);
        p.setBrush(outcomeColour(t.outcome));
        p.drawRoundedRect(bar, 3, 3);
        p.setPen(Qt::white);
        const QString label = p.fontMetrics().elidedText(t.number + QLatin1Char(' ') + t.title, Qt::ElideRight, bar.width() - 6);
        if (bar.width() > 24)
            p.drawText(bar.adjusted(4, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter, label);
    }

    // Marks: a diamond per event; notable ones filled red, others outlined.
    for (int i = 0; i < m_timeline.marks.size(); ++i) {
        const TimelineEntry &m = m_timeline.marks[i];
        const QPoint c = markPosition(i);
        QPainterPath diamond;
        const int r = i == m_selected ? 7 : 5;
        diamond.moveTo(c.x(), c.y() - r);
        diamond.lineTo(c.x() + r, c.y());
        diamond.lineTo(c.x(), c.y() + r);
        diamond.lineTo(c.x() - r, c.y());
        diamond.closeSubpath();
        const QColor colour = m.notable ? QColor(0xc6, 0x3b, 0x3b) : QColor(0x3b, 0x6e, 0xc6);
        p.setPen(QPen(colour, 1.5));
        p.setBrush(m.notable ? colour : palette().color(QPalette::Base));
        p.drawPath(diamond);
    }

    // Time axis.
    const int axisY = plot.bottom() + 4;
    p.setPen(muted);
    p.drawLine(plot.left(), axisY, plot.right(), axisY);
    const qint64 total = m_timeline.durationMs;
    qint64 step = 60'000;
    for (qint64 s : {60'000LL, 120'000LL, 300'000LL, 600'000LL, 900'000LL, 1'800'000LL, 3'600'000LL})
        if (total / s <= 8) {
            step = s;
            break;
        }
    if (total / step > 12) // a session left open for days: keep about eight ticks
        step = total / 8;
    for (qint64 t = 0; t <= total; t += step) {
        const int x = xFor(t);
        p.drawLine(x, axisY, x, axisY + 4);
        p.drawText(QRect(x - 40, axisY + 5, 80, 16), Qt::AlignHCenter | Qt::AlignTop, duration(t / 1000.0));
    }
}

} // namespace devzero::ui
