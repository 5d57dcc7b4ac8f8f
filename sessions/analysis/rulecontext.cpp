// The reading path of each page and the one place where findings become flags.

#include "sessions/analysis/rulecontext.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace devzero::analysis {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// "Prerequisites", "Before you begin", "Requirements", "What you need", ...
bool isPrerequisiteHeading(const QString &heading)
{
    QString h;
    for (const QChar c : heading.toLower())
        if (c.isLetter() || c == u' ' || c == u'\'')
            h += c;
    h = h.simplified();
    return h.contains(u"prerequisite") || h.contains(u"requirement") || h.startsWith(u"required")
        || h.startsWith(u"before you begin")
        || h.startsWith(u"before you start") || h.startsWith(u"before you get started")
        || h.startsWith(u"before beginning") || h.startsWith(u"before starting")
        || (h.startsWith(u"what you") && h.contains(u"need")) || h.startsWith(u"you need")
        || h.startsWith(u"you will need") || h.startsWith(u"you'll need");
}

// "**Prerequisites**:", "Requirements:" opening a paragraph.
bool isPrerequisiteLead(const QString &firstLine)
{
    QString t = firstLine.trimmed();
    while (!t.isEmpty() && (t[0] == u'*' || t[0] == u'_' || t[0] == u'>' || t[0] == u' '))
        t.remove(0, 1);
    const qsizetype colon = t.indexOf(u':');
    if (colon <= 0 || colon > 40)
        return false;
    QString lead = t.left(colon);
    lead.remove(u'*');
    lead.remove(u'_');
    return isPrerequisiteHeading(lead);
}

bool isGlossary(const docindex::ParsedPage &page)
{
    const QString name = page.path.mid(page.path.lastIndexOf(u'/') + 1).toLower();
    const QString title = page.title.toLower();
    return name.contains(u"glossary") || name.contains(u"terminology") || title.contains(u"glossary")
        || title.contains(u"terminology");
}

Severity lowered(Severity s)
{
    return s == Severity::Error ? Severity::Warning : Severity::Info;
}

} // namespace

QString commonFolder(const QList<RulePage> &pages)
{
    QStringList prefix;
    bool first = true;
    for (const RulePage &page : pages) {
        QStringList folders = page.parsed.path.split(u'/');
        folders.removeLast();
        if (first) {
            prefix = folders;
            first = false;
            continue;
        }
        qsizetype n = 0;
        while (n < prefix.size() && n < folders.size() && prefix[n] == folders[n])
            ++n;
        prefix = prefix.mid(0, n);
    }
    return prefix.join(u'/');
}

qsizetype findWord(QStringView text, QStringView word, qsizetype from, Qt::CaseSensitivity cs)
{
    if (word.isEmpty())
        return -1;
    while (from <= text.size() - word.size()) {
        const qsizetype at = text.indexOf(word, from, cs);
        if (at < 0)
            return -1;
        const qsizetype end = at + word.size();
        const bool startOk = at == 0 || !isWordChar(text[at - 1]) || !isWordChar(word.front());
        const bool endOk = end >= text.size() || !isWordChar(text[end]) || !isWordChar(word.back());
        if (startOk && endOk)
            return at;
        from = at + 1;
    }
    return -1;
}

