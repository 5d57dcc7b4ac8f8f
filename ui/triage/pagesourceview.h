#pragma once

// A docs page as it was indexed, line by line with line numbers, the
// flagged lines highlighted strongly and their section lightly. Read only.

#include <QPlainTextEdit>

namespace devzero::ui {

class PageSourceView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit PageSourceView(QWidget *parent = nullptr);

    // Shows text; lines are 1-based and inclusive; 0 leaves a range out.
    void showPage(const QString &text, int flagStart, int flagEnd, int sectionStart = 0, int sectionEnd = 0);
    // The lines highlighted as flagged (0, 0 without).
    QPair<int, int> flaggedLines() const { return {m_flagStart, m_flagEnd}; }
    QPair<int, int> sectionLines() const { return {m_sectionStart, m_sectionEnd}; }
    // The text of the flagged lines, as shown.
    QString flaggedText() const;

    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateGutter(const QRect &rect, int dy);
    void highlight();

    QWidget *m_gutter;
    int m_flagStart = 0;
    int m_flagEnd = 0;
    int m_sectionStart = 0;
    int m_sectionEnd = 0;
};

} // namespace devzero::ui
