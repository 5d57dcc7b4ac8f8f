#include "ui/bench/enterlineedit.h"

#include <QKeyEvent>

namespace devzero::ui {

void EnterLineEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        emit entered();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace devzero::ui
