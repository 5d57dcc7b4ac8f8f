// bench_report: how long `devzero report` takes, and how much memory it
// needs, on a large lab, per format.
//
// Generates a lab of N sessions (default 1,000) of 12 tasks each with a
// realistic event mix (about 500 events per session: page lookups,
// searches, shell commands, notes, task starts and ends, SEQ and SUS
// answers), written through store::SessionStore inside one
// LabDatabase::write transaction per session, on a fixed seed. Then, for
// each format, runs itself as a child process that does what the command
// does (read the lab, compute metrics and evidence, rank 300 flags, render,
// write) and reports its times and its peak resident memory (VmHWM), so
// each format's peak is its own. Prints one line per format.
//
//   bench_report [--sessions N] [--formats html,md,json,csv,pdf] [--lab PATH] [--keep]
//   bench_report --child FORMAT --lab PATH --out PATH   (internal)

#include "sessions/analysis/flag.h"
#include "sessions/plan/plan.h"
#include "sessions/report/renderers.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <random>

#include <sys/resource.h>

using namespace devzero;
using namespace devzero::store;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

qint64 vmHwmKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QByteArray planText()
{
    QByteArray text = "# Benchmark onboarding\n\nTools: git, curl, jq\n\n";
    for (int j = 1; j <= 4; ++j) {
        text += "## Journey " + QByteArray::number(j) + " {#journey-" + QByteArray::number(j) + "}\n\n";
        text += "Outcome: Can a new developer reach outcome " + QByteArray::number(j) + "?\n\n";
        for (int t = 1; t <= 3; ++t) {
            const QByteArray key = "task-" + QByteArray::number(j) + "-" + QByteArray::number(t);
            text += "### Task " + QByteArray::number(j) + "." + QByteArray::number(t) + " {#" + key + "}\n\n";
            text += "Goal: Do step " + QByteArray::number(t) + ".\nDone when: it works.\n\n";
        }
    }
    return text;
}

const QStringList kPages = [] {
    QStringList pages;
    for (const char *area : {"getting-started", "auth", "payments", "webhooks", "refunds", "cli", "sdk", "reference"}) {
        for (int i = 1; i <= 5; ++i)
            pages << QStringLiteral("docs/%1/page-%2.md").arg(QLatin1String(area)).arg(i);
    }
    return pages;
}();

const QStringList kCommands = {QStringLiteral("curl -s https://api.example.test/v1/payments"), QStringLiteral("jq .id payment.json"),
                               QStringLiteral("paylark login"), QStringLiteral("git clone https://git.example.test/shop.git"),
                               QStringLiteral("npm install"), QStringLiteral("kubectl get pods"),
                               QStringLiteral("export PAYLARK_ENV=test"), QStringLiteral("ls -la"), QStringLiteral("cat .env")};
const QStringList kQueries = {QStringLiteral("api key"), QStringLiteral("webhook secret"), QStringLiteral("refund partial"),
                              QStringLiteral("test card"), QStringLiteral("sandbox"), QStringLiteral("signing secret"),
                              QStringLiteral("rate limit"), QStringLiteral("idempotency key")};
const QStringList kCategories = {QStringLiteral("missing-prerequisite"), QStringLiteral("unclear-step"),
                                 QStringLiteral("undefined-term"), QStringLiteral("broken-link"),
                                 QStringLiteral("misleading-error"), QStringLiteral("environment"), QStringLiteral("other")};

