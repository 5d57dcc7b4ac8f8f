// `devzero docs add|update|list|remove|search|resolve|show`: the docs index
// of the lab (<lab data>/docs-index.sqlite, clones in <lab data>/clones).

#include "app/cli/clicontext.h"
#include "app/cli/options.h"
#include "sessions/docindex/docindex.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace devzero::cli {

using namespace devzero::docindex;

namespace {

QString docsHelp()
{
    return QStringLiteral(
        "Usage: devzero docs add NAME --repo URL|PATH [--ref REF] [--subdir DIR] [--site-url URL] [--clone]\n"
        "       devzero docs update NAME\n"
        "       devzero docs list\n"
        "       devzero docs remove NAME\n"
        "       devzero docs search QUERY [--source NAME] [--limit N]\n"
        "       devzero docs resolve URL [--source NAME]\n"
        "       devzero docs show PAGE [--source NAME] [--revision COMMIT]\n"
        "\n"
        "A local repository (path or file://) is read in place, without a checkout;\n"
        "https, ssh and git@ repositories are cloned into the lab's data folder\n"
        "(--clone clones a local one too). `update` fetches and re-indexes; only pages\n"
        "whose content changed are parsed again. Pages over 8 MB are skipped.\n"
        "\n"
        "QUERY: words (all must match), \"a phrase\", prefix*. PAGE: a path such as\n"
        "docs/getting_started.md, a path inside the source's --subdir, or NAME:path.\n"
        "URL: a page of the published site (mkdocs.yml nav and docs_dir, else --site-url;\n"
        "version segments such as /en/stable/ are ignored), a GitHub link, or a path.\n"
        "Every command takes the global --json.\n");
}

std::atomic_bool g_interrupted{false};

void onInterrupt(int)
{
    g_interrupted.store(true);
}

// Ctrl-C cancels a clone or an index run cleanly (rolled back, no half
// clone) instead of killing the process mid-write.
class InterruptGuard
{
public:
    InterruptGuard() { m_previous = std::signal(SIGINT, onInterrupt); }
    ~InterruptGuard() { std::signal(SIGINT, m_previous); }

private:
    void (*m_previous)(int) = SIG_DFL;
};

// Progress on stderr: a live line on a terminal, else a line per 10%.
class ProgressPrinter
{
public:
    explicit ProgressPrinter(CliContext &ctx) : m_ctx(ctx), m_tty(isatty(fileno(stderr)) == 1) {}
    ~ProgressPrinter() { finish(); }

    void operator()(const Progress &p)
    {
        if (p.stage != Progress::Stage::Cloning && p.stage != Progress::Stage::Fetching
            && p.stage != Progress::Stage::Parsing)
            return;
        const int percent = p.total > 0 ? int(100 * p.done / p.total) : -1;
        const QString label = stageName(p.stage);
        if (m_tty) {
            QString line = percent >= 0 ? QStringLiteral("%1 %2% (%3/%4)").arg(label).arg(percent).arg(p.done).arg(p.total)
                                        : QStringLiteral("%1 ...").arg(label);
            m_ctx.err() << '\r' << line.leftJustified(m_width) << Qt::flush;
            m_width = qMax(m_width, int(line.size()));
            m_open = true;
            return;
        }
        if (percent < 0)
            return;
        const int step = percent / 10 * 10;
        if (label != m_lastLabel || step > m_lastStep) {
            m_ctx.err() << label << ' ' << step << "%\n" << Qt::flush;
            m_lastLabel = label;
            m_lastStep = step;
        }
    }

