#pragma once

// The words of the triage screens: the evidence beside a page (HTML) and
// "Copy as issue" (GitHub Markdown), from the same item and snapshot.

#include "ui/triage/triagedata.h"

#include <QString>

namespace devzero::ui {

// Markdown for the docs repository's tracker: page and lines at the
// indexed revision, the rule, the excerpt, quotes of the testers' notes,
// the evidence counts, owners and the triage state.
QString issueMarkdown(const TriageItem &item, const TriageSnapshot &snapshot, int maxQuotes = 5);

// The evidence panel: rule explanation, notes with quotes, lookups and
// dwell, empty searches, failed commands, testers and sessions, history.
QString evidenceHtml(const TriageItem &item, const TriageSnapshot &snapshot,
                     const QList<store::TriageChange> &history);

} // namespace devzero::ui
