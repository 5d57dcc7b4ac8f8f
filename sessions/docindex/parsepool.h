#pragma once

// Reads and parses pages on worker threads (each with its own
// GitRepository) while the caller writes the results to SQLite on its
// thread, in order. Parsing is CPU-bound and independent per page; SQLite
// wants one writer. A small window bounds memory: workers run at most
// kWindow pages ahead of the writer. With few pages everything runs inline.

#include "sessions/common/result.h"
#include "sessions/docindex/parsedpage.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace devzero::docindex {

class GitRepository;

struct PageJob
{
    QString path;
    QString blobId;
};

struct ParsedJob
{
    enum class Outcome { Parsed, TooLarge, Binary, Failed };
    Outcome outcome = Outcome::Parsed;
    qint64 size = 0;
    ParsedPage page;
    Error error;        // Failed
    qint64 readNs = 0;
    qint64 parseNs = 0;
};

class ParsePool
{
public:
    static constexpr qsizetype kWindow = 256;

    // repo is used by the calling thread when running inline; workers open
    // their own from repo.path().
    ParsePool(const GitRepository &repo, QList<PageJob> jobs, const std::atomic_bool *cancel);
    ~ParsePool(); // stops and joins the workers

    qsizetype size() const { return m_jobs.size(); }
    const PageJob &job(qsizetype i) const { return m_jobs.at(i); }

    // The result for job i; call with i = 0, 1, 2 ... in order.
    ParsedJob take(qsizetype i);

    static ParsedJob work(const GitRepository &repo, const PageJob &job);

private:
    void run();

    const GitRepository &m_repo;
    QList<PageJob> m_jobs;
    const std::atomic_bool *m_cancel;
    std::vector<std::thread> m_threads;
    std::vector<std::optional<ParsedJob>> m_slots;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::atomic<qsizetype> m_next{0};
    qsizetype m_consumed = 0;
    bool m_stop = false;
};

} // namespace devzero::docindex
