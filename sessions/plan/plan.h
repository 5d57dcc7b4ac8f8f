#pragma once

// The session-plan model: what a platform team writes (in Markdown, see
// resources/docs/plan-format.md) and what a tester is guided through.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace devzero::plan {

struct Task
{
    QString key;          // stable id inside the plan, e.g. "install-the-cli"
    QString title;        // the heading text
    QString goal;         // what to achieve (never the steps)
    QString doneWhen;     // how the tester knows they are done
    std::optional<int> budgetSeconds; // optional time budget
    QString check;        // optional shell command; exit 0 means done
    int line = 0;         // 1-based line of the task heading
};

struct Journey
{
    QString key;          // stable id inside the plan
    QString title;        // heading text, e.g. "Take a card payment"
    QString outcome;      // the business question: "Can a new developer take a card payment?"
    QList<Task> tasks;
    int line = 0;
};

struct Plan
{
    QString title;
    QString summary;      // optional prose under the title, shown at session start
    QStringList tools;    // tools whose versions the environment snapshot records
    QList<Journey> journeys;

    int taskCount() const
    {
        int n = 0;
        for (const Journey &j : journeys)
            n += int(j.tasks.size());
        return n;
    }
};

struct Diagnostic
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    int line = 0;   // 1-based; 0 when the problem is the whole file
    int column = 0; // 1-based; 0 when unknown
    QString message;

    // "FILE:LINE:COL: error: message", the format compilers and editors understand.
    QString toString(const QString &file) const;
};

struct ParseResult
{
    std::optional<Plan> plan;     // set when there are no errors
    QList<Diagnostic> diagnostics; // every error and warning, in line order

    bool ok() const { return plan.has_value(); }
    int errorCount() const;
};

// Parses a plan from UTF-8 Markdown. Never crashes, never throws; every
// problem comes back as a Diagnostic with its line.
ParseResult parsePlan(QByteArrayView markdown);

// Reads FILE and parses it; an unreadable file is one Diagnostic at line 0.
ParseResult parsePlanFile(const QString &path);

// Parses "10 min", "1h30m", "1 h 30 min", "90s", "45" (minutes), "1:30"
// (h:mm), "1:30:00". Returns seconds; std::nullopt for anything else.
std::optional<int> parseDuration(const QString &text);

// The key a heading gets when it has no explicit {#key}: lower-case letters
// and digits, every other run of characters one '-' ("Get test API keys" ->
// "get-test-api-keys"). Empty when the text holds no letter or digit.
QString slugify(const QString &text);

// Plans larger than this are refused before parsing: a plan is a page, not a book.
inline constexpr qsizetype MaxPlanBytes = 1024 * 1024;

} // namespace devzero::plan
