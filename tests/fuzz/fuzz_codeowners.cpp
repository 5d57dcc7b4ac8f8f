// The CODEOWNERS parser and matcher on any bytes. Before the first NUL byte:
// the CODEOWNERS file; after it: paths to match, one a line. Without a NUL,
// a few fixed paths and every rule's own pattern are matched.

#include "sessions/docindex/codeowners.h"
#include "tests/fuzz/fuzzcheck.h"

using namespace devzero;
using namespace devzero::docindex;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = fuzz::bytes(data, size);
    const qsizetype nul = input.indexOf('\0');
    const QByteArrayView file = nul >= 0 ? input.first(nul) : input;
    const CodeOwners owners = CodeOwners::parse(file);

    QStringList paths = {QStringLiteral("README.md"), QStringLiteral("docs/a.md"), QStringLiteral("docs/sub/b.md"),
                         QStringLiteral("src/x/y/z.cpp")};
    if (nul >= 0)
        paths = QString::fromUtf8(input.sliced(nul + 1)).split(QLatin1Char('\n'));
    int previousLine = 0;
    for (const CodeOwnersRule &rule : owners.rules()) {
        FUZZ_CHECK(rule.line > previousLine, "rules in file order, one a line");
        FUZZ_CHECK(rule.regex.isValid(), "every rule's pattern compiles");
        previousLine = rule.line;
        if (nul < 0)
            paths << rule.pattern;
    }
    for (const QString &path : std::as_const(paths)) {
        const CodeOwnersMatch m = owners.match(path);
        if (!m.matched)
            continue;
        // The match names a rule of the file, and it is the last one that matches.
        bool found = false;
        for (const CodeOwnersRule &rule : owners.rules()) {
            if (rule.line == m.line) {
                FUZZ_CHECK(rule.pattern == m.pattern && rule.owners == m.owners, "the match reports its rule");
                found = true;
            }
        }
        FUZZ_CHECK(found, "the matching rule is in the file");
    }
    return 0;
}
