// Scale benchmark of the review window (not a test): generates a lab of
// 1,000 sessions and 20,000 friction notes (plus 2,000 task attempts and
// 10,000 SUS answers), opens it in ReviewWindow and prints
//   - time to first paint: openLab() until the notes table has painted
//     with the lab's rows (loading runs on a worker thread);
//   - the longest UI-thread stall while scrolling the notes and sessions
//     tables, typing a search, changing filters and reloading with a new
//     metrics filter, measured by a 1 ms heartbeat timer on the UI thread.
// Usage: bench_review [--sessions N] [--notes-per-session M] [--keep DIR]

#include "sessions/capture/notecategory.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"
#include "ui/review/notesmodel.h"
#include "ui/review/notespanel.h"
#include "ui/review/overviewpanel.h"
#include "ui/review/reviewwindow.h"
#include "ui/review/sessionspanel.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace devzero;

namespace {

const char kPlan[] = R"md(# Scale plan

## Deploy a first app {#deploy}

Outcome: Can a new developer deploy their first app?

### Install the CLI {#install}

Goal: Have the CLI.
Done when: it prints a version.

### Deploy {#deploy-app}

Goal: Deploy the sample app.
Done when: the app answers.
)md";

const char *const kWords[] = {"token", "install", "grpcurl", "jq", "cluster", "namespace", "helm", "login",
                              "certificate", "proxy", "timeout", "permission", "registry", "webhook", "YAML"};

QString generate(const QString &path, int sessions, int notesPerSession)
{
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(path);
    if (!lab)
        return lab.error().toString();
    const plan::ParseResult parsed = plan::parsePlan(QByteArrayView(kPlan, qstrlen(kPlan)));
    if (!parsed.ok())
        return QStringLiteral("plan does not parse");
    Result<store::PlanStore::Imported> plan = store::PlanStore(**lab).importPlan(*parsed.plan, QByteArray(kPlan), {}, 1);
    if (!plan)
        return plan.error().toString();
    Result<QList<store::TaskRow>> tasks = store::PlanStore(**lab).tasks(plan->planId);
    if (!tasks)
        return tasks.error().toString();
    const QList<capture::NoteCategory> categories = capture::noteCategories();
    store::SessionStore s(**lab);
    Result<void> written = (*lab)->write(
        [&]() -> Result<void> {
            qint64 wall = 1'767'225'600'000;
            for (int i = 0; i < sessions; ++i) {
                const auto experience = store::Experience(i % 3);
                Result<qint64> participant = s.ensureParticipant(QStringLiteral("dz-%1").arg(i, 4, 10, QLatin1Char('0')), experience, wall, wall);
                if (!participant)
                    return participant.error();
                store::SessionRow row;
                row.uuid = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
                row.planId = plan->planId;
                row.participantId = *participant;
                row.docsRevision = i < sessions / 2 ? QStringLiteral("aaaa1111") : QStringLiteral("bbbb2222");
                row.state = store::SessionState::Ended;
                row.startedAtMs = wall;
                row.monoOriginNs = 1'000'000;
                row.bootId = QStringLiteral("bench");
                Result<qint64> session = s.insertSession(row);
                if (!session)
                    return session.error();
                qint64 t = wall;
                QList<qint64> attempts;
                for (const store::TaskRow &task : *tasks) {
                    Result<qint64> attempt = s.insertAttempt({0, *session, task.id, {}, {}, {}, t, (t - wall) * 1'000'000});
                    if (!attempt)
                        return attempt.error();
                    const qint64 active = 30'000 + (i * 7919 % 600) * 1000;
                    const bool success = (i + int(task.id)) % 4 != 0 || (i >= sessions / 2 && i % 3 != 0);
                    t += active;
                    if (Result<void> r = s.finishAttempt(*attempt, t, (t - wall) * 1'000'000,
                                                         success ? store::Outcome::Success : store::Outcome::Failure, active); !r)
                        return r;
                    if (Result<void> r = s.setAttemptSeq(*attempt, 1 + (i * 31 + int(task.id)) % 7); !r)
                        return r;
                    attempts << *attempt;
                }
                for (int n = 0; n < notesPerSession; ++n) {
                    store::EventRow event{0, *session, 0, wall + n * 5000, qint64(n) * 5'000'000'000, QStringLiteral("note"), attempts[n % attempts.size()], {}};
                    Result<qint64> eventId = s.insertEvent(event);
                    if (!eventId)
                        return eventId.error();
                    store::NoteRow note;
                    note.eventId = *eventId;
                    note.sessionId = *session;
                    note.attemptId = attempts[n % attempts.size()];
                    note.severity = 1 + (i + n) % 4;
                    note.category = categories[(i + n) % categories.size()].id;
                    note.text = QStringLiteral("Note %1 of session %2: the %3 step needs %4 and nobody says so")
                                    .arg(n).arg(i).arg(QLatin1String(kWords[(i + n) % 15]), QLatin1String(kWords[(i * 3 + n) % 15]));
                    note.page = QStringLiteral("docs/page-%1.md").arg((i + n) % 40);
                    note.anchor = QStringLiteral("section-%1").arg(n % 5);
                    if (Result<qint64> id = s.insertNote(note); !id)
                        return id.error();
                }
                for (int item = 1; item <= 10; ++item) {
                    Result<qint64> eventId = s.insertEvent({0, *session, 0, t, (t - wall) * 1'000'000, QStringLiteral("answer"), {}, {}});
                    if (!eventId)
                        return eventId.error();
                    const int value = item % 2 ? 3 + (i % 3) : 1 + (i % 3);
                    if (Result<qint64> a = s.insertAnswer({0, *eventId, *session, {}, QStringLiteral("SUS"), item, value}); !a)
                        return a.error();
                }
                if (Result<void> r = s.setSessionState(*session, store::SessionState::Ended, t); !r)
                    return r;
                wall += 3'600'000;
            }
            return {};
        },
        QStringLiteral("generating the bench lab"));
    return written ? QString() : written.error().toString();
}

// Records the longest gap between heartbeats of a 1 ms timer on the UI thread.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0 && now - m_last > m_worst) {
                m_worst = now - m_last;
                m_worstDuring = m_phase;
            }
            if (m_last > 0 && now - m_last > m_perPhase.value(m_phase)) {
                if (!m_perPhase.contains(m_phase))
                    m_phases << m_phase;
                m_perPhase[m_phase] = now - m_last;
            }
            m_last = now;
        });
    }
    void start() { m_clock.start(); m_last = 0; m_timer.start(); }
    void stop() { m_timer.stop(); }
    void phase(const QString &name) { m_phase = name; }
    double worstMs() const { return m_worst / 1e6; }
    QString worstDuring() const { return m_worstDuring; }
    void print() const
    {
        for (const QString &p : m_phases)
            std::printf("  longest stall while %s: %.1f ms\n", qPrintable(p), m_perPhase.value(p) / 1e6);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    QString m_phase;
    QString m_worstDuring;
    QHash<QString, qint64> m_perPhase;
    QStringList m_phases;
};

