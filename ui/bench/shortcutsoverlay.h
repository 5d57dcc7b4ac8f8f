#pragma once

// The keyboard shortcuts, over the window that has them (F1 or ?): a list
// built from the window's own actions, so it cannot drift from them. Esc,
// F1, ? or a click closes it.

#include <QList>
#include <QWidget>

class QLabel;

namespace devzero::ui {

struct ShortcutGroup
{
    QString title;
    QList<QPair<QString, QString>> keys; // ("Ctrl+Shift+D", "Mark the task done")
};

class ShortcutsOverlay : public QWidget
{
    Q_OBJECT
public:
    explicit ShortcutsOverlay(QWidget *parent);

    void setGroups(const QList<ShortcutGroup> &groups);
    QString text() const;
    void toggle();

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *m_text;
};

} // namespace devzero::ui
