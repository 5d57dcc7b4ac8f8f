#include "sessions/docindex/terms.h"

#include <QVarLengthArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace devzero::docindex {

namespace {

bool isAsciiUpper(QChar c) { return c >= u'A' && c <= u'Z'; }
bool isAsciiLower(QChar c) { return c >= u'a' && c <= u'z'; }
bool isAsciiDigit(QChar c) { return c >= u'0' && c <= u'9'; }
bool isNameChar(QChar c) { return isAsciiUpper(c) || isAsciiLower(c) || isAsciiDigit(c) || c == u'_'; }
bool isTokenChar(QChar c) { return isNameChar(c) || c == u'-'; }

bool isUpperName(QStringView name)
{
    if (name.size() < 2 || !isAsciiUpper(name[0]))
        return false;
    for (const QChar c : name)
        if (!(isAsciiUpper(c) || isAsciiDigit(c) || c == u'_'))
            return false;
    return true;
}

qsizetype nameEnd(QStringView text, qsizetype from)
{
    while (from < text.size() && isNameChar(text[from]))
        ++from;
    return from;
}

bool inList(QStringView word, std::initializer_list<QStringView> list)
{
    for (const QStringView item : list)
        if (word == item)
            return true;
    return false;
}

// Tags that show up in Markdown prose and code; "<input>", "<path>",
// "<name>", "<source>" are left out on purpose: as placeholders they are
// far more common than as tags.
bool isCommonHtmlTag(QStringView word)
{
    static const std::initializer_list<QStringView> tags = {
        u"a", u"abbr", u"article", u"aside", u"b", u"blockquote", u"body", u"br", u"button", u"center",
        u"code", u"dd", u"del", u"details", u"div", u"dl", u"dt", u"em", u"figcaption", u"figure",
        u"footer", u"h1", u"h2", u"h3", u"h4", u"h5", u"h6", u"head", u"header", u"hr", u"html", u"i",
        u"iframe", u"img", u"ins", u"kbd", u"li", u"mark", u"meta", u"nav", u"noscript", u"ol", u"p",
        u"picture", u"pre", u"s", u"script", u"section", u"small", u"span", u"strong", u"style", u"sub",
        u"summary", u"sup", u"svg", u"table", u"tbody", u"td", u"template", u"textarea", u"th",
        u"thead", u"tr", u"tt", u"u", u"ul", u"video", u"wbr", u"var", u"q", u"dfn", u"cite", u"samp"};
    return inList(word, tags);
}

// Values tools print in angle brackets ("Sync Policy: <none>") and elision
// marks: nothing for a reader to replace.
bool isOutputMarker(QStringView word)
{
    return inList(word, {u"none", u"nil", u"null", u"unknown", u"empty", u"pending", u"invalid", u"unset",
                         u"redacted", u"hidden", u"omitted", u"snip", u"snipped", u"truncated", u"no value"});
}

// End (after '>') of an angle placeholder starting at text[i] == '<', or -1.
qsizetype anglePlaceholderEnd(QStringView text, qsizetype i)
{
    if (i > 0 && (isNameChar(text[i - 1]) || text[i - 1] == u'<'))
        return -1; // List<T>, <<EOF
    const qsizetype start = i + 1;
    if (start >= text.size() || !text[start].isLetter())
        return -1;
    qsizetype j = start;
    const qsizetype limit = qMin(text.size(), start + 60);
    while (j < limit) {
        const QChar c = text[j];
        if (c == u'>')
            break;
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.' || c == u' ' || c == u'/' || c == u':'))
            return -1;
        if (c == u' ' && text[j - 1] == u' ')
            return -1;
        ++j;
    }
    if (j >= limit || text[j] != u'>' || text[j - 1] == u' ')
        return -1;
    const QStringView inner = text.sliced(start, j - start);
    if (inner.contains(u"://") || inner.endsWith(u'/'))
        return -1;
    const qsizetype space = inner.indexOf(u' ');
    const QString tag = (space < 0 ? inner : inner.first(space)).toString().toLower();
    if (isCommonHtmlTag(tag) || isOutputMarker(tag))
        return -1;
    // <Tabs>, <TabItem>: one capitalised word is a component or type name.
    if (space < 0 && isAsciiUpper(inner[0])) {
        bool identifier = true;
        bool lower = false;
        for (const QChar c : inner) {
            identifier = identifier && (isAsciiUpper(c) || isAsciiLower(c) || isAsciiDigit(c));
            lower = lower || isAsciiLower(c);
        }
        if (identifier && lower)
            return -1;
    }
    return j + 1;
}

bool isTemplateControl(QStringView inner)
{
    const qsizetype space = inner.indexOf(u' ');
    const QStringView word = space < 0 ? inner : inner.first(space);
    return inList(word, {u"if", u"else", u"end", u"range", u"with", u"define", u"template", u"block",
                         u"include", u"for", u"endfor", u"endif", u"break", u"continue"})
        || word.startsWith(u"/*") || word.startsWith(u'#') || word.startsWith(u'/');
}

// End of a {{ template }} placeholder starting at text[i], or -1.
qsizetype templatePlaceholderEnd(QStringView text, qsizetype i)
{
    // Bounded search: "{{" without "}}" repeated over a long line must stay linear.
    qsizetype close = -1;
    for (qsizetype j = i + 2; j + 1 < text.size() && j < i + 200; ++j) {
        if (text[j] == u'}' && text[j + 1] == u'}') {
            close = j;
            break;
        }
    }
    if (close < 0)
        return -1;
    QStringView inner = text.sliced(i + 2, close - i - 2).trimmed();
    if (inner.startsWith(u'-'))
        inner = inner.sliced(1).trimmed();
    if (inner.endsWith(u'-'))
        inner = inner.chopped(1).trimmed();
    if (inner.isEmpty() || inner.startsWith(u'<') || inner.startsWith(u'%') || inner.startsWith(u'{') || isTemplateControl(inner))
        return -1;
    return close + 2;
}

bool isPlaceholderWord(QStringView word)
{
    if (word.size() < 4)
        return false;
    // Cheap gate first: this runs on every word of every code line.
    const QChar first = word.front();
    const QChar last = word.back();
    const bool maybeNamed = first == u'y' || first == u'Y' || first == u'r' || first == u'R' || first == u'c'
        || first == u'C' || first == u'I' || last == u'e' || last == u'E';
    if (maybeNamed) {
        if (word.size() > 5 && (word[4] == u'_' || word[4] == u'-') && word.startsWith(u"your", Qt::CaseInsensitive))
            return true;
        for (const QStringView fixed : {u"REPLACE_ME", u"REPLACEME", u"REPLACE-ME", u"CHANGEME", u"CHANGE_ME", u"CHANGE-ME"})
            if (word.size() == fixed.size() && word.compare(fixed, Qt::CaseInsensitive) == 0)
                return true;
        if (word.startsWith(u"REPLACE_WITH") || word.startsWith(u"REPLACE-WITH") || word.startsWith(u"INSERT_"))
            return true;
        if (word.size() > 5 && (word[word.size() - 5] == u'_' || word[word.size() - 5] == u'-')
            && word.endsWith(u"here", Qt::CaseInsensitive))
            return true;
    }
    // xxxxx, xxxx-xxxx, sk_test_xxxxxxxx: a segment of four or more x.
    qsizetype run = 0;
    bool segmentAllX = true;
    for (qsizetype k = 0; k <= word.size(); ++k) {
        const QChar c = k < word.size() ? word[k] : u'-';
        if (c == u'-' || c == u'_' || c == u'.') {
            if (segmentAllX && run >= 4)
                return true;
            run = 0;
            segmentAllX = true;
        } else {
            segmentAllX = segmentAllX && (c == u'x' || c == u'X');
            ++run;
        }
    }
    return false;
}

int romanValue(QChar c)
{
    return c == u'I' ? 1 : c == u'V' ? 5 : c == u'X' ? 10 : 0;
}

// II, IV, XIV, XXXIX: Roman numerals written with I, V and X only (as in
// "Part II"); CD, CI, CLI, MD stay acronyms.
bool isRomanNumeral(QStringView word)
{
    int value = 0;
    for (qsizetype k = 0; k < word.size(); ++k) {
        const int v = romanValue(word[k]);
        if (v == 0)
            return false;
        const int next = k + 1 < word.size() ? romanValue(word[k + 1]) : 0;
        value += (v < next) ? -v : v;
    }
    if (value <= 0 || value >= 40)
        return false;
    static const char *const tens[] = {"", "X", "XX", "XXX"};
    static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    const QString canonical = QLatin1String(tens[value / 10]) + QLatin1String(ones[value % 10]);
    return word == canonical;
}

// All-caps words that are not abbreviations: admonition and log labels,
// RFC 2119 keywords, HTTP methods, literals, and short English words that
// show up in shouted sentences. FAQ, ID, URL stay acronyms: whether a reader
// knows them is the rules' call, not the parser's.
bool isStopWord(QStringView word)
{
    static constexpr QStringView words[] = { // sorted: binary search
        u"ABOUT", u"AFTER", u"ALL", u"ALPHA", u"ALSO", u"ALWAYS", u"AND", u"ANY", u"APP", u"ARE", u"AS", u"AT",
        u"BE", u"BEFORE", u"BETA", u"BODY", u"BUILD", u"BUT", u"BY", u"CAN", u"CHANGE", u"CLICK", u"CODE",
        u"DANGER", u"DATA", u"DEBUG", u"DELETE", u"DO", u"DOCS", u"DONE", u"EACH", u"ELSE", u"END", u"ERROR",
        u"EVERY", u"FALSE", u"FATAL", u"FEAT", u"FILE", u"FIRST", u"FIX", u"FIXME", u"FOR", u"FROM", u"GET",
        u"GIT", u"GO", u"HAS", u"HAVE", u"HEAD", u"HEALTH", u"HELP", u"HERE", u"HOME", u"HOOK", u"HOW", u"IF",
        u"IN", u"INFO", u"INPUT", u"IS", u"ISSUE", u"ITS", u"KEY", u"KIND", u"LAST", u"LATER", u"LINK",
        u"LIST", u"LOG", u"LOGS", u"MAIN", u"MAY", u"ME", u"MORE", u"MOST", u"MUST", u"MY", u"NAME", u"NEVER",
        u"NEW", u"NEXT", u"NIL", u"NO", u"NONE", u"NOT", u"NOTE", u"NOTES", u"NOW", u"NULL", u"OF", u"OFF",
        u"OK", u"ON", u"ONE", u"ONLY", u"OR", u"OUT", u"OUTPUT", u"OWN", u"PANIC", u"PATCH", u"PATH", u"PHASE",
        u"POST", u"PUT", u"README", u"REPO", u"RUN", u"SEE", u"SERVER", u"SET", u"SHALL", u"SHOULD", u"SOME",
        u"START", u"STATUS", u"STEP", u"STEPS", u"STOP", u"SUCH", u"SYNC", u"TEST", u"TEXT", u"THAT", u"THE",
        u"THEN", u"THIS", u"TIP", u"TIPS", u"TO", u"TODO", u"TRACE", u"TRUE", u"TWO", u"TYPE", u"UP", u"USAGE",
        u"USE", u"USER", u"VALUE", u"WAIT", u"WARN", u"WAS", u"WE", u"WEB", u"WHAT", u"WHEN", u"WHERE",
        u"WHICH", u"WHO", u"WHY", u"WILL", u"WITH", u"XXX", u"YES", u"YOU", u"YOUR"};
    return std::binary_search(std::begin(words), std::end(words), word);
}

bool isCapsWord(QStringView token)
{
    int letters = 0;
    for (const QChar c : token) {
        if (isAsciiLower(c))
            return false;
        letters += isAsciiUpper(c);
    }
    return letters >= 2;
}

// The whitespace-delimited words that are URLs ("https://x/ABC", "www.x.io"),
// in order. One pass: each word is expanded once.
QVarLengthArray<std::pair<qsizetype, qsizetype>, 4> urlSpans(QStringView text)
{
    QVarLengthArray<std::pair<qsizetype, qsizetype>, 4> spans;
    for (qsizetype at = 0; at + 3 < text.size(); ++at) {
        const bool scheme = text[at] == u':' && text[at + 1] == u'/' && text[at + 2] == u'/';
        const bool www = text[at] == u'w' && text[at + 1] == u'w' && text[at + 2] == u'w' && text[at + 3] == u'.';
        if (!scheme && !www)
            continue;
        qsizetype start = at;
        while (start > 0 && !text[start - 1].isSpace())
            --start;
        qsizetype end = at;
        while (end < text.size() && !text[end].isSpace())
            ++end;
        if (spans.isEmpty() || spans.last().second < start)
            spans.append({start, end});
        at = end;
    }
    return spans;
}

} // namespace

