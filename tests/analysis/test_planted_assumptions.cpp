// The rules against the labelled set: the demo platform's docs with 60
// planted problems, 42 must-not-fire places and 4 clean pages
// (resources/demo/planted.json, conventions in resources/demo/README.md).
// A flag is a true positive when a planted item has the same rule and path
// and the flag's line equals the item's line (or falls in its span).

#include "sessions/analysis/lintdocs.h"
#include "sessions/analysis/rules.h"
#include "tests/common/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace devzero;
using namespace devzero::analysis;

namespace {

struct Item
{
    QString rule;
    QString path;
    int line = 0;
    int spanFirst = 0;
    int spanLast = 0;
    QString text;
    bool generated = false;

    bool matches(const Flag &flag) const
    {
        if (flag.ruleId != rule || flag.path != path)
            return false;
        if (spanFirst > 0)
            return flag.startLine >= spanFirst && flag.startLine <= spanLast;
        return flag.startLine == line;
    }
};

QList<Item> items(const QJsonArray &array)
{
    QList<Item> out;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        Item item{o.value(QStringLiteral("rule")).toString(), o.value(QStringLiteral("path")).toString(),
                  o.value(QStringLiteral("line")).toInt(), 0, 0, o.value(QStringLiteral("text")).toString(),
                  o.value(QStringLiteral("generated")).toBool()};
        const QJsonArray span = o.value(QStringLiteral("span")).toArray();
        if (span.size() == 2) {
            item.spanFirst = span[0].toInt();
            item.spanLast = span[1].toInt();
        }
        out << item;
    }
    return out;
}

} // namespace

class TestPlantedAssumptions : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_labels;
    QString m_root;
    QList<Flag> m_flags;

private slots:
    void initTestCase()
    {
        QFile file(test::sourceDir() + QStringLiteral("/resources/demo/planted.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error;
        m_labels = QJsonDocument::fromJson(file.readAll(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        m_root = test::sourceDir() + QLatin1Char('/') + m_labels.value(QStringLiteral("root")).toString();
        auto result = lintWorkingTree(m_root);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->pageCount, 13);
        m_flags = result->flags;
    }

    // The labels and the docs cannot drift apart: every labelled text is on its line.
    void labelsAreOnTheirLines()
    {
        int checked = 0;
        for (const char *list : {"planted", "must_not_fire"}) {
            for (const Item &item : items(m_labels.value(QLatin1String(list)).toArray())) {
                QFile page(m_root + QLatin1Char('/') + item.path);
                QVERIFY2(page.open(QIODevice::ReadOnly), qPrintable(item.path));
                const QStringList lines = QString::fromUtf8(page.readAll()).split(QLatin1Char('\n'));
                QVERIFY2(item.line >= 1 && item.line <= lines.size(), qPrintable(item.path));
                QVERIFY2(lines[item.line - 1].contains(item.text),
                         qPrintable(QStringLiteral("%1:%2 does not hold \"%3\"").arg(item.path).arg(item.line).arg(item.text)));
                QVERIFY(findRule(item.rule));
                ++checked;
            }
        }
        QCOMPARE(checked, 102);
    }

    void recallAndPrecision()
    {
        const QList<Item> planted = items(m_labels.value(QStringLiteral("planted")).toArray());
        QCOMPARE(planted.size(), 60);

        QHash<QString, int> plantedPerRule, foundPerRule, flagsPerRule, truePerRule;
        QSet<int> usedFlags;
        QStringList missed;
        for (const Item &item : planted) {
            ++plantedPerRule[item.rule];
            bool found = false;
            for (int i = 0; i < m_flags.size(); ++i) {
                if (item.matches(m_flags[i])) {
                    found = true;
                    usedFlags.insert(i);
                    // Generated items are reported, ranked below the same rule elsewhere.
                    QCOMPARE(m_flags[i].generated, item.generated);
                }
            }
            if (found)
                ++foundPerRule[item.rule];
            else
                missed << QStringLiteral("%1 %2:%3 \"%4\"").arg(item.rule, item.path).arg(item.line).arg(item.text);
        }
        QStringList wrong;
        for (int i = 0; i < m_flags.size(); ++i) {
            ++flagsPerRule[m_flags[i].ruleId];
            if (usedFlags.contains(i))
                ++truePerRule[m_flags[i].ruleId];
            else
                wrong << QStringLiteral("%1 %2:%3 %4").arg(m_flags[i].ruleId, m_flags[i].path).arg(m_flags[i].startLine).arg(m_flags[i].term);
        }

        int plantedTotal = 0, foundTotal = 0, trueTotal = 0;
        for (const RuleInfo &rule : rules()) {
            const int p = plantedPerRule.value(rule.id), f = foundPerRule.value(rule.id);
            const int n = flagsPerRule.value(rule.id), t = truePerRule.value(rule.id);
            qInfo().noquote() << QStringLiteral("%1 recall %2/%3 = %4  precision %5/%6 = %7")
                                     .arg(rule.id.leftJustified(24))
                                     .arg(f).arg(p).arg(p ? double(f) / p : 1.0, 0, 'f', 2)
                                     .arg(t).arg(n).arg(n ? double(t) / n : 1.0, 0, 'f', 2);
            plantedTotal += p;
            foundTotal += f;
            trueTotal += t;
        }
        const double recall = double(foundTotal) / plantedTotal;
        const double precision = m_flags.isEmpty() ? 0 : double(trueTotal) / m_flags.size();
        qInfo().noquote() << QStringLiteral("overall recall %1/%2 = %3  precision %4/%5 = %6")
                                 .arg(foundTotal).arg(plantedTotal).arg(recall, 0, 'f', 3)
                                 .arg(trueTotal).arg(m_flags.size()).arg(precision, 0, 'f', 3);
        for (const QString &m : std::as_const(missed))
            qInfo().noquote() << "missed:" << m;
        for (const QString &w : std::as_const(wrong))
            qInfo().noquote() << "not planted:" << w;
        QVERIFY2(recall >= 0.8, qPrintable(missed.join(QLatin1Char('\n'))));
        QVERIFY2(precision >= 0.8, qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    void mustNotFire()
    {
        const QList<Item> quiet = items(m_labels.value(QStringLiteral("must_not_fire")).toArray());
        QCOMPARE(quiet.size(), 42);
        for (const Item &item : quiet)
            for (const Flag &flag : std::as_const(m_flags))
                QVERIFY2(!(flag.ruleId == item.rule && flag.path == item.path && flag.startLine == item.line),
                         qPrintable(QStringLiteral("%1 fired at %2:%3 (\"%4\")").arg(item.rule, item.path).arg(item.line).arg(item.text)));
    }

    void cleanPagesStayClean()
    {
        const QJsonArray clean = m_labels.value(QStringLiteral("clean")).toArray();
        QCOMPARE(clean.size(), 4);
        for (const QJsonValue &page : clean)
            for (const Flag &flag : std::as_const(m_flags))
                QVERIFY2(flag.path != page.toString(),
                         qPrintable(QStringLiteral("%1 on clean page %2:%3").arg(flag.ruleId, flag.path).arg(flag.startLine)));
    }

    // A generated item ranks below every flag of the same rule on a normal page.
    void generatedRankLower()
    {
        for (const Flag &g : std::as_const(m_flags)) {
            if (!g.generated)
                continue;
            for (const Flag &f : std::as_const(m_flags))
                if (!f.generated && f.ruleId == g.ruleId)
                    QVERIFY2(f.staticScore > g.staticScore, qPrintable(g.ruleId));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlantedAssumptions)
#include "test_planted_assumptions.moc"
