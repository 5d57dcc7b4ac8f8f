#include "sessions/store/records.h"

namespace devzero::store {

QString toString(SessionState state)
{
    switch (state) {
    case SessionState::Running: return QStringLiteral("running");
    case SessionState::Paused: return QStringLiteral("paused");
    case SessionState::Ended: return QStringLiteral("ended");
    case SessionState::Abandoned: return QStringLiteral("abandoned");
    }
    return {};
}

QString toString(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Success: return QStringLiteral("success");
    case Outcome::Failure: return QStringLiteral("failure");
    case Outcome::GaveUp: return QStringLiteral("gave_up");
    case Outcome::Skipped: return QStringLiteral("skipped");
    }
    return {};
}

QString toString(Experience experience)
{
    switch (experience) {
    case Experience::Novice: return QStringLiteral("novice");
    case Experience::Intermediate: return QStringLiteral("intermediate");
    case Experience::Expert: return QStringLiteral("expert");
    }
    return {};
}

std::optional<SessionState> sessionStateFromString(const QString &text)
{
    for (SessionState s : {SessionState::Running, SessionState::Paused, SessionState::Ended, SessionState::Abandoned}) {
        if (toString(s) == text)
            return s;
    }
    return std::nullopt;
}

std::optional<Outcome> outcomeFromString(const QString &text)
{
    QString t = text.trimmed().toLower();
    t.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (t == QLatin1String("done") || t == QLatin1String("succeeded") || t == QLatin1String("ok"))
        return Outcome::Success;
    if (t == QLatin1String("failed") || t == QLatin1String("fail"))
        return Outcome::Failure;
    if (t == QLatin1String("giveup") || t == QLatin1String("give_up"))
        return Outcome::GaveUp;
    if (t == QLatin1String("skip"))
        return Outcome::Skipped;
    for (Outcome o : {Outcome::Success, Outcome::Failure, Outcome::GaveUp, Outcome::Skipped}) {
        if (toString(o) == t)
            return o;
    }
    return std::nullopt;
}

std::optional<Experience> experienceFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    for (Experience e : {Experience::Novice, Experience::Intermediate, Experience::Expert}) {
        if (toString(e) == t)
            return e;
    }
    return std::nullopt;
}

} // namespace devzero::store
