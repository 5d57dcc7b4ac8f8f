#pragma once

// The lab's sessions: a table, or an empty state that says what to do next.

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;

namespace devzero {
class LabDatabase;
}

namespace devzero::ui {

class SessionListModel;

class SessionListPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SessionListPanel(QWidget *parent = nullptr);

    // Reloads from the lab; returns an error text, empty when fine.
    QString reload(LabDatabase &lab);
    SessionListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    SessionListModel *m_model;
    QTableView *m_view;
    QLabel *m_empty;
    QStackedWidget *m_stack;
};

} // namespace devzero::ui
