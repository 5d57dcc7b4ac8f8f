#include "sessions/capture/redactor.h"

#include "sessions/capture/redactionrules.h"
#include "sessions/common/logging.h"

#include <QRegularExpression>
#include <QStringView>

#include <algorithm>
#include <optional>
#include <vector>

namespace devzero::capture {

using detail::RuleSpec;
using detail::Span;
using detail::SpanFn;

namespace {

struct CompiledRule
{
    RedactionRule info;
    QRegularExpression re;
    SpanFn span = nullptr;
    bool hasSecretGroup = false;
};

constexpr QStringView kMarkerPrefix = u"[REDACTED:";

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// --- values after "key=", "--flag " and the like ---------------------------

struct Value
{
    Span span;
    bool quoted = false;
};

// The value that starts at `pos`: the inside of a quoted string (ended on the
// same line; backslash escapes honoured in double quotes), or a run of
// characters up to whitespace, a quote, a backtick or one of `stops`.
std::optional<Value> valueAt(const QString &text, qsizetype pos, QStringView stops)
{
    const qsizetype n = text.size();
    if (pos >= n)
        return std::nullopt;
    const QChar open = text.at(pos);
    if (open == u'"' || open == u'\'') {
        for (qsizetype i = pos + 1; i < n; ++i) {
            const QChar c = text.at(i);
            if (c == u'\n' || c == u'\r')
                break;
            if (c == u'\\' && open == u'"') {
                ++i;
                continue;
            }
            if (c == open) {
                if (i == pos + 1)
                    return std::nullopt; // "" holds no secret
                return Value{{pos + 1, i}, true};
            }
        }
        ++pos; // unterminated: treat the rest as an unquoted word
    }
    qsizetype end = pos;
    while (end < n) {
        const QChar c = text.at(end);
        if (c.isSpace() || c == u'"' || c == u'\'' || c == u'`' || stops.contains(c))
            break;
        ++end;
    }
    if (end == pos)
        return std::nullopt;
    return Value{{pos, end}, false};
}

QStringView viewOf(const QString &text, Span s)
{
    return QStringView(text).mid(s.start, s.end - s.start);
}

Span secretSpan(const QRegularExpressionMatch &m)
{
    return {m.capturedStart(u"secret"), m.capturedEnd(u"secret")};
}

qsizetype skipBlanks(const QString &text, qsizetype pos)
{
    while (pos < text.size() && (text.at(pos) == u' ' || text.at(pos) == u'\t'))
        ++pos;
    return pos;
}

// $VAR, ${VAR}, $(command), ${{ expr }}: what the tester typed, not a secret.
bool isVariableReference(QStringView v)
{
    if (v.size() < 2 || v.at(0) != u'$')
        return false;
    if (v.at(1) == u'(' || v.startsWith(u"${{"))
        return true; // $(command), and CI expressions such as ${{ secrets.X }}
    qsizetype i = 1;
    const bool brace = v.at(1) == u'{';
    if (brace)
        ++i;
    const qsizetype nameStart = i;
    while (i < v.size() && (isAsciiLetter(v.at(i)) || v.at(i) == u'_' || (i > nameStart && v.at(i).isDigit())))
        ++i;
    if (i == nameStart)
        return false;
    if (brace) {
        if (i >= v.size() || v.at(i) != u'}')
            return false;
        ++i;
    }
    return i == v.size();
}

bool isMarker(QStringView v)
{
    return v.startsWith(kMarkerPrefix);
}

bool looksLikePath(QStringView v)
{
    return v.startsWith(u'/') || v.startsWith(u"~/") || v.startsWith(u"./") || v.startsWith(u"../")
        || (v.size() > 2 && isAsciiLetter(v.at(0)) && v.at(1) == u':' && v.at(2) == u'\\');
}

// --- which names hold secrets -----------------------------------------------

// "X-Api-Key" -> {X, API, KEY}; "clientSecret" -> {CLIENT, SECRET}.
QStringList keyWords(QStringView key)
{
    QString normal;
    normal.reserve(key.size() + 8);
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key.at(i);
        if (c == u'-' || c == u'.' || c == u'_') {
            normal += u'_';
            continue;
        }
        if (c.isUpper() && i > 0 && (key.at(i - 1).isLower() || key.at(i - 1).isDigit()))
            normal += u'_';
        normal += c.toUpper();
    }
    return normal.split(u'_', Qt::SkipEmptyParts);
}

bool isSecretName(QStringView key)
{
    // Stems may be glued to a prefix (GITHUBTOKEN, MYAPIKEY) but must end a word.
    static const QStringList stems = QStringLiteral(
        "TOKEN SECRET SECRETKEY PASSWORD PASSWD PASSPHRASE APIKEY API_KEY PRIVATE_KEY PRIVATEKEY CREDENTIAL "
        "CREDENTIALS ACCOUNT_KEY ACCOUNTKEY SIGNING_KEY ENCRYPTION_KEY").split(u' ');
    // A last word that says the value is *about* the secret, not the secret.
    static const QStringList notSecretLast = QStringLiteral(
        "FILE FILES PATH DIR URL URI NAME TYPE TTL ID LENGTH COUNT HEADER PROMPT STDIN ENABLED REQUIRED EXPIRY "
        "EXPIRES EXPIRATION LIFETIME TIMEOUT POLICY FORMAT KIND REF ENDPOINT HOST PORT MODE LOCATION ARN VERSION "
        "FIELD LABEL HINT").split(u' ');
    static const QStringList hints = QStringLiteral("tok secret pass key credential auth").split(u' ');
    if (std::none_of(hints.cbegin(), hints.cend(),
                     [key](const QString &h) { return key.contains(h, Qt::CaseInsensitive); }))
        return false; // most keys: no allocation, no normalising
    const QStringList words = keyWords(key);
    if (words.isEmpty() || notSecretLast.contains(words.last()))
        return false;
    if (words.contains(QStringLiteral("PASS")))
        return true;
    if (words.size() == 1 && words.first() == QStringLiteral("AUTH"))
        return true; // docker config.json "auth", .npmrc "_auth"
    const QString joined = words.join(u'_') + u'_';
    for (const QString &stem : stems) {
        if (joined.contains(stem + u'_'))
            return true;
    }
    return false;
}

bool allowsPathValue(QStringView key)
{
    const QString joined = keyWords(key).join(u'_');
    return joined.contains(QStringLiteral("CREDENTIAL")) || joined.contains(QStringLiteral("PRIVATE"));
}

} // namespace

