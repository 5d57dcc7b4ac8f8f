// Evidence per page and section (sessions/analysis/evidence.h): on the lab
// of support_reportlab.h, every count worked out by hand in the comments;
// then the attribution rules one by one on rows built in the test.

#include "tests/report/support_reportlab.h"

#include "sessions/analysis/evidence.h"
#include "sessions/report/reportmodel.h"

#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::analysis;
using namespace devzero::store;

namespace {

const SectionEvidence *sectionOf(const PageEvidence &page, const QString &anchor)
{
    for (const SectionEvidence &s : page.sections) {
        if (s.anchor == anchor)
            return &s;
    }
    return nullptr;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

// Rows for the pure tests: one session (participant 7, revision "rev1").
struct Rows
{
    EvidenceRows rows;
    qint64 nextEvent = 1;

    Rows()
    {
        SessionRow s;
        s.id = 1;
        s.participantId = 7;
        s.docsRevision = QStringLiteral("rev1");
        rows.sessions << s;
    }
    Rows &attempt(qint64 id, std::optional<Outcome> outcome)
    {
        AttemptRow a;
        a.id = id;
        a.sessionId = 1;
        a.taskNumber = QStringLiteral("1.%1").arg(id);
        a.taskTitle = QStringLiteral("Task");
        a.outcome = outcome;
        a.endedAtMs = 100000;
        rows.attempts << a;
        return *this;
    }
    Rows &lookup(qint64 at, std::optional<qint64> attempt, const QString &page, const QString &anchor = {},
                 const QString &revision = {})
    {
        LookupRow l;
        l.eventId = nextEvent++;
        l.sessionId = 1;
        l.attemptId = attempt;
        l.page = page;
        l.anchor = anchor;
        l.docsRevision = revision;
        l.openedAtMs = at;
        l.dwellMs = 1000;
        rows.lookups << l;
        return *this;
    }
    Rows &command(qint64 at, std::optional<qint64> attempt, std::optional<qint64> exit, const QString &text = QStringLiteral("x"))
    {
        CommandRow c;
        c.eventId = nextEvent++;
        c.sessionId = 1;
        c.attemptId = attempt;
        c.exitStatus = exit;
        c.command = text;
        c.wallMs = at;
        rows.commands << c;
        return *this;
    }
    Rows &note(qint64 at, std::optional<qint64> attempt, const QString &text, const QString &page = {}, int severity = 2)
    {
        NoteRow n;
        n.eventId = nextEvent++;
        n.sessionId = 1;
        n.attemptId = attempt;
        n.text = text;
        n.page = page;
        n.severity = severity;
        n.category = QStringLiteral("other");
        n.wallMs = at;
        rows.notes << n;
        return *this;
    }
    Rows &search(qint64 at, std::optional<qint64> attempt, const QString &query, int results = 0)
    {
        SearchRow s;
        s.eventId = nextEvent++;
        s.sessionId = 1;
        s.attemptId = attempt;
        s.query = query;
        s.resultCount = results;
        s.wallMs = at;
        rows.searches << s;
        return *this;
    }
};

} // namespace

class TestEvidence : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::ReportLab m_lab;
    EvidenceReport m_withDocs;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString failed = test::buildReportLab(m_dir.path(), m_lab);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        Result<report::ReportModel> model = report::buildReportModel(*m_lab.lab, m_lab.docs.get(), {}, test::fixedOptions());
        REQUIRE_OK(model);
        m_withDocs = model->evidence;
    }

    void pagesAreRankedByWeight()
    {
        // webhooks 14, first-payment 6.5, authentication 4.75, getting-started 2.5 (worked out below).
        QStringList order;
        for (const PageEvidence &p : m_withDocs.pages)
            order << p.page;
        QCOMPARE(order, (QStringList{QStringLiteral("docs/webhooks.md"), QStringLiteral("docs/first-payment.md"),
                                     QStringLiteral("docs/authentication.md"), QStringLiteral("docs/getting-started.md")}));
    }

    void authentication()
    {
        const PageEvidence *p = m_withDocs.page(QStringLiteral("docs/authentication.md"));
        QVERIFY(p);
        QCOMPARE(p->title, QStringLiteral("Authentication"));
        // S1 90 s + 30 s (a revisit in task 1.1), S2 45 s: median 45 s.
        QCOMPARE(p->counts.lookups, 3);
        QCOMPARE(p->counts.totalDwellMs, 165000);
        QCOMPARE(p->counts.medianDwellMs.value_or(-1), 45000);
        QCOMPARE(p->counts.revisits, 1);
        // S1's note (severity 3) is attached; "secret key" found nothing right after reading it.
        QCOMPARE(p->counts.notes, 1);
        QCOMPARE(p->counts.zeroResultSearches, 1);
        // `paylark login` failed before S1 read this page: not counted here.
        QCOMPARE(p->counts.failedCommands, 0);
        QCOMPARE(p->counts.failedTasks, 0);
        QCOMPARE(p->counts.readers, 2);
        QCOMPARE(p->counts.testers, 1);
        QCOMPARE(p->counts.revisions, (QStringList{QStringLiteral("aaaa1111"), QStringLiteral("bbbb2222")}));
        // note 3 × 1.0 + search 1.0 + revisit 0.25 + one tester 0.5 = 4.75
        QVERIFY2(near(p->counts.weight, 4.75), qPrintable(QString::number(p->counts.weight)));
        const SectionEvidence *keys = sectionOf(*p, QStringLiteral("api-keys"));
        QVERIFY(keys);
        QCOMPARE(keys->heading, QStringLiteral("API keys"));
        QCOMPARE(keys->counts.lookups, 3);
        QCOMPARE(keys->counts.revisits, 1);
        QVERIFY(near(keys->counts.weight, 4.75));
        // Per revision: S1 (aaaa1111) read it twice, S2 (bbbb2222) once.
        QCOMPARE(p->revisions.size(), 2);
        QCOMPARE(p->revisions.at(0).revision, QStringLiteral("aaaa1111"));
        QCOMPARE(p->revisions.at(0).counts.lookups, 2);
        QCOMPARE(p->revisions.at(0).counts.notes, 1);
        QCOMPARE(p->revisions.at(1).counts.lookups, 1);
        QCOMPARE(p->revisions.at(1).counts.notes, 0);
    }

    void firstPayment()
    {
        const PageEvidence *p = m_withDocs.page(QStringLiteral("docs/first-payment.md"));
        QVERIFY(p);
        // 120 s (S1), 80 s (S2), 50 s (S3): median 80 s.
        QCOMPARE(p->counts.lookups, 3);
        QCOMPARE(p->counts.medianDwellMs.value_or(-1), 80000);
        // S1 1.2: `curl | jq` exit 127 after reading it (the only page read there: share 2.0),
        // the note naming `jq` (a command of the page) is a term note (2 × 0.5),
        // and the task failed (3.0). S3's note names nothing of the page.
        QCOMPARE(p->counts.failedCommands, 1);
        QCOMPARE(p->counts.commandsNotFound, 1);
        QCOMPARE(p->counts.termNotes, 1);
        QCOMPARE(p->counts.notes, 0);
        QCOMPARE(p->counts.failedTasks, 1);
        QCOMPARE(p->counts.readers, 3);
        QCOMPARE(p->counts.testers, 1);
        QVERIFY2(near(p->counts.weight, 6.5), qPrintable(QString::number(p->counts.weight)));
        // jq's first line is in "Create a payment": the term note goes there too. S1 read
        // the page without anchor, so the failed command and task stay page-level.
        const SectionEvidence *create = sectionOf(*p, QStringLiteral("create-a-payment"));
        QVERIFY(create);
        QCOMPARE(create->counts.lookups, 1);
        QCOMPARE(create->counts.termNotes, 1);
        QCOMPARE(create->counts.failedCommands, 0);
        QVERIFY(near(create->counts.weight, 1.5));
        // The items behind the counts, in time order.
        QCOMPARE(p->items.size(), 3);
        QCOMPARE(toString(p->items.at(0).kind), QStringLiteral("failed-command"));
        QCOMPARE(p->items.at(0).value, 127);
        QCOMPARE(toString(p->items.at(1).kind), QStringLiteral("term-note"));
        QCOMPARE(toString(p->items.at(2).kind), QStringLiteral("failed-task"));
        QCOMPARE(p->items.at(2).text, QStringLiteral("1.2 Take a payment"));
    }

    void webhooks()
    {
        const PageEvidence *p = m_withDocs.page(QStringLiteral("docs/webhooks.md"));
        QVERIFY(p);
        QCOMPARE(p->counts.lookups, 2);
        QCOMPARE(p->counts.medianDwellMs.value_or(-1), 80000); // (60 + 100) / 2
        QCOMPARE(p->counts.zeroResultSearches, 2);
        QCOMPARE(p->counts.notes, 1);
        QCOMPARE(p->counts.failedCommands, 1);
        QCOMPARE(p->counts.commandsNotFound, 0);
        QCOMPARE(p->counts.failedTasks, 2); // S1 gave up, S2 failed
        QCOMPARE(p->counts.testers, 2);
        // searches 2 + note 4 + command 1 + tasks 6 + testers 1 = 14
        QVERIFY2(near(p->counts.weight, 14.0), qPrintable(QString::number(p->counts.weight)));
        const SectionEvidence *reg = sectionOf(*p, QStringLiteral("register-an-endpoint"));
        QVERIFY(reg);
        QVERIFY(near(reg->counts.weight, 14.0));
    }

    void gettingStarted()
    {
        const PageEvidence *p = m_withDocs.page(QStringLiteral("docs/getting-started.md"));
        QVERIFY(p);
        QCOMPARE(p->counts.lookups, 2);
        QCOMPARE(p->counts.medianDwellMs.value_or(-1), 35000); // (30 + 40) / 2
        QCOMPARE(p->counts.failedCommands, 1); // `paylark login`, 127: share 2.0
        QCOMPARE(p->counts.commandsNotFound, 1);
        QVERIFY(near(p->counts.weight, 2.5));
    }

    void zeroResultSearchesAreGroupedByNormalisedQuery()
    {
        QCOMPARE(m_withDocs.zeroResultSearches.size(), 2);
        const ZeroResultQuery &first = m_withDocs.zeroResultSearches.at(0);
        QCOMPARE(first.query, QStringLiteral("webhook secret"));
        QCOMPARE(first.count, 2);
        QCOMPARE(first.testers, 2);
        QCOMPARE(first.forms, (QStringList{QStringLiteral("Webhook  Secret"), QStringLiteral("webhook secret")}));
        QCOMPARE(first.pages, QStringList{QStringLiteral("docs/webhooks.md")});
        QCOMPARE(first.revisions, (QStringList{QStringLiteral("aaaa1111"), QStringLiteral("bbbb2222")}));
        QCOMPARE(m_withDocs.zeroResultSearches.at(1).query, QStringLiteral("secret key"));
    }

    void withoutDocsThereAreNoTermNotes()
    {
        Result<EvidenceReport> plain = computeEvidence(*m_lab.lab, MetricsFilter{});
        REQUIRE_OK(plain);
        const PageEvidence *p = plain->page(QStringLiteral("docs/first-payment.md"));
        QVERIFY(p);
        QCOMPARE(p->counts.termNotes, 0);
        QVERIFY(near(p->counts.weight, 5.5)); // 6.5 without the term note's 1.0
    }

    void filterSelectsSessions()
    {
        MetricsFilter filter;
        filter.docsRevision = QStringLiteral("bbbb");
        Result<EvidenceReport> ev = computeEvidence(*m_lab.lab, filter);
        REQUIRE_OK(ev);
        const PageEvidence *auth = ev->page(QStringLiteral("docs/authentication.md"));
        QVERIFY(auth);
        QCOMPARE(auth->counts.lookups, 1); // S2 only
        QCOMPARE(auth->counts.notes, 0);
        filter = {};
        filter.since = QDate(2026, 1, 9);
        filter.until = QDate(2026, 1, 8);
        Result<EvidenceReport> bad = computeEvidence(*m_lab.lab, filter);
        QVERIFY(!bad);
        QCOMPARE(bad.error().where, QStringLiteral("--since"));
        QVERIFY(bad.error().message.contains(QStringLiteral("after the end date")));
    }

    void normaliseQuery_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");
        QTest::newRow("trim") << QStringLiteral("  jq  ") << QStringLiteral("jq");
        QTest::newRow("case") << QStringLiteral("Webhook Secret") << QStringLiteral("webhook secret");
        QTest::newRow("inner runs") << QStringLiteral("a \t  b\nc") << QStringLiteral("a b c");
        QTest::newRow("unicode") << QStringLiteral("ÜBERBLICK  Größe") << QStringLiteral("überblick größe");
    }
    void normaliseQuery()
    {
        QFETCH(QString, query);
        QFETCH(QString, expected);
        QCOMPARE(analysis::normaliseQuery(query), expected);
    }

    void normalisePagePath_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("docs/a.md") << QStringLiteral("docs/a.md");
        QTest::newRow("dot slash") << QStringLiteral("./docs/a.md") << QStringLiteral("docs/a.md");
        QTest::newRow("leading slash") << QStringLiteral("/docs/a.md") << QStringLiteral("docs/a.md");
        QTest::newRow("double slash") << QStringLiteral("docs//a.md") << QStringLiteral("docs/a.md");
        QTest::newRow("backslash") << QStringLiteral("docs\\a.md") << QStringLiteral("docs/a.md");
        QTest::newRow("url kept") << QStringLiteral("https://docs.example/a//b") << QStringLiteral("https://docs.example/a//b");
    }
    void normalisePagePath()
    {
        QFETCH(QString, page);
        QFETCH(QString, expected);
        QCOMPARE(analysis::normalisePagePath(page), expected);
    }

    void failureIsSharedAmongPagesRead()
    {
        Rows r;
        r.attempt(1, Outcome::Failure)
            .lookup(10, 1, QStringLiteral("a.md"), QStringLiteral("one"))
            .lookup(20, 1, QStringLiteral("b.md"))
            .lookup(25, 1, QStringLiteral("a.md"), QStringLiteral("two"))
            .command(30, 1, 2)
            .command(40, 1, std::nullopt) // no exit status: ignored
            .command(50, 1, 0);
        const EvidenceReport ev = computeEvidence(r.rows);
        const PageEvidence *a = ev.page(QStringLiteral("a.md"));
        const PageEvidence *b = ev.page(QStringLiteral("b.md"));
        QVERIFY(a && b);
        QCOMPARE(a->counts.failedCommands, 1);
        QCOMPARE(b->counts.failedCommands, 1);
        QCOMPARE(a->counts.failedTasks, 1);
        // a: revisit 0.25 + command 1.0/2 + task 3.0/2 + tester 0.5 = 2.75; b: 0.5 + 1.5 + 0.5 = 2.5
        QVERIFY2(near(a->counts.weight, 2.75), qPrintable(QString::number(a->counts.weight)));
        QVERIFY2(near(b->counts.weight, 2.5), qPrintable(QString::number(b->counts.weight)));
        // Within a, the share is split again between the two sections read.
        const SectionEvidence *one = sectionOf(*a, QStringLiteral("one"));
        QVERIFY(one);
        QCOMPARE(one->counts.failedCommands, 1);
        QVERIFY2(near(one->counts.weight, 0.25 + 0.75 + 0.5), qPrintable(QString::number(one->counts.weight)));
    }

    void lookupsBetweenTasksAreNeverRevisits()
    {
        Rows r;
        r.lookup(10, std::nullopt, QStringLiteral("a.md")).lookup(20, std::nullopt, QStringLiteral("a.md"));
        const EvidenceReport ev = computeEvidence(r.rows);
        QCOMPARE(ev.page(QStringLiteral("a.md"))->counts.lookups, 2);
        QCOMPARE(ev.page(QStringLiteral("a.md"))->counts.revisits, 0);
    }

    void contextsDoNotLeak()
    {
        // A command failing in task 2 says nothing about a page read in task 1.
        Rows r;
        r.attempt(1, Outcome::Success).attempt(2, Outcome::Failure).lookup(10, 1, QStringLiteral("a.md")).command(20, 2, 1);
        const EvidenceReport ev = computeEvidence(r.rows);
        QCOMPARE(ev.page(QStringLiteral("a.md"))->counts.failedCommands, 0);
        QCOMPARE(ev.page(QStringLiteral("a.md"))->counts.failedTasks, 0);
        QCOMPARE(ev.page(QStringLiteral("a.md"))->counts.testers, 0);
    }

    void searchAttribution()
    {
        Rows r;
        r.search(5, 1, QStringLiteral("nothing read yet"))
            .lookup(10, 1, QStringLiteral("a.md"), QStringLiteral("x"))
            .lookup(20, 1, QStringLiteral("b.md"), QStringLiteral("y"))
            .search(30, 1, QStringLiteral("Token"))
            .search(35, 1, QStringLiteral("token"), 4); // found something: not evidence
        const EvidenceReport ev = computeEvidence(r.rows);
        QCOMPARE(ev.zeroResultSearches.size(), 2);
        QCOMPARE(ev.page(QStringLiteral("a.md"))->counts.zeroResultSearches, 0);
        QCOMPARE(ev.page(QStringLiteral("b.md"))->counts.zeroResultSearches, 1); // the page read last
        QCOMPARE(sectionOf(*ev.page(QStringLiteral("b.md")), QStringLiteral("y"))->counts.zeroResultSearches, 1);
        for (const ZeroResultQuery &z : ev.zeroResultSearches) {
            if (z.query == QLatin1String("nothing read yet"))
                QVERIFY(z.pages.isEmpty());
        }
    }

    void revisionsFollowTheLookup()
    {
        Rows r;
        r.lookup(10, 1, QStringLiteral("a.md"), {}, QStringLiteral("rev2")).note(20, 1, QStringLiteral("hm"), QStringLiteral("a.md"));
        r.note(30, 1, QStringLiteral("never read"), QStringLiteral("c.md"));
        const EvidenceReport ev = computeEvidence(r.rows);
        QCOMPARE(ev.page(QStringLiteral("a.md"))->counts.revisions, QStringList{QStringLiteral("rev2")});
        QCOMPARE(ev.page(QStringLiteral("c.md"))->counts.revisions, QStringList{QStringLiteral("rev1")}); // the session's
        QCOMPARE(ev.page(QStringLiteral("c.md"))->counts.notes, 1);
        QCOMPARE(ev.page(QStringLiteral("c.md"))->counts.lookups, 0);
    }

    void aliasesMergePages()
    {
        Rows r;
        r.lookup(10, 1, QStringLiteral("https://docs.example/start/")).lookup(20, 1, QStringLiteral("./docs/start.md"));
        EvidenceInput input;
        input.aliases.insert(QStringLiteral("https://docs.example/start/"), QStringLiteral("docs/start.md"));
        const EvidenceReport ev = computeEvidence(r.rows, input);
        QCOMPARE(ev.pages.size(), 1);
        QCOMPARE(ev.pages.first().page, QStringLiteral("docs/start.md"));
        QCOMPARE(ev.pages.first().counts.lookups, 2);
        QCOMPARE(ev.pages.first().counts.revisits, 1);
    }

    void termNotes_data()
    {
        QTest::addColumn<QString>("note");
        QTest::addColumn<bool>("counts");
        QTest::addColumn<QString>("section");
        QTest::newRow("command name") << QStringLiteral("kubectl is missing") << true << QStringLiteral("deploy");
        QTest::newRow("command, other case") << QStringLiteral("KUBECTL missing") << true << QStringLiteral("deploy");
        QTest::newRow("acronym") << QStringLiteral("what is an SLA?") << true << QStringLiteral("limits");
        QTest::newRow("acronym, wrong case") << QStringLiteral("sla?") << false << QString();
        QTest::newRow("heading phrase") << QStringLiteral("the Rolling back part is wrong") << true << QStringLiteral("rolling-back");
        QTest::newRow("title word") << QStringLiteral("canary what?") << true << QString();
        QTest::newRow("generic words only") << QStringLiteral("your install overview steps") << false << QString();
        QTest::newRow("part of a word") << QStringLiteral("kubectls") << false << QString();
        QTest::newRow("common shell command") << QStringLiteral("echo printed nothing") << false << QString();
    }
    void termNotes()
    {
        QFETCH(QString, note);
        QFETCH(bool, counts);
        QFETCH(QString, section);
        Rows r;
        r.lookup(10, 1, QStringLiteral("docs/deploy.md")).note(20, 1, note);
        EvidenceInput input;
        PageVocabulary v;
        v.page = QStringLiteral("docs/deploy.md");
        v.title = QStringLiteral("Canary deployments");
        v.sections = {{QStringLiteral("deploy"), QStringLiteral("Deploy"), 3, 10},
                      {QStringLiteral("rolling-back"), QStringLiteral("Rolling back"), 11, 20},
                      {QStringLiteral("limits"), QStringLiteral("Limits"), 21, 30}};
        v.terms = {{QStringLiteral("kubectl"), 5, false}, {QStringLiteral("echo"), 6, false}, {QStringLiteral("SLA"), 22, true}};
        input.vocabularies.insert(v.page, v);
        const EvidenceReport ev = computeEvidence(r.rows, input);
        const PageEvidence *p = ev.page(QStringLiteral("docs/deploy.md"));
        QVERIFY(p);
        QCOMPARE(p->counts.termNotes, counts ? 1 : 0);
        if (!section.isEmpty()) {
            const SectionEvidence *s = sectionOf(*p, section);
            QVERIFY2(s, qPrintable(section));
            QCOMPARE(s->counts.termNotes, 1);
            QCOMPARE(s->heading, v.sections.at(section == QLatin1String("deploy") ? 0 : section == QLatin1String("rolling-back") ? 1 : 2).heading);
        }
    }

    void noteAttachedIsNotATermNoteToo()
    {
        Rows r;
        r.lookup(10, 1, QStringLiteral("a.md")).note(20, 1, QStringLiteral("kubectl again"), QStringLiteral("a.md"), 4);
        EvidenceInput input;
        PageVocabulary v;
        v.page = QStringLiteral("a.md");
        v.terms = {{QStringLiteral("kubectl"), 0, false}};
        input.vocabularies.insert(v.page, v);
        const EvidenceReport ev = computeEvidence(r.rows, input);
        QCOMPARE(ev.page(QStringLiteral("a.md"))->counts.notes, 1);
        QCOMPARE(ev.page(QStringLiteral("a.md"))->counts.termNotes, 0);
        QVERIFY(near(ev.page(QStringLiteral("a.md"))->counts.weight, 4.5)); // 4 × 1.0 + one tester 0.5
    }
};

QTEST_GUILESS_MAIN(TestEvidence)
#include "test_evidence.moc"
