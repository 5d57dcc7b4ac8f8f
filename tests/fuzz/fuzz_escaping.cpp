// The report's escaping on any text: no crash, and what each escaper
// promises holds (no markup from the input survives into HTML, no formula
// starts a CSV cell, no line break in Markdown inline text, no bidi control).

#include "sessions/report/escaping.h"
#include "tests/fuzz/fuzzcheck.h"

using namespace devzero;
using namespace devzero::report;

namespace {

bool hasControlOrBidi(const QString &s, bool allowLineBreaks)
{
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if ((u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x061C)
            return true;
        if (u == u'\t' || ((u == u'\n' || u == u'\r') && allowLineBreaks))
            continue;
        if (u < 0x20 || (u >= 0x7F && u <= 0x9F))
            return true;
    }
    return false;
}

bool hasLoneSurrogate(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
        else if (s.at(i).isSurrogate())
            return true;
    }
    return false;
}

// Every '&' starts one of the references htmlEscape writes; no < > " '.
void checkHtml(const QString &html)
{
    FUZZ_CHECK(!html.contains(QLatin1Char('<')) && !html.contains(QLatin1Char('>')), "no tag survives HTML escaping");
    FUZZ_CHECK(!html.contains(QLatin1Char('"')) && !html.contains(QLatin1Char('\'')), "no quote survives HTML escaping");
    for (qsizetype at = html.indexOf(QLatin1Char('&')); at >= 0; at = html.indexOf(QLatin1Char('&'), at + 1)) {
        const QStringView rest = QStringView(html).sliced(at);
        FUZZ_CHECK(rest.startsWith(u"&amp;") || rest.startsWith(u"&lt;") || rest.startsWith(u"&gt;")
                       || rest.startsWith(u"&quot;") || rest.startsWith(u"&#39;"),
                   "every '&' is a reference");
    }
    FUZZ_CHECK(!hasControlOrBidi(html, true) && !hasLoneSurrogate(html), "HTML text is clean");
}

bool formulaStart(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
           || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

void checkCsv(const QString &cell)
{
    QString value = cell;
    if (cell.startsWith(QLatin1Char('"'))) {
        FUZZ_CHECK(cell.size() >= 2 && cell.endsWith(QLatin1Char('"')), "a quoted cell is closed");
        QString inner = cell.mid(1, cell.size() - 2);
        FUZZ_CHECK(!inner.replace(QLatin1String("\"\""), QString()).contains(QLatin1Char('"')), "quotes are doubled");
        value = cell.mid(1, cell.size() - 2).replace(QLatin1String("\"\""), QLatin1String("\""));
    } else {
        FUZZ_CHECK(!cell.contains(QLatin1Char(',')) && !cell.contains(QLatin1Char('\n')) && !cell.contains(QLatin1Char('\r')),
                   "an unquoted cell is one field on one line");
    }
    FUZZ_CHECK(value.isEmpty() || !formulaStart(value.front()), "no cell starts a formula");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = fuzz::text(data, size);

    const QString clean = cleanText(text);
    FUZZ_CHECK(!hasControlOrBidi(clean, true) && !hasLoneSurrogate(clean), "cleanText leaves no control, bidi or lone surrogate");
    FUZZ_CHECK(cleanText(clean) == clean, "cleanText is idempotent");

    checkHtml(htmlEscape(text));
    // htmlWithCode adds only <code> and </code> itself.
    QString withCode = htmlWithCode(text);
    withCode.remove(QLatin1String("<code>")).remove(QLatin1String("</code>"));
    checkHtml(withCode);

    const QString href = safeHref(text);
    if (!href.isEmpty()) {
        FUZZ_CHECK(href.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
                       || href.startsWith(QLatin1String("https://"), Qt::CaseInsensitive),
                   "only http(s) links");
        checkHtml(href);
        for (const QChar c : href)
            FUZZ_CHECK(!c.isSpace(), "an href has no white space");
    }

    for (const bool blockStart : {false, true}) {
        const QString md = markdownText(text, blockStart);
        FUZZ_CHECK(!md.contains(QLatin1Char('\n')) && !md.contains(QLatin1Char('\r')), "Markdown inline text is one line");
        FUZZ_CHECK(!md.contains(QLatin1Char('<')) && !md.contains(QLatin1Char('>')), "no tag in Markdown text");
        FUZZ_CHECK(!hasControlOrBidi(md, false) && !hasLoneSurrogate(md), "Markdown text is clean");
    }
    const QString cell = markdownCell(text);
    FUZZ_CHECK(!cell.isEmpty(), "a Markdown cell is never empty");
    for (qsizetype at = cell.indexOf(QLatin1Char('|')); at >= 0; at = cell.indexOf(QLatin1Char('|'), at + 1))
        FUZZ_CHECK(at > 0 && cell.at(at - 1) == QLatin1Char('\\'), "pipes in a cell are escaped");
    const QString code = markdownCode(text);
    FUZZ_CHECK(!code.contains(QLatin1Char('\n')) && !code.contains(QLatin1Char('\r')), "a code span is one line");
    (void)markdownWithCode(text);

    checkCsv(csvText(text));
    return 0;
}
