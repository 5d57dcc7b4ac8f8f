// Issue 4's "done when": a whole session through the bench against the real
// Argo CD docs (../shared/corpora/argo-cd-docs.bundle) with the project's
// Argo CD onboarding plan, a real bash with the shell hook running beside
// it, and then the record that `devzero session show ID --json` prints must
// hold the tasks, outcomes, notes with their pages, lookups with dwell
// times, searches (one without results), the shell commands, SEQ and SUS.
// Only structural facts of the corpus are used (a search finds pages, a page
// links to another, a page has a site address), never one exact wording.
// Without the corpus the suite skips, and fails when CI is set.

#include "sessions/capture/clock.h"
#include "sessions/docindex/docindex.h"
#include "tests/cli/support_interactivebash.h"
#include "tests/ui/test_bench_support.h"
#include "ui/bench/benchsession.h"
#include "ui/bench/benchwindow.h"
#include "ui/bench/docspanel.h"
#include "ui/bench/enterlineedit.h"
#include "ui/bench/labpaths.h"
#include "ui/bench/notebar.h"
#include "ui/bench/pageview.h"
#include "ui/bench/searchresultmodel.h"
#include "ui/bench/seqquestion.h"
#include "ui/bench/startwizard.h"
#include "ui/bench/susquestionnaire.h"
#include "ui/bench/thankyoupage.h"
#include "ui/bench/wizarddocspage.h"
#include "ui/bench/wizardenvironmentpage.h"
#include "ui/bench/wizardparticipantpage.h"
#include "ui/bench/wizardplanpage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>

using namespace devzero;
using namespace devzero::ui;

namespace {

const QString kSource = QStringLiteral("argo-cd");

QPointer<QWidget> g_window;

void key(int k, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    if (g_window && QApplication::activeWindow() != g_window) {
        g_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(g_window));
    }
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : g_window.data();
    QTest::keyClick(target, Qt::Key(k), mods);
}

void type(const QString &text)
{
    QTest::keyClicks(QApplication::focusWidget(), text);
}

void press(QWizard &wizard, QWizard::WizardButton which)
{
    QAbstractButton *button = wizard.button(which);
    QVERIFY(button->isVisible() && button->isEnabled());
    button->setFocus(Qt::TabFocusReason);
    QTest::keyClick(button, Qt::Key_Space);
}

bool focusLink(PageView *view, const QString &href)
{
    view->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < 400; ++i) {
        QTest::keyClick(view, Qt::Key_Tab);
        if (view->textCursor().charFormat().anchorHref() == href)
            return true;
    }
    return false;
}

// A link of `page` to another page of the docs that the index resolved,
// written plainly enough that the rendered href is the same text.
std::optional<docindex::PageLink> followableLink(const docindex::PageInfo &page)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./-]+\\.md(#[A-Za-z0-9_-]+)?$"));
    for (const docindex::PageLink &link : page.links) {
        if (link.kind == QLatin1String("relative") && link.status == docindex::PageLink::Status::Ok && !link.image
            && link.path != page.path && link.path.endsWith(QLatin1String(".md")) && plain.match(link.target).hasMatch())
            return link;
    }
    return std::nullopt;
}

// A token-shaped value made at run time (never a literal in the sources).
QString secretLike()
{
    QString s;
    for (int i = 0; i < 28; ++i)
        s += QLatin1Char("abcdefghijkmnpqrstuvwxyz23456789"[QRandomGenerator::global()->bounded(32)]);
    return s + QLatin1Char('7');
}

QString cloneBundle(const QString &bundle, const QString &destination)
{
    QProcess git;
    git.start(QStringLiteral("git"), {QStringLiteral("clone"), QStringLiteral("--bare"), QStringLiteral("-q"), bundle, destination});
    if (!git.waitForFinished(120000) || git.exitCode() != 0)
        return QStringLiteral("git clone %1 failed: %2").arg(bundle, QString::fromUtf8(git.readAllStandardError()));
    return {};
}

QStringList strings(const QJsonArray &array, const QString &key)
{
    QStringList values;
    for (const QJsonValue &v : array)
        values << v.toObject().value(key).toVariant().toString();
    return values;
}

} // namespace

class TestBenchArgoCd : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_repo;
    QString m_labPath;
    QString m_home;
    qint64 m_sessionId = 0;

