// Help > User Guide (F1): the README that packaging installs to
// share/doc/devzero is found from the program's folder, the checkout's
// README stands in for it in a build tree, and the action hands the file to
// the desktop (caught here by a URL handler instead of a real viewer).

#include "tests/common/testsupport.h"
#include "ui/common/mainwindow.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace devzero;
using namespace devzero::ui;

// Receives the URLs the app asks the desktop to open.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

class TestUserGuide : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString sourceReadme() { return QFileInfo(test::sourceDir() + QStringLiteral("/README.md")).canonicalFilePath(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("devzero-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_user_guide"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
        QVERIFY(!sourceReadme().isEmpty());
    }

    void findsTheGuide_data()
    {
        QTest::addColumn<bool>("installed");
        QTest::addColumn<bool>("installedIsFolder");
        QTest::newRow("installed copy first") << true << false;
        QTest::newRow("build tree: the checkout's") << false << false;
        QTest::newRow("a folder named README.md is no guide") << true << true;
    }

    void findsTheGuide()
    {
        QFETCH(bool, installed);
        QFETCH(bool, installedIsFolder);
        QTemporaryDir prefix(m_dir.filePath(QStringLiteral("prefix-XXXXXX")));
        QVERIFY(prefix.isValid());
        const QString bin = prefix.filePath(QStringLiteral("usr/bin"));
        QVERIFY(QDir().mkpath(bin));
        const QString doc = prefix.filePath(QStringLiteral("usr/share/doc/devzero"));
        const QString readme = doc + QStringLiteral("/README.md");
        if (installed && installedIsFolder) {
            QVERIFY(QDir().mkpath(readme));
        } else if (installed) {
            QVERIFY(QDir().mkpath(doc));
            QFile file(readme);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("# Developer Zero Lab\n");
        }
        const QString expected = installed && !installedIsFolder ? QFileInfo(readme).canonicalFilePath() : sourceReadme();
        QCOMPARE(MainWindow::userGuidePath(bin), expected);
    }

    void f1OpensTheGuide()
    {
        MainWindow window;
        QAction *guide = window.findChild<QAction *>(QStringLiteral("userGuideAction"));
        QVERIFY(guide);
        QCOMPARE(guide->shortcut(), QKeySequence(Qt::Key_F1));
        // It sits in the Help menu, beside About.
        QMenu *help = nullptr;
        for (QAction *menu : window.menuBar()->actions())
            if (menu->menu() && menu->menu()->actions().contains(guide))
                help = menu->menu();
        QVERIFY(help);
        QCOMPARE(help->title(), QStringLiteral("&Help"));
        bool hasAbout = false;
        for (QAction *action : help->actions())
            hasAbout = hasAbout || action->text().contains(QLatin1String("About"));
        QVERIFY(hasAbout);

        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
        guide->trigger();
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QCOMPARE(catcher.urls.size(), 1);
        QVERIFY(catcher.urls.first().isLocalFile());
        // The test runs from the build tree: nothing installed beside it.
        QCOMPARE(catcher.urls.first().toLocalFile(), sourceReadme());
    }
};

QTEST_MAIN(TestUserGuide)
#include "test_user_guide.moc"
