#include "sessions/report/svgcharts.h"

#include "sessions/report/escaping.h"
#include "sessions/report/format.h"

#include <charconv>
#include <cmath>

namespace devzero::report {

namespace {

const QString kInk = QStringLiteral("#1f2933");
const QString kMuted = QStringLiteral("#616e7c");
const QString kGrid = QStringLiteral("#d9dee4");
const QString kAccent = QStringLiteral("#2f6fb3");
const QString kAccentLight = QStringLiteral("#c9dcf0");
const QString kBad = QStringLiteral("#c0392b");
const QString kNone = QStringLiteral("none");

ChartItem rect(double x, double y, double w, double h, const QString &fill, const QString &tooltip = {})
{
    ChartItem i;
    i.type = ChartItem::Type::Rect;
    i.x = x;
    i.y = y;
    i.w = w;
    i.h = h;
    i.fill = fill;
    i.stroke = kNone;
    i.tooltip = tooltip;
    return i;
}

ChartItem line(double x1, double y1, double x2, double y2, const QString &stroke, double width = 1)
{
    ChartItem i;
    i.type = ChartItem::Type::Line;
    i.x = x1;
    i.y = y1;
    i.w = x2;
    i.h = y2;
    i.fill = kNone;
    i.stroke = stroke;
    i.strokeWidth = width;
    return i;
}

ChartItem text(double x, double y, const QString &content, const QString &anchor = QStringLiteral("start"),
               double size = 12, const QString &fill = kInk, bool bold = false)
{
    ChartItem i;
    i.type = ChartItem::Type::Text;
    i.x = x;
    i.y = y;
    i.text = content;
    i.textAnchor = anchor;
    i.fontSize = size;
    i.fill = fill;
    i.stroke = kNone;
    i.bold = bold;
    return i;
}

ChartItem shape(ChartItem::Type type, double cx, double cy, double r, const QString &fill, const QString &stroke,
                const QString &tooltip)
{
    ChartItem i;
    i.type = type;
    i.x = cx;
    i.y = cy;
    i.w = r;
    i.fill = fill;
    i.stroke = stroke;
    i.strokeWidth = 1.2;
    i.tooltip = tooltip;
    return i;
}

// About 6.2 px per character at 12 px: enough to keep labels off the bars.
QString fit(const QString &label, double widthPx, double fontSize = 12)
{
    const int chars = std::max(4, int(widthPx / (fontSize * 0.56)));
    return label.size() <= chars ? label : label.left(chars - 1) + QChar(0x2026);
}

// Writes v with one decimal at most (a tenth of a pixel is finer than any
// screen or print needs), without allocating: a large lab's timelines
// hold hundreds of thousands of coordinates.
void appendNum(QString &out, double v)
{
    char buffer[32];
    const double rounded = std::round(v * 10) / 10;
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded == 0 ? 0.0 : rounded, std::chars_format::fixed, 1);
    if (ec != std::errc())
        return;
    if (end - buffer >= 2 && end[-1] == '0' && end[-2] == '.')
        end -= 2;
    out += QLatin1StringView(buffer, end - buffer);
}

QString num(double v)
{
    QString s;
    appendNum(s, v);
    return s;
}

void whisker(ChartScene &scene, double x1, double x2, double y, const QString &colour)
{
    scene.items << line(x1, y, x2, y, colour, 1.5) << line(x1, y - 5, x1, y + 5, colour, 1.5)
                << line(x2, y - 5, x2, y + 5, colour, 1.5);
}

QString minutesLabel(qint64 ms)
{
    const qint64 minutes = ms / 60000;
    if (minutes >= 60 && minutes % 60 == 0)
        return QString::number(minutes / 60) + QStringLiteral(" h");
    return QString::number(minutes) + QStringLiteral(" min");
}

} // namespace

QString outcomeColour(std::optional<store::Outcome> outcome)
{
    if (!outcome)
        return QStringLiteral("#9aa5b1");
    switch (*outcome) {
    case store::Outcome::Success: return QStringLiteral("#2e7d4f");
    case store::Outcome::Failure: return QStringLiteral("#c0392b");
    case store::Outcome::GaveUp: return QStringLiteral("#d9822b");
    case store::Outcome::Skipped: return QStringLiteral("#7b8794");
    }
    return kMuted;
}

