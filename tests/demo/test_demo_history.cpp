// The demo repository's history replays into trees whose last one is the
// docs folder byte for byte, and a history that drifted from the docs is
// refused with an error naming the commit.

#include "sessions/demo/demohistory.h"
#include "tests/common/testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::demo;

class TestDemoHistory : public QObject
{
    Q_OBJECT

private:
    QString demoDir() const { return test::sourceDir() + QStringLiteral("/resources/demo"); }
    QByteArray historyJson() const
    {
        QFile file(demoDir() + QStringLiteral("/history.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void lastTreeIsTheDocsFolder()
    {
        Result<DemoHistory> history = replayHistory(historyJson(), demoDir() + QStringLiteral("/docs-repo"));
        QVERIFY2(history.ok(), qPrintable(history.ok() ? QString() : history.error().toString()));
        QCOMPARE(history->branch, QStringLiteral("main"));
        QCOMPARE(history->commits.size(), 5);

        QMap<QString, QByteArray> onDisk;
        const QString root = demoDir() + QStringLiteral("/docs-repo");
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            onDisk.insert(path.mid(root.size() + 1), file.readAll());
        }
        const QMap<QString, QByteArray> &last = history->commits.last().tree;
        QCOMPARE(last.keys(), onDisk.keys());
        for (auto f = onDisk.cbegin(); f != onDisk.cend(); ++f)
            QVERIFY2(last.value(f.key()) == f.value(), qPrintable(f.key()));
    }

    void historyShowsTheRenameAndTheTypo()
    {
        Result<DemoHistory> history = replayHistory(historyJson(), demoDir() + QStringLiteral("/docs-repo"));
        QVERIFY(history.ok());
        const QList<DemoCommit> &c = history->commits;
        QVERIFY(c.at(0).tree.contains(QStringLiteral("docs/first-charge.md")));
        QVERIFY(!c.at(0).tree.contains(QStringLiteral("docs/webhooks.md")));
        QVERIFY(c.at(1).tree.value(QStringLiteral("docs/webhooks.md")).contains("Paylark-Signture"));
        QVERIFY(!c.at(2).tree.contains(QStringLiteral("docs/first-charge.md")));
        QVERIFY(c.at(2).tree.contains(QStringLiteral("docs/first-payment.md")));
        QVERIFY(!c.at(3).tree.value(QStringLiteral("docs/webhooks.md")).contains("Paylark-Signture"));
        for (int i = 1; i < c.size(); ++i)
            QVERIFY(c.at(i - 1).author.when < c.at(i).author.when);
        QCOMPARE(c.at(0).author.when.offsetFromUtc(), 3600);
        QCOMPARE(c.at(2).author.when.offsetFromUtc(), 7200);
    }

    void badHistoryIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("where");

        const QByteArray author = R"("author": {"name": "A", "email": "a@x.example"})";
        const auto commit = [&](const QByteArray &date, const QByteArray &rest) -> QByteArray {
            return QByteArray("{") + author + ", \"date\": \"" + date + "\", \"message\": \"m\\n\", " + rest + "}";
        };
        const auto history = [](const QByteArray &commits) -> QByteArray {
            return QByteArray(R"({"version": 1, "branch": "main", "commits": [)") + commits + "]}";
        };
        QTest::newRow("not json") << QByteArray("{\"version\": 1,") << QStringLiteral("history is not JSON")
                                  << QStringLiteral("history.json");
        QTest::newRow("version 2") << QByteArray(R"({"version": 2, "commits": []})")
                                   << QStringLiteral("unsupported history version") << QStringLiteral("history.json");
        QTest::newRow("no commits") << history("") << QStringLiteral("history has no commits") << QStringLiteral("history.json");
        QTest::newRow("missing file")
            << history(commit("2024-01-01T10:00:00+01:00", R"("files": ["docs/nope.md"])"))
            << QStringLiteral("no file \"docs/nope.md\" in the demo docs") << QStringLiteral("history.json: commit 1");
        QTest::newRow("drifted replace")
            << history(commit("2024-01-01T10:00:00+01:00",
                              R"("files": ["mkdocs.yml"], "replace": [{"path": "mkdocs.yml", "from": "no such text", "to": "x"}])"))
            << QStringLiteral("text not found (history and docs drifted apart)") << QStringLiteral("history.json: commit 1");
        QTest::newRow("replace of an unwritten file")
            << history(commit("2024-01-01T10:00:00+01:00",
                              R"("files": ["mkdocs.yml"], "replace": [{"path": "CODEOWNERS", "from": "*", "to": "x"}])"))
            << QStringLiteral("which this commit does not write") << QStringLiteral("history.json: commit 1");
        QTest::newRow("remove absent")
            << history(commit("2024-01-01T10:00:00+01:00", R"("files": ["mkdocs.yml"], "remove": ["docs/gone.md"])"))
            << QStringLiteral("cannot remove \"docs/gone.md\"") << QStringLiteral("history.json: commit 1");
        QTest::newRow("dates go back")
            << history(commit("2024-01-02T10:00:00+01:00", R"("files": ["mkdocs.yml"])") + ","
                       + commit("2024-01-01T10:00:00+01:00", R"("files": ["CODEOWNERS"])"))
            << QStringLiteral("dates must strictly increase") << QStringLiteral("history.json: commit 2");
        QTest::newRow("bad date")
            << history(commit("last tuesday", R"("files": ["mkdocs.yml"])"))
            << QStringLiteral("the date is not ISO 8601") << QStringLiteral("history.json: commit 1");
    }

    void badHistoryIsRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QFETCH(QString, where);
        Result<DemoHistory> history = replayHistory(json, demoDir() + QStringLiteral("/docs-repo"));
        QVERIFY(!history.ok());
        QVERIFY2(history.error().message.contains(message), qPrintable(history.error().toString()));
        QCOMPARE(history.error().where, where);
    }
};

QTEST_GUILESS_MAIN(TestDemoHistory)
#include "test_demo_history.moc"
