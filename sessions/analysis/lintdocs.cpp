#include "sessions/analysis/lintdocs.h"

#include "sessions/analysis/rulecontext.h"
#include "sessions/analysis/rules.h"
#include "sessions/docindex/docindex.h"
#include "sessions/docindex/gitrepository.h"
#include "sessions/docindex/mkdocsconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;

namespace devzero::analysis {

namespace {

bool isPageFile(const QString &name)
{
    return name.endsWith(u".md", Qt::CaseInsensitive) || name.endsWith(u".markdown", Qt::CaseInsensitive)
        || name.endsWith(u".mdx", Qt::CaseInsensitive);
}

struct LoadedPage
{
    QString path; // repository path
    QByteArray bytes;
    QString blobId;
};

// Parses on a few threads: parsing is CPU-bound and independent per page.
QList<RulePage> parseAll(const QList<LoadedPage> &loaded)
{
    QList<RulePage> pages(loaded.size());
    std::atomic<qsizetype> next{0};
    auto work = [&] {
        for (qsizetype i = next++; i < loaded.size(); i = next++)
            pages[i] = makeRulePage(loaded[i].path, loaded[i].bytes, loaded[i].blobId);
    };
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    if (loaded.size() < 16 || threads == 1) {
        work();
        return pages;
    }
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t)
        workers.emplace_back(work);
    work();
    for (std::thread &worker : workers)
        worker.join();
    return pages;
}

// The repository root: the nearest folder from `folder` up that holds
// .devzero.yml, .git or mkdocs.yml; `folder` itself when none does.
QString findRoot(const QString &folder)
{
    QDir dir(folder);
    do {
        for (const QString &marker : {u".devzero.yml"_s, u".git"_s, u"mkdocs.yml"_s})
            if (dir.exists(marker))
                return dir.absolutePath();
    } while (dir.cdUp());
    return QDir(folder).absolutePath();
}

void collectFiles(const QString &folder, QStringList &out)
{
    const QFileInfoList entries =
        QDir(folder).entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (entry.isDir()) {
            if (entry.isSymLink() || entry.fileName() == u"node_modules")
                continue; // hidden folders are not listed without QDir::Hidden
            collectFiles(entry.absoluteFilePath(), out);
        } else if (isPageFile(entry.fileName())) {
            out << entry.absoluteFilePath();
        }
    }
}

// Existing link targets: only the paths the pages link to are looked up.
QSet<QString> existingTargets(const QList<RulePage> &pages, const std::function<bool(const QString &)> &exists)
{
    QSet<QString> checked;
    QSet<QString> found;
    const QString docsRoot = commonFolder(pages);
    for (const RulePage &page : pages) {
        for (const docindex::Link &link : page.parsed.links) {
            if (link.kind != docindex::Link::Kind::Relative || link.escapesRepository || link.path.isEmpty())
                continue;
            QStringList candidates = {link.path};
            if (link.target.trimmed().startsWith(u'/') && !docsRoot.isEmpty())
                candidates << docsRoot + u'/' + link.path;
            for (const QString &candidate : std::as_const(candidates)) {
                if (checked.contains(candidate))
                    continue;
                checked.insert(candidate);
                if (exists(candidate))
                    found.insert(candidate);
            }
        }
    }
    return found;
}

bool isPagePath(const QString &path)
{
    return isPageFile(path) || !path.section(u'/', -1).contains(u'.');
}

// A partial checkout (a sparse or filtered clone, a docs-only export) has
// the pages but not the images and files they link to. When not one of at
// least five such targets exists, checking them would report every one as
// broken: they are taken as existing, with one warning instead.
void allowPartialCheckout(const QList<RulePage> &pages, const std::function<bool(const QString &)> &exists,
                          QSet<QString> &existing, QStringList &warnings)
{
    QSet<QString> targets;
    for (const RulePage &page : pages)
        for (const QList<docindex::Link> *links : {&page.parsed.links, &page.parsed.images})
            for (const docindex::Link &link : *links)
                if (link.kind == docindex::Link::Kind::Relative && !link.escapesRepository && !link.path.isEmpty()
                    && !isPagePath(link.path))
                    targets.insert(link.path);
    if (targets.size() < 5)
        return;
    for (const QString &target : std::as_const(targets))
        if (existing.contains(target) || exists(target))
            return;
    existing.unite(targets);
    warnings << u"none of the %1 images and other files the pages link to exist: this looks like a partial "
                u"checkout, so links to files other than pages were not checked"_s.arg(targets.size());
}