QString severityColour(int severity)
{
    switch (severity) {
    case 1: return QStringLiteral("#7b8794");
    case 2: return QStringLiteral("#d9a40e");
    case 3: return QStringLiteral("#d9822b");
    default: return QStringLiteral("#c0392b");
    }
}

ChartScene completionChart(const QList<CompletionRow> &rows, const QString &label)
{
    // Task titles get most of the room they need (about 50 characters);
    // the value on the right ("100%  5/5") needs little.
    const double labelWidth = 330;
    const double barLeft = labelWidth + 10;
    const double barWidth = 440;
    const double rowHeight = 28;
    const double top = 22;
    ChartScene scene;
    scene.width = barLeft + barWidth + 100;
    scene.height = top + rowHeight * rows.size() + 8;
    scene.label = label;
    for (int p = 0; p <= 100; p += 25) {
        const double x = barLeft + barWidth * p / 100.0;
        scene.items << line(x, top - 4, x, scene.height - 6, kGrid);
        scene.items << text(x, 13, QString::number(p) + QLatin1Char('%'), QStringLiteral("middle"), 11, kMuted);
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const CompletionRow &row = rows.at(i);
        const double y = top + rowHeight * i;
        const double mid = y + rowHeight / 2;
        scene.items << text(0, mid + 4, fit(row.label, labelWidth));
        const analysis::Completion &c = row.completion;
        const QString summary = c.rate ? percent(c.rate) + QStringLiteral(" (95% CI ") + percentInterval(c.ci95)
                                             + QStringLiteral(") of ") + QString::number(c.trials)
                                       : QStringLiteral("no trials");
        scene.items << rect(barLeft, y + 6, barWidth, rowHeight - 12, QStringLiteral("#eef2f6"));
        if (c.rate)
            scene.items << rect(barLeft, y + 6, barWidth * *c.rate, rowHeight - 12, kAccentLight,
                                row.label + QStringLiteral(": ") + summary);
        if (c.ci95)
            whisker(scene, barLeft + barWidth * c.ci95->low, barLeft + barWidth * c.ci95->high, mid, kAccent);
        if (c.rate)
            scene.items << shape(ChartItem::Type::Circle, barLeft + barWidth * *c.rate, mid, 3.5, kAccent, kAccent,
                                 row.label + QStringLiteral(": ") + summary);
        const QString value = c.rate ? percent(c.rate) + QStringLiteral("  ") + QString::number(c.successes)
                                           + QLatin1Char('/') + QString::number(c.trials)
                                     : QStringLiteral("no trials");
        scene.items << text(barLeft + barWidth + 12, mid + 4, value, QStringLiteral("start"), 12, kInk);
    }
    return scene;
}

