#pragma once

// The end of a session: thanks, and what was recorded (tasks, outcomes,
// active times, how many notes), so the tester sees their work counted.

#include <QWidget>

class QLabel;
class QPushButton;

namespace devzero::ui {

struct SessionSummary;

class ThankYouPage : public QWidget
{
    Q_OBJECT
public:
    explicit ThankYouPage(QWidget *parent = nullptr);

    void present(const SessionSummary &summary);
    QString text() const;

signals:
    void closeRequested();

private:
    QLabel *m_text;
    QPushButton *m_close;
};

} // namespace devzero::ui