// --- span functions (the table in redactionrules.cpp names them) ---------------

namespace detail {

// A PEM block: the header, its base64 body and, when the body runs straight
// into it, the END line. A key cut off before END still loses its body.
std::optional<Span> privateKeySpan(const QString &text, const QRegularExpressionMatch &m)
{
    static const QRegularExpression endLine(
        QStringLiteral("-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----"));
    const qsizetype n = text.size();
    qsizetype i = m.capturedEnd();
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'-' && QStringView(text).mid(i, 5) == u"-----")
            break;
        const bool body = c.isLetterOrNumber() || c.isSpace() || c == u'+' || c == u'/' || c == u'='
            || c == u':' || c == u',' || c == u'.' || c == u'-' || c == u'\\' || c == u'(' || c == u')';
        if (!body || c.unicode() > 0x7f)
            break;
        ++i;
    }
    const QRegularExpressionMatch end = endLine.match(
        text, i, QRegularExpression::NormalMatch,
        QRegularExpression::AnchorAtOffsetMatchOption
            | QRegularExpression::DontCheckSubjectStringMatchOption);
    return Span{m.capturedStart(), end.hasMatch() ? end.capturedEnd() : i};
}

// "Authorization: Bearer" with nothing after the scheme is not a secret.
std::optional<Span> authorizationSpan(const QString &, const QRegularExpressionMatch &m)
{
    static const QRegularExpression schemeOnly(
        QStringLiteral(R"(\A(?:bearer|basic|token|bot|negotiate|ntlm|apikey|sso-key)\z)"),
        QRegularExpression::CaseInsensitiveOption);
    const QString secret = m.captured(u"secret");
    if (schemeOnly.match(secret).hasMatch())
        return std::nullopt;
    return secretSpan(m);
}

