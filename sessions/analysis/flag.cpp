#include "sessions/analysis/flag.h"

using namespace Qt::StringLiterals;

namespace devzero::analysis {

QString toString(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return u"info"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Error:
        return u"error"_s;
    }
    return u"warning"_s;
}

std::optional<Severity> severityFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"info" || t == u"note")
        return Severity::Info;
    if (t == u"warning" || t == u"warn")
        return Severity::Warning;
    if (t == u"error")
        return Severity::Error;
    return std::nullopt;
}

} // namespace devzero::analysis
