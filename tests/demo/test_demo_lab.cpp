// The demo lab, read back through the store, the docs index and the
// metrics: what `devzero demo` promises is what the lab holds. Expected
// figures come from the demo script (demoscript.h), not from a past run.

#include "sessions/analysis/labmetrics.h"
#include "sessions/demo/demolab.h"
#include "sessions/demo/demoscript.h"
#include "sessions/docindex/docindex.h"
#include "sessions/docindex/gitrepository.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::demo;

namespace {

// A Result's list, kept alive for a range-for (value() of a temporary
// Result would dangle there); empty on error, which the counts then catch.
template<typename T>
T take(Result<T> result)
{
    return result.ok() ? std::move(result.value()) : T{};
}

std::unique_ptr<LabDatabase> openLab(const QString &path)
{
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(path);
    return lab ? std::move(lab.value()) : nullptr;
}

// Every event of every session, without the random session uuids.
QStringList eventTrace(const QString &labPath)
{
    std::unique_ptr<LabDatabase> lab = openLab(labPath);
    QStringList trace;
    if (!lab)
        return trace;
    store::SessionStore store(*lab);
    for (const store::SessionRow &s : take(store.sessions())) {
        for (const store::EventRow &e : take(store.events(s.id)))
            trace << QStringLiteral("%1 %2 %3 %4 %5").arg(s.pseudonym).arg(e.wallMs).arg(e.monoNs).arg(e.kind,
                         QString::fromUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Compact)));
    }
    return trace;
}

} // namespace

