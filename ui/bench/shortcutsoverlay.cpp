#include "ui/bench/shortcutsoverlay.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QVBoxLayout>

namespace devzero::ui {

ShortcutsOverlay::ShortcutsOverlay(QWidget *parent) : QWidget(parent), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("shortcutsOverlay"));
    setFocusPolicy(Qt::StrongFocus);
    m_text->setObjectName(QStringLiteral("shortcutsText"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setAutoFillBackground(true);
    m_text->setMargin(16);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_text);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::StyledPanel);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(scroll);
    parent->installEventFilter(this);
    hide();
}

void ShortcutsOverlay::setGroups(const QList<ShortcutGroup> &groups)
{
    // One table for every group: the key column lines up all the way down.
    QString html = tr("<h3>Keyboard shortcuts</h3><table cellspacing=\"0\" cellpadding=\"3\">");
    for (const ShortcutGroup &group : groups) {
        if (group.keys.isEmpty())
            continue;
        html += QStringLiteral("<tr><td colspan=\"2\" style=\"padding-top:12px\"><b>%1</b></td></tr>").arg(group.title.toHtmlEscaped());
        for (const auto &[keys, what] : group.keys) {
            html += QStringLiteral("<tr><td style=\"padding-right:24px\"><code>%1</code></td><td>%2</td></tr>")
                        .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
        }
    }
    html += QStringLiteral("</table>") + tr("<p style=\"margin-top:14px\">Esc, F1 or ? closes this list.</p>");
    m_text->setText(html);
}

QString ShortcutsOverlay::text() const
{
    return m_text->text();
}

void ShortcutsOverlay::toggle()
{
    if (isVisible()) {
        hide();
        return;
    }
    setGeometry(parentWidget()->rect());
    raise();
    show();
    setFocus(Qt::ShortcutFocusReason);
}

void ShortcutsOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, 140));
}

void ShortcutsOverlay::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F1 || event->key() == Qt::Key_Question) {
        hide();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ShortcutsOverlay::mousePressEvent(QMouseEvent *)
{
    hide();
}

bool ShortcutsOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

} // namespace devzero::ui
