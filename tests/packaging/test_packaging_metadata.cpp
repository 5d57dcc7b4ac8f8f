// The files a desktop reads: the .desktop entry and the AppStream metainfo
// pass their validators (and broken copies do not: the validators really
// run), the metainfo names the version CMake builds, the icon renders at
// every size, and the man page covers the commands of `devzero --help`.

#include "tests/common/testsupport.h"
#include "tests/packaging/support_process.h"

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace devzero::test;

namespace {

const QString kAppId = QStringLiteral("io.devzerolab.DevZeroLab");

QString desktopFile()
{
    return sourceDir() + QStringLiteral("/packaging/") + kAppId + QStringLiteral(".desktop");
}
QString metainfoFile()
{
    return binaryDir() + QStringLiteral("/packaging/") + kAppId + QStringLiteral(".metainfo.xml");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString writeTemp(QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

} // namespace

class TestPackagingMetadata : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (const char *tool : {"desktop-file-validate", "appstreamcli", "gzip"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QFAIL(qPrintable(QStringLiteral("%1 is missing: run packaging/install-deps.sh").arg(QString::fromLatin1(tool))));
        }
        QVERIFY2(QFile::exists(metainfoFile()), qPrintable(metainfoFile()));
    }

    void desktopEntryValidates_data()
    {
        QTest::addColumn<QByteArray>("edit"); // "from|to" applied to the real file; empty: as shipped
        QTest::addColumn<bool>("valid");
        QTest::newRow("as shipped") << QByteArray() << true;
        QTest::newRow("no Name") << QByteArray("Name=Developer Zero Lab\n|") << false;
        QTest::newRow("unknown category") << QByteArray("Categories=Development;|Categories=Zzz;Development;") << false;
        QTest::newRow("bad Type") << QByteArray("Type=Application|Type=Program") << false;
    }

    void desktopEntryValidates()
    {
        QFETCH(QByteArray, edit);
        QFETCH(bool, valid);
        QByteArray content = readFile(desktopFile());
        QVERIFY(!content.isEmpty());
        if (!edit.isEmpty()) {
            const QList<QByteArray> parts = edit.split('|');
            QVERIFY(content.contains(parts.at(0)));
            content.replace(parts.at(0), parts.at(1));
        }
        QTemporaryDir dir;
        const QString path = writeTemp(dir, kAppId + QStringLiteral(".desktop"), content);
        const ToolRun run = runTool(QStringLiteral("desktop-file-validate"), {path});
        QVERIFY2((run.exitCode == 0 && run.out.trimmed().isEmpty()) == valid, qPrintable(run.describe()));
    }

    void metainfoValidates_data()
    {
        QTest::addColumn<QByteArray>("edit");
        QTest::addColumn<bool>("valid");
        QTest::newRow("as built") << QByteArray() << true;
        QTest::newRow("no summary") << QByteArray("<summary>Find the docs pages that stop new developers</summary>|") << false;
        QTest::newRow("bad release date") << QByteArray("date=\"|date=\"28.11.") << false;
    }

    void metainfoValidates()
    {
        QFETCH(QByteArray, edit);
        QFETCH(bool, valid);
        QByteArray content = readFile(metainfoFile());
        if (!edit.isEmpty()) {
            const QList<QByteArray> parts = edit.split('|');
            QVERIFY(content.contains(parts.at(0)));
            content.replace(parts.at(0), parts.at(1));
        }
        QTemporaryDir dir;
        const QString path = writeTemp(dir, kAppId + QStringLiteral(".metainfo.xml"), content);
        const ToolRun run = runTool(QStringLiteral("appstreamcli"), {QStringLiteral("validate"), QStringLiteral("--no-net"), path});
        QVERIFY2((run.exitCode == 0) == valid, qPrintable(run.describe()));
    }

    void metainfoNamesTheBuiltVersionAndScreenshots()
    {
        QXmlStreamReader xml(readFile(metainfoFile()));
        QString id, launchable, version, date;
        int screenshots = 0;
        bool releaseNotes = false;
        QStringList path;
        while (!xml.atEnd()) {
            const QXmlStreamReader::TokenType token = xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                path << xml.name().toString();
                const QString where = path.join(QLatin1Char('/'));
                if (where == QLatin1String("component/releases/release")) {
                    version = xml.attributes().value(QLatin1String("version")).toString();
                    date = xml.attributes().value(QLatin1String("date")).toString();
                } else if (where == QLatin1String("component/releases/release/description")) {
                    releaseNotes = true;
                } else if (where == QLatin1String("component/screenshots/screenshot")) {
                    ++screenshots;
                } else if (where == QLatin1String("component/id")) {
                    id = xml.readElementText();
                    path.removeLast();
                } else if (where == QLatin1String("component/launchable")) {
                    launchable = xml.readElementText();
                    path.removeLast();
                }
            } else if (token == QXmlStreamReader::EndElement) {
                path.removeLast();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(id, kAppId);
        QCOMPARE(launchable, kAppId + QStringLiteral(".desktop"));
        QCOMPARE(version, QStringLiteral(DEVZERO_VERSION));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$")).match(date).hasMatch());
        QVERIFY(releaseNotes);
        QVERIFY(screenshots >= 2);

        const ToolRun built = runTool(devzeroExecutable(), {QStringLiteral("--version")});
        QCOMPARE(built.out.trimmed(), QByteArray("devzero " DEVZERO_VERSION));
    }

    void iconRendersAtEverySize_data()
    {
        QTest::addColumn<int>("size");
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }

    void iconRendersAtEverySize()
    {
        QFETCH(int, size);
        QVERIFY(QSvgRenderer(sourceDir() + QStringLiteral("/resources/icons/devzero.svg")).isValid());
        const QImage image(binaryDir() + QStringLiteral("/packaging/icons/%1.png").arg(size));
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(size, size));
        QVERIFY(image.hasAlphaChannel());
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);                  // transparent corner
        QVERIFY(qAlpha(image.pixel(size / 2, size / 2 - size / 4)) > 0); // drawn middle
    }

    void manPageCoversTheHelp()
    {
        const ToolRun man = runTool(QStringLiteral("gzip"), {QStringLiteral("-dc"), binaryDir() + QStringLiteral("/packaging/devzero.1.gz")});
        QCOMPARE(man.exitCode, 0);
        QVERIFY(man.out.startsWith(".\\\"") || man.out.contains(".TH DEVZERO \"1\""));
        QVERIFY(man.out.contains(".TH DEVZERO \"1\""));
        QVERIFY(man.out.contains(DEVZERO_VERSION));
        QByteArray text = man.out; // roff escapes hyphens: "lint\-docs"
        text.replace("\\-", "-");
        const ToolRun help = runTool(devzeroExecutable(), {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        // Every command word the help lists at the start of a line is in the page.
        const QRegularExpression command(QStringLiteral("^  ([a-z][a-z-]+) "), QRegularExpression::MultilineOption);
        int checked = 0;
        for (const QRegularExpressionMatch &m : command.globalMatch(QString::fromUtf8(help.out))) {
            QVERIFY2(text.contains(m.captured(1).toUtf8()), qPrintable(m.captured(1)));
            ++checked;
        }
        QVERIFY(checked >= 8);
        QVERIFY(man.out.contains("DEVZERO_LAB"));
    }
};

QTEST_MAIN(TestPackagingMetadata)
#include "test_packaging_metadata.moc"
