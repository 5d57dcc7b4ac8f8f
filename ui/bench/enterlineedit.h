#pragma once

// A line edit whose Enter does its own action (import, add, record) and is
// not passed on to the dialog's default button (which would move on).

#include <QLineEdit>

namespace devzero::ui {

class EnterLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    using QLineEdit::QLineEdit;

signals:
    void entered();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace devzero::ui
