#include "ui/common/guilauncher.h"

#include "ui/common/mainwindow.h"
#include "ui/common/settingsdialog.h"

#include <QApplication>
#include <QFileInfo>
#include <QSettings>

namespace devzero::ui {

namespace {

QString labToOpen(const QString &labPath, bool explicitLab)
{
    if (explicitLab)
        return labPath;
    const QString chosen = AppSettings::load().labPath;
    if (!chosen.isEmpty())
        return chosen;
    const QString last = QSettings().value(QStringLiteral("lab/last")).toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        return last;
    return labPath;
}

} // namespace

int runGui(int argc, char **argv, const QString &labPath, bool explicitLab)
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Developer Zero Lab"));
    MainWindow window;
    window.openLab(labToOpen(labPath, explicitLab));
    window.show();
    return app.exec();
}

} // namespace devzero::ui
