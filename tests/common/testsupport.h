#pragma once

// Paths and fixtures every test suite needs. CTest sets DEVZERO_SOURCE_DIR,
// DEVZERO_BINARY_DIR and DEVZERO_EXECUTABLE (see cmake/DevzeroHelpers.cmake).

#include <QString>

namespace devzero::test {

QString sourceDir();
QString binaryDir();
QString fixturePath(const QString &relative); // tests/fixtures/<relative>
QString devzeroExecutable();                  // the real built `devzero`

// Folder under the build tree where GUI tests save screenshots.
QString screenshotDir();

// Path of a corpus bundle in ../shared/corpora, or an empty string when it
// is missing. In CI (CI=true) a missing corpus is a failure, not a skip:
// call it through DEVZERO_REQUIRE_CORPUS.
QString corpusBundle(const QString &name);
bool runningInCi();

} // namespace devzero::test

// Sets `var` to the bundle path; skips locally and fails in CI when absent.
#define DEVZERO_REQUIRE_CORPUS(var, name)                                                      \
    const QString var = devzero::test::corpusBundle(QStringLiteral(name));                     \
    if (var.isEmpty()) {                                                                       \
        if (devzero::test::runningInCi())                                                      \
            QFAIL("corpus " name " missing from ../shared/corpora: CI must have it");          \
        QSKIP("corpus " name " not found beside the checkout");                                \
    }
