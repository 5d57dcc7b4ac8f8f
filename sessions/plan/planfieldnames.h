#pragma once

// The fields a plan knows, where each belongs, and a "did you mean" for the
// ones it does not know.

#include <QString>

namespace devzero::plan::detail {

enum class Level { Plan, Journey, Task };

struct KnownField
{
    QString name;    // normalized, as normalizeKey() gives it
    QString display; // as resources/docs/plan-format.md writes it
    Level level;
};

// The field named `name` (normalized), or nullptr.
const KnownField *findField(const QString &name);

// The known field an author most likely meant by `name`, or nullptr.
const KnownField *suggestField(const QString &name);

// "Goal, Done when, Budget, Check" for the fields of one level.
QString fieldList(Level level);

} // namespace devzero::plan::detail