// A bare "Bearer X" counts only when X looks like a token, not an English word.
std::optional<Span> bearerSpan(const QString &, const QRegularExpressionMatch &m)
{
    const QString secret = m.captured(u"secret");
    if (!std::any_of(secret.cbegin(), secret.cend(), [](QChar c) { return c.isDigit(); }))
        return std::nullopt;
    return secretSpan(m);
}

// A vendor prefix followed by a long run (sk-...) counts only with a digit in
// it, so a long kebab-case name that happens to start the same way stays.
std::optional<Span> withDigitSpan(const QString &text, const QRegularExpressionMatch &m)
{
    const QStringView found = QStringView(text).mid(m.capturedStart(), m.capturedLength());
    if (!std::any_of(found.begin(), found.end(), [](QChar c) { return c.isDigit(); }))
        return std::nullopt;
    return Span{m.capturedStart(), m.capturedEnd()};
}

// The word after the match (`docker login ... -p X`).
std::optional<Span> valueAfterSpan(const QString &text, const QRegularExpressionMatch &m)
{
    const auto v = valueAt(text, m.capturedEnd(), u";|&");
    if (!v || isMarker(viewOf(text, v->span)))
        return std::nullopt;
    return v->span;
}

// `curl -u user:password`: only the part after the first colon.
std::optional<Span> userPasswordSpan(const QString &text, const QRegularExpressionMatch &m)
{
    const auto v = valueAt(text, m.capturedEnd(), u";|&");
    if (!v)
        return std::nullopt;
    const QStringView value = viewOf(text, v->span);
    // A user already redacted (`-u [REDACTED:stripe-key]:`): the marker's own colon is not the separator.
    const qsizetype from = isMarker(value) ? std::max<qsizetype>(0, value.indexOf(u']')) : 0;
    const qsizetype colon = value.indexOf(u':', from);
    if (colon < 0 || v->span.start + colon + 1 >= v->span.end)
        return std::nullopt;
    return Span{v->span.start + colon + 1, v->span.end};
}

// `--password X`, `--client-secret=X`, `-pass X`.
std::optional<Span> secretFlagSpan(const QString &text, const QRegularExpressionMatch &m)
{
    static const QStringList secretLast =
        QStringLiteral("password passwd passphrase pass token secret apikey cookie").split(u' ');
    static const QStringList secretPairs = QStringLiteral("api-key account-key secret-key auth-key").split(u' ');
    // Boolean flags or flags whose value is an account, not a secret.
    static const QStringList notFirst = QStringLiteral(
        "no ask prompt with use require read show print reset change forgot skip disable enable").split(u' ');
    const QString name = m.captured(u"name").toLower();
    const QStringList words = QString(name).replace(u'_', u'-').split(u'-', Qt::SkipEmptyParts);
    if (words.isEmpty() || notFirst.contains(words.first()))
        return std::nullopt;
    const QString lastPair = words.size() >= 2 ? words.at(words.size() - 2) + u'-' + words.last() : QString();
    if (!secretLast.contains(words.last()) && !secretPairs.contains(lastPair))
        return std::nullopt;

    const auto v = valueAt(text, m.capturedEnd(), u";|&<>");
    if (!v)
        return std::nullopt;
    const QStringView value = viewOf(text, v->span);
    const bool spaced = m.captured(u"sep") != u"=";
    if (spaced && !v->quoted && (value.startsWith(u'-') || value.startsWith(u'(')))
        return std::nullopt; // `mysql --password -h db`: the flag prompts
    if (isMarker(value) || (!v->quoted && isVariableReference(value)))
        return std::nullopt;
    return v->span;
}

