// The secret redactor on any text (UTF-8, or raw UTF-16 with lone
// surrogates): no crash, redaction is idempotent, findings are sorted,
// disjoint and inside the text, and a redacted text has nothing left to find.

#include "sessions/capture/redactor.h"
#include "tests/fuzz/fuzzcheck.h"

using namespace devzero;
using devzero::capture::Redactor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Redactor &redactor = Redactor::standard();
    const QString text = fuzz::text(data, size);

    const QList<Redactor::Finding> findings = redactor.find(text);
    qsizetype end = 0;
    for (const Redactor::Finding &f : findings) {
        FUZZ_CHECK(f.start >= end, "findings sorted and disjoint");
        FUZZ_CHECK(f.length > 0 && f.start + f.length <= text.size(), "findings inside the text");
        FUZZ_CHECK(!f.ruleId.isEmpty(), "findings name their rule");
        end = f.start + f.length;
    }

    const QString once = redactor.redact(text);
    if (findings.isEmpty())
        FUZZ_CHECK(once.size() == text.size(), "nothing found, nothing replaced");
    const QString twice = redactor.redact(once);
    if (twice != once) {
        std::fprintf(stderr, "once:  %s\ntwice: %s\n", qPrintable(once), qPrintable(twice));
    }
    FUZZ_CHECK(twice == once, "redact(redact(x)) == redact(x)");
    FUZZ_CHECK(redactor.find(once).isEmpty(), "a redacted text has nothing left to find");
    return 0;
}
