#include "sessions/plan/planfieldnames.h"

#include <QList>
#include <QStringList>

#include <algorithm>

namespace devzero::plan::detail {

namespace {

const QList<KnownField> &knownFields()
{
    static const QList<KnownField> fields{
        {QStringLiteral("tools"), QStringLiteral("Tools"), Level::Plan},
        {QStringLiteral("outcome"), QStringLiteral("Outcome"), Level::Journey},
        {QStringLiteral("goal"), QStringLiteral("Goal"), Level::Task},
        {QStringLiteral("done when"), QStringLiteral("Done when"), Level::Task},
        {QStringLiteral("budget"), QStringLiteral("Budget"), Level::Task},
        {QStringLiteral("check"), QStringLiteral("Check"), Level::Task},
    };
    return fields;
}

int editDistance(QStringView a, QStringView b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

const KnownField *findField(const QString &name)
{
    for (const KnownField &field : knownFields()) {
        if (field.name == name)
            return &field;
    }
    return nullptr;
}

const KnownField *suggestField(const QString &name)
{
    const KnownField *best = nullptr;
    int bestDistance = int(name.size()) / 3 + 1; // a typo or two, not a different word
    for (const KnownField &field : knownFields()) {
        const int distance = editDistance(name, field.name);
        if (distance < bestDistance) {
            best = &field;
            bestDistance = distance;
        }
    }
    if (best)
        return best;
    // Shorthands and longer phrasings: "Done" for "Done when", "Time budget" for "Budget".
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const KnownField &field : knownFields()) {
        if (name.size() >= 3 && field.name.startsWith(name + QLatin1Char(' ')))
            return &field;
        if (words.size() > 1 && (words.last() == field.name || words.first() == field.name))
            return &field;
    }
    return nullptr;
}

QString fieldList(Level level)
{
    QStringList names;
    for (const KnownField &field : knownFields()) {
        if (field.level == level)
            names.append(field.display);
    }
    return names.join(QStringLiteral(", "));
}

} // namespace devzero::plan::detail