// One session of about 500 events: 12 tasks, each with ~10 lookups, ~3
// searches, ~25 commands and ~1 note, then SEQ; SUS at the end.
Result<void> writeSession(SessionStore &store, qint64 planId, const QList<TaskRow> &tasks, int index, std::mt19937 &rng)
{
    std::uniform_int_distribution<int> percent(0, 99);
    std::geometric_distribution<int> pageSkew(0.15);
    const auto pick = [&](const QStringList &list) { return list.at(std::uniform_int_distribution<int>(0, int(list.size()) - 1)(rng)); };
    qint64 now = 1'767'225'600'000 + qint64(index) * 3'600'000;
    qint64 ns = 0;
    const auto advance = [&](int ms) {
        now += ms;
        ns += qint64(ms) * 1'000'000;
    };

    Result<qint64> participant = store.ensureParticipant(QStringLiteral("dz-%1").arg(index, 4, 10, QLatin1Char('0')),
                                                         Experience(index % 3), now, now);
    if (!participant)
        return participant.error();
    SessionRow s;
    s.uuid = QStringLiteral("00000000-0000-4000-8000-%1").arg(index, 12, 10, QLatin1Char('0'));
    s.planId = planId;
    s.participantId = *participant;
    s.docsRevision = index < 500 ? QStringLiteral("aaaa111122223333") : QStringLiteral("bbbb444455556666");
    s.state = SessionState::Running;
    s.startedAtMs = now;
    s.bootId = QStringLiteral("bench");
    Result<qint64> sessionId = store.insertSession(s);
    if (!sessionId)
        return sessionId.error();
    const auto event = [&](const QString &kind, std::optional<qint64> attempt) {
        EventRow e;
        e.sessionId = *sessionId;
        e.wallMs = now;
        e.monoNs = ns;
        e.kind = kind;
        e.attemptId = attempt;
        return store.insertEvent(e);
    };

    for (const TaskRow &task : tasks) {
        advance(5000);
        AttemptRow a;
        a.sessionId = *sessionId;
        a.taskId = task.id;
        a.startedAtMs = now;
        a.startedNs = ns;
        Result<qint64> attempt = store.insertAttempt(a);
        if (!attempt)
            return attempt.error();
        if (auto e = event(QStringLiteral("task_start"), *attempt); !e)
            return e.error();
        const qint64 started = now;
        const int lookups = 6 + percent(rng) % 9;
        int failures = 0;
        for (int l = 0; l < lookups; ++l) {
            advance(20000 + percent(rng) * 600);
            const QString page = kPages.at(std::min<int>(int(kPages.size()) - 1, (task.position * 7 + pageSkew(rng)) % kPages.size()));
            Result<qint64> ev = event(QStringLiteral("lookup"), *attempt);
            if (!ev)
                return ev.error();
            LookupRow row;
            row.eventId = *ev;
            row.sessionId = *sessionId;
            row.attemptId = *attempt;
            row.page = page;
            row.anchor = percent(rng) < 60 ? QStringLiteral("section-%1").arg(percent(rng) % 4 + 1) : QString();
            row.how = QStringLiteral("panel");
            row.docsRevision = s.docsRevision;
            row.dwellMs = 5000 + percent(rng) * 900;
            row.openedAtMs = now - *row.dwellMs;
            row.closedAtMs = now;
            if (auto r = store.insertLookup(row); !r)
                return r.error();
            // Between lookups: a few searches and many commands.
            for (int c = 0; c < 2 + percent(rng) % 3; ++c) {
                advance(3000 + percent(rng) * 50);
                const int roll = percent(rng);
                if (roll < 12) {
                    Result<qint64> se = event(QStringLiteral("search"), *attempt);
                    if (!se)
                        return se.error();
                    SearchRow q;
                    q.eventId = *se;
                    q.sessionId = *sessionId;
                    q.attemptId = *attempt;
                    q.query = pick(kQueries);
                    q.resultCount = percent(rng) < 20 ? 0 : 1 + percent(rng) % 9;
                    if (auto r = store.insertSearch(q); !r)
                        return r.error();
                    continue;
                }
                Result<qint64> ce = event(QStringLiteral("command"), *attempt);
                if (!ce)
                    return ce.error();
                CommandRow cmd;
                cmd.eventId = *ce;
                cmd.sessionId = *sessionId;
                cmd.attemptId = *attempt;
                cmd.command = pick(kCommands);
                const int fail = percent(rng);
                cmd.exitStatus = fail < 4 ? 127 : fail < 11 ? 1 : 0;
                failures += cmd.exitStatus != 0 ? 1 : 0;
                cmd.durationMs = 10 + percent(rng) * 20;
                cmd.cwd = QStringLiteral("/home/dz/shop");
                if (auto r = store.insertCommand(cmd); !r)
                    return r.error();
            }
        }
        if (percent(rng) < 90) {
            advance(4000);
            Result<qint64> ne = event(QStringLiteral("note"), *attempt);
            if (!ne)
                return ne.error();
            NoteRow n;
            n.eventId = *ne;
            n.sessionId = *sessionId;
            n.attemptId = *attempt;
            n.severity = 1 + percent(rng) % 4;
            n.category = pick(kCategories);
            n.text = QStringLiteral("Tester %1 on task %2: the page assumes something I did not have (%3).")
                         .arg(index).arg(task.number()).arg(pick(kCommands));
            if (percent(rng) < 60)
                n.page = kPages.at((task.position * 7 + percent(rng) % 3) % kPages.size());
            if (auto r = store.insertNote(n); !r)
                return r.error();
        }
        advance(10000);
        const Outcome outcome = failures > 6 ? Outcome::GaveUp : failures > 3 ? Outcome::Failure : Outcome::Success;
        if (auto r = store.finishAttempt(*attempt, now, ns, outcome, now - started); !r)
            return r.error();
        if (auto e = event(QStringLiteral("task_end"), *attempt); !e)
            return e.error();
        advance(3000);
        const int seq = outcome == Outcome::Success ? 4 + percent(rng) % 4 : 1 + percent(rng) % 3;
        if (auto r = store.setAttemptSeq(*attempt, seq); !r)
            return r.error();
        Result<qint64> se = event(QStringLiteral("seq"), *attempt);
        if (!se)
            return se.error();
        if (auto r = store.insertAnswer(AnswerRow{0, *se, *sessionId, *attempt, QStringLiteral("SEQ"), 1, seq}); !r)
            return r.error();
    }
    advance(30000);
    Result<qint64> sus = event(QStringLiteral("sus"), std::nullopt);
    if (!sus)
        return sus.error();
    for (int item = 1; item <= 10; ++item) {
        const int value = item % 2 ? 3 + percent(rng) % 3 : 1 + percent(rng) % 3;
        if (auto r = store.insertAnswer(AnswerRow{0, *sus, *sessionId, std::nullopt, QStringLiteral("SUS"), item, value}); !r)
            return r.error();
    }
    return store.setSessionState(*sessionId, SessionState::Ended, now);
}

