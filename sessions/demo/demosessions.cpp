#include "sessions/demo/demosessions.h"

#include "sessions/capture/clock.h"
#include "sessions/capture/environmentprobe.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/demo/demoscript.h"
#include "sessions/docindex/docindex.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace devzero::demo {

namespace {

// Monday 6 May 2024, 00:00 UTC: two weeks after the docs' last commit.
constexpr qint64 kFirstDayMs = 1'714'953'600'000;

const DemoEpisode *findEpisode(const QString &task, bool trouble)
{
    for (const DemoEpisode &episode : demoEpisodes()) {
        if (episode.task == task && episode.trouble == trouble)
            return &episode;
    }
    return nullptr;
}

store::Outcome outcomeOf(char letter)
{
    switch (letter) {
    case 'F': return store::Outcome::Failure;
    case 'G': return store::Outcome::GaveUp;
    case 'K': return store::Outcome::Skipped;
    default: return store::Outcome::Success;
    }
}

QJsonObject environmentOf(const DemoTester &tester, qint64 takenAtMs)
{
    capture::EnvironmentSnapshot snapshot;
    snapshot.os = tester.os;
    const bool mac = tester.os.startsWith(QLatin1String("macOS"));
    snapshot.kernel = mac ? QStringLiteral("darwin 23.4.0") : QStringLiteral("linux 6.1.0-21-amd64");
    snapshot.arch = mac ? QStringLiteral("arm64") : QStringLiteral("x86_64");
    snapshot.hostNameHash = QString::number(qHash(tester.pseudonym, 7), 16).rightJustified(12, QLatin1Char('0')).left(12);
    snapshot.locale = QStringLiteral("en_GB");
    snapshot.shell = tester.shell;
    snapshot.takenAtMs = takenAtMs;
    static const QList<QPair<QString, QString>> known = {
        {QStringLiteral("git"), QStringLiteral("git version 2.43.0")},
        {QStringLiteral("curl"), QStringLiteral("curl 8.5.0")},
        {QStringLiteral("jq"), QStringLiteral("jq-1.7.1")},
        {QStringLiteral("paylark"), QStringLiteral("paylark 1.8.2")},
        {QStringLiteral("ngrok"), QStringLiteral("ngrok version 3.9.0")},
        {QStringLiteral("openssl"), QStringLiteral("OpenSSL 3.0.13 30 Jan 2024")},
    };
    for (const auto &[tool, version] : known) {
        capture::ToolVersion v;
        v.tool = tool;
        v.found = tester.toolsFound.contains(tool);
        if (v.found) {
            v.version = version;
            v.path = QStringLiteral("/usr/bin/") + tool;
        } else {
            v.error = QStringLiteral("not found on PATH");
        }
        snapshot.tools.append(v);
    }
    return snapshot.toJson();
}

class TesterRun
{
public:
    TesterRun(LabDatabase &lab, docindex::DocIndex &index, const SessionInputs &inputs, const DemoTester &tester,
              quint32 seed, SessionCounts &counts)
        : m_clock(kFirstDayMs + (tester.startDay * 24LL * 60 + tester.startMinute) * 60'000,
                  3'600'000'000'000LL + qint64(seed % 1000) * 1'000'000'000LL, QStringLiteral("demo-boot"))
        , m_engine(lab, m_clock)
        , m_index(index)
        , m_inputs(inputs)
        , m_tester(tester)
        , m_random(seed)
        , m_counts(counts)
    {
        const QString level = tester.experience;
        m_speed = level == QLatin1String("novice") ? 1.25 : level == QLatin1String("expert") ? 0.8 : 1.0;
    }

    Result<void> run()
    {
        capture::StartRequest request;
        request.planId = m_inputs.planId;
        request.pseudonym = m_tester.pseudonym;
        request.experience = store::experienceFromString(m_tester.experience).value_or(store::Experience::Novice);
        request.consent = true;
        request.docsRevision = m_inputs.docsRevision;
        request.environment = environmentOf(m_tester, m_clock.wallMs());
        Result<store::SessionRow> started = m_engine.start(request);
        if (!started)
            return started.error();
        ++m_counts.sessions;
        wait(90); // reading the plan's introduction

        for (int i = 0; i < m_tester.tasks.size(); ++i) {
            if (Result<void> done = runTask(m_tester.tasks.at(i)); !done)
                return done;
            if (m_tester.pausesOnce && i == 1) {
                if (Result<capture::Recorded> r = m_engine.pause(); !r)
                    return r.error();
                wait(12 * 60); // a coffee; not counted as active time
                if (Result<capture::Recorded> r = m_engine.resume(); !r)
                    return r.error();
            }
            wait(60);
        }
        if (Result<capture::Recorded> r = m_engine.answerSus(m_tester.sus); !r)
            return r.error();
        wait(30);
        if (Result<capture::Recorded> r = m_engine.end(); !r)
            return r.error();
        return {};
    }

private:
    void wait(int seconds)
    {
        // Real people are never exactly on time: +-20 % around the script.
        const double jitter = 0.8 + 0.4 * m_random.generateDouble();
        m_clock.advanceMs(qMax<qint64>(1000, qint64(seconds * 1000 * m_speed * jitter)));
    }

    Result<void> runTask(const DemoTaskRun &task)
    {
        if (Result<capture::Recorded> r = m_engine.startTask(task.task); !r)
            return r.error();
        ++m_counts.attempts;
        const store::Outcome outcome = outcomeOf(task.outcome);
        if (outcome == store::Outcome::Skipped) {
            wait(20);
        } else {
            const DemoEpisode *episode = findEpisode(task.task, task.trouble);
            if (!episode)
                return Error{QStringLiteral("no episode for task %1").arg(task.task), m_tester.pseudonym};
            for (const DemoStep &step : episode->steps) {
                if (Result<void> r = runStep(step); !r)
                    return Error{r.error().message, m_tester.pseudonym + QStringLiteral(", task ") + task.task};
            }
            wait(outcome == store::Outcome::Success ? 30 : 120);
        }
        if (Result<capture::Recorded> r = m_engine.endTask(outcome); !r)
            return r.error();
        if (task.seq > 0) {
            wait(10);
            if (Result<capture::Recorded> r = m_engine.answerSeq(task.seq); !r)
                return r.error();
        }
        return {};
    }

    Result<void> runStep(const DemoStep &step)
    {
        switch (step.kind) {
        case DemoStep::Kind::Think:
            wait(step.seconds);
            return {};
        case DemoStep::Kind::Read: {
            const qint64 before = m_clock.wallMs();
            wait(step.seconds);
            ++m_counts.lookups;
            return ok(m_engine.lookup(step.text, step.anchor, QStringLiteral("panel"), m_clock.wallMs() - before));
        }
        case DemoStep::Kind::Search:
            wait(step.seconds);
            return search(step);
        case DemoStep::Kind::Run: {
            const qint64 before = m_clock.wallMs();
            wait(step.seconds);
            ++m_counts.commands;
            if (step.number == 127)
                ++m_counts.commandsNotFound;
            return ok(m_engine.command(step.text, step.number, m_clock.wallMs() - before, QStringLiteral("~/paylark-demo")));
        }
        case DemoStep::Kind::Note: {
            wait(step.seconds);
            ++m_counts.notes;
            capture::NoteInput input;
            input.text = step.text;
            input.severity = step.number;
            input.category = step.category;
            input.page = step.page;
            input.anchor = step.anchor;
            return ok(m_engine.note(input));
        }
        }
        return {};
    }

    Result<void> search(const DemoStep &step)
    {
        docindex::SearchOptions options;
        options.source = m_inputs.sourceName;
        Result<QList<docindex::SearchResult>> results = m_index.search(step.text, options);
        if (!results)
            return results.error();
        ++m_counts.searches;
        if (results->isEmpty())
            ++m_counts.zeroResultSearches;
        QString clickedPage;
        QString clickedAnchor;
        for (const docindex::SearchResult &hit : *results) {
            if (!step.anchor.isEmpty() && hit.path == step.anchor) {
                clickedPage = hit.path;
                clickedAnchor = hit.anchor;
                break;
            }
        }
        return ok(m_engine.search(step.text, int(results->size()), clickedPage, clickedAnchor));
    }

    static Result<void> ok(const Result<capture::Recorded> &recorded)
    {
        if (!recorded)
            return recorded.error();
        return {};
    }

    capture::ManualClock m_clock;
    capture::SessionEngine m_engine;
    docindex::DocIndex &m_index;
    const SessionInputs &m_inputs;
    const DemoTester &m_tester;
    QRandomGenerator m_random;
    SessionCounts &m_counts;
    double m_speed = 1.0;
};

} // namespace

Result<SessionCounts> recordDemoSessions(LabDatabase &lab, docindex::DocIndex &index, const SessionInputs &inputs)
{
    SessionCounts counts;
    const QList<DemoTester> &testers = demoTesters();
    for (int i = 0; i < testers.size(); ++i) {
        TesterRun run(lab, index, inputs, testers.at(i), inputs.seed + quint32(i) * 7919u, counts);
        if (Result<void> done = run.run(); !done)
            return done.error();
    }
    return counts;
}

} // namespace devzero::demo
