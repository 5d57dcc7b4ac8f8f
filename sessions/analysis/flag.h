#pragma once

// A hidden-assumption flag: one rule firing on one place of one docs page.
// Produced by the static rules (rules.h), ranked up by session evidence
// (evidence.h), rendered by reports and the triage queue.

#include <QJsonObject>

#include <optional>
#include <QList>
#include <QString>

namespace devzero::analysis {

enum class Severity { Info = 1, Warning = 2, Error = 3 };

QString toString(Severity severity);                       // "info", "warning", "error"
std::optional<Severity> severityFromString(const QString &text);

struct Flag
{
    QString ruleId;        // "undeclared-tool", ...
    Severity severity = Severity::Warning; // the rule's default, possibly lowered (generated pages)
    QString message;       // what is wrong here, one line: "`jq` is used but never introduced"
    QString explanation;   // the rule's one-line explanation a docs owner understands
    QString path;          // repository path of the page
    QString anchor;        // section anchor, may be empty
    int startLine = 0;     // 1-based lines of the original file
    int endLine = 0;
    int column = 0;        // 1-based column of `term` on startLine; 0 when the flag is about the whole line
    QString blobId;        // git blob the page had when flagged (empty when read from a working tree)
    QString excerpt;       // the line(s) flagged, as written
    QString term;          // the tool, variable, placeholder, acronym, word or link target
    bool generated = false; // the page is a generated reference page (down-weighted)
    double staticScore = 0; // from severity, generated-ness
    double score = 0;       // staticScore raised by session evidence
    QJsonObject evidence;   // filled by evidence ranking: lookups, notes, failed commands, ...
};

} // namespace devzero::analysis
