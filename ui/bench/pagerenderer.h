#pragma once

// A docs page as the docs panel shows it: the indexed bytes rendered by
// cmark in safe mode (raw HTML dropped, dangerous links removed), with a
// named anchor at every section heading and images from the repository
// only. Pure and thread-free: the docs worker calls it.

#include "sessions/docindex/docindextypes.h"

#include <QByteArrayView>
#include <QHash>
#include <QImage>
#include <QString>

#include <functional>

namespace devzero::ui {

// The scheme of the images the page view may show (loaded by the worker).
inline constexpr char kPageImageScheme[] = "devzero-image";

struct RenderedPage
{
    QString html;
    QHash<QString, QImage> images; // "devzero-image:N" -> image
};

// Reads an image file of the repository at the page's revision; a null
// image when it cannot.
using ImageLoader = std::function<QImage(const QString &repositoryPath)>;

// Images wider than this are scaled down to it.
inline constexpr int kMaxImageWidth = 640;

RenderedPage renderPage(QByteArrayView markdown, const docindex::PageInfo &page, const ImageLoader &loadImage);

} // namespace devzero::ui