QString normaliseAnchor(const QString &anchor)
{
    QString out;
    out.reserve(anchor.size());
    for (const QChar c : anchor.toLower()) {
        if (c == u'-' || c.isSpace()) {
            if (!out.isEmpty() && !out.endsWith(u'-'))
                out += u'-';
        } else {
            out += c;
        }
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    // MkDocs numbers duplicates "name_1", GitHub "name-1".
    const qsizetype underscore = out.lastIndexOf(u'_');
    if (underscore > 0 && underscore + 1 < out.size()) {
        bool digits = true;
        for (qsizetype i = underscore + 1; i < out.size(); ++i)
            digits = digits && out[i].isDigit();
        if (digits)
            out[underscore] = u'-';
    }
    return out;
}

RuleContext::RuleContext(const QList<RulePage> &pages, const DocsConfig &config, const QSet<QString> &existingPaths)
    : m_pages(pages), m_config(config), m_existing(existingPaths)
{
    m_facts.resize(m_pages.size());
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        const QString &path = m_pages[i].parsed.path;
        m_pageByPath.insert(path, int(i));
        QString folder = path;
        while (folder.contains(u'/')) {
            folder.truncate(folder.lastIndexOf(u'/'));
            m_folders.insert(folder);
        }
    }
    m_docsRoot = commonFolder(m_pages);

    // Reading the prose is a second cmark pass per page: independent, so on a few threads.
    std::atomic<qsizetype> next{0};
    auto work = [&] {
        for (qsizetype i = next++; i < m_pages.size(); i = next++)
            m_facts[i].prose = extractProse(m_pages[i].parsed.path, m_pages[i].content);
    };
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads && m_pages.size() >= 16; ++t)
        workers.emplace_back(work);
    work();
    for (std::thread &worker : workers)
        worker.join();

    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        const docindex::ParsedPage &page = m_pages[i].parsed;
        PageFacts &facts = m_facts[i];
        facts.generated = facts.prose.generatorMarker || m_config.isGenerated(page.path);

        const QList<docindex::Section> &sections = page.sections;
        for (qsizetype s = 0; s < sections.size(); ++s) {
            const docindex::Section &section = sections[s];
            if (!section.anchor.isEmpty())
                facts.anchors.insert(normaliseAnchor(section.anchor));
            if (section.level == 1 && facts.titleLine == 0) {
                facts.titleLine = section.startLine;
                facts.titleSectionEnd = section.endLine;
            }
            if (section.level > 0 && isPrerequisiteHeading(section.heading)) {
                LineRange range{section.startLine, section.endLine};
                for (qsizetype t = s + 1; t < sections.size() && sections[t].level > section.level; ++t)
                    range.last = sections[t].endLine;
                facts.prerequisiteSections.append(range);
            }
        }
        for (const QString &extra : std::as_const(facts.prose.extraAnchors))
            facts.anchors.insert(normaliseAnchor(extra));
        for (const ProseBlock &block : std::as_const(facts.prose.blocks)) {
            if (block.kind != ProseBlock::Kind::Paragraph || !isPrerequisiteLead(block.text.value(0)))
                continue;
            int last = page.lineCount;
            for (const docindex::Section &section : sections)
                if (section.level > 0 && section.startLine > block.startLine) {
                    last = section.startLine - 1;
                    break;
                }
            facts.prerequisiteSections.append({block.startLine, last});
        }
        facts.hasPrerequisites = !facts.prerequisiteSections.isEmpty();
        for (const docindex::CodeBlock &block : page.codeBlocks)
            if (block.isShell())
                facts.shellBlocks.append({block.startLine, block.endLine});
    }
    for (qsizetype i = 0; i < m_pages.size(); ++i)
        linkReadingPath(i);
}

void RuleContext::linkReadingPath(qsizetype i)
{
    PageFacts &facts = m_facts[i];
    for (const docindex::Link &link : m_pages[i].parsed.links) {
        if (link.kind != docindex::Link::Kind::Relative)
            continue;
        QString path = link.path;
        int target = pageIndex(path);
        if (target < 0 && link.target.startsWith(u'/') && !m_docsRoot.isEmpty())
            target = pageIndex(m_docsRoot + u'/' + path);
        if (target < 0 || target == i)
            continue;
        bool prerequisite = false;
        for (const LineRange &range : std::as_const(facts.prerequisiteSections))
            prerequisite = prerequisite || range.contains(link.line);
        if (prerequisite && !facts.prerequisitePages.contains(target))
            facts.prerequisitePages.append(target);
        if (isGlossary(m_pages[target].parsed) && !facts.glossaryPages.contains(target))
            facts.glossaryPages.append(target);
    }
}