    void finish()
    {
        if (m_open)
            m_ctx.err() << '\r' << QString(m_width, QLatin1Char(' ')) << '\r' << Qt::flush;
        m_open = false;
    }

private:
    CliContext &m_ctx;
    bool m_tty;
    bool m_open = false;
    int m_width = 0;
    QString m_lastLabel;
    int m_lastStep = -1;
};

bool isNotFound(const Error &error)
{
    // Lookups that find nothing say "no ..." (see DocIndex).
    for (const char *prefix : {"no docs source", "no page", "no indexed page", "no indexed revision"}) {
        if (error.message.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

int failWith(CliContext &ctx, const Error &error)
{
    return ctx.fail(isNotFound(error) ? ExitNotFound : ExitFailure, error);
}

Result<std::unique_ptr<DocIndex>> openIndex(CliContext &ctx)
{
    const QString dataDir = ctx.labDataDir();
    return DocIndex::open(dataDir + QStringLiteral("/docs-index.sqlite"), dataDir + QStringLiteral("/clones"));
}

QString shortId(const QString &id)
{
    return id.left(10);
}

QJsonArray toJsonArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject statsJson(const IndexStats &s)
{
    return {{QStringLiteral("source"), s.source},
            {QStringLiteral("commit"), s.commitId},
            {QStringLiteral("previous_commit"), s.previousCommitId},
            {QStringLiteral("unchanged"), s.unchanged},
            {QStringLiteral("pages"), s.pagesTotal},
            {QStringLiteral("pages_parsed"), s.pagesParsed},
            {QStringLiteral("pages_reused"), s.pagesReused},
            {QStringLiteral("pages_removed"), s.pagesRemoved},
            {QStringLiteral("pages_skipped"), s.pagesSkipped},
            {QStringLiteral("bytes_parsed"), s.bytesParsed},
            {QStringLiteral("commits_walked"), s.commitsWalked},
            {QStringLiteral("elapsed_ms"), s.elapsedMs},
            {QStringLiteral("warnings"), toJsonArray(s.warnings)},
            {QStringLiteral("notes"), toJsonArray(s.notes)}};
}

int printStats(CliContext &ctx, const IndexStats &s)
{
    if (ctx.json) {
        ctx.printJson(statsJson(s));
        return ExitOk;
    }
    for (const QString &note : s.notes)
        ctx.err() << "note: " << note << '\n';
    for (const QString &warning : s.warnings)
        ctx.err() << "warning: " << warning << '\n';
    ctx.err().flush();
    if (s.unchanged) {
        ctx.out() << s.source << ": already at " << shortId(s.commitId) << ", " << s.pagesTotal << " pages\n" << Qt::flush;
        return ExitOk;
    }
    ctx.out() << s.source << ": " << s.pagesTotal << " pages at " << shortId(s.commitId) << " (" << s.pagesParsed
              << " parsed, " << s.pagesReused << " unchanged";
    if (s.pagesRemoved > 0)
        ctx.out() << ", " << s.pagesRemoved << " removed";
    if (s.pagesSkipped > 0)
        ctx.out() << ", " << s.pagesSkipped << " skipped";
    ctx.out() << ") in " << formatDuration(s.elapsedMs) << '\n' << Qt::flush;
    return ExitOk;
}

int addSource(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Name of the docs source."));
    parser.addOption({QStringLiteral("repo"), QStringLiteral("Repository path or URL."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("ref"), QStringLiteral("Branch, tag or commit."), QStringLiteral("ref")});
    parser.addOption({QStringLiteral("subdir"), QStringLiteral("Docs folder in the repository."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("site-url"), QStringLiteral("Published site root."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("clone"), QStringLiteral("Clone even a local repository.")});
    if (auto code = parseOptions(ctx, parser, args, docsHelp()))
        return *code;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("docs add needs exactly one NAME"), docsHelp());
    if (!parser.isSet(QStringLiteral("repo")))
        return ctx.usage(QStringLiteral("docs add needs --repo URL|PATH"), docsHelp());
    SourceSpec spec;
    spec.name = parser.positionalArguments().first();
    spec.repo = parser.value(QStringLiteral("repo"));
    spec.ref = parser.value(QStringLiteral("ref"));
    spec.subdir = parser.value(QStringLiteral("subdir"));
    spec.siteUrl = parser.value(QStringLiteral("site-url"));
    spec.clone = parser.isSet(QStringLiteral("clone"));

    auto index = openIndex(ctx);
    if (!index)
        return ctx.fail(ExitFailure, index.error());
    InterruptGuard interrupt;
    ProgressPrinter printer(ctx);
    auto stats = (*index)->addSource(spec, [&](const Progress &p) { printer(p); }, &g_interrupted);
    printer.finish();
    if (!stats)
        return ctx.fail(ExitFailure, stats.error());
    return printStats(ctx, *stats);
}

int updateSource(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Docs source to update."));
    if (auto code = parseOptions(ctx, parser, args, docsHelp()))
        return *code;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("docs update needs exactly one NAME"), docsHelp());
    auto index = openIndex(ctx);
    if (!index)
        return ctx.fail(ExitFailure, index.error());
    InterruptGuard interrupt;
    ProgressPrinter printer(ctx);
    auto stats = (*index)->updateSource(parser.positionalArguments().first(), [&](const Progress &p) { printer(p); },
                                        &g_interrupted);
    printer.finish();
    if (!stats)
        return failWith(ctx, stats.error());
    return printStats(ctx, *stats);
}

int listSources(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    if (auto code = parseOptions(ctx, parser, args, docsHelp()))
        return *code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("docs list takes no arguments"), docsHelp());
    auto index = openIndex(ctx);
    if (!index)
        return ctx.fail(ExitFailure, index.error());
    auto sources = (*index)->sources();
    if (!sources)
        return ctx.fail(ExitFailure, sources.error());
    if (ctx.json) {
        QJsonArray array;
        for (const SourceInfo &s : std::as_const(*sources)) {
            array.append(QJsonObject{{QStringLiteral("name"), s.name},
                                     {QStringLiteral("repo"), s.repo},
                                     {QStringLiteral("local_path"), s.localPath},
                                     {QStringLiteral("cloned"), s.cloned},
                                     {QStringLiteral("ref"), s.ref},
                                     {QStringLiteral("subdir"), s.subdir},
                                     {QStringLiteral("site_url"), s.siteUrl},
                                     {QStringLiteral("commit"), s.commitId},
                                     {QStringLiteral("indexed_at"), s.indexedAt.toString(Qt::ISODate)},
                                     {QStringLiteral("pages"), s.pageCount}});
        }
        ctx.printJson(array);
        return ExitOk;
    }
    if (sources->isEmpty()) {
        ctx.out() << "no docs sources; add one with `devzero docs add NAME --repo PATH`\n" << Qt::flush;
        return ExitOk;
    }
    for (const SourceInfo &s : std::as_const(*sources)) {
        ctx.out() << s.name << "  " << s.pageCount << " pages at " << shortId(s.commitId);
        if (!s.ref.isEmpty())
            ctx.out() << " (" << s.ref << ")";
        ctx.out() << "  " << s.repo;
        if (!s.subdir.isEmpty())
            ctx.out() << " [" << s.subdir << "]";
        ctx.out() << '\n';
    }
    ctx.out().flush();
    return ExitOk;
}

int removeSource(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    if (auto code = parseOptions(ctx, parser, args, docsHelp()))
        return *code;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("docs remove needs exactly one NAME"), docsHelp());
    auto index = openIndex(ctx);
    if (!index)
        return ctx.fail(ExitFailure, index.error());
    const QString name = parser.positionalArguments().first();
    if (auto removed = (*index)->removeSource(name); !removed)
        return failWith(ctx, removed.error());
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("removed"), name}});
    else
        ctx.out() << "removed docs source " << name << '\n' << Qt::flush;
    return ExitOk;
}

