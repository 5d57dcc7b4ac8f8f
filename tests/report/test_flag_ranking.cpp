// rankFlags (evidence.h): static score raised by session evidence on the
// flag's page and section, on the lab of support_reportlab.h with its
// seven hand-written flags; each score worked out by hand below. Page
// weights (see test_evidence.cpp): webhooks 14 (section register-an-endpoint
// 14), first-payment 6.5 (create-a-payment 1.5), authentication 4.75
// (api-keys 4.75), getting-started 2.5 (install-the-cli 2.5).

#include "tests/report/support_reportlab.h"

#include "sessions/analysis/evidence.h"
#include "sessions/report/reportmodel.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::analysis;

class TestFlagRanking : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::ReportLab m_lab;
    QList<Flag> m_ranked;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString failed = test::buildReportLab(m_dir.path(), m_lab);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        Result<report::ReportModel> model =
            report::buildReportModel(*m_lab.lab, m_lab.docs.get(), test::handFlags(), test::fixedOptions());
        REQUIRE_OK(model);
        m_ranked = model->flags;
    }

    void scores_data()
    {
        QTest::addColumn<int>("rank");
        QTest::addColumn<QString>("term");
        QTest::addColumn<double>("score");
        QTest::addColumn<int>("direct");
        // error 3 × (1 + 14 + 0.5 × (14 − 14))
        QTest::newRow("broken link, webhooks") << 1 << QStringLiteral("secrets.md") << 45.0 << 0;
        // warning 2 × (1 + 1.5 + 0.5 × (6.5 − 1.5) + 4 × 2): `curl | jq` and the note name jq
        QTest::newRow("jq, first payment") << 2 << QStringLiteral("jq") << 26.0 << 2;
        // warning 2 × (1 + 0 + 0.5 × 14): its section has no evidence, the page has
        QTest::newRow("HMAC, webhooks") << 3 << QStringLiteral("HMAC") << 16.0 << 0;
        // warning 2 × (1 + 4.75)
        QTest::newRow("placeholder, authentication") << 4 << QStringLiteral("<your-secret-key>") << 11.5 << 0;
        // warning 2 × (1 + 2.5)
        QTest::newRow("brew, getting started") << 5 << QStringLiteral("brew") << 7.0 << 0;
        // info 1 × (1 + 0.5 × 6.5)
        QTest::newRow("Simply, first payment") << 6 << QStringLiteral("Simply") << 4.25 << 0;
        // error on a generated page: 3 / 2, no evidence
        QTest::newRow("generated reference") << 7 << QStringLiteral("old.md") << 1.5 << 0;
    }
    void scores()
    {
        QFETCH(int, rank);
        QFETCH(QString, term);
        QFETCH(double, score);
        QFETCH(int, direct);
        QCOMPARE(m_ranked.size(), 7);
        const Flag &f = m_ranked.at(rank - 1);
        QCOMPARE(f.term, term);
        QVERIFY2(std::abs(f.score - score) < 1e-9, qPrintable(QStringLiteral("score %1, expected %2").arg(f.score).arg(score)));
        QCOMPARE(f.evidence.value(QStringLiteral("direct")).toInt(), direct);
    }

    void evidenceIsAttached()
    {
        const Flag &jq = m_ranked.at(1);
        const QJsonObject page = jq.evidence.value(QStringLiteral("page")).toObject();
        const QJsonObject section = jq.evidence.value(QStringLiteral("section")).toObject();
        QCOMPARE(page.value(QStringLiteral("failed_commands")).toInt(), 1);
        QCOMPARE(page.value(QStringLiteral("commands_not_found")).toInt(), 1);
        QCOMPARE(section.value(QStringLiteral("term_notes")).toInt(), 1);
        QCOMPARE(jq.evidence.value(QStringLiteral("weighted")).toDouble(), 12.0);
        const QJsonArray items = jq.evidence.value(QStringLiteral("direct_items")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("failed-command"));
        // A flag on a page nobody read has null page and section evidence.
        const Flag &generated = m_ranked.at(6);
        QVERIFY(generated.evidence.value(QStringLiteral("page")).isNull());
        QVERIFY(generated.evidence.value(QStringLiteral("section")).isNull());
    }

    void withoutEvidenceTheStaticOrderStays()
    {
        QList<Flag> flags = test::handFlags();
        const QList<Flag> ranked = rankFlags(flags, EvidenceReport{});
        // errors (3, then the generated 1.5), warnings (2) by path then line, info (1).
        QStringList order;
        for (const Flag &f : ranked)
            order << f.term;
        QCOMPARE(order, (QStringList{QStringLiteral("secrets.md"), QStringLiteral("<your-secret-key>"), QStringLiteral("jq"),
                                     QStringLiteral("brew"), QStringLiteral("HMAC"), QStringLiteral("old.md"),
                                     QStringLiteral("Simply")}));
    }

    void staticScore_data()
    {
        QTest::addColumn<int>("severity");
        QTest::addColumn<bool>("generated");
        QTest::addColumn<double>("given");
        QTest::addColumn<double>("expected");
        QTest::newRow("info") << int(Severity::Info) << false << 0.0 << 1.0;
        QTest::newRow("warning") << int(Severity::Warning) << false << 0.0 << 2.0;
        QTest::newRow("error") << int(Severity::Error) << false << 0.0 << 3.0;
        QTest::newRow("generated error") << int(Severity::Error) << true << 0.0 << 1.5;
        QTest::newRow("the rule's own score is kept") << int(Severity::Warning) << false << 7.25 << 7.25;
    }
    void staticScore()
    {
        QFETCH(int, severity);
        QFETCH(bool, generated);
        QFETCH(double, given);
        QFETCH(double, expected);
        Flag f;
        f.severity = Severity(severity);
        f.generated = generated;
        f.staticScore = given;
        f.path = QStringLiteral("a.md");
        const QList<Flag> ranked = rankFlags({f}, EvidenceReport{});
        QCOMPARE(ranked.first().staticScore, expected);
        QCOMPARE(ranked.first().score, expected); // no evidence: × (1 + 0)
    }

    void pathsAreNormalisedBeforeMatching()
    {
        EvidenceReport ev;
        PageEvidence p;
        p.page = QStringLiteral("docs/a.md");
        p.counts.weight = 3;
        ev.pages << p;
        Flag f;
        f.path = QStringLiteral("./docs/a.md");
        f.severity = Severity::Info;
        const QList<Flag> ranked = rankFlags({f}, ev);
        QCOMPARE(ranked.first().score, 1.0 * (1 + 0.5 * 3)); // no anchor: the whole page counts half
    }

    void directMatchIsWholeWord()
    {
        EvidenceReport ev;
        PageEvidence p;
        p.page = QStringLiteral("a.md");
        p.items = {{EvidenceItem::Kind::FailedCommand, 1, {}, QStringLiteral("jquery --version"), {}, 0, 127},
                   {EvidenceItem::Kind::Note, 1, {}, QStringLiteral("Where is $TOKEN from?"), {}, 0, 2},
                   {EvidenceItem::Kind::FailedTask, 1, {}, QStringLiteral("1.1 jq task"), {}, 0, 0}};
        ev.pages << p;
        Flag jq;
        jq.path = QStringLiteral("a.md");
        jq.term = QStringLiteral("jq");
        Flag token = jq;
        token.term = QStringLiteral("$TOKEN");
        const QList<Flag> ranked = rankFlags({jq, token}, ev);
        for (const Flag &f : ranked) {
            if (f.term == QLatin1String("jq"))
                QCOMPARE(f.evidence.value(QStringLiteral("direct")).toInt(), 0); // "jquery" is another word; tasks have no text of the tester's
            else
                QCOMPARE(f.evidence.value(QStringLiteral("direct")).toInt(), 1);
        }
    }

    void repeatsOfOneRuleOnOnePageCountLess()
    {
        EvidenceReport ev;
        PageEvidence p;
        p.page = QStringLiteral("a.md");
        p.counts.weight = 6;
        ev.pages << p;
        auto flag = [](const char *path, const char *rule, Severity severity, int line, const char *term) {
            Flag f;
            f.path = QString::fromLatin1(path);
            f.ruleId = QString::fromLatin1(rule);
            f.severity = severity;
            f.startLine = line;
            f.term = QString::fromLatin1(term);
            return f;
        };
        const QList<Flag> ranked = rankFlags({flag("b.md", "undefined-acronym", Severity::Warning, 1, "B"),
                                              flag("a.md", "undefined-acronym", Severity::Warning, 3, "Z"),
                                              flag("a.md", "placeholder", Severity::Info, 9, "P"),
                                              flag("a.md", "undefined-acronym", Severity::Warning, 1, "X"),
                                              flag("a.md", "undefined-acronym", Severity::Warning, 2, "Y")},
                                             ev);
        // a.md warnings 2 × (1 + 0.5 × 6) = 8, halved per repeat in line order:
        // X 8, Y 4, Z 2; the placeholder (another rule) 1 × 4 = 4 is not a
        // repeat and ranks beside Y (warning first); b.md 2 × 1 = 2 after Z by path.
        QStringList order;
        QList<double> scores;
        QList<int> repeats;
        for (const Flag &f : ranked) {
            order << f.term;
            scores << f.score;
            repeats << f.evidence.value(QStringLiteral("repeat")).toInt();
        }
        QCOMPARE(order, (QStringList{QStringLiteral("X"), QStringLiteral("Y"), QStringLiteral("P"), QStringLiteral("Z"),
                                     QStringLiteral("B")}));
        QCOMPARE(scores, (QList<double>{8, 4, 4, 2, 2}));
        QCOMPARE(repeats, (QList<int>{0, 1, 0, 2, 0}));
    }
};

QTEST_GUILESS_MAIN(TestFlagRanking)
#include "test_flag_ranking.moc"
