#include "ui/common/guilauncher.h"

#include "ui/common/mainwindow.h"

#include <QApplication>

namespace devzero::ui {

int runGui(int argc, char **argv, const QString &labPath)
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Developer Zero Lab"));
    MainWindow window;
    window.openLab(labPath);
    window.show();
    return app.exec();
}

} // namespace devzero::ui
