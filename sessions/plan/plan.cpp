#include "sessions/plan/plan.h"

#include <algorithm>

namespace devzero::plan {

QString Diagnostic::toString(const QString &file) const
{
    const QString severityName = severity == Severity::Error ? QStringLiteral("error")
                                                             : QStringLiteral("warning");
    // Compilers drop the parts they do not know; editors parse every variant.
    QString where = file;
    if (line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            where += QLatin1Char(':') + QString::number(column);
    }
    return where + QStringLiteral(": ") + severityName + QStringLiteral(": ") + message;
}

int ParseResult::errorCount() const
{
    return int(std::count_if(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic &d) {
        return d.severity == Diagnostic::Severity::Error;
    }));
}

QString slugify(const QString &text)
{
    QString slug;
    slug.reserve(text.size());
    bool pendingDash = false;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (pendingDash && !slug.isEmpty())
                slug += QLatin1Char('-');
            pendingDash = false;
            slug += c.toLower();
        } else {
            pendingDash = true;
        }
    }
    return slug;
}

} // namespace devzero::plan
