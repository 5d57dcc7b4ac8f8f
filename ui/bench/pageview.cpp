#include "ui/bench/pageview.h"

#include "ui/bench/pagerenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>

namespace devzero::ui {

namespace {

// Qt's rich text understands a subset of CSS; these rules keep code and
// headings readable without relying on the page's own styling.
const char kPageStyle[] = R"CSS(
h1 { font-size: x-large; margin-top: 4px; }
h2 { font-size: large; margin-top: 14px; }
h3, h4, h5, h6 { font-size: medium; margin-top: 10px; }
pre { font-family: monospace; margin: 0px; line-height: 125%; }
code { font-family: monospace; background-color: #f3f4f6; }
blockquote { color: #4b5563; margin-left: 12px; }
a { color: #1d4ed8; }
)CSS";

} // namespace

PageView::PageView(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("docsPage"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    document()->setDefaultStyleSheet(QString::fromUtf8(kPageStyle));
    document()->setDocumentMargin(10);
}

void PageView::showPage(const QString &html, const QHash<QString, QImage> &images)
{
    m_images = images;
    clear(); // drops the previous page's cached resources
    document()->setDefaultStyleSheet(QString::fromUtf8(kPageStyle));
    setHtml(html);
    verticalScrollBar()->setValue(0);
}

void PageView::showMessage(const QString &html)
{
    m_images.clear();
    clear();
    setHtml(html);
}

void PageView::jumpTo(const QString &anchor)
{
    if (anchor.isEmpty())
        verticalScrollBar()->setValue(0);
    else
        scrollToAnchor(anchor);
}

QString PageView::anchorAtTop() const
{
    const int top = verticalScrollBar()->value() + 8;
    QString current;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const int y = int(document()->documentLayout()->blockBoundingRect(block).top());
        if (y > top)
            break;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QStringList names = it.fragment().charFormat().anchorNames();
            if (!names.isEmpty())
                current = names.first();
        }
    }
    return current;
}

QVariant PageView::loadResource(int type, const QUrl &name)
{
    if (type == QTextDocument::ImageResource && name.scheme() == QLatin1String(kPageImageScheme)) {
        const auto it = m_images.constFind(name.toString());
        if (it != m_images.constEnd())
            return *it;
    }
    return {};
}

} // namespace devzero::ui