int search(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("query"), QStringLiteral("Words, \"phrases\", prefix*."));
    parser.addOption({QStringLiteral("source"), QStringLiteral("Only this docs source."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("At most N results (default 10)."), QStringLiteral("n")});
    if (auto code = parseOptions(ctx, parser, args, docsHelp()))
        return *code;
    if (parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("docs search needs a QUERY"), docsHelp());
    int exitCode = ExitOk;
    SearchOptions options;
    options.source = parser.value(QStringLiteral("source"));
    options.limit = 10;
    if (auto limit = intOption(ctx, parser, QStringLiteral("limit"), &exitCode))
        options.limit = int(qBound(qint64(1), *limit, qint64(1000)));
    else if (exitCode != ExitOk)
        return exitCode;
    const QString query = parser.positionalArguments().join(QLatin1Char(' '));

    auto index = openIndex(ctx);
    if (!index)
        return ctx.fail(ExitFailure, index.error());
    auto results = (*index)->search(query, options);
    if (!results)
        return failWith(ctx, results.error());
    if (ctx.json) {
        QJsonArray array;
        for (const SearchResult &r : std::as_const(*results)) {
            array.append(QJsonObject{{QStringLiteral("source"), r.source},
                                     {QStringLiteral("path"), r.path},
                                     {QStringLiteral("anchor"), r.anchor},
                                     {QStringLiteral("title"), r.title},
                                     {QStringLiteral("heading"), r.heading},
                                     {QStringLiteral("snippet"), r.snippet},
                                     {QStringLiteral("score"), r.score},
                                     {QStringLiteral("start_line"), r.startLine},
                                     {QStringLiteral("end_line"), r.endLine}});
        }
        ctx.printJson(QJsonObject{{QStringLiteral("query"), query},
                                  {QStringLiteral("count"), int(results->size())},
                                  {QStringLiteral("results"), array}});
        return ExitOk;
    }
    if (results->isEmpty()) {
        ctx.out() << "no results for \"" << query << "\"\n" << Qt::flush;
        return ExitOk; // finding nothing is an answer, not a failure
    }
    int n = 0;
    for (const SearchResult &r : std::as_const(*results)) {
        ctx.out() << ++n << ". " << r.source << ':' << r.path;
        if (!r.anchor.isEmpty())
            ctx.out() << '#' << r.anchor;
        ctx.out() << "  (lines " << r.startLine << '-' << r.endLine << ")\n   " << r.title;
        if (!r.heading.isEmpty() && r.heading != r.title)
            ctx.out() << " > " << r.heading;
        ctx.out() << "\n   " << r.snippet.simplified() << '\n';
    }
    ctx.out().flush();
    return ExitOk;
}

