#pragma once

// The System Usability Scale: ten items answered 1 (strongly disagree) to
// 5 (strongly agree), odd items worded positively, even items negatively.
//
//   score = 2.5 × (Σ (r - 1) over items 1,3,5,7,9 + Σ (5 - r) over items 2,4,6,8,10)
//
// Subscales (Lewis and Sauro 2009), each scaled to 0..100 from the same
// per-item contributions (0..4):
//   learnability = 12.5  × (contribution of item 4 + contribution of item 10)
//   usability    = 3.125 × (sum of the contributions of the other eight items)
//
// Grades follow the Sauro-Lewis curved grading scale. The published ranges
// leave gaps (84.0 | 84.1, 80.7 | 80.8, ...) because they are given to one
// decimal; a score is graded by the lower bounds, so a mean of 84.05 is an
// A and 84.1 is an A+:
//   A+ ≥ 84.1, A ≥ 80.8, A- ≥ 78.9, B+ ≥ 77.2, B ≥ 74.1, B- ≥ 72.6,
//   C+ ≥ 71.1, C ≥ 65.0, C- ≥ 62.7, D ≥ 51.7, F below.
// Single scores are multiples of 2.5; only means fall between the bounds.

#include "sessions/analysis/statistics.h"
#include "sessions/common/result.h"

#include <QString>

namespace devzero::analysis {

struct SusScore
{
    double score = 0;        // 0..100
    double learnability = 0; // 0..100
    double usability = 0;    // 0..100
    QString grade;           // "A+" .. "F"
};

// Exactly ten answers, items 1..10 in order, each 1..5; an error names the
// first item that is not.
Result<SusScore> susScore(const QList<int> &answers);

// The curved grade of a score or a mean; empty outside 0..100.
QString susGrade(double score);

// Over sessions: the mean score with its t interval (clipped to 0..100) and
// the grade of the mean, and the subscales' means with their intervals.
struct SusSummary
{
    MeanSummary score;
    QString grade; // of the mean; empty without scores
    MeanSummary learnability;
    MeanSummary usability;
};

SusSummary susSummary(const QList<SusScore> &scores);

} // namespace devzero::analysis
