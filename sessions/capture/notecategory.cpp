#include "sessions/capture/notecategory.h"

namespace devzero::capture {

const QList<NoteCategory> &noteCategories()
{
    static const QList<NoteCategory> all = {
        {QStringLiteral("missing-prerequisite"), QStringLiteral("Missing prerequisite"),
         QStringLiteral("Something had to exist first (a tool, an account, a key) and the docs did not say"), QLatin1Char('p')},
        {QStringLiteral("unclear-step"), QStringLiteral("Unclear step"),
         QStringLiteral("The docs say what to do, but not clearly enough to do it"), QLatin1Char('u')},
        {QStringLiteral("undefined-term"), QStringLiteral("Undefined term"),
         QStringLiteral("A word, acronym or name is used without being explained"), QLatin1Char('t')},
        {QStringLiteral("broken-link"), QStringLiteral("Broken link"),
         QStringLiteral("A link leads nowhere or to the wrong place"), QLatin1Char('l')},
        {QStringLiteral("misleading-error"), QStringLiteral("Misleading error"),
         QStringLiteral("An error message pointed the wrong way or said nothing useful"), QLatin1Char('e')},
        {QStringLiteral("environment"), QStringLiteral("Environment problem"),
         QStringLiteral("My machine, OS, shell or network behaved differently from what the docs assume"), QLatin1Char('v')},
        {QStringLiteral("other"), QStringLiteral("Other"), QStringLiteral("Anything else worth telling the platform team"),
         QLatin1Char('o')},
    };
    return all;
}

bool isNoteCategory(const QString &id)
{
    for (const NoteCategory &c : noteCategories()) {
        if (c.id == id)
            return true;
    }
    return false;
}

QString severityLabel(int severity)
{
    switch (severity) {
    case 1: return QStringLiteral("cosmetic");
    case 2: return QStringLiteral("slowed me down");
    case 3: return QStringLiteral("blocked for a while");
    case 4: return QStringLiteral("could not continue");
    }
    return QStringLiteral("unknown");
}

} // namespace devzero::capture