int resolve(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("Docs site URL, GitHub link or path."));
    parser.addOption({QStringLiteral("source"), QStringLiteral("Only this docs source."), QStringLiteral("name")});
    if (auto code = parseOptions(ctx, parser, args, docsHelp()))
        return *code;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("docs resolve needs exactly one URL"), docsHelp());
    auto index = openIndex(ctx);
    if (!index)
        return ctx.fail(ExitFailure, index.error());
    auto resolved = (*index)->resolveUrl(parser.positionalArguments().first(), parser.value(QStringLiteral("source")));
    if (!resolved)
        return failWith(ctx, resolved.error());
    if (ctx.json) {
        ctx.printJson(QJsonObject{{QStringLiteral("url"), parser.positionalArguments().first()},
                                  {QStringLiteral("source"), resolved->source},
                                  {QStringLiteral("path"), resolved->path},
                                  {QStringLiteral("anchor"), resolved->anchor},
                                  {QStringLiteral("anchor_found"), resolved->anchorFound},
                                  {QStringLiteral("heading"), resolved->heading},
                                  {QStringLiteral("line"), resolved->startLine},
                                  {QStringLiteral("title"), resolved->title},
                                  {QStringLiteral("matched_by"), resolved->matchedBy}});
        return ExitOk;
    }
    ctx.out() << resolved->source << ':' << resolved->path;
    if (!resolved->anchor.isEmpty())
        ctx.out() << '#' << resolved->anchor;
    ctx.out() << "  " << resolved->title;
    if (resolved->anchorFound)
        ctx.out() << " > " << resolved->heading << " (line " << resolved->startLine << ')';
    ctx.out() << '\n';
    if (!resolved->anchor.isEmpty() && !resolved->anchorFound)
        ctx.err() << "warning: the page has no section #" << resolved->anchor << '\n';
    ctx.out().flush();
    ctx.err().flush();
    return ExitOk;
}

QJsonArray termsJson(const QList<PageTerm> &terms)
{
    QJsonArray array;
    for (const PageTerm &t : terms) {
        QJsonObject o{{QStringLiteral("text"), t.text}, {QStringLiteral("line"), t.line}, {QStringLiteral("count"), t.count}};
        if (!t.meaning.isEmpty())
            o.insert(QStringLiteral("meaning"), t.meaning);
        array.append(o);
    }
    return array;
}

