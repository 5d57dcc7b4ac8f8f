#pragma once

// Sentences the human-readable formats share, as plain text (each format
// escapes them its own way).

#include "sessions/report/reportmodel.h"

#include <QString>

namespace devzero::report {

QString counted(int n, const QString &one, const QString &many); // "1 note", "2 notes"
QString themeSummary(const FrictionTheme &theme);            // "3 notes from 2 testers, 1 blocking"
QString notesCell(const analysis::EvidenceCounts &c);        // "2", "2 (+1)": attached (+ naming the page's terms)
QString filterSummary(const ReportModel &model);          // "all sessions", "plan 1 · since 2026-01-01 · ..."
QString scopeSummary(const ReportModel &model);           // "4 sessions by 4 testers · 12 notes · ..."
QString journeyAnswer(const analysis::JourneyMetrics &j); // "2 of 3 testers achieved it"
QString journeyTone(const analysis::JourneyMetrics &j);   // "good" (≥ 80%), "mixed" (≥ 50%), "bad", "none"
QString evidenceSummary(const analysis::EvidenceCounts &c); // "3 notes, 2 failed commands (1 not found), ..."
QString seqVerdict(const analysis::SeqSummary &seq);      // "below 5.5", "overlaps 5.5", "above 5.5", "too few answers"
QString flagLocation(const analysis::Flag &flag);         // "docs/a.md:12–14 #install"
QString authorsText(const PageDocs &docs, int count = 2); // "Ana Ruiz (2026-01-03), Marta L. (...)"
QString docsLine(const ReportModel &model);               // "docs source paylark at 3f2a9c1b" or ""
QString flagEvidenceText(const analysis::Flag &flag); // "Session evidence: 2 pieces of evidence name “jq”; this section: ..."
QString methodText(const analysis::EvidenceWeights &w);   // the formulas and weights, one paragraph

} // namespace devzero::report
