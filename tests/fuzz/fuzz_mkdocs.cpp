// The mkdocs.yml reader (docs_dir, site_url, nav) on any bytes: no crash,
// and what it reports points into the file.

#include "sessions/docindex/mkdocsconfig.h"
#include "tests/fuzz/fuzzcheck.h"

using namespace devzero;
using namespace devzero::docindex;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView yaml = fuzz::bytes(data, size);
    const MkDocsConfig config = parseMkDocsConfig(yaml);
    const qsizetype lines = yaml.count('\n') + 1;
    int previousLine = 0;
    for (const MkDocsNavEntry &entry : config.nav) {
        FUZZ_CHECK(entry.line > previousLine && entry.line <= lines, "nav entries in file order, inside the file");
        previousLine = entry.line;
    }
    for (const QString &problem : config.problems)
        FUZZ_CHECK(problem.startsWith(QLatin1String("mkdocs.yml:")), "problems say where");
    return 0;
}
