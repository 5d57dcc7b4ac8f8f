#include "ui/bench/searchresultdelegate.h"

#include "ui/bench/searchresultmodel.h"

#include <QAbstractTextDocumentLayout>
#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace devzero::ui {

namespace {

constexpr int kPadding = 6;

void prepare(QTextDocument &doc, const QStyleOptionViewItem &option, const QModelIndex &index, bool selected)
{
    const QPalette &pal = option.palette;
    const QString text = selected ? pal.color(QPalette::HighlightedText).name() : pal.color(QPalette::Text).name();
    // The path is secondary: grey, except on the selection's colour.
    const QString muted = selected ? text : QStringLiteral("#5f6368");
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(0);
    doc.setHtml(QStringLiteral("<div style=\"color:%1\"><b>%2</b></div>"
                               "<div style=\"color:%3\">%4</div>"
                               "<div style=\"color:%1\">%5</div>")
                    .arg(text, index.data(SearchResultModel::TitleRole).toString().toHtmlEscaped(), muted,
                         index.data(SearchResultModel::LocationRole).toString().toHtmlEscaped(),
                         index.data(SearchResultModel::SnippetHtmlRole).toString()));
    doc.setTextWidth(std::max(50, option.rect.width() - 2 * kPadding));
}

} // namespace

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const bool selected = opt.state & QStyle::State_Selected;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    QTextDocument doc;
    prepare(doc, opt, index, selected);
    painter->save();
    painter->translate(opt.rect.topLeft() + QPoint(kPadding, kPadding));
    painter->setClipRect(QRect(0, 0, opt.rect.width() - 2 * kPadding, opt.rect.height() - 2 * kPadding));
    doc.drawContents(painter);
    painter->restore();
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // Wrap to the list's width, whatever rect the view passes in here.
    if (const auto *view = qobject_cast<const QAbstractItemView *>(opt.widget))
        opt.rect.setWidth(view->viewport()->width());
    QTextDocument doc;
    prepare(doc, opt, index, false);
    return QSize(int(doc.idealWidth()) + 2 * kPadding, int(doc.size().height()) + 2 * kPadding);
}

} // namespace devzero::ui
