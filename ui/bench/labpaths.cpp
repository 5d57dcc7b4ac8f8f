#include "ui/bench/labpaths.h"

#include <QFileInfo>

namespace devzero::ui {

QString labDataDir(const QString &labPath)
{
    const QFileInfo info(labPath);
    return info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".data");
}

QString docsIndexPath(const QString &labPath)
{
    return labDataDir(labPath) + QStringLiteral("/docs-index.sqlite");
}

QString docsClonesDir(const QString &labPath)
{
    return labDataDir(labPath) + QStringLiteral("/clones");
}

} // namespace devzero::ui