void addParseWarnings(const QList<RulePage> &pages, QStringList &warnings)
{
    for (const RulePage &page : pages)
        for (const QString &warning : page.parsed.warnings)
            warnings << page.parsed.path + u": "_s + warning;
}

} // namespace

bool hasFlagAtLeast(const QList<Flag> &flags, Severity threshold)
{
    return std::any_of(flags.cbegin(), flags.cend(), [&](const Flag &f) { return int(f.severity) >= int(threshold); });
}

Result<LintResult> lintWorkingTree(const QString &path, const QString &configPath)
{
    const QFileInfo target(path);
    if (!target.exists())
        return makeError(u"no such file or folder"_s, path);
    const bool onePage = target.isFile();
    if (onePage && !isPageFile(target.fileName()))
        return makeError(u"not a Markdown page (.md, .markdown or .mdx)"_s, path);
    const QString start = onePage ? target.absolutePath() : target.absoluteFilePath();
    const QString root = findRoot(start);
    const QDir rootDir(root);

    LintResult result;
    result.root = root;
    const QString relativeRoot = QDir::current().relativeFilePath(root);
    result.pathPrefix = (relativeRoot.isEmpty() || relativeRoot == u".") ? QString() : relativeRoot + u'/';

    QString configFile = configPath;
    if (configFile.isEmpty() && rootDir.exists(u".devzero.yml"_s))
        configFile = rootDir.filePath(u".devzero.yml"_s);
    if (!configFile.isEmpty()) {
        auto config = loadDocsConfig(configFile, configPath.isEmpty() ? u".devzero.yml"_s : configPath);
        if (!config)
            return config.error();
        result.config = *config;
        result.warnings << config->warnings;
    }

    // What to read: PATH, or the docs_dir of mkdocs.yml when PATH is the root.
    QString scope = onePage ? root : target.absoluteFilePath();
    if (QDir(scope).absolutePath() == root && rootDir.exists(u"mkdocs.yml"_s)) {
        QFile mkdocs(rootDir.filePath(u"mkdocs.yml"_s));
        if (mkdocs.open(QIODevice::ReadOnly)) {
            const docindex::MkDocsConfig site = docindex::parseMkDocsConfig(mkdocs.readAll());
            const QString docsDir = rootDir.filePath(site.docsDir);
            if (QFileInfo(docsDir).isDir())
                scope = QDir(docsDir).absolutePath();
        }
    }
    if (onePage) {
        // The page's docs folder: mkdocs docs_dir when the page is in it, else the page's folder.
        if (!target.absoluteFilePath().startsWith(scope + u'/'))
            scope = target.absolutePath();
    }

    QStringList files;
    collectFiles(scope, files);
    QList<LoadedPage> loaded;
    loaded.reserve(files.size());
    for (const QString &file : std::as_const(files)) {
        QFile f(file);
        const QString repoPath = rootDir.relativeFilePath(file);
        if (f.size() > docindex::kMaxPageBytes) {
            result.warnings << u"%1: skipped: larger than %2 MB"_s.arg(repoPath).arg(docindex::kMaxPageBytes >> 20);
            continue;
        }
        if (!f.open(QIODevice::ReadOnly)) {
            result.warnings << u"%1: skipped: %2"_s.arg(repoPath, f.errorString());
            continue;
        }
        loaded.append({repoPath, f.readAll(), {}});
    }
    const QList<RulePage> pages = parseAll(loaded);
    addParseWarnings(pages, result.warnings);
    const auto fileExists = [&](const QString &p) { return QFileInfo::exists(rootDir.filePath(p)); };
    QSet<QString> existing = existingTargets(pages, fileExists);
    allowPartialCheckout(pages, fileExists, existing, result.warnings);
    result.pageCount = int(pages.size());
    result.flags = runRules(pages, result.config, existing);
    if (onePage) {
        const QString only = rootDir.relativeFilePath(target.absoluteFilePath());
        result.flags.removeIf([&](const Flag &f) { return f.path != only; });
    }
    return result;
}

