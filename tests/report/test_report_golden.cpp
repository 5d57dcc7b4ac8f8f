// Every renderer against its golden files (tests/fixtures/report/golden/)
// on the lab of support_reportlab.h, with the docs index (owners, last
// authors, terms) and the seven hand-written flags. The generation time is
// fixed by the options, session uuids and the version are normalised.
//
// To accept a deliberate change: DEVZERO_UPDATE_GOLDEN=1 ctest -R test_report_golden,
// then review the diff of tests/fixtures/report/golden/ before committing.
// A mismatch writes the actual output to <build>/report-golden-actual/.

#include "tests/report/support_reportlab.h"

#include "sessions/report/renderers.h"
#include "tests/common/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace devzero;
using namespace devzero::report;

class TestReportGolden : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::ReportLab m_lab;
    std::optional<ReportModel> m_model;

    QString normalised(const QByteArray &bytes) const
    {
        QString text = test::normaliseUuids(QString::fromUtf8(bytes), m_lab.uuids);
        text.replace(QStringLiteral("devzero ") + QStringLiteral(DEVZERO_VERSION), QStringLiteral("devzero VERSION"));
        return text;
    }

    // Compares with the golden file, or writes it in update mode.
    void compareGolden(const QString &name, const QString &actual)
    {
        const QString golden = test::fixturePath(QStringLiteral("report/golden/") + name);
        if (qEnvironmentVariable("DEVZERO_UPDATE_GOLDEN") == QLatin1String("1")) {
            QDir().mkpath(QFileInfo(golden).absolutePath());
            QFile out(golden);
            QVERIFY2(out.open(QIODevice::WriteOnly), qPrintable(golden));
            out.write(actual.toUtf8());
            qWarning("updated %s", qPrintable(golden));
            return;
        }
        QFile file(golden);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("missing golden file %1").arg(golden)));
        const QString expected = QString::fromUtf8(file.readAll());
        if (expected == actual)
            return;
        const QString actualDir = test::binaryDir() + QStringLiteral("/report-golden-actual");
        QDir().mkpath(actualDir + QLatin1Char('/') + QFileInfo(name).path());
        QFile out(actualDir + QLatin1Char('/') + name);
        if (out.open(QIODevice::WriteOnly))
            out.write(actual.toUtf8());
        const QStringList a = actual.split(QLatin1Char('\n'));
        const QStringList e = expected.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
            const QString al = a.value(i);
            const QString el = e.value(i);
            if (al != el)
                QFAIL(qPrintable(QStringLiteral("%1 differs at line %2:\n  expected: %3\n  actual:   %4\n(actual written to %5)")
                                     .arg(name)
                                     .arg(i + 1)
                                     .arg(el.left(300), al.left(300), out.fileName())));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString failed = test::buildReportLab(m_dir.path(), m_lab);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        Result<ReportModel> model = buildReportModel(*m_lab.lab, m_lab.docs.get(), test::handFlags(), test::fixedOptions());
        REQUIRE_OK(model);
        m_model = std::move(*model);
        QCOMPARE(m_model->docsSource, QStringLiteral("paylark"));
        QCOMPARE(m_model->docsCommit, m_lab.docsCommit);
    }

    void html()
    {
        compareGolden(QStringLiteral("report.html"), normalised(renderHtml(*m_model)));
    }

    void markdown()
    {
        compareGolden(QStringLiteral("report.md"), normalised(renderMarkdown(*m_model)));
    }

    void json()
    {
        const QByteArray bytes = renderJson(*m_model);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc.object().value(QStringLiteral("schema")).toString(), QStringLiteral("devzero.report/1"));
        // Compact: one line, ended by a newline like any text file.
        QCOMPARE(bytes.count('\n'), 1);
        QVERIFY(bytes.endsWith("}\n"));
        // Streamed piece by piece, yet the same document as reportJson().
        QCOMPARE(doc.object(), reportJson(*m_model));
        // Compared indented, so that a change reads as a diff.
        compareGolden(QStringLiteral("report.json"), normalised(doc.toJson(QJsonDocument::Indented)));
    }

    void csv_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *name : {"journeys.csv", "tasks.csv", "sessions.csv", "sus.csv", "themes.csv", "quotes.csv", "pages.csv",
                                 "sections.csv", "zero_result_searches.csv", "flags.csv", "timeline.csv"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void csv()
    {
        QFETCH(QString, file);
        const QList<CsvFile> files = renderCsv(*m_model);
        QCOMPARE(files.size(), 11);
        for (const CsvFile &f : files) {
            if (f.name != file)
                continue;
            // RFC 4180: every record ends with CRLF, and no bare LF outside quotes here.
            QVERIFY(f.content.endsWith("\r\n"));
            QVERIFY(!QString::fromUtf8(f.content).contains(QRegularExpression(QStringLiteral("[^\\r]\\n"))));
            compareGolden(QStringLiteral("csv/") + file, normalised(f.content));
            return;
        }
        QFAIL(qPrintable(QStringLiteral("no %1 among the CSV files").arg(file)));
    }

    void pdfText()
    {
        Result<QString> text = report::pdfText(*m_model);
        REQUIRE_OK(text);
        compareGolden(QStringLiteral("report.pdf.txt"), normalised(text->toUtf8()));
    }

    void pdfIsA4()
    {
        Result<QByteArray> pdf = renderPdf(*m_model);
        REQUIRE_OK(pdf);
        QVERIFY(pdf->startsWith("%PDF-1."));
        QVERIFY(pdf->trimmed().endsWith("%%EOF"));
        // A4 is 595.28 × 841.89 points.
        const QRegularExpression mediaBox(QStringLiteral("/MediaBox \\[0 0 (\\d+(?:\\.\\d+)?) (\\d+(?:\\.\\d+)?)\\]"));
        const QRegularExpressionMatch box = mediaBox.match(QString::fromLatin1(*pdf));
        QVERIFY2(box.hasMatch(), "no MediaBox in the PDF");
        QVERIFY(std::abs(box.captured(1).toDouble() - 595.28) < 1);
        QVERIFY(std::abs(box.captured(2).toDouble() - 841.89) < 1);
        const int pages = int(QString::fromLatin1(*pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page\\b"))));
        QVERIFY2(pages >= 3 && pages <= 12, qPrintable(QStringLiteral("%1 pages").arg(pages)));
        QVERIFY(pdf->contains("/FontFile2")); // fonts embedded: readable anywhere
    }

    void withoutDocsIndexTheReportSaysSo()
    {
        Result<ReportModel> model = buildReportModel(*m_lab.lab, nullptr, {}, test::fixedOptions());
        REQUIRE_OK(model);
        QVERIFY(model->docs.isEmpty());
        QCOMPARE(model->notices.size(), 1);
        const QString html = QString::fromUtf8(renderHtml(*model));
        QVERIFY(html.contains(QStringLiteral("No docs index was given")));
        QVERIFY(html.contains(QStringLiteral("No hidden-assumption flags were given")));
    }

    void unknownSourceIsAnError()
    {
        ReportOptions options = test::fixedOptions();
        options.docsSource = QStringLiteral("nope");
        Result<ReportModel> model = buildReportModel(*m_lab.lab, m_lab.docs.get(), {}, options);
        QVERIFY(!model);
        QCOMPARE(model.error().where, QStringLiteral("--source"));
    }

    void writeReportWritesFiles()
    {
        QTemporaryDir out;
        Result<QStringList> html = writeReport(*m_model, Format::Html, out.filePath(QStringLiteral("r.html")));
        REQUIRE_OK(html);
        QCOMPARE(*html, QStringList{out.filePath(QStringLiteral("r.html"))});
        Result<QStringList> csv = writeReport(*m_model, Format::Csv, out.filePath(QStringLiteral("tables")));
        REQUIRE_OK(csv);
        QCOMPARE(csv->size(), 11);
        QVERIFY(QFile::exists(out.filePath(QStringLiteral("tables/flags.csv"))));
        // Bad targets: a folder for one file, a file for the CSV folder, a folder that cannot exist.
        Result<QStringList> intoFolder = writeReport(*m_model, Format::Json, out.path());
        QVERIFY(!intoFolder);
        QVERIFY(intoFolder.error().message.contains(QStringLiteral("is a folder")));
        Result<QStringList> csvOnFile = writeReport(*m_model, Format::Csv, out.filePath(QStringLiteral("r.html")));
        QVERIFY(!csvOnFile);
        QVERIFY(csvOnFile.error().message.contains(QStringLiteral("not a folder")));
        Result<QStringList> nowhere = writeReport(*m_model, Format::Markdown, out.filePath(QStringLiteral("r.html/x.md")));
        QVERIFY(!nowhere);
        QCOMPARE(nowhere.error().where, out.filePath(QStringLiteral("r.html/x.md")));
    }

    void formatNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format");
        QTest::newRow("html") << QStringLiteral("html") << int(Format::Html);
        QTest::newRow("md") << QStringLiteral("md") << int(Format::Markdown);
        QTest::newRow("markdown") << QStringLiteral("Markdown") << int(Format::Markdown);
        QTest::newRow("pdf") << QStringLiteral("pdf") << int(Format::Pdf);
        QTest::newRow("csv") << QStringLiteral("csv") << int(Format::Csv);
        QTest::newRow("json") << QStringLiteral(" json ") << int(Format::Json);
        QTest::newRow("unknown") << QStringLiteral("docx") << -1;
    }
    void formatNames()
    {
        QFETCH(QString, name);
        QFETCH(int, format);
        const std::optional<Format> parsed = formatFromString(name);
        QCOMPARE(parsed ? int(*parsed) : -1, format);
    }
};

QTEST_MAIN(TestReportGolden)
#include "test_report_golden.moc"
