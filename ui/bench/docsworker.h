#pragma once

// A thread of its own for the docs index: search, page reading and
// rendering never run on the UI thread. The worker's DocIndex is opened on
// that thread at the first job and closed there (one connection, one
// thread). Jobs run in the order they are posted; each job posts its answer
// back to a receiver on the UI thread, and an answer to a receiver that is
// gone is dropped by Qt.

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace devzero::docindex {
class DocIndex;
}

namespace devzero::ui {

class DocsWorker : public QObject
{
    Q_OBJECT
public:
    // `index` is null when the index could not be opened; `error` says why.
    using Job = std::function<void(docindex::DocIndex *index, const QString &error)>;

    DocsWorker(const QString &indexPath, const QString &clonesDir, QObject *parent = nullptr);
    ~DocsWorker() override; // runs what is queued, closes the index, joins the thread

    void post(Job job);

    // Runs `work` on the worker, then `done(result)` on the UI thread,
    // unless `receiver` is gone by then. The answer travels through this
    // object, which outlives every job (its destructor joins the thread).
    template<typename T>
    void request(QObject *receiver, std::function<T(docindex::DocIndex *, const QString &)> work,
                 std::function<void(const T &)> done)
    {
        QPointer<QObject> guard(receiver);
        post([this, guard, work = std::move(work), done = std::move(done)](docindex::DocIndex *index, const QString &error) {
            T result = work(index, error);
            QMetaObject::invokeMethod(
                this,
                [guard, done, result = std::move(result)] {
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        });
    }

private:
    class Home;
    QThread *m_thread;
    Home *m_home; // lives on m_thread
};

} // namespace devzero::ui