bool keyStartsLine(const QString &text, qsizetype keyStart)
{
    for (qsizetype i = keyStart - 1, steps = 0; i >= 0 && steps < 200; --i, ++steps) {
        const QChar c = text.at(i);
        if (c == u'\n' || c == u'\r')
            return true;
        if (!(c == u' ' || c == u'\t' || c == u'-' || c == u'{' || c == u','))
            return false;
    }
    return keyStart < 200;
}

bool restOfLineIsEmpty(const QString &text, qsizetype pos)
{
    pos = skipBlanks(text, pos);
    return pos >= text.size() || QStringView(u"\r\n#").contains(text.at(pos));
}

bool followedByStructure(const QString &text, qsizetype pos)
{
    pos = skipBlanks(text, pos);
    return pos < text.size() && QStringView(u"\"'`,}]").contains(text.at(pos));
}

// A digit or a symbol, once sentence punctuation at the end is ignored.
bool looksLikeSecretWord(QStringView v)
{
    while (!v.isEmpty() && QStringView(u".,;:!?)").contains(v.back()))
        v.chop(1);
    return std::any_of(v.begin(), v.end(), [](QChar c) { return !isAsciiLetter(c); });
}

// `password=x`, `"token": "x"`, `export X_API_KEY=x`, `?api_key=x&`.
std::optional<Span> assignmentSpan(const QString &text, const QRegularExpressionMatch &m)
{
    const QString key = m.captured(u"key");
    if (!isSecretName(key))
        return std::nullopt;
    const QString sep = m.captured(u"sep");
    const bool colon = sep != u"=";
    if (colon && QStringView(text).mid(std::max<qsizetype>(m.capturedStart() - 2, 0), 2) == u"//")
        return std::nullopt; // scheme://user:password@ is the url-password rule's

    if (!colon && m.capturedLength(u"pre") == 0 && m.capturedLength(u"post") > 0)
        return std::nullopt; // shell `TOKEN= cmd`: an empty assignment
    const auto v = valueAt(text, m.capturedEnd(), colon ? QStringView(u";&,}]") : QStringView(u";&"));
    if (!v)
        return std::nullopt;
    const QStringView value = viewOf(text, v->span);
    if (isMarker(value) || (!v->quoted && isVariableReference(value)))
        return std::nullopt;
    if (allowsPathValue(key) && looksLikePath(value))
        return std::nullopt;
    if (colon && !v->quoted && m.capturedLength(u"q") == 0) {
        // A YAML line holds the key and one value; a sentence goes on.
        const bool yamlLine = keyStartsLine(text, m.capturedStart(u"key")) && restOfLineIsEmpty(text, v->span.end);
        if (!yamlLine && !followedByStructure(text, v->span.end) && !looksLikeSecretWord(value))
            return std::nullopt; // prose: "the token: expired", "Password: forgot it"
    }
    return v->span;
}

// `;Password=x;` counts only inside a connection string: the segment before
// the ';' must itself be a `Key=value` pair (`cd x; PWD=/tmp` is shell).
std::optional<Span> connectionStringSpan(const QString &text, const QRegularExpressionMatch &m)
{
    qsizetype i = m.capturedStart() - 2; // m starts right after the ';'
    bool sawEquals = false;
    for (qsizetype steps = 0; i >= 0 && steps < 300; --i, ++steps) {
        const QChar c = text.at(i);
        if (c == u';' || c == u'\n' || c == u'\r' || c == u'"' || c == u'\'')
            break;
        if (c == u'=')
            sawEquals = true;
    }
    const QStringView value = QStringView(text).mid(m.capturedStart(u"secret"), m.capturedLength(u"secret"));
    if (!sawEquals || isVariableReference(value.trimmed()))
        return std::nullopt;
    return secretSpan(m);
}

