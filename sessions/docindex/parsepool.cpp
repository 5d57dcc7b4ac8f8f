#include "sessions/docindex/parsepool.h"

#include "sessions/docindex/docindextypes.h"
#include "sessions/docindex/gitrepository.h"

#include <QElapsedTimer>

namespace devzero::docindex {

namespace {

// Git's own heuristic: a NUL byte in the first 8000 bytes means binary.
bool looksBinary(const QByteArray &content)
{
    return QByteArrayView(content).first(qMin<qsizetype>(content.size(), 8000)).contains('\0');
}

int workerCount(qsizetype jobs)
{
    if (jobs < 32)
        return 0; // thread start and repository open cost more than they save
    const int cores = int(std::thread::hardware_concurrency());
    // One core stays with the writer; the history walk has its own thread.
    return qBound(1, cores - 1, 4);
}

} // namespace

ParsedJob ParsePool::work(const GitRepository &repo, const PageJob &job)
{
    ParsedJob result;
    QElapsedTimer timer;
    timer.start();
    bool tooLarge = false;
    auto content = repo.readBlob(job.blobId, kMaxPageBytes, &tooLarge);
    result.readNs = timer.nsecsElapsed();
    if (!content) {
        if (tooLarge) {
            result.outcome = ParsedJob::Outcome::TooLarge;
            auto size = repo.blobSize(job.blobId);
            result.size = size ? *size : 0;
        } else {
            result.outcome = ParsedJob::Outcome::Failed;
            result.error = Error{content.error().message, job.path};
        }
        return result;
    }
    result.size = content->size();
    if (looksBinary(*content)) {
        result.outcome = ParsedJob::Outcome::Binary;
        return result;
    }
    timer.restart();
    result.page = parsePage(job.path, *content);
    result.parseNs = timer.nsecsElapsed();
    return result;
}

ParsePool::ParsePool(const GitRepository &repo, QList<PageJob> jobs, const std::atomic_bool *cancel)
    : m_repo(repo), m_jobs(std::move(jobs)), m_cancel(cancel)
{
    const int workers = workerCount(m_jobs.size());
    if (workers == 0)
        return;
    m_slots.resize(size_t(m_jobs.size()));
    for (int i = 0; i < workers; ++i)
        m_threads.emplace_back([this] { run(); });
}

ParsePool::~ParsePool()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_space.notify_all();
    for (std::thread &t : m_threads)
        t.join();
}

void ParsePool::run()
{
    // libgit2 objects are not shared between threads: one repository each.
    auto repo = GitRepository::open(m_repo.path());
    for (;;) {
        const qsizetype i = m_next.fetch_add(1);
        if (i >= m_jobs.size())
            return;
        {
            std::unique_lock lock(m_mutex);
            m_space.wait(lock, [&] { return m_stop || i < m_consumed + kWindow; });
            if (m_stop)
                return;
        }
        ParsedJob result;
        if (m_cancel && m_cancel->load()) {
            result.outcome = ParsedJob::Outcome::Failed;
            result.error = makeError(QStringLiteral("indexing cancelled"));
        } else if (!repo) {
            result.outcome = ParsedJob::Outcome::Failed;
            result.error = repo.error();
        } else {
            result = work(**repo, m_jobs.at(i));
        }
        {
            std::lock_guard lock(m_mutex);
            m_slots[size_t(i)] = std::move(result);
        }
        m_ready.notify_all();
    }
}

ParsedJob ParsePool::take(qsizetype i)
{
    if (m_threads.empty())
        return work(m_repo, m_jobs.at(i));
    std::unique_lock lock(m_mutex);
    m_ready.wait(lock, [&] { return m_slots[size_t(i)].has_value(); });
    ParsedJob result = std::move(*m_slots[size_t(i)]);
    m_slots[size_t(i)].reset();
    m_consumed = i + 1;
    lock.unlock();
    m_space.notify_all();
    return result;
}

} // namespace devzero::docindex