int RuleContext::pageIndex(const QString &path) const
{
    QString p = path;
    while (p.startsWith(u'/'))
        p.remove(0, 1);
    while (p.endsWith(u'/'))
        p.chop(1);
    if (const auto it = m_pageByPath.constFind(p); it != m_pageByPath.constEnd())
        return *it;
    QStringList candidates = {p + u".md"_s, p + u"/index.md"_s, p + u"/README.md"_s, p + u"/_index.md"_s};
    if (p.endsWith(u".html"))
        candidates.prepend(p.left(p.size() - 5) + u".md"_s);
    if (p.isEmpty())
        candidates = {u"index.md"_s, u"README.md"_s};
    for (const QString &candidate : std::as_const(candidates))
        if (const auto it = m_pageByPath.constFind(candidate); it != m_pageByPath.constEnd())
            return *it;
    return -1;
}

bool RuleContext::exists(const QString &path) const
{
    QString p = path;
    while (p.endsWith(u'/'))
        p.chop(1);
    if (p.isEmpty() || pageIndex(p) >= 0 || m_existing.contains(p) || m_folders.contains(p))
        return true;
    if (p.endsWith(u".html") && m_existing.contains(p.left(p.size() - 5) + u".md"_s))
        return true;
    return false;
}

QString RuleContext::docsRoot() const
{
    return m_docsRoot;
}

bool RuleContext::inShellBlock(qsizetype page, int line) const
{
    for (const LineRange &range : m_facts[page].shellBlocks)
        if (range.contains(line))
            return true;
    return false;
}

void RuleContext::report(qsizetype page, const QString &ruleId, int line, const QString &term, const QString &message,
                         int endLine, int column)
{
    const RulePage &rulePage = m_pages[page];
    const QString &path = rulePage.parsed.path;
    if (m_config.isIgnored(ruleId, path))
        return;
    bool off = false;
    const std::optional<Severity> configured = m_config.severityOf(ruleId, &off);
    if (off)
        return;
    const PageFacts &facts = m_facts[page];
    for (const IgnoreDirective &ignore : facts.prose.ignores)
        if (line >= ignore.firstLine && line <= ignore.lastLine
            && (ignore.rules.contains(ruleId) || ignore.rules.contains(u"*"_s) || ignore.rules.contains(u"all"_s)))
            return;

    const QString key = QString::number(page) + u'\x1f' + ruleId + u'\x1f' + term.toLower();
    if (const auto it = m_flags.constFind(key); it != m_flags.constEnd() && it->startLine <= line)
        return;

    const RuleInfo *rule = findRule(ruleId);
    Flag flag;
    flag.ruleId = ruleId;
    flag.severity = configured.value_or(rule ? rule->defaultSeverity : Severity::Warning);
    flag.generated = facts.generated;
    if (flag.generated)
        flag.severity = lowered(flag.severity);
    flag.staticScore = severityWeight(flag.severity) * (flag.generated ? 0.3 : 1.0);
    flag.score = flag.staticScore;
    flag.message = message;
    flag.explanation = rule ? rule->explanation : QString();
    flag.path = path;
    flag.startLine = line;
    flag.endLine = qMax(line, endLine);
    flag.blobId = rulePage.blobId;
    flag.term = term;
    const QString text = facts.prose.lines.value(line - 1);
    flag.excerpt = text.trimmed();
    if (column >= 0) {
        flag.column = column;
    } else if (!term.isEmpty()) {
        const qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive);
        flag.column = at >= 0 ? int(at) + 1 : 0;
    }
    for (const docindex::Section &section : rulePage.parsed.sections)
        if (section.startLine <= line)
            flag.anchor = section.anchor;
    m_flags.insert(key, flag);
}

QList<Flag> RuleContext::flags() const
{
    QList<Flag> out = m_flags.values();
    sortFlags(out);
    return out;
}

} // namespace devzero::analysis