class TestDemoLab : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_lab;
    DemoSummary m_summary;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_lab = m_dir.filePath(QStringLiteral("demo.sqlite"));
        QStringList steps;
        DemoOptions options;
        options.labPath = m_lab;
        Result<DemoSummary> created = createDemoLab(options, [&](const QString &s) { steps << s; });
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        m_summary = *created;
        QVERIFY(steps.size() >= 4);
    }

    void docsAreARealRepositoryIndexedAsTheLabsSource()
    {
        QCOMPARE(m_summary.dataDir, m_dir.filePath(QStringLiteral("demo.data")));
        Result<std::unique_ptr<docindex::GitRepository>> repo = docindex::GitRepository::open(m_summary.repoPath);
        QVERIFY(repo.ok());
        QCOMPARE((*repo)->headBranch(), QStringLiteral("main"));
        QCOMPARE((*repo)->resolveCommit({}).value(), m_summary.headCommit);
        QStringList authors;
        QVERIFY((*repo)->walkHistory(m_summary.headCommit, {}, {}, [&](const docindex::GitCommit &c, const auto &) {
                    authors.prepend(c.authorName);
                    return true;
                }).ok());
        QCOMPARE(authors, (QStringList{QStringLiteral("Marta Lindqvist"), QStringLiteral("Kofi Mensah"), QStringLiteral("Ana Ruiz"),
                                       QStringLiteral("Priya Natarajan"), QStringLiteral("Marta Lindqvist")}));
        QVERIFY(!(*repo)->fileId(m_summary.headCommit, QStringLiteral("CODEOWNERS")).value().isEmpty());
        // A working copy too, so people can open the files.
        QVERIFY(QFile::exists(m_summary.repoPath + QStringLiteral("/docs/webhooks.md")));

        Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(
            m_summary.dataDir + QStringLiteral("/docs-index.sqlite"), m_summary.dataDir + QStringLiteral("/clones"));
        QVERIFY(index.ok());
        Result<docindex::SourceInfo> source = (*index)->source(QStringLiteral("paylark"));
        QVERIFY(source.ok());
        QCOMPARE(source->commitId, m_summary.headCommit);
        QCOMPARE(source->pageCount, 13);
        QCOMPARE(m_summary.pages, 13);
        Result<docindex::PageInfo> page = (*index)->page(QStringLiteral("docs/refunds.md"), QStringLiteral("paylark"));
        QVERIFY(page.ok());
        QVERIFY(page->owners.contains(QStringLiteral("@paylark/payments-api")));
    }

    void planAndSessionsAreInTheLab()
    {
        std::unique_ptr<LabDatabase> lab = openLab(m_lab);
        QVERIFY(lab);
        const QList<store::PlanRow> plans = store::PlanStore(*lab).plans().value();
        QCOMPARE(plans.size(), 1);
        QCOMPARE(plans.first().title, QStringLiteral("Onboarding onto Paylark"));
        QCOMPARE(plans.first().taskCount, 7);

        store::SessionStore store(*lab);
        const QList<store::SessionRow> sessions = store.sessions().value();
        const QList<DemoTester> &testers = demoTesters();
        QCOMPARE(sessions.size(), testers.size());
        QCOMPARE(m_summary.sessions, testers.size());
        int notes = 0, zeroSearches = 0, notFound = 0, seqAnswers = 0, susSessions = 0, notesOnSections = 0;
        for (const store::SessionRow &s : sessions) {
            QVERIFY(s.state == store::SessionState::Ended);
            QCOMPARE(s.docsRevision, m_summary.headCommit);
            QVERIFY(!s.environment.isEmpty());
            const qint64 minutes = (*s.endedAtMs - s.startedAtMs) / 60'000;
            QVERIFY2(minutes >= 10 && minutes <= 240, qPrintable(QStringLiteral("%1: %2 min").arg(s.pseudonym).arg(minutes)));
            const QList<store::AttemptRow> attempts = store.attempts(s.id).value();
            QCOMPARE(attempts.size(), 7);
            for (const store::AttemptRow &a : attempts) {
                QVERIFY(a.outcome.has_value());
                QVERIFY(a.activeMs.has_value());
                seqAnswers += a.seq.has_value() ? 1 : 0;
            }
            for (const store::NoteRow &n : take(store.notes(s.id))) {
                ++notes;
                QVERIFY(!n.page.isEmpty());
                notesOnSections += n.anchor.isEmpty() ? 0 : 1;
            }
            for (const store::SearchRow &q : take(store.searches(s.id)))
                zeroSearches += q.resultCount == 0 ? 1 : 0;
            for (const store::CommandRow &c : take(store.commands(s.id)))
                notFound += c.exitStatus == 127 ? 1 : 0;
            int sus = 0;
            for (const store::AnswerRow &a : take(store.answers(s.id)))
                sus += a.instrument == QLatin1String("SUS") ? 1 : 0;
            susSessions += sus == 10 ? 1 : 0;
            // Secrets typed into a terminal are redacted before they are stored.
            for (const store::CommandRow &c : take(store.commands(s.id)))
                QVERIFY2(!c.command.contains(QLatin1String("sk_test_51Paylark")), qPrintable(c.command));
        }
        int expectedSeq = 0;
        for (const DemoTester &t : testers)
            for (const DemoTaskRun &r : t.tasks)
                expectedSeq += r.seq > 0 ? 1 : 0;
        QCOMPARE(seqAnswers, expectedSeq);
        QCOMPARE(susSessions, testers.size());
        QCOMPARE(notes, m_summary.notes);
        QVERIFY(notesOnSections > notes / 2);
        QVERIFY(zeroSearches > 0);
        QCOMPARE(zeroSearches, m_summary.zeroResultSearches);
        QVERIFY(notFound > 0);
        QCOMPARE(notFound, m_summary.commandsNotFound);
    }

    void zeroResultSearchesFindNothingInTheIndex()
    {
        std::unique_ptr<LabDatabase> lab = openLab(m_lab);
        Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(
            m_summary.dataDir + QStringLiteral("/docs-index.sqlite"), m_summary.dataDir + QStringLiteral("/clones"));
        QVERIFY(lab && index.ok());
        store::SessionStore store(*lab);
        for (const store::SessionRow &s : take(store.sessions())) {
            for (const store::SearchRow &q : take(store.searches(s.id)))
                QCOMPARE(int((*index)->search(q.query).value().size()), q.resultCount);
        }
    }

    void metricsFollowTheScript()
    {
        std::unique_ptr<LabDatabase> lab = openLab(m_lab);
        Result<analysis::LabMetrics> metrics = analysis::computeMetrics(*lab, {});
        QVERIFY(metrics.ok());
        QCOMPARE(metrics->tasks.size(), 7);
        for (const analysis::TaskMetrics &task : metrics->tasks) {
            int successes = 0, failures = 0, gaveUp = 0, skipped = 0;
            for (const DemoTester &t : demoTesters()) {
                for (const DemoTaskRun &r : t.tasks) {
                    if (r.task != task.number)
                        continue;
                    successes += r.outcome == 'S';
                    failures += r.outcome == 'F';
                    gaveUp += r.outcome == 'G';
                    skipped += r.outcome == 'K';
                }
            }
            QCOMPARE(task.successes, successes);
            QCOMPARE(task.failures, failures);
            QCOMPARE(task.gaveUp, gaveUp);
            QCOMPARE(task.skipped, skipped);
        }
        // Every outcome the review screens can show is there.
        int failures = 0, gaveUp = 0, skipped = 0;
        for (const analysis::TaskMetrics &task : metrics->tasks) {
            failures += task.failures;
            gaveUp += task.gaveUp;
            skipped += task.skipped;
        }
        QVERIFY(failures > 0 && gaveUp > 0 && skipped > 0);
        QCOMPARE(metrics->sessions.size(), demoTesters().size());
    }

    void refusesANonEmptyLabWithoutForce()
    {
        const QStringList before = eventTrace(m_lab);
        DemoOptions options;
        options.labPath = m_lab;
        Result<DemoSummary> again = createDemoLab(options);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.contains(QLatin1String("the lab is not empty")), qPrintable(again.error().message));
        QVERIFY(again.error().message.contains(QLatin1String("--force")));
        QCOMPARE(again.error().where, m_summary.labPath);
        QCOMPARE(eventTrace(m_lab), before);
    }

    void refusesToDeleteAFileThatIsNotALab()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("my notes, not a lab\n");
        file.close();
        DemoOptions options;
        options.labPath = path;
        options.force = true;
        Result<DemoSummary> created = createDemoLab(options);
        QVERIFY(!created.ok());
        QVERIFY(created.error().message.contains(QLatin1String("not a lab")));
        QVERIFY(QFile::exists(path));
    }

    void sameSeedSameLabAndForceReplaces()
    {
        // --force on the first lab gives the same lab again, event for event.
        const QStringList first = eventTrace(m_lab);
        QVERIFY(first.size() > 300);
        DemoOptions options;
        options.labPath = m_lab;
        options.force = true;
        Result<DemoSummary> again = createDemoLab(options);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
        QCOMPARE(eventTrace(m_lab), first);
        QCOMPARE(again->headCommit, m_summary.headCommit); // commits carry their authors' dates: same ids

        const QString other = m_dir.filePath(QStringLiteral("other-seed.sqlite"));
        options.labPath = other;
        options.force = false;
        options.seed = 7;
        QVERIFY(createDemoLab(options).ok());
        const QStringList reseeded = eventTrace(other);
        QCOMPARE(reseeded.size(), first.size());
        QVERIFY(reseeded != first);
    }
};

QTEST_GUILESS_MAIN(TestDemoLab)
#include "test_demo_lab.moc"
