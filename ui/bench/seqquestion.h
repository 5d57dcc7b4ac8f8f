#pragma once

// The Single Ease Question after each task (Sauro & Dumas): one question,
// 1 (very difficult) to 7 (very easy). Keys 1-7 choose, Enter submits.

#include <QWidget>

class QButtonGroup;
class QLabel;
class QPushButton;

namespace devzero::ui {

class SeqQuestion : public QWidget
{
    Q_OBJECT
public:
    explicit SeqQuestion(QWidget *parent = nullptr);

    static QString questionText();

    void ask(const QString &taskTitle, const QString &outcome);
    int value() const; // 0 until chosen

signals:
    void answered(int value);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void submit();

    QLabel *m_context;
    QButtonGroup *m_group;
    QPushButton *m_submit;
};

} // namespace devzero::ui
