// The first-start panel and the settings dialog: "Try the demo" creates the
// demo lab off the UI thread and hands its path back; the settings round-trip
// through QSettings and refuse host patterns that cannot match. Saves
// screenshots (build/screenshots/) for people to look at.

#include "sessions/store/labdatabase.h"
#include "sessions/store/sessionstore.h"
#include "tests/common/testsupport.h"
#include "ui/common/settingsdialog.h"
#include "ui/common/welcomepanel.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFrame>
#include <QLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QCheckBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::ui;

class TestWelcomePanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void save(QWidget *widget, const QString &name)
    {
        const QString path = test::screenshotDir() + QLatin1Char('/') + name;
        QVERIFY2(widget->grab().save(path), qPrintable(path));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("devzero-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_welcome_panel"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
    }

    void showsTheThreeRoles()
    {
        WelcomePanel panel;
        panel.resize(1000, 640);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        for (const char *role : {"roleTester", "rolePlatformTeam", "roleDocsOwner"}) {
            auto *card = panel.findChild<QFrame *>(QString::fromLatin1(role));
            QVERIFY2(card, role);
            QVERIFY(card->isVisible());
            // Text is not clipped: each card is tall enough for its wrapped labels.
            QVERIFY2(card->height() >= card->layout()->totalHeightForWidth(card->width()),
                     qPrintable(QStringLiteral("%1 < %2").arg(card->height()).arg(card->layout()->totalHeightForWidth(card->width()))));
        }
        auto *demo = panel.findChild<QPushButton *>(QStringLiteral("tryDemoButton"));
        QVERIFY(demo && demo->isEnabled() && demo->isVisible());
        QVERIFY(panel.demoLabPath().endsWith(QLatin1String("/demo-lab.sqlite")));
        save(&panel, QStringLiteral("welcome-panel.png"));

        panel.resize(720, 560);
        QApplication::processEvents();
        save(&panel, QStringLiteral("welcome-panel-narrow.png"));
        QVERIFY(panel.minimumSizeHint().width() <= 720);
    }

    void tryTheDemoFillsALab()
    {
        WelcomePanel panel;
        const QString lab = m_dir.filePath(QStringLiteral("demo/lab.sqlite"));
        panel.setDemoLabPath(lab);
        QSignalSpy ready(&panel, &WelcomePanel::demoLabReady);
        QSignalSpy failed(&panel, &WelcomePanel::demoLabFailed);
        auto *demo = panel.findChild<QPushButton *>(QStringLiteral("tryDemoButton"));
        panel.resize(1000, 640);
        panel.show();
        QTest::mouseClick(demo, Qt::LeftButton);
        QVERIFY(panel.isCreatingDemo());
        QVERIFY(!demo->isEnabled()); // no second run while the first one works
        save(&panel, QStringLiteral("welcome-panel-creating.png"));
        QVERIFY(ready.wait(60'000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(ready.first().first().toString(), lab);
        QVERIFY(demo->isEnabled());

        Result<std::unique_ptr<LabDatabase>> opened = LabDatabase::open(lab);
        QVERIFY(opened.ok());
        QCOMPARE(store::SessionStore(**opened).sessions().value().size(), 8);
        QVERIFY(!WelcomePanel::labIsEmpty(**opened));

        // Again: the demo lab is the app's own, so it is replaced, not refused.
        QTest::mouseClick(demo, Qt::LeftButton);
        QVERIFY(ready.wait(60'000));
        QCOMPARE(failed.count(), 0);
    }

    void aFailureIsShownInThePanel()
    {
        WelcomePanel panel;
        const QString notALab = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(notALab);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a lab");
        file.close();
        panel.setDemoLabPath(notALab);
        QSignalSpy failed(&panel, &WelcomePanel::demoLabFailed);
        panel.startDemo();
        QVERIFY(failed.wait(30'000));
        QVERIFY(failed.first().first().toString().contains(QLatin1String("not a lab")));
        auto *status = panel.findChild<QLabel *>(QStringLiteral("welcomeStatus"));
        QVERIFY(status->text().contains(QLatin1String("could not be created")));
    }

    void emptyLabIsEmpty()
    {
        Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(m_dir.filePath(QStringLiteral("empty.sqlite")));
        QVERIFY(lab.ok());
        QVERIFY(WelcomePanel::labIsEmpty(**lab));
    }

    void hostPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("usable");
        QTest::newRow("host") << QStringLiteral("wiki.example.internal") << true;
        QTest::newRow("wildcard") << QStringLiteral("*.corp.example.com") << true;
        QTest::newRow("host and port") << QStringLiteral("grafana.ops.example:3000") << true;
        QTest::newRow("ipv4") << QStringLiteral("10.0.3.7") << true;
        QTest::newRow("cidr") << QStringLiteral("172.16.0.0/12") << true;
        QTest::newRow("url") << QStringLiteral("https://wiki.example.internal/page") << false;
        QTest::newRow("bad cidr") << QStringLiteral("10.0.0.0/33") << false;
        QTest::newRow("space") << QStringLiteral("my host") << false;
        QTest::newRow("wildcard in the middle") << QStringLiteral("wiki.*.example") << false;
        QTest::newRow("bad octet") << QStringLiteral("300.1.1.1/8") << false;
    }

    void hostPatterns()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, usable);
        QCOMPARE(hostPatternProblem(pattern).isEmpty(), usable);
    }

    void settingsRoundTripThroughQSettings()
    {
        AppSettings defaults = AppSettings::load();
        QVERIFY(defaults.benchAlwaysOnTop);
        SettingsDialog dialog;
        dialog.findChild<QLineEdit *>(QStringLiteral("labPathEdit"))->setText(m_dir.filePath(QStringLiteral("team.sqlite")));
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("internalHostsEdit"))
            ->setPlainText(QStringLiteral("*.corp.example.com\n\n10.0.0.0/8\n"));
        dialog.findChild<QCheckBox *>(QStringLiteral("benchOnTopCheck"))->setChecked(false);
        QVERIFY(dialog.problem().isEmpty());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const AppSettings saved = AppSettings::load();
        QCOMPARE(saved.labPath, m_dir.filePath(QStringLiteral("team.sqlite")));
        QCOMPARE(saved.internalHosts, (QStringList{QStringLiteral("*.corp.example.com"), QStringLiteral("10.0.0.0/8")}));
        QCOMPARE(saved.benchAlwaysOnTop, false);
        SettingsDialog reopened;
        QCOMPARE(reopened.settings(), saved);
    }

    void badSettingsCannotBeSaved()
    {
        const AppSettings before = AppSettings::load();
        SettingsDialog dialog;
        dialog.resize(560, dialog.sizeHint().height());
        auto *hosts = dialog.findChild<QPlainTextEdit *>(QStringLiteral("internalHostsEdit"));
        hosts->setPlainText(QStringLiteral("*.corp.example.com\nhttps://wiki.example.internal/x"));
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog.problem().contains(QLatin1String("line 2")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        save(&dialog, QStringLiteral("settings-dialog-problem.png"));
        dialog.accept(); // refused: nothing saved
        QCOMPARE(AppSettings::load(), before);

        dialog.findChild<QLineEdit *>(QStringLiteral("labPathEdit"))->setText(m_dir.path());
        hosts->setPlainText(QStringLiteral("wiki.example.internal"));
        QVERIFY(dialog.problem().contains(QLatin1String("is a folder")));
        dialog.findChild<QLineEdit *>(QStringLiteral("labPathEdit"))->setText(m_dir.filePath(QStringLiteral("lab.sqlite")));
        QVERIFY(ok->isEnabled());
        QApplication::processEvents();
        save(&dialog, QStringLiteral("settings-dialog.png"));
    }
};

QTEST_MAIN(TestWelcomePanel)
#include "test_welcome_panel.moc"
