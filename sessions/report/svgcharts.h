#pragma once

// The report's charts as plain scenes (rectangles, lines, circles, text,
// runs of ticks), built once: the HTML report writes them as inline SVG,
// the PDF paints the same scene with QPainter.

#include "sessions/analysis/completion.h"
#include "sessions/analysis/labmetrics.h"
#include "sessions/report/reportmodel.h"

#include <QList>
#include <QString>

namespace devzero::report {

struct ChartItem
{
    enum class Type { Rect, Line, Circle, Diamond, Text, Ticks };
    Type type = Type::Rect;
    double x = 0;  // Rect: left; Line: x1; Circle, Diamond: centre; Text: anchor point (baseline)
    double y = 0;  // Rect: top; Line: y1; Ticks: top of every tick
    double w = 0;  // Rect: width; Line: x2; Circle, Diamond: radius; Ticks: tick height
    double h = 0;  // Rect: height; Line: y2
    QString fill;   // "#rrggbb" or "none"
    QString stroke; // "#rrggbb" or "none"
    double strokeWidth = 1;
    QString text;        // Text
    QString textAnchor;  // "start", "middle", "end"
    double fontSize = 12;
    bool bold = false;
    QString tooltip;     // shown on hover in HTML (an SVG <title>); text escaped when written
    QList<double> xs;    // Ticks: the x of each tick
};

struct ChartScene
{
    double width = 0;
    double height = 0;
    QString label; // what the chart shows, for screen readers
    QList<ChartItem> items;
};

struct CompletionRow
{
    QString label;
    analysis::Completion completion;
};

// Horizontal bars 0..100% with the adjusted-Wald 95% interval as whiskers.
ChartScene completionChart(const QList<CompletionRow> &rows, const QString &label);
// The SUS mean on the 0..100 scale with grade bands, its interval, each
// session's score as a dot, and the two subscales.
ChartScene susChart(const analysis::LabMetrics &metrics);
// One session: tasks as bars coloured by outcome; lanes of marks for
// notes, lookups, searches and commands; a time axis.
ChartScene timelineChart(const SessionTimeline &timeline);

// Inline SVG (no script, no external reference); every text escaped.
QString toSvg(const ChartScene &scene);

// The colours every format shares.
QString outcomeColour(std::optional<store::Outcome> outcome);
QString severityColour(int severity);

} // namespace devzero::report
