#pragma once

// The repository-level settings of `devzero lint-docs`: `.devzero.yml` at the
// root of a docs repository (format in resources/demo/README.md). A small
// reader for the subset the file uses (block mappings, block lists of plain
// or quoted strings, `#` comments), not a YAML parser.
//
//   internal_hosts: [host patterns]     "*.corp.example" (one or more labels), exact hosts, IPv4 CIDR
//   generated:      [path globs]        pages whose flags rank lower ("docs/reference/**")
//   ignore:         {rule: [path globs]} the rule is off on those paths ("*" = every rule)
// Extensions of ours, all optional:
//   known_tools:    [programs]           always present, never "undeclared" (added to the built-in list)
//   known_acronyms: [acronyms]           every reader knows them (added to the built-in list)
//   known_env_vars: [names]              set on every machine (added to HOME, PATH, ...)
//   severity:       {rule: error|warning|info|off}

#include "sessions/common/result.h"

#include <QByteArrayView>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace devzero::analysis {

enum class Severity;

struct DocsConfig
{
    QStringList internalHosts;
    QStringList generated;
    QHash<QString, QStringList> ignore; // rule id (or "*") -> path globs
    QSet<QString> knownTools;
    QSet<QString> knownAcronyms;
    QSet<QString> knownEnvVars;
    QHash<QString, QString> severity;   // rule id -> "error", "warning", "info" or "off"
    QStringList warnings;               // ".devzero.yml:7: unknown key 'internl_hosts'" (not fatal)
    QString fileName;                   // where it was read from; empty for the defaults

    bool isGenerated(const QString &path) const;
    bool isIgnored(const QString &ruleId, const QString &path) const;
    bool isInternalHost(const QString &host) const; // built-in ranges and names, plus internalHosts
    // The configured severity of a rule: nullopt when not configured; `off` set when switched off.
    std::optional<Severity> severityOf(const QString &ruleId, bool *off = nullptr) const;
};

// Parses the file's bytes. Syntax errors ("tabs", a list item where a key
// belongs, bad indentation) are errors with "file:line"; unknown keys and
// unknown rule ids are warnings, so an older devzero still runs on a newer file.
Result<DocsConfig> parseDocsConfig(QByteArrayView yaml, const QString &fileName = QStringLiteral(".devzero.yml"));

// Reads and parses a file; a missing file is an error.
Result<DocsConfig> loadDocsConfig(const QString &filePath, const QString &displayName = {});

// Path globs relative to the repository root: `*` and `?` stay inside one
// segment, `**` matches any number of segments (also none). Case-sensitive.
bool globMatch(const QString &glob, const QString &path);

// A host pattern against a host (lower-case, no port): "*.x.y" matches one or
// more labels before ".x.y" (not "x.y" itself); "10.0.0.0/8" is a CIDR range
// for IPv4 hosts; anything else matches exactly, case-insensitively.
bool hostMatches(const QString &pattern, const QString &host);

} // namespace devzero::analysis