// Counts paints of a widget (the notes table's viewport).
class PaintProbe : public QObject
{
public:
    std::function<void()> onPaint;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint && onPaint)
            onPaint();
        return false;
    }
};

void waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int sessions = 1000, notesPerSession = 20;
    QString keep;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--sessions"))
            sessions = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--notes-per-session"))
            notesPerSession = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--keep"))
            keep = args[i + 1];
    }
    QTemporaryDir tmp;
    const QString path = (keep.isEmpty() ? tmp.path() : keep) + QStringLiteral("/bench-review.sqlite");
    QFile::remove(path);
    QElapsedTimer gen;
    gen.start();
    if (const QString error = generate(path, sessions, notesPerSession); !error.isEmpty()) {
        std::fprintf(stderr, "bench_review: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("generated %d sessions, %d notes in %lld ms\n", sessions, sessions * notesPerSession, gen.elapsed());

    ui::ReviewWindow w;
    w.resize(1280, 820);
    w.show();
    w.tabs()->setCurrentWidget(w.notes());
    QCoreApplication::processEvents();

    StallMeter meter;
    PaintProbe probe;
    qint64 firstPaintMs = -1;
    QElapsedTimer open;
    probe.onPaint = [&] {
        if (firstPaintMs < 0 && w.notes()->model()->rowCount() > 0)
            firstPaintMs = open.elapsed();
    };
    w.notes()->view()->viewport()->installEventFilter(&probe);
    meter.start();
    meter.phase(QStringLiteral("opening"));
    open.start();
    w.openLab(path);
    waitFor([&] { return firstPaintMs >= 0; }, 60000);
    std::printf("time to first paint: %lld ms (%d notes in the table)\n", firstPaintMs, w.notes()->model()->rowCount());

    // Scroll the notes table top to bottom in 40 steps, a frame apart.
    meter.phase(QStringLiteral("scrolling notes"));
    QScrollBar *bar = w.notes()->view()->verticalScrollBar();
    for (int step = 0; step <= 40; ++step) {
        bar->setValue(bar->maximum() * step / 40);
        waitFor([] { return false; }, 16);
    }
    // Type a search, one key a frame apart, then clear it.
    meter.phase(QStringLiteral("typing a search"));
    const QString query = QStringLiteral("grpcurl token");
    for (int i = 1; i <= query.size(); ++i) {
        w.notes()->searchField()->setText(query.left(i));
        waitFor([] { return false; }, 16);
    }
    const int matches = w.notes()->filter()->rowCount();
    w.notes()->searchField()->clear();
    meter.phase(QStringLiteral("category filter"));
    for (int i = 0; i < w.notes()->categoryFilter()->count(); ++i) {
        w.notes()->categoryFilter()->setCurrentIndex(i);
        waitFor([] { return false; }, 16);
    }
    w.notes()->categoryFilter()->setCurrentIndex(0);
    meter.phase(QStringLiteral("switching to the sessions tab"));
    w.tabs()->setCurrentWidget(w.sessions());
    waitFor([] { return false; }, 50);
    meter.phase(QStringLiteral("scrolling sessions"));
    QScrollBar *sbar = w.sessions()->view()->verticalScrollBar();
    for (int step = 0; step <= 20; ++step) {
        sbar->setValue(sbar->maximum() * step / 20);
        waitFor([] { return false; }, 16);
    }
    meter.phase(QStringLiteral("reload with a metrics filter"));
    w.tabs()->setCurrentWidget(w.overview());
    QSignalSpy loaded(&w, &ui::ReviewWindow::loaded);
    QElapsedTimer reload;
    reload.start();
    w.overview()->experienceFilter()->setCurrentIndex(1);
    waitFor([&] { return loaded.count() > 0; }, 60000);
    const qint64 reloadMs = reload.elapsed();
    waitFor([] { return false; }, 50);
    meter.stop();

    std::printf("search \"%s\": %d matching notes\n", qPrintable(query), matches);
    std::printf("filtered reload (novices): %lld ms, %d sessions\n", reloadMs, int(w.sessions()->view()->model()->rowCount()));
    std::printf("longest UI-thread stall: %.1f ms (during %s)\n", meter.worstMs(), qPrintable(meter.worstDuring()));
    meter.print();
    return firstPaintMs >= 0 ? 0 : 2;
}