QJsonObject pageJson(const PageInfo &page)
{
    QJsonArray sections;
    for (const PageSection &s : page.sections) {
        sections.append(QJsonObject{{QStringLiteral("anchor"), s.anchor}, {QStringLiteral("heading"), s.heading},
                                    {QStringLiteral("level"), s.level}, {QStringLiteral("start_line"), s.startLine},
                                    {QStringLiteral("end_line"), s.endLine}});
    }
    QJsonArray links;
    for (const PageLink &l : page.links) {
        QJsonObject o{{QStringLiteral("target"), l.target}, {QStringLiteral("kind"), l.kind},
                      {QStringLiteral("status"), linkStatusName(l.status)}, {QStringLiteral("broken"), l.broken()},
                      {QStringLiteral("line"), l.line}, {QStringLiteral("text"), l.text}};
        if (!l.path.isEmpty())
            o.insert(QStringLiteral("path"), l.path);
        if (!l.anchor.isEmpty())
            o.insert(QStringLiteral("anchor"), l.anchor);
        if (!l.host.isEmpty())
            o.insert(QStringLiteral("host"), l.host);
        if (l.image)
            o.insert(QStringLiteral("image"), true);
        links.append(o);
    }
    QJsonArray commands;
    for (const PageCommand &c : page.commands) {
        commands.append(QJsonObject{{QStringLiteral("program"), c.program}, {QStringLiteral("text"), c.text},
                                    {QStringLiteral("line"), c.line}});
    }
    QJsonArray authors;
    for (const PageAuthor &a : page.authors) {
        authors.append(QJsonObject{{QStringLiteral("name"), a.name}, {QStringLiteral("email"), a.email},
                                   {QStringLiteral("commit"), a.commitId},
                                   {QStringLiteral("time"), a.time.toString(Qt::ISODate)}});
    }
    return {{QStringLiteral("source"), page.source},
            {QStringLiteral("path"), page.path},
            {QStringLiteral("title"), page.title},
            {QStringLiteral("commit"), page.commitId},
            {QStringLiteral("blob"), page.blobId},
            {QStringLiteral("lines"), page.lineCount},
            {QStringLiteral("size"), page.size},
            {QStringLiteral("site_url"), page.siteUrl},
            {QStringLiteral("front_matter"), page.frontMatterFormat},
            {QStringLiteral("warnings"), toJsonArray(page.warnings)},
            {QStringLiteral("sections"), sections},
            {QStringLiteral("links"), links},
            {QStringLiteral("commands"), commands},
            {QStringLiteral("env_vars"), termsJson(page.termsOf(QStringLiteral("env")))},
            {QStringLiteral("env_assignments"), termsJson(page.termsOf(QStringLiteral("env-assignment")))},
            {QStringLiteral("placeholders"), termsJson(page.termsOf(QStringLiteral("placeholder")))},
            {QStringLiteral("acronyms"), termsJson(page.termsOf(QStringLiteral("acronym")))},
            {QStringLiteral("definitions"), termsJson(page.termsOf(QStringLiteral("definition")))},
            {QStringLiteral("inline_code"), termsJson(page.termsOf(QStringLiteral("inline-code")))},
            {QStringLiteral("owners"), toJsonArray(page.owners)},
            {QStringLiteral("owners_rule"), page.ownersRule},
            {QStringLiteral("authors"), authors}};
}

void printTermLine(CliContext &ctx, const char *label, const QList<PageTerm> &terms)
{
    if (terms.isEmpty())
        return;
    QStringList texts;
    for (const PageTerm &t : terms)
        texts << (t.meaning.isEmpty() ? t.text : t.text + QStringLiteral(" = ") + t.meaning);
    ctx.out() << label << ": " << texts.join(QStringLiteral(", ")) << '\n';
}

