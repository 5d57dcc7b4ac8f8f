// `devzero lab path|check|backup`.

#include "app/cli/clicontext.h"
#include "app/cli/help.h"
#include "sessions/store/labbackup.h"
#include "sessions/store/labdatabase.h"

#include <QJsonArray>
#include <QJsonObject>

namespace devzero::cli {

int runLabCommand(CliContext &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("path")) {
        ctx.out() << ctx.labPath << Qt::endl;
        return ExitOk;
    }
    if (sub == QLatin1String("check")) {
        LabDatabase::Options options;
        options.create = false;
        options.quickCheck = false; // the full check below replaces it
        Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(ctx.labPath, options);
        if (!lab)
            return ctx.fail(ExitLab, lab.error());
        Result<QStringList> problems = (*lab)->integrityCheck();
        if (!problems)
            return ctx.fail(ExitLab, problems.error());
        const bool ok = *problems == QStringList{QStringLiteral("ok")};
        if (ctx.json)
            ctx.printJson(QJsonObject{{QStringLiteral("lab"), ctx.labPath}, {QStringLiteral("ok"), ok},
                                      {QStringLiteral("schema"), (*lab)->schemaVersion()},
                                      {QStringLiteral("problems"), ok ? QJsonArray() : QJsonArray::fromStringList(*problems)}});
        else
            ctx.out() << ctx.labPath << ": " << (ok ? QStringLiteral("ok") : problems->join(QLatin1Char('\n'))) << Qt::endl;
        return ok ? ExitOk : ExitLab;
    }
    if (sub == QLatin1String("backup")) {
        // SQLite's online backup: safe while a session records.
        if (args.size() != 2)
            return ctx.usage(QStringLiteral("lab backup needs one PATH"), labHelp());
        LabDatabase::Options options;
        options.create = false;
        Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(ctx.labPath, options);
        if (!lab)
            return ctx.fail(ExitLab, lab.error());
        Result<store::BackupStats> copied = store::backupLab(**lab, args.at(1));
        if (!copied)
            return ctx.fail(ExitFailure, copied.error());
        if (ctx.json)
            ctx.printJson(QJsonObject{{QStringLiteral("lab"), (*lab)->path()},
                                      {QStringLiteral("backup"), copied->destination},
                                      {QStringLiteral("pages"), copied->pages}});
        else
            ctx.out() << "backed up " << (*lab)->path() << " to " << copied->destination << " (" << copied->pages
                      << " pages, integrity ok)" << Qt::endl;
        return ExitOk;
    }
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        ctx.out() << labHelp() << Qt::flush;
        return ExitOk;
    }
    return ctx.usage(sub.isEmpty() ? QStringLiteral("lab needs a subcommand") : QStringLiteral("unknown lab subcommand \"%1\"").arg(sub), labHelp());
}

} // namespace devzero::cli