ChartScene susChart(const analysis::LabMetrics &metrics)
{
    const double left = 110;
    const double width = 560;
    const auto xOf = [&](double score) { return left + width * score / 100.0; };
    ChartScene scene;
    scene.width = left + width + 40;
    scene.height = 150;
    scene.label = QStringLiteral("System Usability Scale: mean with its 95% interval against the grade bands");
    struct Band { double from; double to; const char *grade; const char *colour; };
    static const Band bands[] = {{0, 51.7, "F", "#f6d5d1"},     {51.7, 62.7, "D", "#f9e3cf"}, {62.7, 72.6, "C", "#fbf0c9"},
                                 {72.6, 78.9, "B", "#e3f0d3"}, {78.9, 100, "A", "#cfe8d8"}};
    const double bandTop = 30;
    const double bandHeight = 34;
    for (const Band &b : bands) {
        scene.items << rect(xOf(b.from), bandTop, xOf(b.to) - xOf(b.from), bandHeight, QString::fromLatin1(b.colour),
                            QStringLiteral("grade %1: %2 to %3").arg(QString::fromLatin1(b.grade), num(b.from), num(b.to)));
        scene.items << text((xOf(b.from) + xOf(b.to)) / 2, bandTop + bandHeight + 14, QString::fromLatin1(b.grade),
                            QStringLiteral("middle"), 11, kMuted, true);
    }
    for (int p = 0; p <= 100; p += 20)
        scene.items << text(xOf(p), bandTop - 6, QString::number(p), QStringLiteral("middle"), 10, kMuted);
    scene.items << line(xOf(68), bandTop - 2, xOf(68), bandTop + bandHeight + 2, kMuted, 1);
    scene.items << text(xOf(68) + 3, bandTop + bandHeight - 4, QStringLiteral("avg 68"), QStringLiteral("start"), 9, kMuted);
    scene.items << text(0, bandTop + bandHeight / 2 + 4, QStringLiteral("SUS"), QStringLiteral("start"), 12, kInk, true);

    // Each session's score as a dot, stacked when scores repeat.
    QHash<int, int> stack;
    for (const analysis::SessionMetrics &s : metrics.sessions) {
        if (!s.sus)
            continue;
        const int level = stack[int(std::lround(s.sus->score * 2))]++;
        const double y = bandTop + 8 + std::fmod(level * 7.0, bandHeight - 14);
        scene.items << shape(ChartItem::Type::Circle, xOf(s.sus->score), y, 3, QStringLiteral("#52606d"), kNone,
                             s.pseudonym + QStringLiteral(": SUS ") + num(s.sus->score) + QStringLiteral(" (")
                                 + s.sus->grade + QLatin1Char(')'));
    }
    const analysis::SusSummary &sus = metrics.sus;
    const double meanY = bandTop + bandHeight / 2 + 6;
    if (sus.score.ci95)
        whisker(scene, xOf(sus.score.ci95->low), xOf(sus.score.ci95->high), meanY, kInk);
    if (sus.score.mean) {
        scene.items << shape(ChartItem::Type::Diamond, xOf(*sus.score.mean), meanY, 6, kInk, QStringLiteral("#ffffff"),
                             QStringLiteral("mean SUS ") + number(sus.score.mean) + QStringLiteral(" (") + sus.grade
                                 + QLatin1Char(')'));
    }
    // Subscales.
    const struct { const char *name; const analysis::MeanSummary *summary; } subscales[] = {
        {"Learnability", &sus.learnability}, {"Usability", &sus.usability}};
    double y = bandTop + bandHeight + 30;
    for (const auto &sub : subscales) {
        scene.items << text(0, y + 9, QString::fromLatin1(sub.name), QStringLiteral("start"), 11, kInk);
        scene.items << rect(left, y, width, 12, QStringLiteral("#eef2f6"));
        if (sub.summary->mean)
            scene.items << rect(left, y, width * *sub.summary->mean / 100.0, 12, kAccentLight,
                                QString::fromLatin1(sub.name) + QLatin1Char(' ') + number(sub.summary->mean));
        if (sub.summary->ci95)
            whisker(scene, xOf(sub.summary->ci95->low), xOf(sub.summary->ci95->high), y + 6, kAccent);
        scene.items << text(left + width + 6, y + 10, number(sub.summary->mean), QStringLiteral("start"), 11, kInk);
        y += 20;
    }
    return scene;
}

