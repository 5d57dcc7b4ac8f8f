// The docs page as the bench shows it (ui/bench/pagerenderer, pageview):
// cmark's safe mode drops raw HTML and dangerous links, front matter is not
// shown, headings carry their section's anchor, and only images that are
// files of the repository are loaded (never the network, never outside the
// repository). The page view itself loads nothing it was not handed.

#include "ui/bench/pagerenderer.h"
#include "ui/bench/pageview.h"

#include <QTest>
#include <QTextDocument>

using namespace devzero;
using namespace devzero::ui;

class TestBenchPageRenderer : public QObject
{
    Q_OBJECT

private slots:
    void rendersSafely_data()
    {
        QTest::addColumn<QByteArray>("markdown");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");
        QTest::addColumn<QStringList>("imagesAsked"); // repository paths handed to the loader

        QTest::newRow("raw html block") << QByteArray("<script>alert('x')</script>\n\nSafe text.\n")
                                        << QStringList{QStringLiteral("Safe text.")} << QStringList{QStringLiteral("<script")}
                                        << QStringList{};
        QTest::newRow("inline html") << QByteArray("Before <img src=x onerror=alert(1)> after.\n")
                                     << QStringList{QStringLiteral("Before"), QStringLiteral("after.")}
                                     << QStringList{QStringLiteral("onerror")} << QStringList{};
        QTest::newRow("javascript link") << QByteArray("[click](javascript:alert(1))\n") << QStringList{QStringLiteral("click")}
                                         << QStringList{QStringLiteral("javascript:")} << QStringList{};
        QTest::newRow("front matter") << QByteArray("---\ntitle: Hidden Title\nowner: team\n---\n\n# Shown\n")
                                      << QStringList{QStringLiteral("Shown")} << QStringList{QStringLiteral("Hidden Title"), QStringLiteral("owner:")}
                                      << QStringList{};
        QTest::newRow("repository image") << QByteArray("![the flow](img/flow.png)\n")
                                          << QStringList{QStringLiteral("src=\"devzero-image:1\""), QStringLiteral("alt=\"the flow\"")}
                                          << QStringList{QStringLiteral("img/flow.png")} << QStringList{QStringLiteral("docs/img/flow.png")};
        QTest::newRow("remote image") << QByteArray("![tracker](https://tracker.example/pixel.png)\n")
                                      << QStringList{QStringLiteral("image not shown"), QStringLiteral("tracker")}
                                      << QStringList{QStringLiteral("<img")} << QStringList{};
        QTest::newRow("image outside the repository") << QByteArray("![secret](../../../etc/passwd)\n")
                                                      << QStringList{QStringLiteral("image not shown")}
                                                      << QStringList{QStringLiteral("<img")} << QStringList{};
        QTest::newRow("percent in alt text") << QByteArray("![100%3 done](img/flow.png)\n")
                                             << QStringList{QStringLiteral("alt=\"100%3 done\"")} << QStringList{}
                                             << QStringList{QStringLiteral("docs/img/flow.png")};
    }

    void rendersSafely()
    {
        QFETCH(QByteArray, markdown);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        QFETCH(QStringList, imagesAsked);
        docindex::PageInfo page;
        page.path = QStringLiteral("docs/guide.md");
        QStringList asked;
        const RenderedPage rendered = renderPage(markdown, page, [&asked](const QString &path) {
            asked << path;
            QImage image(1200, 40, QImage::Format_RGB32); // wider than a page: scaled down
            image.fill(Qt::darkBlue);
            return image;
        });
        for (const QString &text : present)
            QVERIFY2(rendered.html.contains(text), qPrintable(text + QStringLiteral(" missing from:\n") + rendered.html));
        for (const QString &text : absent)
            QVERIFY2(!rendered.html.contains(text), qPrintable(text + QStringLiteral(" found in:\n") + rendered.html));
        QCOMPARE(asked, imagesAsked);
        QCOMPARE(rendered.images.size(), imagesAsked.size());
        for (const QImage &image : rendered.images)
            QVERIFY(image.width() <= kMaxImageWidth);
    }

    void headingsCarryTheirSectionAnchor()
    {
        docindex::PageInfo page;
        page.path = QStringLiteral("docs/guide.md");
        page.sections = {{QStringLiteral("getting-started"), QStringLiteral("Getting started"), 1, 1, 4},
                         {QStringLiteral("get-a-token"), QStringLiteral("Get a token"), 2, 5, 8}};
        const RenderedPage rendered = renderPage("# Getting started\n\nIntro.\n\n## Get a token\n\nText.\n", page, {});
        QVERIFY2(rendered.html.contains(QStringLiteral("<h1><a name=\"getting-started\"></a>Getting started</h1>")), qPrintable(rendered.html));
        QVERIFY2(rendered.html.contains(QStringLiteral("<h2><a name=\"get-a-token\"></a>Get a token</h2>")), qPrintable(rendered.html));
        QVERIFY(!rendered.html.contains(QStringLiteral("data-sourcepos")));

        PageView view;
        view.resize(400, 120);
        view.showPage(rendered.html + QString(QStringLiteral("<p>filler</p>")).repeated(40), rendered.images);
        view.jumpTo(QStringLiteral("get-a-token"));
        QCOMPARE(view.anchorAtTop(), QStringLiteral("get-a-token"));
    }

    // Whatever a page names, the view loads only the images it was handed.
    void theViewLoadsNothingByItself_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::newRow("file") << QUrl(QStringLiteral("file:///etc/hostname"));
        QTest::newRow("http") << QUrl(QStringLiteral("http://example.invalid/x.png"));
        QTest::newRow("relative") << QUrl(QStringLiteral("img/flow.png"));
        QTest::newRow("unknown image key") << QUrl(QStringLiteral("devzero-image:99"));
    }

    void theViewLoadsNothingByItself()
    {
        QFETCH(QUrl, url);
        PageView view;
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::red);
        view.showPage(QStringLiteral("<p>x</p>"), {{QStringLiteral("devzero-image:1"), image}});
        QVERIFY(!view.loadResource(QTextDocument::ImageResource, url).isValid());
        QVERIFY(!view.loadResource(QTextDocument::HtmlResource, url).isValid());
        QCOMPARE(view.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("devzero-image:1"))).value<QImage>(), image);
    }
};

QTEST_MAIN(TestBenchPageRenderer)
#include "test_bench_pagerenderer.moc"
