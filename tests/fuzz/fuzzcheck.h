#pragma once

// Shared by the fuzz targets: an invariant check that stops the run (libFuzzer
// keeps the input as a crash file; the replay test fails), and the input as
// the types the code under test takes.

#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Not assert(): it must hold in release builds too, where the fuzzers run.
#define FUZZ_CHECK(condition, what)                                                                 \
    do {                                                                                            \
        if (!(condition)) {                                                                         \
            std::fprintf(stderr, "%s:%d: invariant broken: %s (%s)\n", __FILE__, __LINE__, what,   \
                         #condition);                                                               \
            std::abort();                                                                           \
        }                                                                                           \
    } while (false)

namespace devzero::fuzz {

inline QByteArrayView bytes(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Most inputs as UTF-8; with a leading 0x01 byte the rest as raw UTF-16, so
// that lone surrogates and other text UTF-8 decoding never yields reach the code.
inline QString text(const uint8_t *data, size_t size)
{
    if (size > 0 && data[0] == 0x01) {
        const qsizetype units = qsizetype((size - 1) / 2);
        QString out(units, Qt::Uninitialized);
        for (qsizetype i = 0; i < units; ++i)
            out[i] = QChar(char16_t(data[1 + 2 * i] | (data[2 + 2 * i] << 8)));
        return out;
    }
    return QString::fromUtf8(bytes(data, size));
}

} // namespace devzero::fuzz
