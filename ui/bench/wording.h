#pragma once

// Small pieces of wording the bench's panels share.

#include "sessions/store/records.h"

#include <QString>

namespace devzero::ui {

QString outcomeLabel(store::Outcome outcome); // "Done", "Failed", "Gave up", "Skipped"
QString formatActiveTime(qint64 ms);          // "0:42", "12:05", "1:02:03"
// "1 plan", "3 plans", "no plans".
QString countOf(qint64 n, const QString &one, const QString &many);

} // namespace devzero::ui
