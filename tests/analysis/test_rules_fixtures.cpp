// Every rule on its fixture repository (tests/fixtures/rules/<rule>/): pages
// where it must fire and pages where it must stay silent. expected.json lists
// exactly the flags of that rule; any other flag of the rule, or a missing
// one, fails. The repositories are linted the way `devzero lint-docs` does.

#include "sessions/analysis/lintdocs.h"
#include "sessions/analysis/rules.h"
#include "tests/common/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace devzero;
using namespace devzero::analysis;

namespace {

QString key(const QString &path, int line, const QString &term)
{
    return QStringLiteral("%1:%2 %3").arg(path).arg(line).arg(term.toLower());
}

QJsonObject readExpected(const QString &folder)
{
    QFile file(folder + QStringLiteral("/expected.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestRulesFixtures : public QObject
{
    Q_OBJECT

private slots:
    void everyRuleHasFixtures()
    {
        for (const RuleInfo &rule : rules()) {
            const QString folder = test::fixturePath(QStringLiteral("rules/") + rule.id);
            const QJsonObject expected = readExpected(folder);
            QVERIFY2(!expected.isEmpty(), qPrintable(folder + QStringLiteral(": no expected.json")));
            QCOMPARE(expected.value(QStringLiteral("rule")).toString(), rule.id);
            QVERIFY2(!expected.value(QStringLiteral("flags")).toArray().isEmpty(), qPrintable(rule.id + QStringLiteral(": no must-fire case")));
            QVERIFY2(!expected.value(QStringLiteral("silent")).toArray().isEmpty(), qPrintable(rule.id + QStringLiteral(": no must-not-fire page")));
            QVERIFY(!rule.explanation.isEmpty());
        }
    }

    void fixture_data()
    {
        QTest::addColumn<QString>("ruleId");
        for (const RuleInfo &rule : rules())
            QTest::newRow(qPrintable(rule.id)) << rule.id;
    }

    void fixture()
    {
        QFETCH(QString, ruleId);
        const QString folder = test::fixturePath(QStringLiteral("rules/") + ruleId);
        const QJsonObject expected = readExpected(folder);
        QVERIFY(!expected.isEmpty());

        auto result = lintWorkingTree(folder);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QVERIFY(result->pageCount >= 2);

        QSet<QString> want;
        QHash<QString, int> wantEnd;
        for (const QJsonValue &v : expected.value(QStringLiteral("flags")).toArray()) {
            const QJsonObject o = v.toObject();
            const QString k = key(o.value(QStringLiteral("path")).toString(), o.value(QStringLiteral("line")).toInt(),
                                  o.value(QStringLiteral("term")).toString());
            want.insert(k);
            if (o.contains(QStringLiteral("end_line")))
                wantEnd.insert(k, o.value(QStringLiteral("end_line")).toInt());
        }
        QSet<QString> got;
        for (const Flag &flag : std::as_const(result->flags)) {
            if (flag.ruleId != ruleId)
                continue;
            const QString k = key(flag.path, flag.startLine, flag.term);
            got.insert(k);
            if (wantEnd.contains(k))
                QCOMPARE(flag.endLine, wantEnd.value(k));
            QCOMPARE(flag.explanation, findRule(ruleId)->explanation);
            QVERIFY(!flag.message.isEmpty());
            QVERIFY(!flag.excerpt.isEmpty());
        }
        const QSet<QString> missing = want - got;
        const QSet<QString> extra = got - want;
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("did not fire: ") + QStringList(missing.values()).join(QStringLiteral(", "))));
        QVERIFY2(extra.isEmpty(), qPrintable(QStringLiteral("fired wrongly: ") + QStringList(extra.values()).join(QStringLiteral(", "))));

        // The pages listed as silent really exist (so the test cannot pass on a typo).
        for (const QJsonValue &v : expected.value(QStringLiteral("silent")).toArray())
            QVERIFY2(QFile::exists(folder + QLatin1Char('/') + v.toString()), qPrintable(v.toString()));
    }
};

QTEST_GUILESS_MAIN(TestRulesFixtures)
#include "test_rules_fixtures.moc"
