#include "sessions/plan/plansource.h"

#include <algorithm>

namespace devzero::plan::detail {

namespace {

// An author who pastes a large file gets one error per bad line, up to here.
constexpr int MaxEncodingDiagnostics = 20;

Diagnostic error(int line, int column, QString message)
{
    return Diagnostic{Diagnostic::Severity::Error, line, column, std::move(message)};
}

// Line starts the way cmark counts lines: "\n", "\r\n" and a lone "\r" all end one.
QList<qsizetype> findLineStarts(const QByteArray &text)
{
    QList<qsizetype> starts{0};
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (text[i] == '\r') {
            if (i + 1 < n && text[i + 1] == '\n')
                ++i;
            starts.append(i + 1);
        } else if (text[i] == '\n') {
            starts.append(i + 1);
        }
    }
    // A final line ending does not open another line.
    if (starts.size() > 1 && starts.last() == n)
        starts.removeLast();
    return starts;
}

int lineOfOffset(const QList<qsizetype> &starts, qsizetype offset)
{
    const auto it = std::upper_bound(starts.cbegin(), starts.cend(), offset);
    return int(it - starts.cbegin()); // 1-based because upper_bound is one past
}

bool isBlank(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v')
            return false;
    }
    return true;
}

QByteArrayView rightTrimmed(QByteArrayView bytes)
{
    while (!bytes.isEmpty() && (bytes.back() == ' ' || bytes.back() == '\t'))
        bytes.chop(1);
    return bytes;
}

// YAML (---) or TOML (+++) front matter, as docs sites put on pages, is not
// part of the plan. Blank it with spaces so lines and columns stay true.
void blankFrontMatter(PlanSource &source)
{
    if (source.lineCount() < 2)
        return;
    const QByteArrayView first = rightTrimmed(source.line(1));
    if (first != "---" && first != "+++")
        return;
    for (int line = 2; line <= source.lineCount(); ++line) {
        const QByteArrayView text = rightTrimmed(source.line(line));
        const bool closes = first == "---" ? (text == "---" || text == "...") : text == "+++";
        if (!closes)
            continue;
        const qsizetype end = source.lineStarts[line - 1] + source.line(line).size();
        for (qsizetype i = 0; i < end; ++i) {
            if (source.utf8[i] != '\n' && source.utf8[i] != '\r')
                source.utf8[i] = ' ';
        }
        return;
    }
}

} // namespace

QByteArrayView PlanSource::line(int line) const
{
    if (line < 1 || line > lineStarts.size())
        return {};
    const qsizetype start = lineStarts[line - 1];
    qsizetype end = line < lineStarts.size() ? lineStarts[line] : utf8.size();
    while (end > start && (utf8[end - 1] == '\n' || utf8[end - 1] == '\r'))
        --end;
    return QByteArrayView(utf8).sliced(start, end - start);
}

qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        uint codePoint = 0;
        uint smallest = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2, codePoint = c & 0x1F, smallest = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, codePoint = c & 0x0F, smallest = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, codePoint = c & 0x07, smallest = 0x10000;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        for (int k = 1; k < length; ++k) {
            const uchar d = p[i + k];
            if ((d & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (d & 0x3F);
        }
        if (codePoint < smallest || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

bool preparePlanSource(QByteArrayView input, PlanSource &source, QList<Diagnostic> &diagnostics)
{
    if (input.size() > MaxPlanBytes) {
        diagnostics.append(error(0, 0, QStringLiteral("the plan is %1 bytes; a plan may be at most %2 bytes")
                                           .arg(input.size())
                                           .arg(MaxPlanBytes)));
        return false;
    }
    if (input.startsWith("\xFF\xFE") || input.startsWith("\xFE\xFF")) {
        diagnostics.append(error(1, 1, QStringLiteral("the plan is UTF-16 text; save it as UTF-8")));
        return false;
    }
    if (input.startsWith("\xEF\xBB\xBF"))
        input = input.sliced(3); // cmark skips the BOM too, so columns agree
    source.utf8 = input.toByteArray();
    source.lineStarts = findLineStarts(source.utf8);

    if (const qsizetype nul = source.utf8.indexOf('\0'); nul >= 0) {
        const int line = lineOfOffset(source.lineStarts, nul);
        const int column = int(nul - source.lineStarts[line - 1]) + 1;
        diagnostics.append(error(line, column,
                                 QStringLiteral("this is a binary file, not a Markdown plan "
                                                "(it holds a NUL byte)")));
        return false;
    }

    blankFrontMatter(source);
    if (isBlank(source.utf8)) {
        diagnostics.append(error(1, 1, QStringLiteral("the plan is empty: start it with a title line "
                                                      "such as '# Onboarding onto Example Pay'")));
        return false;
    }

    // Reported line by line, then parsing goes on (cmark reads the bad bytes
    // as U+FFFD) so that the author sees every other problem in one pass.
    int reported = 0;
    int skipped = 0;
    for (int line = 1; line <= source.lineCount(); ++line) {
        const qsizetype bad = firstInvalidUtf8(source.line(line));
        if (bad < 0)
            continue;
        if (reported == MaxEncodingDiagnostics) {
            ++skipped;
            continue;
        }
        ++reported;
        diagnostics.append(error(line, int(bad) + 1,
                                 QStringLiteral("line %1 is not valid UTF-8 (byte 0x%2); save the plan as UTF-8")
                                     .arg(line)
                                     .arg(uint(uchar(source.line(line)[bad])), 2, 16, QLatin1Char('0'))));
    }
    if (skipped > 0) {
        const Diagnostic &last = diagnostics.constLast();
        diagnostics.append(error(last.line, last.column,
                                 QStringLiteral("%1 more lines are not valid UTF-8").arg(skipped)));
    }
    return true;
}

} // namespace devzero::plan::detail
