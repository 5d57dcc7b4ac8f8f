#include "ui/bench/docsworker.h"

#include "sessions/docindex/docindex.h"

#include <QThread>

namespace devzero::ui {

// The object that lives on the worker thread and owns its DocIndex.
class DocsWorker::Home : public QObject
{
public:
    Home(QString indexPath, QString clonesDir) : m_indexPath(std::move(indexPath)), m_clonesDir(std::move(clonesDir)) {}

    void run(const Job &job)
    {
        if (!m_index && m_error.isEmpty()) {
            Result<std::unique_ptr<docindex::DocIndex>> opened = docindex::DocIndex::open(m_indexPath, m_clonesDir);
            if (opened)
                m_index = std::move(*opened);
            else
                m_error = opened.error().toString();
        }
        job(m_index.get(), m_error);
    }
    void close() { m_index.reset(); }

private:
    QString m_indexPath;
    QString m_clonesDir;
    std::unique_ptr<docindex::DocIndex> m_index;
    QString m_error;
};

DocsWorker::DocsWorker(const QString &indexPath, const QString &clonesDir, QObject *parent)
    : QObject(parent), m_thread(new QThread), m_home(new Home(indexPath, clonesDir))
{
    m_thread->setObjectName(QStringLiteral("docs-worker"));
    m_home->moveToThread(m_thread);
    m_thread->start();
}

DocsWorker::~DocsWorker()
{
    Home *home = m_home;
    QThread *thread = m_thread;
    // Queued after every pending job: they finish, then the index closes on
    // its own thread and the thread's loop ends.
    QMetaObject::invokeMethod(
        home,
        [home, thread] {
            home->close();
            delete home;
            thread->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    delete m_thread;
}

void DocsWorker::post(Job job)
{
    Home *home = m_home;
    QMetaObject::invokeMethod(home, [home, job = std::move(job)] { home->run(job); }, Qt::QueuedConnection);
}

} // namespace devzero::ui
