#include "ui/bench/searchrecorder.h"

namespace devzero::ui {

SearchRecorder::SearchRecorder(Record record, int pauseMs, QObject *parent) : QObject(parent), m_record(std::move(record))
{
    m_pause.setSingleShot(true);
    m_pause.setInterval(pauseMs);
    connect(&m_pause, &QTimer::timeout, this, &SearchRecorder::settle);
}

void SearchRecorder::typing()
{
    m_pause.stop();
}

void SearchRecorder::resultsShown(const QString &query, int results)
{
    if (m_valid && query == m_query) {
        m_results = results;
        return;
    }
    // The previous query was meant only if the tester had paused on it.
    if (m_valid && m_settled)
        write({}, {});
    m_query = query;
    m_results = results;
    m_valid = !query.isEmpty();
    m_settled = false;
    if (m_valid)
        m_pause.start();
}

void SearchRecorder::settle()
{
    m_pause.stop();
    if (!m_valid)
        return;
    m_settled = true;
    if (m_results == 0)
        write({}, {});
}

void SearchRecorder::clicked(const QString &page, const QString &anchor)
{
    m_pause.stop();
    if (m_valid) {
        write(page, anchor);
    } else if (!m_lastRecorded.isEmpty()) {
        // Another result of a query already recorded: the click is new evidence.
        m_query = m_lastRecorded;
        m_valid = true;
        write(page, anchor);
    }
}

void SearchRecorder::flush()
{
    m_pause.stop();
    if (m_valid)
        write({}, {});
}

void SearchRecorder::write(const QString &page, const QString &anchor)
{
    m_valid = false;
    m_settled = false;
    m_lastRecorded = m_query;
    m_record(m_query, m_results, page, anchor);
}

} // namespace devzero::ui
