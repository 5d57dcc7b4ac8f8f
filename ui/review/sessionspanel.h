#pragma once

// The session list and the selected session's timeline; clicking a mark
// shows what happened (and, for a note or a lookup, offers its page).

#include "ui/review/reviewdata.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableView;

namespace devzero::ui {

class ReviewSessionModel;
class TimelineWidget;

class SessionsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SessionsPanel(QWidget *parent = nullptr);
    ~SessionsPanel() override;

    void setLab(const QString &labPath) { m_labPath = labPath; }
    void setSnapshot(const ReviewSnapshot &snapshot);
    // Loads the session's timeline in the background (emits timelineShown).
    void showSession(qint64 sessionId);

    ReviewSessionModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    TimelineWidget *timeline() const { return m_timeline; }
    QString markDetail() const;

signals:
    void timelineShown();
    void pageRequested(const QString &page, const QString &anchor);

private:
    void markClicked(int index);

    struct Loader;
    std::unique_ptr<Loader> m_loader;
    QString m_labPath;
    ReviewSessionModel *m_model;
    QTableView *m_view;
    TimelineWidget *m_timeline;
    QLabel *m_detail;
    QPushButton *m_openPage;
};

} // namespace devzero::ui