// `npm config set //registry/:_authToken X`, `aws configure set aws_session_token X`:
// the last part of the setting's name decides.
std::optional<Span> configSetSpan(const QString &text, const QRegularExpressionMatch &m)
{
    const QStringView key = QStringView(text).mid(m.capturedStart(u"key"), m.capturedLength(u"key"));
    if (key.contains(u"[REDACTED:")) // a marker's rule name is not the setting's name
        return std::nullopt;
    const qsizetype cut = std::max({key.lastIndexOf(u'/'), key.lastIndexOf(u':'), key.lastIndexOf(u'.')});
    if (!isSecretName(key.mid(cut + 1)))
        return std::nullopt;
    return valueAfterSpan(text, m);
}

// Everything put into a secret is secret, whatever its key is called; a
// ConfigMap's literals are not.
std::optional<Span> secretLiteralSpan(const QString &text, const QRegularExpressionMatch &m)
{
    const qsizetype from = std::max<qsizetype>(0, m.capturedStart() - 2000); // bounded: stays linear
    QStringView before = QStringView(text).mid(from, m.capturedStart() - from);
    before = before.mid(before.lastIndexOf(u'\n') + 1); // this line only
    if (before.contains(u"configmap", Qt::CaseInsensitive))
        return std::nullopt;
    return valueAfterSpan(text, m);
}

} // namespace detail

class Redactor::Private
{
public:
    std::vector<CompiledRule> rules;
    QRegularExpression marker{QStringLiteral(R"(\[REDACTED:[a-z0-9-]{1,64}+\])")};
};

Redactor::Redactor()
{
    auto p = std::make_unique<Private>();
    for (const RuleSpec &spec : detail::redactionRuleSpecs()) {
        QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
        if (spec.caseInsensitive)
            options |= QRegularExpression::CaseInsensitiveOption;
        CompiledRule rule{{QString::fromUtf16(spec.id), QString::fromUtf16(spec.description)},
                          QRegularExpression(QString::fromUtf16(spec.pattern), options),
                          spec.span};
        rule.hasSecretGroup = rule.re.namedCaptureGroups().contains(QStringLiteral("secret"));
        if (!rule.re.isValid()) // a programming error in the table above
            qCCritical(lcCapture) << "redaction rule" << rule.info.id << "does not compile:" << rule.re.errorString();
        rule.re.optimize(); // compile (and JIT) now, before threads share it
        p->rules.push_back(std::move(rule));
    }
    p->marker.optimize();
    d = std::move(p);
}

Redactor::~Redactor() = default;

const Redactor &Redactor::standard()
{
    static const Redactor instance; // C++ guarantees one thread-safe initialisation
    return instance;
}

QList<RedactionRule> Redactor::rules() const
{
    QList<RedactionRule> out;
    out.reserve(qsizetype(d->rules.size()));
    for (const CompiledRule &r : d->rules)
        out.append(r.info);
    return out;
}

QString redactionMarker(const QString &ruleId)
{
    return kMarkerPrefix.toString() + ruleId + u']';
}

namespace {

// Lone surrogates become U+FFFD: PCRE2 refuses invalid UTF-16 outright, which
// would let a secret next to a broken character slip through unredacted.
QString validUtf16(const QString &text)
{
    if (QStringView(text).isValidUtf16())
        return text;
    QString out = text;
    const qsizetype n = out.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = out.at(i);
        if (c.isHighSurrogate() && i + 1 < n && out.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            out[i] = QChar::ReplacementCharacter;
    }
    return out;
}

struct Hit { qsizetype start, end, rule; };

} // namespace

