#include "sessions/docindex/pageinput.h"

#include <QtGlobal>

#include <cstring>

namespace devzero::docindex {

namespace {

// Length of the valid UTF-8 sequence at `p` (1..4), or 0 when it is invalid.
// Overlong forms, surrogates and code points above U+10FFFF are invalid.
int validSequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    auto cont = [&](int i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2))
            return 0;
        if (c == 0xE0 && p[1] < 0xA0)
            return 0; // overlong
        if (c == 0xED && p[1] >= 0xA0)
            return 0; // UTF-16 surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        if (c == 0xF0 && p[1] < 0x90)
            return 0; // overlong
        if (c == 0xF4 && p[1] >= 0x90)
            return 0; // above U+10FFFF
        return 4;
    }
    return 0;
}

int lineAt(const char *begin, const char *at)
{
    int line = 1;
    for (const char *p = begin; p < at; ++p)
        line += (*p == '\n');
    return line;
}

} // namespace

int countLines(QByteArrayView text)
{
    if (text.isEmpty())
        return 0;
    int lines = 0;
    const char *p = text.data();
    const char *end = p + text.size();
    while ((p = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p))))) {
        ++lines;
        ++p;
    }
    return text.back() == '\n' ? lines : lines + 1;
}

PageInput preparePageInput(QByteArrayView content)
{
    PageInput input;
    const char *data = content.data();
    qsizetype size = content.size();
    if (size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        size -= 3;
    }
    if (const void *nul = size > 0 ? std::memchr(data, 0, size_t(size)) : nullptr) {
        input.binary = true;
        input.nulLine = lineAt(data, static_cast<const char *>(nul));
        input.lineCount = countLines(QByteArrayView(data, size));
        return input;
    }

    // Most pages are valid UTF-8 without '\r' and are not copied.
    const auto *begin = reinterpret_cast<const unsigned char *>(data);
    const auto *end = begin + size;
    const bool hasCr = size > 0 && std::memchr(data, '\r', size_t(size)) != nullptr;
    bool valid = true;
    for (const unsigned char *p = begin; p < end;) {
        if (end - p >= 8) { // eight ASCII bytes at a time
            quint64 word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const int n = validSequenceLength(p, end);
        if (n == 0) {
            valid = false;
            break;
        }
        p += n;
    }
    if (valid && !hasCr) {
        input.text = QByteArray::fromRawData(data, size);
        input.lineCount = countLines(input.text);
        return input;
    }

    QByteArray out;
    out.reserve(size + (valid ? 0 : 64));
    int line = 1;
    for (const unsigned char *p = begin; p < end;) {
        const unsigned char c = *p;
        if (c == '\r') {
            if (p + 1 < end && p[1] == '\n') {
                ++p; // CRLF: keep the LF only
                continue;
            }
            out.append(' ');
            ++p;
            continue;
        }
        if (c < 0x80) {
            line += (c == '\n');
            out.append(char(c));
            ++p;
            continue;
        }
        const int n = validSequenceLength(p, end);
        if (n == 0) {
            if (input.invalidBytes == 0)
                input.firstInvalidLine = line;
            ++input.invalidBytes;
            out.append("\xEF\xBF\xBD", 3);
            ++p;
            continue;
        }
        out.append(reinterpret_cast<const char *>(p), n);
        p += n;
    }
    input.text = std::move(out);
    input.lineCount = countLines(input.text);
    return input;
}

} // namespace devzero::docindex