Result<LintResult> lintSource(docindex::DocIndex &index, const QString &source, const QString &configPath,
                              const QStringList &extraInternalHosts)
{
    auto info = index.source(source);
    if (!info)
        return info.error();
    auto paths = index.pages(source);
    if (!paths)
        return paths.error();

    LintResult result;
    result.root = u"source:"_s + source;

    // The whole tree of the indexed revision: files links may point to, and blob ids.
    QHash<QString, QString> blobs;
    QSet<QString> treePaths;
    std::unique_ptr<docindex::GitRepository> repo;
    if (auto opened = docindex::GitRepository::open(info->localPath)) {
        repo = std::move(*opened);
        if (auto tree = repo->listTree(info->commitId, QString())) {
            for (const docindex::GitEntry &entry : *tree) {
                blobs.insert(entry.path, entry.id);
                treePaths.insert(entry.path);
                QString folder = entry.path;
                while (folder.contains(u'/')) {
                    folder.truncate(folder.lastIndexOf(u'/'));
                    treePaths.insert(folder);
                }
            }
        } else {
            result.warnings << tree.error().toString();
        }
    } else {
        result.warnings << opened.error().toString();
    }

    if (!configPath.isEmpty()) {
        auto config = loadDocsConfig(configPath);
        if (!config)
            return config.error();
        result.config = *config;
    } else if (repo) {
        auto bytes = repo->readFile(info->commitId, u".devzero.yml"_s);
        if (bytes && !bytes->isNull()) {
            auto config = parseDocsConfig(*bytes, source + u":.devzero.yml"_s);
            if (!config)
                return config.error();
            result.config = *config;
        }
    }
    for (const QString &host : extraInternalHosts)
        result.config.internalHosts << host.toLower();
    result.warnings << result.config.warnings;

    QList<LoadedPage> loaded;
    for (const QString &path : std::as_const(*paths)) {
        auto bytes = index.readPageBlob(path, source);
        if (!bytes) {
            result.warnings << bytes.error().toString();
            continue;
        }
        loaded.append({path, *bytes, blobs.value(path)});
    }
    const QList<RulePage> pages = parseAll(loaded);
    addParseWarnings(pages, result.warnings);
    allowPartialCheckout(pages, [&](const QString &p) { return treePaths.contains(p); }, treePaths, result.warnings);
    result.pageCount = int(pages.size());
    result.flags = runRules(pages, result.config, treePaths);
    return result;
}

QJsonObject flagJson(const Flag &flag)
{
    return {{u"rule"_s, flag.ruleId},
            {u"severity"_s, toString(flag.severity)},
            {u"message"_s, flag.message},
            {u"explanation"_s, flag.explanation},
            {u"path"_s, flag.path},
            {u"line"_s, flag.startLine},
            {u"end_line"_s, flag.endLine},
            {u"column"_s, flag.column},
            {u"anchor"_s, flag.anchor},
            {u"term"_s, flag.term},
            {u"excerpt"_s, flag.excerpt},
            {u"generated"_s, flag.generated},
            {u"score"_s, flag.score},
            {u"blob_id"_s, flag.blobId}};
}

QJsonObject lintJson(const LintResult &result, const QString &toolVersion)
{
    int counts[4] = {0, 0, 0, 0};
    QJsonArray flags;
    for (const Flag &flag : result.flags) {
        ++counts[int(flag.severity)];
        flags.append(flagJson(flag));
    }
    QJsonArray ruleList;
    for (const RuleInfo &rule : rules())
        ruleList.append(QJsonObject{{u"id"_s, rule.id},
                                    {u"title"_s, rule.title},
                                    {u"explanation"_s, rule.explanation},
                                    {u"severity"_s, toString(rule.defaultSeverity)}});
    return {{u"schema"_s, QString::fromLatin1(kLintSchema)},
            {u"tool"_s, QJsonObject{{u"name"_s, u"devzero"_s}, {u"version"_s, toolVersion}}},
            {u"root"_s, result.root},
            {u"pages"_s, result.pageCount},
            {u"summary"_s, QJsonObject{{u"error"_s, counts[int(Severity::Error)]},
                                      {u"warning"_s, counts[int(Severity::Warning)]},
                                      {u"info"_s, counts[int(Severity::Info)]},
                                      {u"total"_s, int(result.flags.size())}}},
            {u"rules"_s, ruleList},
            {u"warnings"_s, QJsonArray::fromStringList(result.warnings)},
            {u"flags"_s, flags}};
}

} // namespace devzero::analysis
