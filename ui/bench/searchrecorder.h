#pragma once

// When a docs search counts as a search. Results update as the tester types,
// so most queries are half-words nobody meant; a query counts once the
// tester pauses on it or presses Enter. A query with no results is recorded
// right then (nothing to click); one with results waits for its click, so
// the record says which result was opened, and is recorded without a click
// when the tester moves on (a new query, the task ends, the window closes).

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace devzero::ui {

class SearchRecorder : public QObject
{
    Q_OBJECT
public:
    using Record = std::function<void(const QString &query, int results, const QString &page, const QString &anchor)>;

    SearchRecorder(Record record, int pauseMs, QObject *parent = nullptr);

    void setPauseMs(int ms) { m_pause.setInterval(ms); }
    void typing();                                  // a keystroke: the pause starts over
    void resultsShown(const QString &query, int results);
    void settle();                                  // Enter: this query is meant
    void clicked(const QString &page, const QString &anchor);
    void flush();                                   // moving on: record what is pending

    bool hasPending() const { return m_valid; }
    QString pendingQuery() const { return m_valid ? m_query : QString(); }

private:
    void write(const QString &page, const QString &anchor);

    Record m_record;
    QTimer m_pause;
    QString m_query;
    QString m_lastRecorded;
    int m_results = 0;
    bool m_valid = false;
    bool m_settled = false;
};

} // namespace devzero::ui