ChartScene timelineChart(const SessionTimeline &t)
{
    const double left = 78;
    const double width = 860;
    const double taskTop = 4;
    const double taskHeight = 22;
    const double laneHeight = 15;
    const double lanesTop = taskTop + taskHeight + 6;
    const double axisY = lanesTop + 4 * laneHeight + 4;
    ChartScene scene;
    scene.width = left + width + 12;
    scene.height = axisY + 18;
    scene.label = QStringLiteral("Timeline of session %1 (%2)").arg(t.sessionId).arg(t.pseudonym);
    const double span = std::max<qint64>(t.durationMs, 60000);
    const auto xOf = [&](qint64 ms) { return left + width * std::clamp(double(ms) / span, 0.0, 1.0); };

    scene.items << text(0, taskTop + 15, QStringLiteral("tasks"), QStringLiteral("start"), 11, kMuted);
    for (const TimelineTask &task : t.tasks) {
        const double x1 = xOf(task.startMs);
        const double x2 = std::max(xOf(task.endMs), x1 + 2);
        const QString tip = task.number + QLatin1Char(' ') + task.title + QStringLiteral(": ") + outcomeLabel(task.outcome)
                            + QStringLiteral(", ") + durationMs(task.endMs - task.startMs);
        scene.items << rect(x1, taskTop, x2 - x1, taskHeight, outcomeColour(task.outcome), tip);
        if (x2 - x1 > 30)
            scene.items << text((x1 + x2) / 2, taskTop + 15, task.number, QStringLiteral("middle"), 11,
                                QStringLiteral("#ffffff"), true);
    }

    const QString lanes[] = {QStringLiteral("notes"), QStringLiteral("lookups"), QStringLiteral("searches"),
                             QStringLiteral("commands")};
    for (int lane = 0; lane < 4; ++lane) {
        const double y = lanesTop + lane * laneHeight;
        scene.items << text(0, y + 11, lanes[lane], QStringLiteral("start"), 10, kMuted);
        scene.items << line(left, y + laneHeight / 2, left + width, y + laneHeight / 2, QStringLiteral("#eef2f6"));
    }
    // Unremarkable marks become one run of ticks per lane (small even for
    // hundreds of commands); notable ones get a shape and a tooltip.
    ChartItem lookups;
    lookups.type = ChartItem::Type::Ticks;
    lookups.y = lanesTop + laneHeight + 3;
    lookups.w = laneHeight - 6;
    lookups.stroke = kAccent;
    lookups.fill = kNone;
    ChartItem searches = lookups;
    searches.y = lanesTop + 2 * laneHeight + 3;
    searches.stroke = QStringLiteral("#52606d");
    ChartItem commands = lookups;
    commands.y = lanesTop + 3 * laneHeight + 3;
    commands.stroke = QStringLiteral("#9aa5b1");
    QList<ChartItem> notable;
    for (const TimelineMark &m : t.marks) {
        const double x = xOf(m.atMs);
        const QString when = durationMs(m.atMs) + QStringLiteral(": ");
        switch (m.kind) {
        case TimelineMark::Kind::Note:
            notable << shape(ChartItem::Type::Diamond, x, lanesTop + laneHeight / 2, 5, severityColour(m.value), kInk,
                             when + QStringLiteral("note (severity ") + QString::number(m.value) + QStringLiteral("): ")
                                 + m.label);
            break;
        case TimelineMark::Kind::Lookup:
            lookups.xs << x;
            break;
        case TimelineMark::Kind::Search:
            if (m.notable)
                notable << shape(ChartItem::Type::Circle, x, lanesTop + 2.5 * laneHeight, 4, QStringLiteral("#ffffff"), kBad,
                                 when + QStringLiteral("search with no result: ") + m.label);
            else
                searches.xs << x;
            break;
        case TimelineMark::Kind::Command:
            if (m.notable) {
                ChartItem tick = rect(x - 1.5, lanesTop + 3 * laneHeight + 1, 3, laneHeight - 2, kBad,
                                      when + QStringLiteral("command failed (exit ") + QString::number(m.value)
                                          + QStringLiteral("): ") + m.label);
                notable << tick;
            } else {
                commands.xs << x;
            }
            break;
        }
    }
    for (const ChartItem *ticks : {&lookups, &searches, &commands}) {
        if (!ticks->xs.isEmpty())
            scene.items << *ticks;
    }
    scene.items << notable;

    scene.items << line(left, axisY, left + width, axisY, kGrid);
    // Axis ticks at a round step: about six labels whatever the length.
    static const qint64 steps[] = {60000, 120000, 300000, 600000, 900000, 1800000, 3600000, 7200000, 14400000};
    qint64 step = steps[std::size(steps) - 1];
    for (qint64 s : steps) {
        if (span / s <= 6) {
            step = s;
            break;
        }
    }
    for (qint64 ms = 0; ms <= span; ms += step) {
        scene.items << line(xOf(ms), axisY, xOf(ms), axisY + 4, kMuted);
        scene.items << text(xOf(ms), axisY + 14, minutesLabel(ms), QStringLiteral("middle"), 10, kMuted);
    }
    return scene;
}

