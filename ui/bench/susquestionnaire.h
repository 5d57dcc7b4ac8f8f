#pragma once

// The System Usability Scale (Brooke, 1996) after the last task: the ten
// standard statements, each answered 1 (strongly disagree) to 5 (strongly
// agree). Keys 1-5 answer the highlighted statement and move on to the
// next (Up and Down move too); Enter submits once all ten are answered.

#include <QList>
#include <QStringList>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QPushButton;
class QScrollArea;

namespace devzero::ui {

class SusQuestionnaire : public QWidget
{
    Q_OBJECT
public:
    explicit SusQuestionnaire(QWidget *parent = nullptr);

    static QStringList statements();

    void ask();
    QList<int> answers() const; // 0 where unanswered
    bool complete() const;
    int currentItem() const { return m_current; }

signals:
    void answered(const QList<int> &answers);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void answer(int item, int value);
    void setCurrent(int item);
    void submit();
    void updateProgress();

    QList<QButtonGroup *> m_groups;
    QList<QLabel *> m_labels;
    QScrollArea *m_scroll = nullptr;
    int m_current = 0;
    QLabel *m_progress;
    QPushButton *m_submit;
};

} // namespace devzero::ui
