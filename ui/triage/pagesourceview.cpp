#include "ui/triage/pagesourceview.h"

#include <QFontDatabase>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>

namespace devzero::ui {

namespace {

class Gutter : public QWidget
{
public:
    explicit Gutter(PageSourceView *view) : QWidget(view), m_view(view) {}
    QSize sizeHint() const override { return {m_view->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintGutter(event); }

private:
    PageSourceView *m_view;
};

const QColor kFlagColor(0xff, 0xe0, 0x8a);
const QColor kSectionColor(0xf3, 0xf6, 0xfb);

} // namespace

PageSourceView::PageSourceView(QWidget *parent) : QPlainTextEdit(parent), m_gutter(new Gutter(this))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setViewportMargins(gutterWidth(), 0, 0, 0);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &PageSourceView::updateGutter);
}

int PageSourceView::gutterWidth() const
{
    int digits = 1;
    for (int n = qMax(1, blockCount()); n >= 10; n /= 10)
        ++digits;
    return 16 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void PageSourceView::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void PageSourceView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void PageSourceView::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int line = block.blockNumber() + 1;
        if (block.isVisible() && bottom >= event->rect().top()) {
            const bool flagged = line >= m_flagStart && line <= m_flagEnd;
            if (flagged)
                painter.fillRect(0, top, m_gutter->width(), bottom - top, kFlagColor.darker(115));
            painter.setPen(flagged ? palette().color(QPalette::Text) : palette().color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 8, fontMetrics().height(), Qt::AlignRight,
                             QString::number(line));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void PageSourceView::showPage(const QString &text, int flagStart, int flagEnd, int sectionStart, int sectionEnd)
{
    setPlainText(text);
    m_flagStart = flagStart;
    m_flagEnd = qMax(flagStart, flagEnd);
    m_sectionStart = sectionStart;
    m_sectionEnd = qMax(sectionStart, sectionEnd);
    highlight();
    const int target = m_flagStart > 0 ? m_flagStart : m_sectionStart;
    if (target > 0) {
        // Puts the first highlighted line a few lines below the top, so its context shows.
        QTextCursor c(document()->findBlockByNumber(qMax(0, target - 4)));
        setTextCursor(c);
        verticalScrollBar()->setValue(qMax(0, target - 4));
        setTextCursor(QTextCursor(document()->findBlockByNumber(target - 1)));
    }
    m_gutter->update();
}

QString PageSourceView::flaggedText() const
{
    QStringList lines;
    for (int l = m_flagStart; l > 0 && l <= m_flagEnd; ++l)
        lines << document()->findBlockByNumber(l - 1).text();
    return lines.join(QLatin1Char('\n'));
}

void PageSourceView::highlight()
{
    QList<QTextEdit::ExtraSelection> selections;
    auto add = [&](int from, int to, const QColor &color) {
        for (int l = from; l > 0 && l <= to; ++l) {
            QTextBlock b = document()->findBlockByNumber(l - 1);
            if (!b.isValid())
                break;
            QTextEdit::ExtraSelection s;
            s.format.setBackground(color);
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            s.cursor = QTextCursor(b);
            selections << s;
        }
    };
    add(m_sectionStart, m_sectionEnd, kSectionColor);
    add(m_flagStart, m_flagEnd, kFlagColor);
    setExtraSelections(selections);
}

} // namespace devzero::ui
