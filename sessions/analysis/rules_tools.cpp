// undeclared-tool: a program run in a shell block that the reader was never
// told to have. A tool is introduced when the page or a prerequisite page
// names it in inline code, links a page about installing it (or its home,
// like https://brew.sh), installs it with a command, or says to install it
// in a sentence. Plain mentions do not count: "Paylark" the company is not
// `paylark` the command.

#include "sessions/analysis/rulecontext.h"
#include "sessions/analysis/rulesshell.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace devzero::analysis {

namespace {

struct Introductions
{
    QSet<QString> names;          // lower-case program names
    QStringList installSentences; // lower-case prose blocks that say "install" or "download"
};

bool isInstallCue(const QString &word)
{
    return word.contains(u"install") || word.contains(u"download") || word == u"setup" || word == u"releases"
        || word == u"release" || word == u"quickstart" || word == u"get-started" || word == u"getting-started"
        || word == u"getting_started";
}

QString stripWord(QString word)
{
    static const QString punctuation = u"\"'`()[]{}<>,;:!?*"_s;
    while (!word.isEmpty() && punctuation.contains(word.front()))
        word.remove(0, 1);
    while (!word.isEmpty() && (punctuation.contains(word.back()) || word.back() == u'.'))
        word.chop(1);
    if (const qsizetype slash = word.lastIndexOf(u'/'); slash >= 0 && !word.contains(u"://"))
        word = word.mid(slash + 1);
    return word.toLower();
}

QStringList urlTokens(const QString &url, QString *mainLabel)
{
    QString rest = url;
    if (const qsizetype scheme = rest.indexOf(u"://"); scheme >= 0)
        rest = rest.mid(scheme + 3);
    const qsizetype slash = rest.indexOf(u'/');
    QStringList labels = rest.left(slash < 0 ? rest.size() : slash).toLower().split(u'.', Qt::SkipEmptyParts);
    if (!labels.isEmpty() && labels.first() == u"www")
        labels.removeFirst();
    if (mainLabel && !labels.isEmpty())
        *mainLabel = labels.first();
    static const QRegularExpression separators(u"[/.:?#=&]+"_s);
    static const QRegularExpression dashes(u"[-_]"_s);
    QStringList tokens = url.toLower().split(separators, Qt::SkipEmptyParts);
    const QStringList pieces = tokens;
    for (const QString &piece : pieces)
        if (piece.contains(u'-') || piece.contains(u'_'))
            tokens << piece.split(dashes, Qt::SkipEmptyParts);
    return tokens;
}

// Tools known by another name in prose.
QString aliasOf(const QString &word)
{
    static const QHash<QString, QString> aliases = {{u"homebrew"_s, u"brew"_s}, {u"httpie"_s, u"http"_s},
                                                    {u"macports"_s, u"port"_s}, {u"chocolatey"_s, u"choco"_s}};
    return aliases.value(word);
}

// What page i introduces; with `within`, only inside those line ranges.
Introductions introductionsOf(const RuleContext &context, qsizetype i, const QList<LineRange> *within = nullptr)
{
    auto inside = [within](int line) {
        if (!within)
            return true;
        for (const LineRange &range : *within)
            if (range.contains(line))
                return true;
        return false;
    };
    static const QRegularExpression codeWords(u"[\\s|]+"_s);
    static const QRegularExpression textWords(u"[^a-z0-9+._-]+"_s);
    Introductions intro;
    const docindex::ParsedPage &page = context.parsed(i);
    for (const docindex::Term &code : page.inlineCode)
        if (inside(code.line))
            for (const QString &word : code.text.split(codeWords, Qt::SkipEmptyParts))
            if (const QString name = stripWord(word); !name.isEmpty())
                intro.names.insert(name);

    for (const docindex::Link &link : page.links) {
        if (!inside(link.line))
            continue;
        QString mainLabel;
        QStringList tokens = urlTokens(link.target, link.kind == docindex::Link::Kind::External ? &mainLabel : nullptr);
        QStringList words;
        for (const QString &word : link.text.toLower().split(textWords, Qt::SkipEmptyParts))
            words << stripWord(word);
        bool cue = false;
        for (const QString &t : std::as_const(tokens))
            cue = cue || isInstallCue(t);
        for (const QString &w : std::as_const(words))
            cue = cue || isInstallCue(w);
        if (cue) {
            for (const QString &t : std::as_const(tokens))
                intro.names.insert(t);
            for (const QString &w : std::as_const(words))
                intro.names.insert(w);
        }
        if (!mainLabel.isEmpty())
            intro.names.insert(mainLabel); // https://brew.sh names brew
        if (words.size() == 1)
            intro.names.insert(words.first());
        for (const QString &w : std::as_const(words))
            if (const QString alias = aliasOf(w); !alias.isEmpty())
                intro.names.insert(alias);
    }

    static const QRegularExpression alias(u"\\balias\\s+([A-Za-z0-9_.+-]+)="_s);
    static const QRegularExpression function(u"^\\s*(?:function\\s+)?([A-Za-z0-9_.+-]+)\\s*\\(\\)"_s);
    for (const docindex::Command &command : page.commands) {
        if (!inside(command.line))
            continue;
        for (const QString &name : programsInstalledBy(command.text))
            intro.names.insert(name);
        for (const auto *re : {&alias, &function})
            if (const auto match = re->match(command.text); match.hasMatch())
                intro.names.insert(match.captured(1).toLower());
    }

    for (const ProseBlock &block : context.facts(i).prose.blocks) {
        if (!inside(block.startLine))
            continue;
        QString text = block.text.join(u' ').toLower();
        if (text.contains(u"install") || text.contains(u"download")) {
            for (auto it = text.begin(); it != text.end(); ++it)
                if (!it->isLetterOrNumber() && *it != u'-' && *it != u'_')
                    *it = u' ';
            const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
            for (const QString &w : words)
                if (const QString alias = aliasOf(w); !alias.isEmpty())
                    intro.names.insert(alias);
            intro.installSentences << text;
        }
    }
    return intro;
}

// Landing pages state what the whole site needs: the root index or README,
// and getting-started or quickstart pages.
bool isLandingPage(const RuleContext &context, qsizetype i)
{
    const QString &path = context.parsed(i).path;
    const QString name = path.section(u'/', -1).toLower();
    const QString folder = path.contains(u'/') ? path.section(u'/', 0, -2) : QString();
    if (folder == context.docsRoot() && (name == u"index.md" || name == u"readme.md" || name == u"_index.md"))
        return true;
    for (const char *stem : {"getting-started", "getting_started", "gettingstarted", "quickstart", "quick-start",
                             "quick_start"})
        if (name.contains(QLatin1String(stem)))
            return true;
    return false;
}

// Tools the landing pages list as requirements ("Requirements: installed
// kubectl"): the site assumes them everywhere.
Introductions siteRequirements(const RuleContext &context)
{
    Introductions site;
    for (qsizetype i = 0; i < context.size(); ++i) {
        if (!isLandingPage(context, i) || context.facts(i).prerequisiteSections.isEmpty())
            continue;
        const Introductions intro = introductionsOf(context, i, &context.facts(i).prerequisiteSections);
        site.names.unite(intro.names);
        site.installSentences << intro.installSentences;
    }
    return site;
}

// Homebrew, MacPorts, Chocolatey, Scoop used to install something: one of
// several ways offered ("### Homebrew" then "brew install x"); a reader
// without it takes another.
bool isAlternativeInstaller(const QString &tool, const QString &command)
{
    static const QSet<QString> managers = {u"brew"_s, u"port"_s, u"choco"_s, u"scoop"_s, u"nix-env"_s};
    return managers.contains(tool) && !programsInstalledBy(command).isEmpty();
}

bool introduces(const Introductions &intro, const QString &tool)
{
    if (intro.names.contains(tool))
        return true;
    for (const QString &sentence : intro.installSentences)
        if (findWord(sentence, tool) >= 0)
            return true;
    return false;
}

} // namespace