static QList<Redactor::Finding> findIn(const Redactor::Private &p, const QString &text)
{
    constexpr auto noCheck = QRegularExpression::DontCheckSubjectStringMatchOption; // validUtf16() did it

    std::vector<Span> markers;
    for (qsizetype offset = 0;;) {
        const QRegularExpressionMatch m = p.marker.match(text, offset, QRegularExpression::NormalMatch, noCheck);
        if (!m.hasMatch())
            break;
        markers.push_back({m.capturedStart(), m.capturedEnd()});
        offset = m.capturedEnd();
    }
    // A span that touches a marker at all: inside it (already redacted), or
    // reaching into it, which only a value swallowing the marker's own
    // text does (first passes merge their hits, so they never overlap).
    const auto touchesMarker = [&markers](Span s) {
        auto it = std::upper_bound(markers.begin(), markers.end(), s.start,
                                   [](qsizetype pos, const Span &mk) { return pos < mk.end; });
        return it != markers.end() && it->start < s.end;
    };
    // A match that begins inside a marker or right after one: the patterns'
    // lookbehinds saw the secret's last character there before it was
    // replaced, and must not see the marker's ']' instead (idempotence:
    // redacting twice gives the first result).
    const auto startsAtMarker = [&markers](qsizetype pos) {
        auto it = std::upper_bound(markers.begin(), markers.end(), pos,
                                   [](qsizetype at, const Span &mk) { return at < mk.start; });
        return it != markers.begin() && pos <= std::prev(it)->end;
    };

    std::vector<Hit> hits;
    for (qsizetype r = 0; r < qsizetype(p.rules.size()); ++r) {
        const CompiledRule &rule = p.rules[size_t(r)];
        for (qsizetype offset = 0; offset < text.size();) {
            const QRegularExpressionMatch m = rule.re.match(text, offset, QRegularExpression::NormalMatch, noCheck);
            if (!m.hasMatch())
                break;
            std::optional<Span> span;
            if (rule.span)
                span = rule.span(text, m);
            else if (rule.hasSecretGroup && m.capturedStart(u"secret") >= 0)
                span = secretSpan(m);
            else
                span = Span{m.capturedStart(), m.capturedEnd()};
            if (span && span->end > span->start && !touchesMarker(*span) && !startsAtMarker(m.capturedStart())) {
                hits.push_back({span->start, span->end, r});
                offset = std::max(span->end, m.capturedEnd());
            } else {
                offset = m.capturedStart() + 1; // the patterns' lookbehinds stop re-entry mid-word
            }
        }
    }

    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        if (a.start != b.start)
            return a.start < b.start;
        if (a.rule != b.rule)
            return a.rule < b.rule; // the specific rule names a secret that a generic one also saw
        return a.end > b.end;
    });
    QList<Redactor::Finding> out;
    qsizetype currentEnd = -1;
    for (const Hit &h : hits) {
        if (!out.isEmpty() && h.start < currentEnd) {
            if (h.end > currentEnd) {
                currentEnd = h.end;
                out.last().length = currentEnd - out.last().start;
            }
            continue;
        }
        out.append({p.rules[size_t(h.rule)].info.id, h.start, h.end - h.start});
        currentEnd = h.end;
    }
    return out;
}

QList<Redactor::Finding> Redactor::find(const QString &text) const
{
    return findIn(*d, validUtf16(text));
}

QString Redactor::redact(const QString &text) const
{
    // Until nothing is left to find: a marker can complete a pattern that
    // the secret it replaced did not (a value now followed by "]", a key
    // now next to a value), and redacting once more must change nothing.
    // Almost every text needs one pass and a check; four is plenty.
    QString out = validUtf16(text);
    for (int pass = 0; pass < 4; ++pass) {
        const QList<Finding> findings = findIn(*d, out);
        if (findings.isEmpty())
            break;
        QString next;
        next.reserve(out.size());
        qsizetype pos = 0;
        for (const Finding &f : findings) {
            next += QStringView(out).mid(pos, f.start - pos);
            next += redactionMarker(f.ruleId);
            pos = f.start + f.length;
        }
        next += QStringView(out).mid(pos);
        out = std::move(next);
    }
    return out;
}

} // namespace devzero::capture
