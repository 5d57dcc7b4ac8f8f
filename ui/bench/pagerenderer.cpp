#include "ui/bench/pagerenderer.h"

#include "sessions/docindex/frontmatter.h"
#include "sessions/docindex/mdx.h"
#include "sessions/markdown/markdowndocument.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace devzero::ui {

namespace {

// Front matter becomes blank lines: cmark's line numbers stay those of the
// file, which is what the index's sections use.
QByteArray bodyWithFileLines(QByteArrayView markdown, const QString &path)
{
    QByteArray text = markdown.toByteArray();
    const docindex::FrontMatter fm = docindex::splitFrontMatter(markdown);
    if (!fm.format.isEmpty()) {
        for (qsizetype i = 0; i < fm.bodyOffset && i < text.size(); ++i) {
            if (text.at(i) != '\n')
                text[i] = ' ';
        }
    }
    const bool mdx = path.endsWith(QLatin1String(".mdx"), Qt::CaseInsensitive);
    docindex::NeutralisedBody body = docindex::neutraliseMarkup(text, mdx);
    return body.changed ? body.text : text;
}

QString htmlUnescape(QString text)
{
    text.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    text.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    text.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
    text.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text;
}

// Headings get the anchor of their section: by start line, else by order.
QString addSectionAnchors(const QString &html, const QList<docindex::PageSection> &sections)
{
    static const QRegularExpression heading(QStringLiteral(R"(<h([1-6]) data-sourcepos="(\d+):\d+-\d+:\d+">)"));
    QList<docindex::PageSection> headed;
    for (const docindex::PageSection &s : sections) {
        if (s.level > 0 && !s.anchor.isEmpty())
            headed << s;
    }
    QString out;
    qsizetype last = 0;
    int ordinal = 0;
    QRegularExpressionMatchIterator it = heading.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const int line = m.captured(2).toInt();
        QString anchor;
        for (const docindex::PageSection &s : std::as_const(headed)) {
            if (s.startLine == line)
                anchor = s.anchor;
        }
        if (anchor.isEmpty() && ordinal < headed.size())
            anchor = headed.at(ordinal).anchor;
        ++ordinal;
        out += QStringView(html).mid(last, m.capturedStart() - last);
        out += QStringLiteral("<h%1>").arg(m.captured(1));
        if (!anchor.isEmpty())
            out += QStringLiteral("<a name=\"%1\"></a>").arg(anchor.toHtmlEscaped());
        last = m.capturedEnd();
    }
    out += QStringView(html).mid(last);
    static const QRegularExpression sourcepos(QStringLiteral(R"( data-sourcepos="[^"]*")"));
    out.remove(sourcepos);
    return out;
}

const docindex::PageLink *imageLink(const docindex::PageInfo &page, const QString &target)
{
    const QString wanted = QUrl::fromPercentEncoding(target.toUtf8());
    for (const docindex::PageLink &link : page.links) {
        if (link.image && QUrl::fromPercentEncoding(link.target.toUtf8()) == wanted)
            return &link;
    }
    return nullptr;
}

// The repository path of an image, or empty when it is not one of the
// repository's files (external, data:, escaping the repository).
QString imagePath(const docindex::PageInfo &page, const QString &src)
{
    if (const docindex::PageLink *link = imageLink(page, src)) {
        if (link->status == docindex::PageLink::Status::Ok || link->status == docindex::PageLink::Status::Other)
            return link->path;
        return {};
    }
    const QUrl url(src);
    if (!url.scheme().isEmpty() || src.startsWith(QLatin1String("//")))
        return {};
    QString decoded = QUrl::fromPercentEncoding(src.toUtf8());
    const qsizetype cut = decoded.indexOf(QRegularExpression(QStringLiteral("[?#]")));
    if (cut >= 0)
        decoded.truncate(cut);
    const QString dir = QFileInfo(page.path).path();
    const QString path = decoded.startsWith(QLatin1Char('/')) ? QDir::cleanPath(decoded.mid(1))
                                                              : QDir::cleanPath(dir == QLatin1String(".") ? decoded : dir + QLatin1Char('/') + decoded);
    if (path.startsWith(QLatin1String("../")) || path == QLatin1String(".."))
        return {};
    return path;
}

QString replaceImages(const QString &html, const docindex::PageInfo &page, const ImageLoader &loadImage, QHash<QString, QImage> &images)
{
    static const QRegularExpression img(QStringLiteral(R"RE(<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")? />)RE"));
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = img.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(html).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString src = htmlUnescape(m.captured(1));
        const QString alt = m.captured(2); // still escaped: goes back into HTML
        const QString path = imagePath(page, src);
        QImage image = path.isEmpty() || !loadImage ? QImage() : loadImage(path);
        if (image.isNull()) {
            out += QStringLiteral("<span style=\"color:#6b6b6b\">[%1: %2]</span>")
                       .arg(QObject::tr("image not shown"), alt.isEmpty() ? src.toHtmlEscaped() : alt);
            continue;
        }
        if (image.width() > kMaxImageWidth)
            image = image.scaledToWidth(kMaxImageWidth, Qt::SmoothTransformation);
        const QString key = QStringLiteral("%1:%2").arg(QLatin1String(kPageImageScheme)).arg(images.size() + 1);
        images.insert(key, image);
        // One pass: a "%3" in the alt text stays as written.
        out += QStringLiteral("<img src=\"%1\" alt=\"%2\" width=\"%3\" height=\"%4\" />")
                   .arg(key, alt, QString::number(image.width()), QString::number(image.height()));
    }
    out += QStringView(html).mid(last);
    return out;
}

// Qt's rich text paints a <pre> background line by line (stripes once the
// line height grows for descenders); a table cell gives one grey box. The
// newline cmark leaves before </code> would be an empty last line.
QString boxCodeBlocks(QString html)
{
    html.replace(QStringLiteral("\n</code></pre>"), QStringLiteral("</code></pre>"));
    html.replace(QStringLiteral("<pre>"), QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" "
                                                          "style=\"background-color:#f3f4f6; margin-top:4px; margin-bottom:8px\">"
                                                          "<tr><td><pre>"));
    html.replace(QStringLiteral("</pre>"), QStringLiteral("</pre></td></tr></table>"));
    return html;
}

} // namespace

RenderedPage renderPage(QByteArrayView markdown, const docindex::PageInfo &page, const ImageLoader &loadImage)
{
    RenderedPage rendered;
    const QByteArray body = bodyWithFileLines(markdown, page.path);
    const markdown::Document doc = markdown::Document::parse(body, markdown::Document::SourcePositions);
    QString html = QString::fromUtf8(doc.renderHtml(markdown::Document::SourcePositions));
    html = addSectionAnchors(html, page.sections);
    html = boxCodeBlocks(html);
    html = replaceImages(html, page, loadImage, rendered.images);
    rendered.html = html;
    return rendered;
}

} // namespace devzero::ui
