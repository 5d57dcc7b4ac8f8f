#pragma once

// Internal to the redactor: the rule table (redactionrules.cpp) and the
// functions that decide where a secret sits inside one regex match
// (redactor.cpp). Nothing outside sessions/capture/redactor*.cpp uses it.

#include <QRegularExpressionMatch>
#include <QString>

#include <optional>
#include <span>

namespace devzero::capture::detail {

struct Span
{
    qsizetype start = 0;
    qsizetype end = 0;
};

// Decides where the secret is inside one regex match, or that this match is
// not a secret after all (std::nullopt). Rules without one redact the
// "secret" group, or the whole match when there is no such group.
using SpanFn = std::optional<Span> (*)(const QString &text, const QRegularExpressionMatch &m);

struct RuleSpec
{
    const char16_t *id;
    const char16_t *description;
    const char16_t *pattern;
    bool caseInsensitive;
    SpanFn span;
};

// In matching order: specific vendor formats first, generic forms last.
std::span<const RuleSpec> redactionRuleSpecs();

// The span functions the table refers to (see each one in redactor.cpp).
std::optional<Span> privateKeySpan(const QString &text, const QRegularExpressionMatch &m);
std::optional<Span> authorizationSpan(const QString &text, const QRegularExpressionMatch &m);
std::optional<Span> bearerSpan(const QString &text, const QRegularExpressionMatch &m);
std::optional<Span> withDigitSpan(const QString &text, const QRegularExpressionMatch &m);
std::optional<Span> valueAfterSpan(const QString &text, const QRegularExpressionMatch &m);
std::optional<Span> userPasswordSpan(const QString &text, const QRegularExpressionMatch &m);
std::optional<Span> secretFlagSpan(const QString &text, const QRegularExpressionMatch &m);
std::optional<Span> assignmentSpan(const QString &text, const QRegularExpressionMatch &m);
std::optional<Span> connectionStringSpan(const QString &text, const QRegularExpressionMatch &m);
std::optional<Span> configSetSpan(const QString &text, const QRegularExpressionMatch &m);
std::optional<Span> secretLiteralSpan(const QString &text, const QRegularExpressionMatch &m);

} // namespace devzero::capture::detail
