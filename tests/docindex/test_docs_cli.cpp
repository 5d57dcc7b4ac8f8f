// `devzero docs ...` end to end: the real executable against a fixture
// repository, text and --json output, exit codes.

#include "tests/common/testsupport.h"
#include "tests/docindex/acmedocs.h"
#include "tests/docindex/fixturerepo.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonValue json() const { return QJsonDocument::fromJson(out.toUtf8()).isArray()
                                          ? QJsonValue(QJsonDocument::fromJson(out.toUtf8()).array())
                                          : QJsonValue(QJsonDocument::fromJson(out.toUtf8()).object()); }
};

} // namespace

class TestDocsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addListSearchShowResolve();
    void jsonOutput();
    void errorsAndExitCodes();
    void removeForgetsTheSource();

private:
    Run devzero(const QStringList &args);
    QTemporaryDir m_dir;
    std::unique_ptr<FixtureRepo> m_repo;
    AcmeDocs m_docs;
};

Run TestDocsCli::devzero(const QStringList &args)
{
    QProcess process;
    process.start(devzeroExecutable(), QStringList{QStringLiteral("--lab"), m_dir.filePath(QStringLiteral("lab.sqlite"))} + args);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestDocsCli::initTestCase()
{
    QVERIFY2(QFileInfo(devzeroExecutable()).isExecutable(), qPrintable(devzeroExecutable()));
    m_repo = std::make_unique<FixtureRepo>(m_dir.filePath(QStringLiteral("acme")));
    m_docs = buildAcmeDocs(*m_repo);
    QVERIFY(m_repo->ok());
    const Run added = devzero({QStringLiteral("docs"), QStringLiteral("add"), QStringLiteral("acme"), QStringLiteral("--repo"),
                               m_repo->path(), QStringLiteral("--subdir"), QStringLiteral("docs"),
                               QStringLiteral("--site-url"), QStringLiteral("https://docs.acme.dev/")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QVERIFY2(added.out.startsWith(QStringLiteral("acme: %1 pages at %2").arg(m_docs.pageCount).arg(m_docs.commits.last().left(10))),
             qPrintable(added.out));
    QVERIFY(added.err.contains(QStringLiteral("warning: docs/index.md:8: link '../../../etc/passwd' leads out")));
    // Not a terminal: progress comes as percentage lines, not carriage returns.
    QVERIFY(!added.err.contains(QLatin1Char('\r')));
    QVERIFY2(QFileInfo::exists(m_dir.filePath(QStringLiteral("lab.data/docs-index.sqlite"))), "index beside the lab");
}

void TestDocsCli::addListSearchShowResolve()
{
    const Run list = devzero({QStringLiteral("docs"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.startsWith(QStringLiteral("acme  %1 pages").arg(m_docs.pageCount)), qPrintable(list.out));

    const Run search = devzero({QStringLiteral("docs"), QStringLiteral("search"), QStringLiteral("rollout waves")});
    QCOMPARE(search.exitCode, 0);
    QVERIFY2(search.out.startsWith(QStringLiteral("1. acme:docs/guide/waves.md#rollout-waves")), qPrintable(search.out));

    const Run nothing = devzero({QStringLiteral("docs"), QStringLiteral("search"), QStringLiteral("zyzzyva")});
    QCOMPARE(nothing.exitCode, 0); // finding nothing is an answer
    QCOMPARE(nothing.out.trimmed(), QStringLiteral("no results for \"zyzzyva\""));

    const Run show = devzero({QStringLiteral("docs"), QStringLiteral("show"), QStringLiteral("docs/getting-started.md")});
    QCOMPARE(show.exitCode, 0);
    QVERIFY2(show.out.contains(QStringLiteral("#install-the-cli")), qPrintable(show.out));
    QVERIFY(show.out.contains(QStringLiteral("owners: @acme/docs")));
    QVERIFY(show.out.contains(QStringLiteral("Margaret Hamilton <margaret@example.com>")));
    QVERIFY(show.out.contains(QStringLiteral("acme login --token $ACME_TOKEN")));
    QVERIFY(show.out.contains(QStringLiteral("published at https://docs.acme.dev/getting-started/")));

    const Run resolve = devzero({QStringLiteral("docs"), QStringLiteral("resolve"),
                                 QStringLiteral("https://docs.acme.dev/en/stable/getting-started/#configure-1")});
    QCOMPARE(resolve.exitCode, 0);
    QVERIFY2(resolve.out.startsWith(QStringLiteral("acme:docs/getting-started.md#configure-1")), qPrintable(resolve.out));
}

void TestDocsCli::jsonOutput()
{
    const Run search = devzero({QStringLiteral("--json"), QStringLiteral("docs"), QStringLiteral("search"), QStringLiteral("waves"),
                                QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(search.exitCode, 0);
    const QJsonObject results = search.json().toObject();
    QCOMPARE(results.value(QStringLiteral("count")).toInt(), 1);
    const QJsonObject first = results.value(QStringLiteral("results")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("path")).toString(), QStringLiteral("docs/guide/waves.md"));
    QCOMPARE(first.value(QStringLiteral("anchor")).toString(), QStringLiteral("rollout-waves"));

    const Run show = devzero({QStringLiteral("docs"), QStringLiteral("show"), QStringLiteral("docs/index.md"), QStringLiteral("--json")});
    QCOMPARE(show.exitCode, 0);
    const QJsonObject page = show.json().toObject();
    QCOMPARE(page.value(QStringLiteral("path")).toString(), QStringLiteral("docs/index.md"));
    QCOMPARE(page.value(QStringLiteral("commit")).toString(), m_docs.commits.last());
    int broken = 0;
    for (const QJsonValue &link : page.value(QStringLiteral("links")).toArray())
        broken += link.toObject().value(QStringLiteral("broken")).toBool() ? 1 : 0;
    QCOMPARE(broken, 3); // missing page, missing anchor, the escape
    QCOMPARE(page.value(QStringLiteral("owners")).toArray().first().toString(), QStringLiteral("@acme/docs"));
    QCOMPARE(page.value(QStringLiteral("authors")).toArray().size(), 1);

    const Run resolve = devzero({QStringLiteral("--json"), QStringLiteral("docs"), QStringLiteral("resolve"),
                                 QStringLiteral("https://github.com/acme/platform/blob/main/docs/guide/waves.md#hooks")});
    QCOMPARE(resolve.exitCode, 0);
    const QJsonObject resolved = resolve.json().toObject();
    QCOMPARE(resolved.value(QStringLiteral("path")).toString(), QStringLiteral("docs/guide/waves.md"));
    QCOMPARE(resolved.value(QStringLiteral("anchor_found")).toBool(), true);

    const Run list = devzero({QStringLiteral("--json"), QStringLiteral("docs"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.json().toArray().first().toObject().value(QStringLiteral("pages")).toInt(), m_docs.pageCount);
}

void TestDocsCli::errorsAndExitCodes()
{
    const Run unknownPage = devzero({QStringLiteral("docs"), QStringLiteral("show"), QStringLiteral("docs/nope.md")});
    QCOMPARE(unknownPage.exitCode, 4);
    QVERIFY2(unknownPage.err.contains(QStringLiteral("no page 'docs/nope.md'")), qPrintable(unknownPage.err));

    const Run unknownUrl = devzero({QStringLiteral("docs"), QStringLiteral("resolve"), QStringLiteral("https://example.com/x/y/")});
    QCOMPARE(unknownUrl.exitCode, 4);

    const Run noRepo = devzero({QStringLiteral("docs"), QStringLiteral("add"), QStringLiteral("x")});
    QCOMPARE(noRepo.exitCode, 2);
    QVERIFY(noRepo.err.contains(QStringLiteral("--repo")));

    const Run notGit = devzero({QStringLiteral("docs"), QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--repo"),
                                m_dir.path()});
    QCOMPARE(notGit.exitCode, 1);
    QVERIFY2(notGit.err.contains(QStringLiteral("not a git repository")), qPrintable(notGit.err));

    const Run jsonError = devzero({QStringLiteral("--json"), QStringLiteral("docs"), QStringLiteral("update"), QStringLiteral("nope")});
    QCOMPARE(jsonError.exitCode, 4);
    QVERIFY(jsonError.json().toObject().value(QStringLiteral("error")).toString().contains(QStringLiteral("no docs source")));

    const Run badLimit = devzero({QStringLiteral("docs"), QStringLiteral("search"), QStringLiteral("x"), QStringLiteral("--limit"),
                                  QStringLiteral("many")});
    QCOMPARE(badLimit.exitCode, 2);
    const Run unknownSub = devzero({QStringLiteral("docs"), QStringLiteral("frobnicate")});
    QCOMPARE(unknownSub.exitCode, 2);
}

void TestDocsCli::removeForgetsTheSource()
{
    const Run add = devzero({QStringLiteral("docs"), QStringLiteral("add"), QStringLiteral("second"), QStringLiteral("--repo"),
                             m_repo->path(), QStringLiteral("--ref"), m_docs.commits.first()});
    QCOMPARE(add.exitCode, 0);
    const Run update = devzero({QStringLiteral("docs"), QStringLiteral("update"), QStringLiteral("second")});
    QCOMPARE(update.exitCode, 0);
    QVERIFY2(update.out.contains(QStringLiteral("already at")), qPrintable(update.out));
    const Run removed = devzero({QStringLiteral("docs"), QStringLiteral("remove"), QStringLiteral("second")});
    QCOMPARE(removed.exitCode, 0);
    const Run list = devzero({QStringLiteral("docs"), QStringLiteral("list")});
    QVERIFY(!list.out.contains(QStringLiteral("second")));
    QVERIFY(QFileInfo::exists(m_repo->path()));
}

QTEST_GUILESS_MAIN(TestDocsCli)
#include "test_docs_cli.moc"