private slots:
    void initTestCase()
    {
        DEVZERO_REQUIRE_CORPUS(bundle, "argo-cd-docs.bundle");
        QVERIFY(m_dir.isValid());
        m_repo = m_dir.filePath(QStringLiteral("argo-cd.git"));
        const QString error = cloneBundle(bundle, m_repo);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_labPath = m_dir.filePath(QStringLiteral("argo-lab.sqlite"));
        m_home = m_dir.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(m_home));
        QVERIFY(QFileInfo::exists(planPath()));
        if (test::InteractiveBash::bashPath().isEmpty())
            QFAIL("bash is needed to capture the tester's shell commands");
    }

    // The wizard: the project's Argo CD plan, the corpus added and indexed,
    // a participant with consent, the environment snapshot.
    void wizardStartsTheSession()
    {
        StartWizard wizard(m_labPath);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        g_window = &wizard;
        press(wizard, QWizard::NextButton);
        QCOMPARE(wizard.currentId(), int(StartWizard::PlanPage));
        wizard.planPage()->fileEdit()->setFocus();
        type(planPath());
        key(Qt::Key_Return);
        QVERIFY(wizard.planPage()->isComplete());
        press(wizard, QWizard::NextButton);

        WizardDocsPage *docs = wizard.docsPage();
        QTRY_VERIFY(docs->isComplete());
        docs->repoEdit()->setFocus();
        type(m_repo);
        QCOMPARE(docs->nameEdit()->text(), kSource);
        docs->subdirEdit()->setText(QStringLiteral("docs"));
        docs->siteEdit()->setText(QStringLiteral("https://argo-cd.readthedocs.io/en/stable/"));
        docs->repoEdit()->setFocus();
        key(Qt::Key_Return);
        QVERIFY(docs->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!docs->isBusy() && docs->sourceList()->count() == 2, 60000);
        const QRegularExpressionMatch added =
            QRegularExpression(QStringLiteral("^Added argo-cd: (\\d+) pages indexed\\.$")).match(docs->statusLabel()->text());
        QVERIFY2(added.hasMatch(), qPrintable(docs->statusLabel()->text()));
        QVERIFY(added.captured(1).toInt() > 100);
        QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-argocd-wizard-docs")));
        press(wizard, QWizard::NextButton);

        WizardParticipantPage *participant = wizard.participantPage();
        participant->pseudonymEdit()->setFocus();
        type(QStringLiteral("dz-argo-1"));
        participant->consentBox()->setFocus();
        key(Qt::Key_Space);
        press(wizard, QWizard::NextButton);
        QCOMPARE(wizard.currentId(), int(StartWizard::EnvironmentPage));
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.environmentPage()->isTaking(), 30000);
        QVERIFY(test::saveBenchScreenshot(&wizard, QStringLiteral("bench-argocd-wizard-environment")));
        press(wizard, QWizard::FinishButton);
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        m_sessionId = wizard.sessionId();
        QVERIFY(m_sessionId > 0);
    }

    void benchRecordsTheSession();

private:
    static QString planPath() { return test::sourceDir() + QStringLiteral("/resources/plans/argo-cd-onboarding.md"); }
    int recordedCommands();
};

// Read through the command line, as any other process would: a second
// LabDatabase in this process would release the bench's file locks (see
// LabDatabase::open's header check) and let the hook's processes delete the
// WAL under the bench.
int TestBenchArgoCd::recordedCommands()
{
    QProcess show;
    show.setProcessEnvironment(test::hookShellEnvironment(m_home, QString()));
    show.start(test::devzeroExecutable(), {QStringLiteral("--lab"), m_labPath, QStringLiteral("session"), QStringLiteral("show"),
                                           QString::number(m_sessionId), QStringLiteral("--json")});
    if (!show.waitForFinished(30000) || show.exitCode() != 0)
        return -1;
    return int(QJsonDocument::fromJson(show.readAllStandardOutput()).object().value(QStringLiteral("commands")).toArray().size());
}