int show(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("page"), QStringLiteral("Page path, or NAME:path."));
    parser.addOption({QStringLiteral("source"), QStringLiteral("Docs source of the page."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("revision"), QStringLiteral("An earlier indexed commit."), QStringLiteral("commit")});
    if (auto code = parseOptions(ctx, parser, args, docsHelp()))
        return *code;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("docs show needs exactly one PAGE"), docsHelp());
    auto index = openIndex(ctx);
    if (!index)
        return ctx.fail(ExitFailure, index.error());
    auto page = (*index)->page(parser.positionalArguments().first(), parser.value(QStringLiteral("source")),
                               parser.value(QStringLiteral("revision")));
    if (!page)
        return failWith(ctx, page.error());
    if (ctx.json) {
        ctx.printJson(pageJson(*page));
        return ExitOk;
    }
    QTextStream &out = ctx.out();
    out << page->source << ':' << page->path << "  \"" << page->title << "\"\n";
    out << "commit " << shortId(page->commitId) << ", blob " << shortId(page->blobId) << ", " << page->lineCount << " lines\n";
    if (!page->siteUrl.isEmpty())
        out << "published at " << page->siteUrl << '\n';
    for (const QString &w : page->warnings)
        out << "warning: " << w << '\n';
    out << "owners: " << (page->owners.isEmpty() ? QStringLiteral("(none)") : page->owners.join(QLatin1Char(' ')));
    if (!page->ownersRule.isEmpty())
        out << "  [" << page->ownersRule << ']';
    out << '\n';
    if (!page->authors.isEmpty()) {
        out << "last authors:\n";
        for (const PageAuthor &a : page->authors)
            out << "  " << a.time.toString(QStringLiteral("yyyy-MM-dd")) << "  " << a.name << " <" << a.email << ">  "
                << shortId(a.commitId) << '\n';
    }
    out << "sections:\n";
    for (const PageSection &s : page->sections)
        out << "  " << QString(qMax(0, s.level - 1) * 2, QLatin1Char(' ')) << '#' << s.anchor << "  " << s.heading
            << "  (lines " << s.startLine << '-' << s.endLine << ")\n";
    int broken = 0;
    for (const PageLink &l : page->links)
        broken += l.broken() ? 1 : 0;
    out << "links: " << page->links.size() << " (" << broken << " broken)\n";
    for (const PageLink &l : page->links) {
        if (l.broken() || l.kind == QLatin1String("relative") || l.kind == QLatin1String("anchor"))
            out << "  line " << l.line << ": " << l.target << "  " << linkStatusName(l.status) << '\n';
    }
    if (!page->commands.isEmpty()) {
        out << "commands:\n";
        for (const PageCommand &c : page->commands)
            out << "  line " << c.line << ": " << c.text << '\n';
    }
    printTermLine(ctx, "env vars", page->termsOf(QStringLiteral("env")));
    printTermLine(ctx, "placeholders", page->termsOf(QStringLiteral("placeholder")));
    printTermLine(ctx, "acronyms", page->termsOf(QStringLiteral("acronym")));
    printTermLine(ctx, "definitions", page->termsOf(QStringLiteral("definition")));
    out.flush();
    return ExitOk;
}

} // namespace

int runDocsCommand(CliContext &ctx, const QStringList &args)
{
    if (args.isEmpty())
        return ctx.usage(QStringLiteral("docs needs a subcommand"), docsHelp());
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("add"))
        return addSource(ctx, rest);
    if (sub == QLatin1String("update"))
        return updateSource(ctx, rest);
    if (sub == QLatin1String("list"))
        return listSources(ctx, rest);
    if (sub == QLatin1String("remove"))
        return removeSource(ctx, rest);
    if (sub == QLatin1String("search"))
        return search(ctx, rest);
    if (sub == QLatin1String("resolve"))
        return resolve(ctx, rest);
    if (sub == QLatin1String("show"))
        return show(ctx, rest);
    if (sub == QLatin1String("-h") || sub == QLatin1String("--help") || sub == QLatin1String("help")) {
        ctx.out() << docsHelp() << Qt::flush;
        return ExitOk;
    }
    return ctx.usage(QStringLiteral("unknown docs subcommand \"%1\"").arg(sub), docsHelp());
}

} // namespace devzero::cli