int generate(const QString &path, int sessions)
{
    QFile::remove(path);
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(path);
    if (!lab) {
        out() << "bench_report: " << lab.error().toString() << Qt::endl;
        return 1;
    }
    const QByteArray text = planText();
    const plan::ParseResult parsed = plan::parsePlan(text);
    if (!parsed.ok()) {
        out() << "bench_report: the benchmark plan does not parse" << Qt::endl;
        return 1;
    }
    Result<PlanStore::Imported> plan = PlanStore(**lab).importPlan(*parsed.plan, text, QStringLiteral("bench.md"), 1);
    Result<QList<TaskRow>> tasks = plan ? PlanStore(**lab).tasks(plan->planId) : Result<QList<TaskRow>>(plan.error());
    if (!tasks) {
        out() << "bench_report: " << tasks.error().toString() << Qt::endl;
        return 1;
    }
    std::mt19937 rng(20260101);
    SessionStore store(**lab);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < sessions; ++i) {
        Result<void> written = (*lab)->write([&] { return writeSession(store, plan->planId, *tasks, i, rng); },
                                             QStringLiteral("benchmark session %1").arg(i));
        if (!written) {
            out() << "bench_report: " << written.error().toString() << Qt::endl;
            return 1;
        }
    }
    qint64 events = 0;
    const Result<QList<SessionRow>> listed = store.sessions();
    if (listed) {
        for (const SessionRow &s : *listed)
            events += s.eventCount;
    }
    out() << QStringLiteral("lab: %1 sessions, %2 events, %3 MB, written in %4 s")
                 .arg(sessions)
                 .arg(events)
                 .arg(QFileInfo(path).size() / 1048576.0, 0, 'f', 1)
                 .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
          << Qt::endl;
    return 0;
}

// 300 flags over the pages, as the rules would report them.
QList<analysis::Flag> benchFlags()
{
    QList<analysis::Flag> flags;
    const QStringList terms = {QStringLiteral("jq"), QStringLiteral("kubectl"), QStringLiteral("PAYLARK_ENV"),
                               QStringLiteral("npm"), QStringLiteral("SLA"), QStringLiteral("simply")};
    for (int i = 0; i < 300; ++i) {
        analysis::Flag f;
        f.ruleId = QStringLiteral("rule-%1").arg(i % 8);
        f.severity = analysis::Severity(1 + i % 3);
        f.path = kPages.at(i % kPages.size());
        f.anchor = QStringLiteral("section-%1").arg(i % 4 + 1);
        f.startLine = 10 + i;
        f.endLine = f.startLine;
        f.term = terms.at(i % terms.size());
        f.message = QStringLiteral("`%1` is used but never introduced").arg(f.term);
        f.excerpt = QStringLiteral("run %1 with the right options").arg(f.term);
        flags << f;
    }
    return flags;
}

