#include "tests/common/testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace devzero::test {

static QString envPath(const char *name, const QString &fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

QString sourceDir()
{
    return envPath("DEVZERO_SOURCE_DIR", QStringLiteral(DEVZERO_TEST_SOURCE_DIR));
}

QString binaryDir()
{
    return envPath("DEVZERO_BINARY_DIR", QStringLiteral(DEVZERO_TEST_BINARY_DIR));
}

QString fixturePath(const QString &relative)
{
    return sourceDir() + QStringLiteral("/tests/fixtures/") + relative;
}

QString devzeroExecutable()
{
    return envPath("DEVZERO_EXECUTABLE", binaryDir() + QStringLiteral("/app/devzero"));
}

QString screenshotDir()
{
    const QString dir = binaryDir() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir;
}

bool runningInCi()
{
    const QString ci = qEnvironmentVariable("CI");
    return !ci.isEmpty() && ci != QStringLiteral("false") && ci != QStringLiteral("0");
}

QString corpusBundle(const QString &name)
{
    const QStringList candidates = {
        qEnvironmentVariable("DEVZERO_CORPORA"),
        sourceDir() + QStringLiteral("/../shared/corpora"),
    };
    for (const QString &dir : candidates) {
        if (dir.isEmpty())
            continue;
        const QFileInfo info(dir + QLatin1Char('/') + name);
        if (info.isFile())
            return info.absoluteFilePath();
    }
    return {};
}

} // namespace devzero::test
