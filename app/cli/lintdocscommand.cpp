// `devzero lint-docs`: the hidden-assumption rules in a docs repository's CI.

#include "app/cli/clicontext.h"
#include "app/cli/options.h"
#include "sessions/analysis/lintdocs.h"
#include "sessions/analysis/rules.h"
#include "sessions/analysis/sarif.h"
#include "sessions/docindex/docindex.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace devzero::cli {

using namespace devzero::analysis;

namespace {

QString lintHelp()
{
    QString rulesText;
    for (const RuleInfo &rule : rules())
        rulesText += u"  %1 %2\n"_s.arg(rule.id.leftJustified(24), toString(rule.defaultSeverity));
    return u"Usage: devzero lint-docs [PATH | --source NAME] [--format text|json|sarif]\n"
           u"                         [--fail-on info|warning|error|never] [--config FILE]\n"
           u"\n"
           u"Checks Markdown docs for hidden assumptions: tools never introduced, variables and\n"
           u"placeholders never explained, acronyms never spelled out, minimising words, internal\n"
           u"and broken links, procedures without prerequisites, references to things the page\n"
           u"never creates.\n"
           u"\n"
           u"PATH      a docs repository, a docs folder or one page (default: the current folder).\n"
           u"          The repository root is the nearest folder holding .devzero.yml, .git or\n"
           u"          mkdocs.yml; with the root given, mkdocs.yml's docs_dir is read.\n"
           u"--source  a docs source of the lab's docs index, at its last indexed revision.\n"
           u"--format  text (default; FILE:LINE:COL: severity: message [rule]), json (schema\n"
           u"          devzero.lint/1) or sarif (SARIF 2.1.0 for code-scanning UIs).\n"
           u"--fail-on exit 1 when a flag at or above this severity exists (default: error).\n"
           u"--config  the settings file (default: .devzero.yml at the repository root).\n"
           u"\n"
           u"Silence a rule for the next paragraph, list item or code block with a line\n"
           u"<!-- devzero-ignore RULE -->, or for paths with `ignore:` in .devzero.yml.\n"
           u"\n"
           u"Rules and their default severity:\n"_s
        + rulesText
        + u"\n"
          u"Exit codes: 0 no flag at the --fail-on severity, 1 there is one, 2 wrong arguments or an\n"
          u"invalid config file, 4 PATH or the source not found.\n"_s;
}

void printText(CliContext &ctx, const LintResult &result)
{
    for (const Flag &flag : result.flags) {
        ctx.out() << result.pathPrefix << flag.path << ':' << flag.startLine;
        if (flag.column > 0)
            ctx.out() << ':' << flag.column;
        ctx.out() << ": " << toString(flag.severity) << ": " << flag.message << " [" << flag.ruleId << "]\n";
    }
    ctx.out().flush();
    int counts[4] = {0, 0, 0, 0};
    for (const Flag &flag : result.flags)
        ++counts[int(flag.severity)];
    auto plural = [](int n, const QString &word) { return u"%1 %2%3"_s.arg(n).arg(word, n == 1 ? QString() : u"s"_s); };
    ctx.err() << "lint-docs: " << plural(int(result.flags.size()), u"flag"_s) << " ("
              << plural(counts[int(Severity::Error)], u"error"_s) << ", "
              << plural(counts[int(Severity::Warning)], u"warning"_s) << ", "
              << plural(counts[int(Severity::Info)], u"info"_s) << ") in " << plural(result.pageCount, u"page"_s)
              << Qt::endl;
}

} // namespace

int runLintDocsCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"path"_s, u"Docs repository, folder or page."_s);
    parser.addOption({u"source"_s, u"Docs source of the lab's docs index."_s, u"name"_s});
    parser.addOption({u"format"_s, u"text, json or sarif."_s, u"format"_s});
    parser.addOption({u"fail-on"_s, u"info, warning, error or never."_s, u"severity"_s});
    parser.addOption({u"config"_s, u"Settings file."_s, u"file"_s});
    if (auto code = parseOptions(ctx, parser, args, lintHelp()))
        return *code;

    const QStringList positional = parser.positionalArguments();
    const bool fromSource = parser.isSet(u"source"_s);
    if (positional.size() > 1)
        return ctx.usage(u"lint-docs takes one PATH, not %1"_s.arg(positional.size()), lintHelp());
    if (fromSource && !positional.isEmpty())
        return ctx.usage(u"give either PATH or --source, not both"_s, lintHelp());

    const QString format = parser.isSet(u"format"_s) ? parser.value(u"format"_s).toLower()
                                                      : (ctx.json ? u"json"_s : u"text"_s);
    if (format != u"text" && format != u"json" && format != u"sarif")
        return ctx.usage(u"--format must be text, json or sarif, not \"%1\""_s.arg(parser.value(u"format"_s)), lintHelp());

    std::optional<Severity> failOn = Severity::Error;
    if (parser.isSet(u"fail-on"_s)) {
        const QString value = parser.value(u"fail-on"_s).toLower();
        failOn = value == u"never" ? std::nullopt : severityFromString(value);
        if (value != u"never" && !failOn)
            return ctx.usage(u"--fail-on must be info, warning, error or never, not \"%1\""_s.arg(value), lintHelp());
    }

    const QString configPath = parser.value(u"config"_s);
    if (!configPath.isEmpty() && !QFileInfo::exists(configPath))
        return ctx.fail(ExitUsage, Error{u"no such config file"_s, configPath});

    Result<LintResult> result = makeError(QString());
    if (fromSource) {
        const QString dataDir = ctx.labDataDir();
        auto index = docindex::DocIndex::open(dataDir + u"/docs-index.sqlite"_s, dataDir + u"/clones"_s);
        if (!index)
            return ctx.fail(ExitFailure, index.error());
        result = lintSource(**index, parser.value(u"source"_s), configPath);
        if (!result) {
            const bool missing = result.error().message.startsWith(u"no docs source");
            return ctx.fail(missing ? ExitNotFound : ExitFailure, result.error());
        }
    } else {
        const QString path = positional.isEmpty() ? u"."_s : positional.first();
        if (!QFileInfo::exists(path))
            return ctx.fail(ExitNotFound, Error{u"no such file or folder"_s, path});
        result = lintWorkingTree(path, configPath);
        if (!result)
            return ctx.fail(ExitUsage, result.error()); // the only other failure: an invalid config
    }

    for (const QString &warning : std::as_const(result->warnings))
        ctx.err() << ctx.program << ": warning: " << warning << '\n';
    ctx.err().flush();

    const QString version = QStringLiteral(DEVZERO_VERSION);
    if (format == u"json") {
        ctx.out() << QString::fromUtf8(QJsonDocument(lintJson(*result, version)).toJson(QJsonDocument::Indented))
                  << Qt::flush;
    } else if (format == u"sarif") {
        const QString rootUri = fromSource ? QString() : QUrl::fromLocalFile(result->root).toString();
        ctx.out() << QString::fromUtf8(QJsonDocument(sarifLog(result->flags, version, rootUri)).toJson(QJsonDocument::Indented))
                  << Qt::flush;
    } else {
        printText(ctx, *result);
    }
    return failOn && hasFlagAtLeast(result->flags, *failOn) ? ExitFailure : ExitOk;
}

} // namespace devzero::cli
