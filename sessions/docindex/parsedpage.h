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
                       // (only when some block comes before it; anchor and heading empty)
    int startLine = 0; // heading line (setext: its text line); implicit section: bodyStartLine
    int endLine = 0;   // last line before the next heading of any level (or end of file)
    QString text;      // prose of the section (no code, no heading: that is `heading`),
                       // blocks separated by '\n', for full-text search
};

struct Link
{
    enum class Kind { Relative, External, Anchor, Other }; // Other: mailto:, tel:, ...
    Kind kind = Kind::Other;
    QString target;    // as written
    QString path;      // Relative: repository path it resolves to (normalised, no "..", no
                       // trailing '/', leading '/' = repository root); Anchor: the page itself
    QString anchor;    // fragment without '#', percent-decoded
    QString host;      // External: host, lower-case, no port
    QString text;      // link text (images: alt text)
    int line = 0;
    bool escapesRepository = false; // Relative: "../" climbed above the repository root;
                                    // then `path` is empty (it names nothing in the tree)
};

struct CodeBlock
{
    QString language;   // first word of the info string, lower-case ("bash", "yaml", "");
                        // "{.bash}", "bash{1,3}", "shell title=x" all give the shell name
    QString code;
    int startLine = 0;  // the fence line (indented blocks: the first code line)
    int endLine = 0;    // the closing fence line (or the last code line)
    // A shell language (bash, sh, shell, console, zsh, terminal, powershell,
    // ps1, pwsh, cmd, bat, fish, ...) or no language with a "$ " line.
    bool isShell() const;
};

struct Command
{
    QString program;    // first word, prompt stripped ("kubectl"); env assignments, env and
                        // sudo skipped; basename ("/usr/local/bin/argocd" -> "argocd");
                        // empty for a PowerShell "$var = ..." assignment
    QString text;       // whole command line, prompt stripped, "\" continuations joined
                        // with a space, a quote left open joined with '\n'
    int line = 0;       // its first line
};

struct Term
{
    QString text;
    int line = 0;
};

struct Definition
{
    enum class Form {
        Expansion,      // "Application Programming Interface (API)", "API (Application Programming Interface)"
        Glossary,       // "- **Term**: meaning", "- **Term** - meaning"
        DefinitionList, // "Term" then ": meaning"
        Sentence,       // "Argo CD is a ...", "RBAC refers to ..." opening a paragraph
    };
    QString term;       // "API" or "Argo CD"
    QString meaning;    // "Application Programming Interface"
    int line = 0;
    Form form = Form::Expansion;
};

// Images are not in ParsedPage::links (those are navigation: pages and
// anchors); they are kept apart in ParsedPage::images with the same fields,
// because their targets are assets, not pages. Links inside raw HTML
// (<a href>, <img src>) are not extracted.

struct ParsedPage
{
    QString path;             // repository path
    QString title;            // front matter title, else first heading, else file name
    QByteArray frontMatter;   // raw front matter text (without fences)
    QString frontMatterFormat; // "yaml", "toml" or empty
    QList<Section> sections;
    QList<Link> links;             // inline, reference-style, autolinks, bare http(s) URLs in prose
    QList<Link> images;            // ![alt](src): same classification as links
    QList<CodeBlock> codeBlocks;
    QList<Command> commands;       // from shell code blocks
    QList<Term> inlineCode;        // code spans, in prose and headings
    QList<Term> envVars;           // names without $ / %: "KUBECONFIG"; every use, code and prose
    QList<Term> envAssignments;    // names set in shell blocks: "export FOO=", "FOO=x cmd", "set FOO=", "$env:FOO ="
    QList<Term> placeholders;      // as written: "<your-token>", "YOUR_API_KEY", "{{ .Values.x }}"; code and prose
    QList<Term> acronyms;          // every use, in prose only (not code, not URLs): "SSO", "APIs" -> "API";
                                   // see terms.h for what is not an acronym (stop-list, Roman numerals)
    QList<Definition> definitions;
    QString bodyText;              // prose of the whole page for search: headings, paragraphs, list
                                   // and quote text, code spans; no code blocks, front matter, HTML,
                                   // JSX, shortcodes or image alt text; blocks separated by '\n'
    QStringList warnings;          // e.g. "not valid UTF-8: replaced 3 bytes, first at line 7"
    int lineCount = 0;
    int bodyStartLine = 1;         // first line after the front matter
    bool binary = false;           // NUL bytes: nothing parsed, the page is empty
    bool invalidUtf8 = false;      // bytes were replaced with U+FFFD before parsing
};

// Parses one page. Never crashes on any input, and its time is linear in the
// input (a 5 MB page takes seconds, not minutes; the indexer should still
// skip pages above its documented size limit). Binary content (a NUL byte)
// gives an empty page with `binary` set and a warning; invalid UTF-8 is
// replaced with U+FFFD and reported in a warning with the first bad line.
// MDX syntax (.mdx paths) and Hugo shortcodes (every page) are neutralised
// first, keeping line numbers. Relative links are normalised against the
// page's folder here; whether their target and anchor exist is the indexer's
// job, which knows the whole tree.
ParsedPage parsePage(const QString &path, QByteArrayView content);

// GitHub's anchor for a heading text (no duplicate suffix): lower-case,
// letters/marks/digits/'-'/'_' kept, spaces to '-', everything else dropped
// ("Ärger & Co." -> "ärger--co", "C++" -> "c"). See anchors.h for suffixes.
QString githubAnchor(const QString &heading);

} // namespace devzero::docindex
