// devzero: with no command, the desktop app; with a command, headless.

#include "app/cli/clicontext.h"
#include "app/cli/help.h"
#include "ui/common/guilauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <cstdio>
#include <memory>

using namespace devzero::cli;

namespace {

struct Invocation {
    QString lab;
    bool json = false;
    bool help = false;
    bool version = false;
    QStringList words; // command and its arguments, global options removed
    QString error;
};

// Global options may stand anywhere before `--`; everything else is the command's.
Invocation parseGlobal(const QStringList &arguments)
{
    Invocation inv;
    bool passthrough = false;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (passthrough) {
            inv.words << a;
        } else if (a == QLatin1String("--")) {
            passthrough = true;
            inv.words << a;
        } else if (a == QLatin1String("--lab")) {
            if (i + 1 >= arguments.size()) {
                inv.error = QStringLiteral("--lab needs a path");
                return inv;
            }
            inv.lab = arguments.at(++i);
        } else if (a.startsWith(QLatin1String("--lab="))) {
            inv.lab = a.mid(6);
        } else if (a == QLatin1String("--json")) {
            inv.json = true;
        } else if (inv.words.isEmpty() && (a == QLatin1String("-h") || a == QLatin1String("--help"))) {
            inv.help = true;
        } else if (inv.words.isEmpty() && (a == QLatin1String("-v") || a == QLatin1String("--version"))) {
            inv.version = true;
        } else {
            inv.words << a;
        }
    }
    return inv;
}

QString defaultLabPath()
{
    const QString fromEnv = qEnvironmentVariable("DEVZERO_LAB");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/lab.sqlite");
}

int runCommand(CliContext &ctx, const QStringList &words)
{
    const QString command = words.first();
    const QStringList rest = words.mid(1);
    if (command == QLatin1String("help")) {
        ctx.out() << mainHelp() << Qt::flush;
        return ExitOk;
    }
    if (command == QLatin1String("plan"))
        return runPlanCommand(ctx, rest);
    if (command == QLatin1String("session"))
        return runSessionCommand(ctx, rest);
    if (command == QLatin1String("docs"))
        return runDocsCommand(ctx, rest);
    if (command == QLatin1String("lab"))
        return runLabCommand(ctx, rest);
    if (command == QLatin1String("report"))
        return runReportCommand(ctx, rest);
    if (command == QLatin1String("lint-docs"))
        return runLintDocsCommand(ctx, rest);
    if (command == QLatin1String("shell-hook"))
        return runShellHookCommand(ctx, rest);
    if (command == QLatin1String("demo"))
        return runDemoCommand(ctx, rest);
    // Short forms a tester types in the middle of work.
    static const QStringList shortForms = {QStringLiteral("note"),  QStringLiteral("task"),   QStringLiteral("done"),
                                           QStringLiteral("fail"),  QStringLiteral("giveup"), QStringLiteral("skip"),
                                           QStringLiteral("pause"), QStringLiteral("resume"), QStringLiteral("mark"),
                                           QStringLiteral("seq"),   QStringLiteral("status"), QStringLiteral("ran")};
    if (shortForms.contains(command))
        return runShortForm(ctx, command, rest);
    return ctx.usage(QStringLiteral("unknown command \"%1\"").arg(command), mainHelp());
}

} // namespace

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const Invocation inv = parseGlobal(arguments);

    QCoreApplication::setApplicationName(QStringLiteral("devzero"));
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationVersion(QStringLiteral(DEVZERO_VERSION));

    if (inv.words.isEmpty() && !inv.help && !inv.version && inv.error.isEmpty())
        return devzero::ui::runGui(argc, argv, inv.lab.isEmpty() ? defaultLabPath() : inv.lab,
                                   !inv.lab.isEmpty() || !qEnvironmentVariableIsEmpty("DEVZERO_LAB"));

    // PDF output lays text out with real fonts, which needs a QGuiApplication;
    // headless by default so the command works without a display.
    const bool needsGui = !inv.words.isEmpty() && inv.words.first() == QLatin1String("report");
    if (needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app = needsGui ? std::make_unique<QGuiApplication>(argc, argv)
                                                     : std::make_unique<QCoreApplication>(argc, argv);
    // The terminal shows results and errors, not the engineers' log; set
    // QT_LOGGING_RULES="devzero.*=true" to see it.
    QLoggingCategory::setFilterRules(QStringLiteral("devzero.*.debug=false\ndevzero.*.info=false"));
    CliContext ctx;
    ctx.json = inv.json;
    if (!inv.error.isEmpty())
        return ctx.usage(inv.error, mainHelp());
    if (inv.help) {
        ctx.out() << mainHelp() << Qt::flush;
        return ExitOk;
    }
    if (inv.version) {
        ctx.out() << "devzero " << QStringLiteral(DEVZERO_VERSION) << Qt::endl;
        return ExitOk;
    }
    ctx.labPath = inv.lab.isEmpty() ? defaultLabPath() : inv.lab;
    return runCommand(ctx, inv.words);
}
