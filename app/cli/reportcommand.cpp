// `devzero report`: the lab's sessions as one report (HTML, Markdown, PDF,
// CSV, JSON) with the docs index's owners and the hidden-assumption flags
// of the chosen docs source ranked by session evidence.

#include "app/cli/clicontext.h"
#include "app/cli/options.h"
#include "sessions/analysis/lintdocs.h"
#include "sessions/docindex/docindex.h"
#include "sessions/report/renderers.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace devzero::cli {

using namespace devzero::report;

namespace {

QString reportHelp()
{
    return QStringLiteral(
        "Usage: devzero report --format html|md|pdf|csv|json -o PATH [--plan ID] [--since DATE]\n"
        "                      [--until DATE] [--docs-rev REV] [--source NAME] [--no-flags]\n"
        "\n"
        "Writes the report of the lab's sessions: outcome per journey, the task table, SUS,\n"
        "friction themes with quotes, pages by evidence with their owners, searches that\n"
        "found nothing, hidden-assumption flags ranked by evidence, and a timeline per session.\n"
        "\n"
        "--format    html: one self-contained file (no script, no network); md: Markdown to\n"
        "            paste into an issue; pdf: A4; json: schema devzero.report/1\n"
        "            (resources/docs/report-json-schema.md); csv: one file per table.\n"
        "-o PATH     the file to write; for csv a folder (created when missing) that receives\n"
        "            journeys.csv, tasks.csv, sessions.csv, sus.csv, themes.csv, quotes.csv,\n"
        "            pages.csv, sections.csv, zero_result_searches.csv, flags.csv, timeline.csv.\n"
        "--plan      only sessions of this plan (its id, see `devzero plan list`).\n"
        "--since, --until  only sessions started on or after / on or before this UTC day (YYYY-MM-DD).\n"
        "--docs-rev  only sessions against docs commits starting with REV.\n"
        "--source    the docs source (see `devzero docs list`) for page owners, last authors,\n"
        "            page terms and the hidden-assumption rules; default: the only source.\n"
        "--no-flags  do not run the hidden-assumption rules.\n");
}

std::optional<QDate> dateOption(CliContext &ctx, const QCommandLineParser &parser, const QString &name, int *exitCode)
{
    if (!parser.isSet(name))
        return std::nullopt;
    const QDate date = QDate::fromString(parser.value(name), Qt::ISODate);
    if (!date.isValid()) {
        *exitCode = ctx.usage(QStringLiteral("--%1 needs a date as YYYY-MM-DD, not \"%2\"").arg(name, parser.value(name)), reportHelp());
        return std::nullopt;
    }
    return date;
}

// The lab's docs index, when one was ever built (a report never creates it).
Result<std::unique_ptr<docindex::DocIndex>> openDocsIndex(CliContext &ctx)
{
    const QString dataDir = ctx.labDataDir();
    const QString path = dataDir + QStringLiteral("/docs-index.sqlite");
    if (!QFileInfo::exists(path))
        return std::unique_ptr<docindex::DocIndex>();
    return docindex::DocIndex::open(path, dataDir + QStringLiteral("/clones"));
}

} // namespace

int runReportCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("format"), QStringLiteral("Output format."), QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("o"), QStringLiteral("Output path."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("output"), QStringLiteral("Output path."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("plan"), QStringLiteral("Plan id."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("since"), QStringLiteral("First day."), QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("until"), QStringLiteral("Last day."), QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("docs-rev"), QStringLiteral("Docs revision prefix."), QStringLiteral("REV")});
    parser.addOption({QStringLiteral("source"), QStringLiteral("Docs source."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("no-flags"), QStringLiteral("Skip the rules.")});
    if (auto code = parseOptions(ctx, parser, args, reportHelp()))
        return *code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("report takes no argument \"%1\"").arg(parser.positionalArguments().first()), reportHelp());
    if (!parser.isSet(QStringLiteral("format")))
        return ctx.usage(QStringLiteral("report needs --format html|md|pdf|csv|json"), reportHelp());
    const std::optional<Format> format = formatFromString(parser.value(QStringLiteral("format")));
    if (!format)
        return ctx.usage(QStringLiteral("unknown --format \"%1\"; use html, md, pdf, csv or json").arg(parser.value(QStringLiteral("format"))),
                         reportHelp());
    const QString output = parser.isSet(QStringLiteral("o")) ? parser.value(QStringLiteral("o")) : parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        return ctx.usage(QStringLiteral("report needs -o PATH (the file to write; a folder for csv)"), reportHelp());

    ReportOptions options;
    int exitCode = ExitOk;
    options.filter.planId = intOption(ctx, parser, QStringLiteral("plan"), &exitCode);
    options.filter.since = dateOption(ctx, parser, QStringLiteral("since"), &exitCode);
    options.filter.until = dateOption(ctx, parser, QStringLiteral("until"), &exitCode);
    if (exitCode != ExitOk)
        return exitCode;
    options.filter.docsRevision = parser.value(QStringLiteral("docs-rev"));
    options.docsSource = parser.value(QStringLiteral("source"));

    Result<LabDatabase *> lab = ctx.lab();
    if (!lab)
        return ctx.fail(ExitLab, lab.error());
    if (options.filter.planId && !store::PlanStore(**lab).plan(*options.filter.planId))
        return ctx.fail(ExitNotFound, Error{QStringLiteral("no plan %1 in the lab (see `devzero plan list`)").arg(*options.filter.planId),
                                            QStringLiteral("--plan")});

    Result<std::unique_ptr<docindex::DocIndex>> docs = openDocsIndex(ctx);
    if (!docs)
        return ctx.fail(ExitFailure, docs.error());
    if (!*docs && !options.docsSource.isEmpty())
        return ctx.fail(ExitNotFound, Error{QStringLiteral("the lab has no docs index; add the docs first with `devzero docs add`"),
                                            QStringLiteral("--source")});
    QList<analysis::Flag> flags;
    QStringList notices;
    if (*docs) {
        if (options.docsSource.isEmpty()) {
            Result<QList<docindex::SourceInfo>> sources = (*docs)->sources();
            if (!sources)
                return ctx.fail(ExitFailure, sources.error());
            if (sources->size() == 1)
                options.docsSource = sources->first().name;
        } else if (Result<docindex::SourceInfo> source = (*docs)->source(options.docsSource); !source) {
            return ctx.fail(ExitNotFound, Error{source.error().message, QStringLiteral("--source")});
        }
        if (!options.docsSource.isEmpty() && !parser.isSet(QStringLiteral("no-flags"))) {
            Result<analysis::LintResult> lint = analysis::lintSource(**docs, options.docsSource);
            if (lint)
                flags = lint->flags;
            else
                notices << QStringLiteral("The hidden-assumption rules could not run: ") + lint.error().toString();
        }
    }

    Result<ReportModel> model = buildReportModel(**lab, docs->get(), flags, options);
    if (!model)
        return ctx.fail(model.error().where.startsWith(QLatin1String("--")) ? ExitUsage : ExitFailure, model.error());
    model->notices += notices;

    Result<QStringList> written = writeReport(*model, *format, output);
    if (!written)
        return ctx.fail(ExitFailure, written.error());
    if (ctx.json) {
        ctx.printJson(QJsonObject{{QStringLiteral("format"), toString(*format)},
                                  {QStringLiteral("files"), QJsonArray::fromStringList(*written)},
                                  {QStringLiteral("sessions"), int(model->metrics.sessions.size())},
                                  {QStringLiteral("flags"), int(model->flags.size())},
                                  {QStringLiteral("notices"), QJsonArray::fromStringList(model->notices)}});
    } else {
        for (const QString &notice : model->notices)
            ctx.err() << ctx.program << ": note: " << notice << Qt::endl;
        for (const QString &file : *written)
            ctx.out() << "wrote " << file << Qt::endl;
    }
    return ExitOk;
}

} // namespace devzero::cli
