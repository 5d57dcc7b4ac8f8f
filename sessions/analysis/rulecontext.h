#pragma once

// What the rules share: every page with its prose, its reading path
// (prerequisite pages, linked glossaries), link resolution against the
// repository, and one place that turns findings into flags (inline and
// config ignores, generated pages, one flag per term per page).

#include "sessions/analysis/rules.h"
#include "sessions/analysis/rulesprose.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>

namespace devzero::analysis {

struct LineRange
{
    int first = 0;
    int last = 0;
    bool contains(int line) const { return line >= first && line <= last; }
};

struct PageFacts
{
    ProseFacts prose;
    QList<LineRange> prerequisiteSections; // "Prerequisites", "Before you begin", ... with their subsections
    bool hasPrerequisites = false;         // such a section, or a "Prerequisites:" paragraph
    QList<int> prerequisitePages;          // pages linked from the prerequisite sections
    QList<int> glossaryPages;              // glossary pages linked anywhere on the page
    QList<LineRange> shellBlocks;          // shell code blocks, fence to fence
    QSet<QString> anchors;                 // normalised (see normaliseAnchor)
    bool generated = false;
    int titleLine = 0;                     // the page's title heading, 0 when none
    int titleSectionEnd = 0;               // last line before the heading after it
};

// Anchors compared the way readers' tools forgive: case-insensitive, runs of
// '-' collapsed and trimmed, MkDocs' "_1" duplicate suffix read as "-1".
QString normaliseAnchor(const QString &anchor);

class RuleContext
{
public:
    RuleContext(const QList<RulePage> &pages, const DocsConfig &config, const QSet<QString> &existingPaths);

    qsizetype size() const { return m_pages.size(); }
    const RulePage &page(qsizetype i) const { return m_pages[i]; }
    const docindex::ParsedPage &parsed(qsizetype i) const { return m_pages[i].parsed; }
    const PageFacts &facts(qsizetype i) const { return m_facts[i]; }
    const DocsConfig &config() const { return m_config; }

    // A repository path as a page index: exact, or the page a folder or
    // extension-less link means (x -> x.md, x/ -> x/index.md, x/README.md).
    int pageIndex(const QString &path) const;
    // True when the path is a file or folder of the repository, or a page.
    bool exists(const QString &path) const;

    bool inShellBlock(qsizetype page, int line) const;
    // The folder holding every page ("docs"): where a link starting with '/'
    // may point on a docs site.
    QString docsRoot() const;

    // Records a finding. Dropped when the config or an inline comment
    // silences the rule there; of several findings with the same rule and
    // term on one page only the first (lowest line) is kept. `term` empty:
    // one flag per rule and page. `column` < 0: found from `term` on the line.
    void report(qsizetype page, const QString &ruleId, int line, const QString &term, const QString &message,
                int endLine = 0, int column = -1);

    QList<Flag> flags() const;

private:
    void linkReadingPath(qsizetype i);

    QList<RulePage> m_pages; // implicitly shared copies
    QList<PageFacts> m_facts;
    const DocsConfig &m_config;
    const QSet<QString> &m_existing;
    QHash<QString, int> m_pageByPath;
    QSet<QString> m_folders; // parent folders of every page
    QString m_docsRoot;
    QHash<QString, Flag> m_flags; // "page\x1frule\x1fterm" -> flag
};

// One function per rule group (rules_*.cpp).
void checkTools(RuleContext &context);          // undeclared-tool
void checkEnvVars(RuleContext &context);        // unexplained-env-var
void checkPlaceholders(RuleContext &context);   // unexplained-placeholder
void checkAcronyms(RuleContext &context);       // undefined-acronym
void checkMinimisingWords(RuleContext &context); // minimising-word
void checkLinks(RuleContext &context);          // internal-link, broken-link
void checkProcedures(RuleContext &context);     // missing-prerequisites, dangling-reference

// Helpers the rule files share.
// The deepest folder holding every page ("docs"), empty when pages sit at the root.
QString commonFolder(const QList<RulePage> &pages);
// Whole-word occurrence of `word` in `text` (letters, digits and '_' are word characters).
qsizetype findWord(QStringView text, QStringView word, qsizetype from = 0,
                   Qt::CaseSensitivity cs = Qt::CaseInsensitive);

} // namespace devzero::analysis