void checkTools(RuleContext &context)
{
    QHash<qsizetype, Introductions> cache;
    auto introductions = [&](qsizetype i) -> const Introductions & {
        auto it = cache.find(i);
        if (it == cache.end())
            it = cache.insert(i, introductionsOf(context, i));
        return *it;
    };
    const Introductions site = siteRequirements(context);
    for (qsizetype i = 0; i < context.size(); ++i) {
        const docindex::ParsedPage &page = context.parsed(i);
        if (page.commands.isEmpty())
            continue;
        // Blocks that are mostly output or listings (a directory tree, a log) are not scripts.
        QList<LineRange> notScripts;
        for (const docindex::CodeBlock &block : page.codeBlocks) {
            if (!block.isShell())
                continue;
            int total = 0;
            int commands = 0;
            for (const docindex::Command &command : page.commands) {
                if (command.line < block.startLine || command.line > block.endLine)
                    continue;
                ++total;
                commands += looksLikeCommandLine(command.text);
            }
            if (total > 0 && commands * 10 < total * 6)
                notScripts.append({block.startLine, block.endLine});
        }
        for (const docindex::Command &command : page.commands) {
            bool skip = !looksLikeCommandLine(command.text);
            for (const LineRange &range : std::as_const(notScripts))
                skip = skip || range.contains(command.line);
            if (skip)
                continue;
            for (const ProgramUse &use : programsIn(command.text)) {
                const QString tool = use.program.toLower();
                if (isUniversalProgram(tool) || context.config().knownTools.contains(tool)
                    || isAlternativeInstaller(tool, command.text))
                    continue;
                bool known = introduces(introductions(i), tool) || introduces(site, tool);
                for (const int prerequisite : context.facts(i).prerequisitePages)
                    known = known || introduces(introductions(prerequisite), tool);
                if (known)
                    continue;
                const QString line = context.facts(i).prose.lines.value(command.line - 1);
                const qsizetype at = findWord(line, use.program, 0, Qt::CaseSensitive);
                context.report(i, u"undeclared-tool"_s, command.line, use.program,
                               u"`%1` is used here, but neither this page nor its prerequisites say to install it "
                               u"or link to where to get it"_s.arg(use.program),
                               0, at >= 0 ? int(at) + 1 : 0);
            }
        }
    }
}

} // namespace devzero::analysis
