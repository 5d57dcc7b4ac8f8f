#pragma once

// Draws a search result in three lines: title and section, the page's path,
// and the snippet with the matched words in bold.

#include <QStyledItemDelegate>

namespace devzero::ui {

class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace devzero::ui