void scanEnvVars(QStringView text, int line, QList<Term> &out)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'$' && i + 1 < text.size()) {
            if (i > 0 && text[i - 1] == u'$')
                continue; // $$ is the shell's pid
            qsizetype from = i + 1;
            bool braced = false;
            if (text[from] == u'{') {
                braced = true;
                ++from;
            } else if (text.sliced(from).startsWith(u"env:", Qt::CaseInsensitive)) {
                from += 4;
            }
            const qsizetype end = nameEnd(text, from);
            const QStringView name = text.sliced(from, end - from);
            if (isUpperName(name) && (!braced || (end < text.size() && text[end] != u'{')))
                out.append({name.toString(), line});
            i = qMax(i, end - 1);
        } else if (c == u'%' && i + 1 < text.size() && isAsciiUpper(text[i + 1])) {
            if (i > 0 && text[i - 1].isLetterOrNumber())
                continue;
            const qsizetype end = nameEnd(text, i + 1);
            if (end < text.size() && text[end] == u'%') {
                const QStringView name = text.sliced(i + 1, end - i - 1);
                if (isUpperName(name)) {
                    out.append({name.toString(), line});
                    i = end;
                }
            }
        }
    }
}

void scanPlaceholders(QStringView text, int line, QList<Term> &out, AngleForms angles)
{
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text[i];
        if (c == u'{' && i + 1 < text.size() && text[i + 1] == u'{') {
            const qsizetype end = templatePlaceholderEnd(text, i);
            if (end > 0) {
                const qsizetype start = (i > 0 && text[i - 1] == u'$') ? i - 1 : i;
                out.append({text.sliced(start, end - start).toString(), line});
                i = end;
                continue;
            }
            i += 2;
            continue;
        }
        if (c == u'<' && angles == AngleForms::Allowed) {
            const qsizetype end = anglePlaceholderEnd(text, i);
            if (end > 0) {
                out.append({text.sliced(i, end - i).toString(), line});
                i = end;
                continue;
            }
            ++i;
            continue;
        }
        if (isTokenChar(c) && (i == 0 || !isTokenChar(text[i - 1]))) {
            qsizetype end = i;
            while (end < text.size() && (isTokenChar(text[end]) || (text[end] == u'.' && end + 1 < text.size() && isTokenChar(text[end + 1]))))
                ++end;
            QStringView word = text.sliced(i, end - i);
            while (word.endsWith(u'-'))
                word.chop(1);
            if (isPlaceholderWord(word))
                out.append({word.toString(), line});
            i = end;
            continue;
        }
        ++i;
    }
}

