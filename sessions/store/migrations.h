#pragma once

// The lab's schema as an ordered list of forward migrations. Migration N
// takes a lab from user_version N-1 to N. Never edit a released migration:
// add a new one.

#include <QList>
#include <QString>
#include <QStringList>

namespace devzero::store {

struct Migration
{
    int version;
    QString description;
    QStringList statements;
};

const QList<Migration> &migrations();

} // namespace devzero::store