int child(const QString &formatName, const QString &labPath, const QString &outPath)
{
    const std::optional<report::Format> format = report::formatFromString(formatName);
    if (!format)
        return 2;
    QElapsedTimer timer;
    timer.start();
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(labPath);
    if (!lab)
        return 1;
    report::ReportOptions options;
    Result<report::ReportModel> model = report::buildReportModel(**lab, nullptr, benchFlags(), options);
    if (!model) {
        out() << "bench_report: " << model.error().toString() << Qt::endl;
        return 1;
    }
    const qint64 modelMs = timer.elapsed();
    Result<QStringList> written = report::writeReport(*model, *format, outPath);
    if (!written) {
        out() << "bench_report: " << written.error().toString() << Qt::endl;
        return 1;
    }
    const qint64 totalMs = timer.elapsed();
    qint64 bytes = 0;
    for (const QString &file : *written)
        bytes += QFileInfo(file).size();
    out() << "RESULT " << modelMs << ' ' << (totalMs - modelMs) << ' ' << totalMs << ' ' << vmHwmKb() << ' ' << bytes << ' '
          << written->size() << ' ' << cpuMs() << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // PDF needs fonts, hence a QGuiApplication (offscreen); the other formats
    // run as the command line does, without one.
    bool gui = false;
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--child") == 0 && qstrcmp(argv[i + 1], "pdf") == 0)
            gui = true;
    }
    if (gui)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app = gui ? std::make_unique<QGuiApplication>(argc, argv)
                                                : std::make_unique<QCoreApplication>(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("devzero.*.debug=false"));
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("sessions"), QStringLiteral("Sessions to generate."), QStringLiteral("N"), QStringLiteral("1000")},
                       {QStringLiteral("formats"), QStringLiteral("Formats to time."), QStringLiteral("LIST"),
                        QStringLiteral("html,md,json,csv,pdf")},
                       {QStringLiteral("lab"), QStringLiteral("Lab file (generated unless --reuse)."), QStringLiteral("PATH")},
                       {QStringLiteral("reuse"), QStringLiteral("Use the lab at --lab as it is.")},
                       {QStringLiteral("keep"), QStringLiteral("Keep the lab and the reports.")},
                       {QStringLiteral("child"), QStringLiteral("Internal."), QStringLiteral("FORMAT")},
                       {QStringLiteral("out"), QStringLiteral("Internal."), QStringLiteral("PATH")}});
    parser.addHelpOption();
    parser.process(*app);
    if (parser.isSet(QStringLiteral("child")))
        return child(parser.value(QStringLiteral("child")), parser.value(QStringLiteral("lab")), parser.value(QStringLiteral("out")));

    QTemporaryDir dir;
    dir.setAutoRemove(!parser.isSet(QStringLiteral("keep")));
    const QString labPath = parser.isSet(QStringLiteral("lab")) ? parser.value(QStringLiteral("lab")) : dir.filePath(QStringLiteral("lab.sqlite"));
    if (!parser.isSet(QStringLiteral("reuse"))) {
        if (int code = generate(labPath, parser.value(QStringLiteral("sessions")).toInt()); code != 0)
            return code;
    }
    // Wall times on a shared machine mostly measure the load: the CPU time
    // (user + system) of the child is printed beside them, and the load average.
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (loadavg.open(QIODevice::ReadOnly))
        out() << "load average: " << loadavg.readAll().trimmed() << Qt::endl;
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6").arg(QStringLiteral("format"), -6).arg(QStringLiteral("model ms"), 9)
                 .arg(QStringLiteral("render+write ms"), 16).arg(QStringLiteral("total ms"), 9).arg(QStringLiteral("CPU ms"), 7)
                 .arg(QStringLiteral("peak MB (VmHWM)"), 16)
          << QStringLiteral("  output") << Qt::endl;
    int status = 0;
    for (const QString &format : parser.value(QStringLiteral("formats")).split(QLatin1Char(','))) {
        const QString target = dir.filePath(QStringLiteral("report.") + format);
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QCoreApplication::applicationFilePath(),
                      {QStringLiteral("--child"), format, QStringLiteral("--lab"), labPath, QStringLiteral("--out"), target});
        process.waitForFinished(-1);
        const QString result = QString::fromUtf8(process.readAllStandardOutput());
        const qsizetype at = result.indexOf(QStringLiteral("RESULT "));
        if (process.exitCode() != 0 || at < 0) {
            out() << format << ": failed (exit " << process.exitCode() << ") " << result << Qt::endl;
            status = 1;
            continue;
        }
        const QStringList f = result.mid(at + 7).trimmed().split(QLatin1Char(' '));
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6").arg(format, -6).arg(f.at(0), 9).arg(f.at(1), 16).arg(f.at(2), 9)
                     .arg(f.at(6), 7).arg(f.at(3).toLongLong() / 1024.0, 16, 'f', 1)
              << QStringLiteral("  %1 file(s), %2 MB").arg(f.at(5)).arg(f.at(4).toLongLong() / 1048576.0, 0, 'f', 2) << Qt::endl;
    }
    if (parser.isSet(QStringLiteral("keep")))
        out() << "kept in " << dir.path() << Qt::endl;
    return status;
}
