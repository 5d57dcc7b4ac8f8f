#pragma once

// What the docs index learns from one Markdown page, independent of git and
// of storage: the output of parsePage(), the input of the indexer and of the
// hidden-assumption rules. Lines are 1-based lines of the ORIGINAL file
// (front matter included), so they match what a docs owner sees in git.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace devzero::docindex {

struct Section
{
    QString anchor;    // GitHub-style ("getting-started", "install-1") or explicit {#id}
    QString heading;   // heading text, explicit {#id} removed
    int level = 0;     // 1..6; 0 for the implicit section before the first heading
    int startLine = 0; // heading line
    int endLine = 0;   // last line before the next heading of any level (or end of file)
    QString text;      // prose of the section (no code), for full-text search
};

struct Link
{
    enum class Kind { Relative, External, Anchor, Other }; // Other: mailto:, tel:, ...
    Kind kind = Kind::Other;
    QString target;    // as written
    QString path;      // Relative: repository path it resolves to (normalised, no "..")
    QString anchor;    // fragment without '#'
    QString host;      // External: host
    QString text;      // link text
    int line = 0;
    bool escapesRepository = false; // Relative: "../" climbed above the repository root
};

struct CodeBlock
{
    QString language;   // first word of the info string, lower-case ("bash", "yaml", "")
    QString code;
    int startLine = 0;  // the fence line
    int endLine = 0;
    bool isShell() const;
};

struct Command
{
    QString program;    // first word, prompt stripped ("kubectl"); env assignments and sudo skipped
    QString text;       // whole command line, prompt stripped
    int line = 0;
};

struct Term
{
    QString text;
    int line = 0;
};

struct Definition
{
    QString term;       // "API" or "Application"
    QString meaning;    // "Application Programming Interface"
    int line = 0;
};

struct ParsedPage
{
    QString path;             // repository path
    QString title;            // front matter title, else first heading, else file name
    QByteArray frontMatter;   // raw front matter text (without fences)
    QString frontMatterFormat; // "yaml", "toml" or empty
    QList<Section> sections;
    QList<Link> links;
    QList<CodeBlock> codeBlocks;
    QList<Command> commands;       // from shell code blocks
    QList<Term> inlineCode;
    QList<Term> envVars;           // names without $ / %: "KUBECONFIG"
    QList<Term> placeholders;      // as written: "<your-token>", "YOUR_API_KEY", "{{ .Values.x }}"
    QList<Term> acronyms;          // every use, in prose: "SSO"
    QList<Definition> definitions;
    QString bodyText;              // prose of the whole page for search (no code, no front matter)
    QStringList warnings;          // e.g. "not valid UTF-8: replaced 3 bytes"
    int lineCount = 0;
};

// Parses one page. Never crashes on any input; invalid UTF-8 is replaced and
// reported in warnings. Relative links are normalised against the page's
// folder here; whether their target and anchor exist is the indexer's job,
// which knows the whole tree.
ParsedPage parsePage(const QString &path, QByteArrayView content);

// GitHub's anchor for a heading text (no duplicate suffix).
QString githubAnchor(const QString &heading);

} // namespace devzero::docindex