bool isAnglePlaceholder(QStringView html)
{
    const QStringView t = html.trimmed();
    return t.startsWith(u'<') && anglePlaceholderEnd(t, 0) == t.size();
}

bool isAcronym(QStringView word)
{
    if (word.size() < 2 || word.size() > 6 || !isAsciiUpper(word[0]))
        return false;
    for (const QChar c : word)
        if (!(isAsciiUpper(c) || isAsciiDigit(c)))
            return false;
    return !isStopWord(word) && !isRomanNumeral(word);
}

void scanAcronyms(QStringView text, int line, QList<Term> &out)
{
    struct Token
    {
        qsizetype start;
        qsizetype end;
        bool caps;
    };
    QVarLengthArray<Token, 64> tokens;
    for (qsizetype i = 0; i < text.size();) {
        if (!text[i].isLetterOrNumber()) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && (text[end].isLetterOrNumber() || text[end] == u'_'))
            ++end;
        tokens.append({i, end, isCapsWord(text.sliced(i, end - i))});
        i = end;
    }
    const auto urls = urlSpans(text);
    qsizetype nextUrl = 0;
    // Only spaces between the words: "K8S, CI/CD" is a list, not shouting.
    auto spacedOnly = [&](qsizetype a, qsizetype b) {
        for (qsizetype i = tokens[a].end; i < tokens[b].start; ++i)
            if (text[i] != u' ')
                return false;
        return true;
    };
    for (qsizetype k = 0; k < tokens.size();) {
        // A run of three or more capitalised words is shouting, not acronyms.
        qsizetype run = k;
        while (run < tokens.size() && tokens[run].caps && (run == k || spacedOnly(run - 1, run)))
            ++run;
        if (run - k >= 3) {
            k = run;
            continue;
        }
        const Token token = tokens[k++];
        if (!token.caps && !(token.end - token.start >= 3 && text[token.end - 1] == u's'))
            continue;
        QStringView word = text.sliced(token.start, token.end - token.start);
        if (word.size() >= 3 && word.back() == u's' && isAsciiUpper(word[word.size() - 2]))
            word.chop(1); // APIs -> API
        if (!isAcronym(word))
            continue;
        const QChar before = token.start > 0 ? text[token.start - 1] : QChar();
        const QChar after = token.end < text.size() ? text[token.end] : QChar();
        const QChar afterNext = token.end + 1 < text.size() ? text[token.end + 1] : QChar();
        if (QStringView(u"$%{@#\\_&").contains(before))
            continue;
        if (before == u'.' && token.start >= 2 && text[token.start - 2].isLetterOrNumber())
            continue; // file.JSON
        if (after == u'(' || after == u'=' || after == u'_' || (after == u':' && afterNext == u':'))
            continue; // FOO(), FOO=1, std::
        if (after == u'.' && afterNext.isLetterOrNumber())
            continue; // README.md, CHANGELOG.txt
        while (nextUrl < urls.size() && urls[nextUrl].second <= token.start)
            ++nextUrl;
        if (nextUrl < urls.size() && urls[nextUrl].first <= token.start)
            continue; // part of a URL
        out.append({word.toString(), line});
    }
}

} // namespace devzero::docindex
