#pragma once

// The docs page: a read-only QTextBrowser that shows rendered pages and
// only the images handed to it. It never loads anything by itself (no
// files from disk, no network): links are reported, not followed.

#include <QHash>
#include <QImage>
#include <QTextBrowser>

namespace devzero::ui {

class PageView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit PageView(QWidget *parent = nullptr);

    void showPage(const QString &html, const QHash<QString, QImage> &images);
    void showMessage(const QString &html); // an explanation instead of a page
    void jumpTo(const QString &anchor);
    // The section at the top of the view: what the tester is reading.
    QString anchorAtTop() const;

    QVariant loadResource(int type, const QUrl &name) override;

private:
    QHash<QString, QImage> m_images;
};

} // namespace devzero::ui