void TestBenchArgoCd::benchRecordsTheSession()
{
    QVERIFY2(m_sessionId > 0, "the wizard step must run first");
    QString error;
    std::unique_ptr<BenchSession> session = BenchSession::open(m_labPath, m_sessionId, false, capture::systemClock(), &error);
    QVERIFY2(session, qPrintable(error));
    BenchWindow bench(std::move(session), kSource);
    QList<QUrl> opened;
    bench.docsPanel()->setUrlOpener([&opened](const QUrl &url) {
        opened << url;
        return true;
    });
    bench.noteBar()->setScreenGrabber([&bench] { return bench.grab().toImage(); });
    bench.setConfirm([](const QString &) { return true; });
    bench.show();
    QVERIFY(QTest::qWaitForWindowActive(&bench));
    g_window = &bench;
    DocsPanel *docs = bench.docsPanel();

    // The test's own reader of the index: which result has a link to follow,
    // and where a page is published.
    auto index = docindex::DocIndex::open(docsIndexPath(m_labPath), docsClonesDir(m_labPath));
    QVERIFY(index.ok());

    // The tester's terminal, with the hook in its rc file.
    const QString binDir = QFileInfo(test::devzeroExecutable()).absolutePath();
    test::InteractiveBash shell(m_home, test::hookShellEnvironment(m_home, binDir),
                                QStringLiteral("eval \"$(devzero --lab %1 shell-hook bash)\"\n").arg(test::shellQuoted(m_labPath)).toUtf8());
    QVERIFY2(shell.start(m_home, &error), qPrintable(error));
    int commands = 0;
    const auto run = [&](const QString &line) {
        if (!shell.type(line))
            return false;
        ++commands;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000) {
            if (recordedCommands() >= commands)
                return true;
            QTest::qWait(100);
        }
        qWarning().noquote() << "shell:\n" << shell.transcript();
        return false;
    };

    // Task 1.1: a search, a result with a link in it, read a while.
    key(Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(bench.session()->openAttempt().has_value());
    key(Qt::Key_F, Qt::ControlModifier);
    type(QStringLiteral("install"));
    QTRY_VERIFY_WITH_TIMEOUT(docs->resultModel()->rowCount() > 0 && !docs->isWaiting(), 20000);
    const int installResults = docs->resultModel()->rowCount();
    QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-argocd-1-search")));
    int row = -1;
    std::optional<docindex::PageLink> link;
    for (int i = 0; i < installResults && !link; ++i) {
        auto page = (*index)->page(docs->resultModel()->result(i).path, kSource);
        QVERIFY(page.ok());
        if ((link = followableLink(*page)))
            row = i;
    }
    QVERIFY2(link, "no search result links to another page");
    key(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), docs->resultList());
    for (int i = 0; i < row; ++i)
        key(Qt::Key_Down);
    key(Qt::Key_Return);
    const QString firstPage = docs->resultModel()->result(row).path;
    QTRY_COMPARE_WITH_TIMEOUT(docs->currentPage(), firstPage, 20000);
    QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-argocd-2-page")));
    QTest::qWait(300); // dwell

    // The tester's terminal, while the page is open.
    const QString secret = secretLike();
    QVERIFY(run(QStringLiteral("ls /nonexistent-argocd-install")));
    QVERIFY(run(QStringLiteral("export ARGOCD_AUTH_TOKEN=") + secret));
    QVERIFY(run(QStringLiteral("echo installing argo cd | tr a-z A-Z")));

    // A note on the page being read.
    key(Qt::Key_F2);
    type(QStringLiteral("Which cluster does this page expect me to have already?"));
    key(Qt::Key_3, Qt::AltModifier);
    key(Qt::Key_P, Qt::AltModifier);
    key(Qt::Key_Return);
    QTRY_VERIFY(bench.noteBar()->line()->text().isEmpty());

    // Follow the link.
    QVERIFY(focusLink(docs->pageView(), link->target));
    key(Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(docs->currentPage(), link->path, 20000);
    QTest::qWait(300);

    // A search that finds nothing, settled with Enter.
    key(Qt::Key_F, Qt::ControlModifier);
    type(QStringLiteral("zqxwv kubeflux"));
    QTRY_VERIFY_WITH_TIMEOUT(!docs->isWaiting() && docs->findChild<QLabel *>(QStringLiteral("docsResultsLabel"))->text().startsWith(QStringLiteral("No results")), 20000);
    key(Qt::Key_Return);
    QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-argocd-3-no-results")));

    // A page read in the browser: its published address.
    auto first = (*index)->page(firstPage, kSource);
    QVERIFY(first.ok() && !first->siteUrl.isEmpty());
    key(Qt::Key_L, Qt::ControlModifier);
    type(first->siteUrl);
    key(Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(docs->currentPage(), firstPage, 20000);
    QTest::qWait(300);
    key(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(bench.pages()->currentWidget(), bench.seq());
    key(Qt::Key_5);
    key(Qt::Key_Return);

    // Task 1.2: a note with a screenshot, then it fails.
    key(Qt::Key_Return, Qt::ControlModifier);
    key(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    type(QStringLiteral("The download link names no version for my machine"));
    key(Qt::Key_2, Qt::AltModifier);
    key(Qt::Key_U, Qt::AltModifier);
    key(Qt::Key_S, Qt::AltModifier);
    key(Qt::Key_Return);
    QTRY_VERIFY(!bench.noteBar()->isSaving() && bench.noteBar()->line()->text().isEmpty());
    key(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(bench.pages()->currentWidget(), bench.seq());
    key(Qt::Key_3);
    key(Qt::Key_Return);

    // The tester stops here: the closing questions, then the thank-you.
    key(Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(bench.pages()->currentWidget(), bench.sus());
    const QList<int> susAnswers = {3, 3, 4, 2, 4, 2, 3, 2, 4, 3};
    for (int answer : susAnswers)
        key(Qt::Key_0 + answer);
    key(Qt::Key_Return);
    QCOMPARE(bench.pages()->currentWidget(), bench.thankYou());
    QVERIFY2(!bench.session()->isOpen(), qPrintable(bench.statusBar()->currentMessage()));
    QVERIFY2(bench.thankYou()->text().contains(QStringLiteral("shell commands: <b>3</b>")), qPrintable(bench.thankYou()->text()));
    QVERIFY(test::saveBenchScreenshot(&bench, QStringLiteral("bench-argocd-4-thank-you")));
    QVERIFY2(shell.exit(), qPrintable(shell.transcript()));

    // The record, as the command line prints it.
    QProcess show;
    show.setProcessEnvironment(test::hookShellEnvironment(m_home, QString()));
    show.start(test::devzeroExecutable(), {QStringLiteral("--lab"), m_labPath, QStringLiteral("session"), QStringLiteral("show"),
                                           QString::number(m_sessionId), QStringLiteral("--json")});
    QVERIFY(show.waitForFinished(30000));
    QCOMPARE(show.exitCode(), 0);
    const QByteArray out = show.readAllStandardOutput();
    QVERIFY2(!out.contains(secret.toUtf8()), "the secret reached the record");
    const QJsonObject record = QJsonDocument::fromJson(out).object();
    QCOMPARE(record.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));

    const QJsonArray tasks = record.value(QStringLiteral("tasks")).toArray();
    QCOMPARE(strings(tasks, QStringLiteral("number")), (QStringList{QStringLiteral("1.1"), QStringLiteral("1.2")}));
    QCOMPARE(strings(tasks, QStringLiteral("outcome")), (QStringList{QStringLiteral("success"), QStringLiteral("failure")}));
    QCOMPARE(strings(tasks, QStringLiteral("seq")), (QStringList{QStringLiteral("5"), QStringLiteral("3")}));
    for (const QJsonValue &t : tasks)
        QVERIFY(t.toObject().value(QStringLiteral("active_ms")).toInteger() > 0);

    const QJsonArray notes = record.value(QStringLiteral("notes")).toArray();
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes.at(0).toObject().value(QStringLiteral("page")).toString(), firstPage);
    QCOMPARE(notes.at(0).toObject().value(QStringLiteral("category")).toString(), QStringLiteral("missing-prerequisite"));
    QCOMPARE(notes.at(1).toObject().value(QStringLiteral("page")).toString(), firstPage);
    QVERIFY(notes.at(1).toObject().value(QStringLiteral("screenshot_bytes")).toInt() > 0);

    const QJsonArray lookups = record.value(QStringLiteral("lookups")).toArray();
    QCOMPARE(strings(lookups, QStringLiteral("how")), (QStringList{QStringLiteral("search"), QStringLiteral("link"), QStringLiteral("url")}));
    QCOMPARE(strings(lookups, QStringLiteral("page")), (QStringList{firstPage, link->path, firstPage}));
    for (const QJsonValue &l : lookups)
        QVERIFY2(l.toObject().value(QStringLiteral("dwell_ms")).toInteger() >= 250, QJsonDocument(l.toObject()).toJson().constData());

    const QJsonArray searches = record.value(QStringLiteral("searches")).toArray();
    QCOMPARE(strings(searches, QStringLiteral("query")), (QStringList{QStringLiteral("install"), QStringLiteral("zqxwv kubeflux")}));
    QCOMPARE(searches.at(0).toObject().value(QStringLiteral("result_count")).toInt(), installResults);
    QCOMPARE(searches.at(0).toObject().value(QStringLiteral("clicked_page")).toString(), firstPage);
    QCOMPARE(searches.at(1).toObject().value(QStringLiteral("result_count")).toInt(), 0);

    const QJsonArray shellCommands = record.value(QStringLiteral("commands")).toArray();
    QCOMPARE(shellCommands.size(), 3);
    QCOMPARE(shellCommands.at(0).toObject().value(QStringLiteral("exit_status")).toInt(), 2);
    QVERIFY(shellCommands.at(1).toObject().value(QStringLiteral("command")).toString().startsWith(QStringLiteral("export ARGOCD_AUTH_TOKEN=[REDACTED")));
    QCOMPARE(shellCommands.at(2).toObject().value(QStringLiteral("command")).toString(), QStringLiteral("echo installing argo cd | tr a-z A-Z"));
    for (const QJsonValue &c : shellCommands)
        QVERIFY(c.toObject().contains(QStringLiteral("attempt_id")));

    QList<int> sus;
    for (const QJsonValue &v : record.value(QStringLiteral("sus")).toArray())
        sus << v.toInt();
    QCOMPARE(sus, susAnswers);
    QVERIFY(strings(record.value(QStringLiteral("events")).toArray(), QStringLiteral("kind")).contains(QStringLiteral("search_empty")));
}

QTEST_MAIN(TestBenchArgoCd)
#include "test_bench_argocd.moc"