QString toSvg(const ChartScene &scene)
{
    QString out;
    out.reserve(256 + scene.items.size() * 96);
    const auto attr = [&out](QLatin1StringView name, double value) {
        out += QLatin1Char(' ');
        out += name;
        out += QLatin1String("=\"");
        appendNum(out, value);
        out += QLatin1Char('"');
    };
    out += QLatin1String("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ");
    appendNum(out, scene.width);
    out += QLatin1Char(' ');
    appendNum(out, scene.height);
    out += QLatin1Char('"');
    attr(QLatin1StringView("width"), scene.width);
    attr(QLatin1StringView("height"), scene.height);
    out += QLatin1String(" role=\"img\" aria-label=\"") + htmlEscape(scene.label) + QLatin1String("\">");
    for (const ChartItem &i : scene.items) {
        const auto paint = [&] {
            out += QLatin1String(" fill=\"") + i.fill + QLatin1String("\" stroke=\"") + i.stroke + QLatin1Char('"');
            if (i.stroke != kNone && i.strokeWidth != 1)
                attr(QLatin1StringView("stroke-width"), i.strokeWidth);
        };
        // An element with a tooltip holds a <title>; one without closes at once.
        const auto close = [&](QLatin1StringView tag) {
            if (i.tooltip.isEmpty()) {
                out += QLatin1String("/>");
                return;
            }
            out += QLatin1String("><title>") + htmlEscape(i.tooltip) + QLatin1String("</title></") + tag + QLatin1Char('>');
        };
        switch (i.type) {
        case ChartItem::Type::Rect:
            out += QLatin1String("<rect");
            attr(QLatin1StringView("x"), i.x);
            attr(QLatin1StringView("y"), i.y);
            attr(QLatin1StringView("width"), i.w);
            attr(QLatin1StringView("height"), i.h);
            paint();
            close(QLatin1StringView("rect"));
            break;
        case ChartItem::Type::Line:
            out += QLatin1String("<line");
            attr(QLatin1StringView("x1"), i.x);
            attr(QLatin1StringView("y1"), i.y);
            attr(QLatin1StringView("x2"), i.w);
            attr(QLatin1StringView("y2"), i.h);
            paint();
            close(QLatin1StringView("line"));
            break;
        case ChartItem::Type::Circle:
            out += QLatin1String("<circle");
            attr(QLatin1StringView("cx"), i.x);
            attr(QLatin1StringView("cy"), i.y);
            attr(QLatin1StringView("r"), i.w);
            paint();
            close(QLatin1StringView("circle"));
            break;
        case ChartItem::Type::Diamond:
            out += QLatin1String("<path d=\"M");
            appendNum(out, i.x);
            out += QLatin1Char(' ');
            appendNum(out, i.y - i.w);
            out += QLatin1Char('l');
            appendNum(out, i.w);
            out += QLatin1Char(' ');
            appendNum(out, i.w);
            out += QLatin1String("l-");
            appendNum(out, i.w);
            out += QLatin1Char(' ');
            appendNum(out, i.w);
            out += QLatin1String("l-");
            appendNum(out, i.w);
            out += QLatin1String(" -");
            appendNum(out, i.w);
            out += QLatin1String("z\"");
            paint();
            close(QLatin1StringView("path"));
            break;
        case ChartItem::Type::Text:
            out += QLatin1String("<text");
            attr(QLatin1StringView("x"), i.x);
            attr(QLatin1StringView("y"), i.y);
            attr(QLatin1StringView("font-size"), i.fontSize);
            out += QLatin1String(" text-anchor=\"") + i.textAnchor + QLatin1String("\" fill=\"") + i.fill + QLatin1Char('"');
            if (i.bold)
                out += QLatin1String(" font-weight=\"bold\"");
            out += QLatin1Char('>') + htmlEscape(i.text) + QLatin1String("</text>");
            break;
        case ChartItem::Type::Ticks: {
            // One path for the whole run: "M x y v h" per tick.
            QString tail = QStringLiteral(" ");
            appendNum(tail, i.y);
            tail += QLatin1Char('v');
            appendNum(tail, i.w);
            out += QLatin1String("<path d=\"");
            for (double x : i.xs) {
                out += QLatin1Char('M');
                appendNum(out, x);
                out += tail;
            }
            out += QLatin1String("\" fill=\"none\" stroke=\"") + i.stroke + QLatin1String("\"/>");
            break;
        }
        }
    }
    out += QLatin1String("</svg>");
    return out;
}

} // namespace devzero::report
