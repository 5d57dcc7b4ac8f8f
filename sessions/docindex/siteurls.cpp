#include "sessions/docindex/siteurls.h"

#include "sessions/docindex/gitrepository.h"
#include "sessions/docindex/mkdocsconfig.h"
#include "sessions/docindex/authorsindex.h"

#include <QRegularExpression>

namespace devzero::docindex {

namespace {

QString stripPageSuffix(const QString &path)
{
    for (const char *suffix : {".markdown", ".mdx", ".md", ".html", ".htm"}) {
        const QLatin1String s(suffix);
        if (path.endsWith(s, Qt::CaseInsensitive))
            return path.chopped(s.size());
    }
    return path;
}

// "a/index" -> "a", "index" -> "", "a/README" -> "a".
QString dropIndexLeaf(const QString &path)
{
    const QString leaf = path.section(QLatin1Char('/'), -1);
    if (leaf.compare(QLatin1String("index"), Qt::CaseInsensitive) == 0
        || leaf.compare(QLatin1String("readme"), Qt::CaseInsensitive) == 0) {
        return path.contains(QLatin1Char('/')) ? path.section(QLatin1Char('/'), 0, -2) : QStringLiteral("");
    }
    return path;
}

} // namespace

QString normaliseUrlPath(const QString &path)
{
    QString p = path;
    while (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return dropIndexLeaf(stripPageSuffix(p));
}

QString siteKey(const QString &pagePath, const QString &docsRoot)
{
    QString relative = pagePath;
    if (!docsRoot.isEmpty()) {
        if (!pagePath.startsWith(docsRoot + QLatin1Char('/')))
            return {};
        relative = pagePath.mid(docsRoot.size() + 1);
    }
    return normaliseUrlPath(relative);
}

QString repositoryKey(const QString &pagePath)
{
    return stripPageSuffix(pagePath);
}

int versionPrefixLength(const QStringList &segments)
{
    static const QRegularExpression language(QStringLiteral("^[a-z]{2}([-_][A-Za-z]{2,4})?$"));
    static const QRegularExpression version(
        QStringLiteral("^(stable|latest|master|main|dev|next|current|v?\\d+(\\.[0-9x]+)*([-.][A-Za-z0-9]+)*)$"));
    if (segments.size() >= 2 && language.match(segments.at(0)).hasMatch() && version.match(segments.at(1)).hasMatch())
        return 2;
    if (!segments.isEmpty() && version.match(segments.at(0)).hasMatch())
        return 1;
    return 0;
}

QString SiteLayout::fingerprint() const
{
    return configPath + QLatin1Char(':') + configBlob + QLatin1Char(':') + docsRoot;
}

Result<SiteLayout> readSiteLayout(const GitRepository &repo, const QString &commitId, const QString &subdir,
                                  const QString &previousFingerprint, bool pagesChanged)
{
    SiteLayout layout;
    layout.docsRoot = subdir;
    for (const QString &candidate : mkdocsConfigCandidates(subdir)) {
        auto id = repo.fileId(commitId, candidate);
        if (!id)
            return id.error();
        if (id->isEmpty())
            continue;
        auto text = repo.readBlob(*id);
        if (!text)
            return text.error();
        const MkDocsConfig config = parseMkDocsConfig(*text, candidate);
        layout.configPath = candidate;
        layout.configBlob = *id;
        const QString folder = candidate.contains(QLatin1Char('/')) ? candidate.section(QLatin1Char('/'), 0, -2) : QString();
        layout.docsRoot = folder.isEmpty() ? config.docsDir : folder + QLatin1Char('/') + config.docsDir;
        layout.siteUrl = config.siteUrl;
        layout.navProblems = config.problems;
        const bool checkNav = pagesChanged || layout.fingerprint() != previousFingerprint;
        // Nav entries that name no file are a docs bug worth a warning.
        for (const MkDocsNavEntry &entry : checkNav ? config.nav : QList<MkDocsNavEntry>()) {
            if (entry.target.contains(QLatin1String("://")) || !isPagePath(entry.target))
                continue;
            auto page = repo.fileId(commitId, layout.docsRoot + QLatin1Char('/') + entry.target);
            if (!page)
                return page.error();
            if (page->isEmpty()) {
                layout.navProblems << QStringLiteral("%1:%2: nav entry '%3' names no page")
                                          .arg(candidate).arg(entry.line).arg(entry.target);
            }
        }
        break;
    }
    return layout;
}

QStringList pageCandidates(const QString &key, const QString &prefix)
{
    const QString base = prefix.isEmpty() ? key : (key.isEmpty() ? prefix : prefix + QLatin1Char('/') + key);
    if (base.isEmpty())
        return {QStringLiteral("index.md"), QStringLiteral("README.md"), QStringLiteral("index.mdx")};
    QStringList candidates;
    if (!key.isEmpty()) {
        for (const char *suffix : {".md", ".mdx", ".markdown"})
            candidates << base + QLatin1String(suffix);
    }
    for (const char *leaf : {"/index.md", "/README.md", "/index.mdx", "/readme.md"})
        candidates << base + QLatin1String(leaf);
    return candidates;
}

} // namespace devzero::docindex
