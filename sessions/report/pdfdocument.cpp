#include "sessions/report/pdfdocument.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextObjectInterface>

namespace devzero::report {

namespace {

constexpr int kChartObject = QTextFormat::UserObject + 1;
constexpr int kChartIndex = QTextFormat::UserProperty + 1;

QColor colour(const QString &name)
{
    return name == QLatin1String("none") ? QColor(Qt::transparent) : QColor(name);
}

class ChartObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    ChartObject(QList<ChartScene> scenes, QObject *parent) : QObject(parent), m_scenes(std::move(scenes)) {}

    QSizeF intrinsicSize(QTextDocument *doc, int, const QTextFormat &format) override
    {
        const ChartScene *scene = sceneOf(format);
        if (!scene || scene->width <= 0)
            return {1, 1};
        // The full text width, a little less so the line never wraps.
        const qreal width = std::max<qreal>(1, doc->pageSize().width() - 2 * doc->documentMargin() - 4);
        const qreal scale = width / scene->width;
        return {scene->width * scale, scene->height * scale};
    }

    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format) override
    {
        if (const ChartScene *scene = sceneOf(format))
            paintScene(*painter, *scene, rect);
    }

private:
    const ChartScene *sceneOf(const QTextFormat &format) const
    {
        const int index = format.intProperty(kChartIndex);
        return index >= 0 && index < m_scenes.size() ? &m_scenes.at(index) : nullptr;
    }

    QList<ChartScene> m_scenes;
};

} // namespace

QString chartMarker(int index)
{
    return QChar(0xFFFF) + QStringLiteral("chart-") + QString::number(index) + QChar(0xFFFF);
}

Result<void> buildPdfDocument(QTextDocument &document, const QString &html, const QList<ChartScene> &charts)
{
    document.setHtml(html);
    auto *handler = new ChartObject(charts, &document);
    document.documentLayout()->registerHandler(kChartObject, handler);
    for (int i = 0; i < charts.size(); ++i) {
        QTextCursor found = document.find(chartMarker(i));
        if (found.isNull())
            return makeError(QStringLiteral("chart %1 lost its place in the document").arg(i), QStringLiteral("PDF report"));
        QTextCharFormat format;
        format.setObjectType(kChartObject);
        format.setProperty(kChartIndex, i);
        found.insertText(QString(QChar::ObjectReplacementCharacter), format);
    }
    return {};
}

void printDocument(QTextDocument &document, QPdfWriter &writer, const QString &footer)
{
    QPainter painter(&writer);
    document.documentLayout()->setPaintDevice(&writer);
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    QFont footerFont = document.defaultFont();
    footerFont.setPointSizeF(7.5);
    const qreal footerHeight = QFontMetricsF(footerFont, &writer).height() * 2;
    const QSizeF body(page.width(), page.height() - footerHeight);
    document.setDocumentMargin(0);
    document.setPageSize(body);
    const int pages = document.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -i * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, i * body.height(), body.width(), body.height());
        painter.setClipRect(context.clip);
        document.documentLayout()->draw(&painter, context);
        painter.restore();
        painter.setFont(footerFont);
        painter.setPen(QColor(0x61, 0x6e, 0x7c));
        const QRectF footerRect(0, page.height() - footerHeight / 2, body.width(), footerHeight / 2);
        painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignVCenter, footer);
        painter.drawText(footerRect, Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("page %1 of %2").arg(i + 1).arg(pages));
    }
}

void paintScene(QPainter &painter, const ChartScene &scene, const QRectF &target)
{
    if (scene.width <= 0 || scene.height <= 0)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(target.topLeft());
    painter.scale(target.width() / scene.width, target.height() / scene.height);
    for (const ChartItem &i : scene.items) {
        QPen pen(colour(i.stroke));
        pen.setWidthF(i.stroke == QLatin1String("none") ? 0 : i.strokeWidth);
        if (i.stroke == QLatin1String("none"))
            pen = Qt::NoPen;
        painter.setPen(pen);
        painter.setBrush(i.fill == QLatin1String("none") ? QBrush(Qt::NoBrush) : QBrush(colour(i.fill)));
        switch (i.type) {
        case ChartItem::Type::Rect:
            painter.drawRect(QRectF(i.x, i.y, i.w, i.h));
            break;
        case ChartItem::Type::Line:
            painter.drawLine(QPointF(i.x, i.y), QPointF(i.w, i.h));
            break;
        case ChartItem::Type::Circle:
            painter.drawEllipse(QPointF(i.x, i.y), i.w, i.w);
            break;
        case ChartItem::Type::Diamond: {
            const QPointF points[] = {{i.x, i.y - i.w}, {i.x + i.w, i.y}, {i.x, i.y + i.w}, {i.x - i.w, i.y}};
            painter.drawPolygon(points, 4);
            break;
        }
        case ChartItem::Type::Text: {
            QFont font = painter.font();
            font.setPixelSize(std::max(1, int(i.fontSize)));
            font.setBold(i.bold);
            painter.setFont(font);
            painter.setPen(colour(i.fill));
            const qreal width = QFontMetricsF(font).horizontalAdvance(i.text);
            qreal x = i.x;
            if (i.textAnchor == QLatin1String("middle"))
                x -= width / 2;
            else if (i.textAnchor == QLatin1String("end"))
                x -= width;
            painter.drawText(QPointF(x, i.y), i.text);
            break;
        }
        case ChartItem::Type::Ticks: {
            QPainterPath path;
            for (double x : i.xs) {
                path.moveTo(x, i.y);
                path.lineTo(x, i.y + i.w);
            }
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(path);
            break;
        }
        }
    }
    painter.restore();
}

} // namespace devzero::report

#include "pdfdocument.moc"
