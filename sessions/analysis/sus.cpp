#include "sessions/analysis/sus.h"

#include <array>

namespace devzero::analysis {

namespace {

struct GradeBound
{
    double lowest;
    const char *grade;
};

constexpr std::array<GradeBound, 10> kGrades{{{84.1, "A+"},
                                              {80.8, "A"},
                                              {78.9, "A-"},
                                              {77.2, "B+"},
                                              {74.1, "B"},
                                              {72.6, "B-"},
                                              {71.1, "C+"},
                                              {65.0, "C"},
                                              {62.7, "C-"},
                                              {51.7, "D"}}};

// A mean computed as 84.1 may come out as 84.09999999999999 in binary;
// it still reaches the bound.
constexpr double kBoundTolerance = 1e-9;

} // namespace

Result<SusScore> susScore(const QList<int> &answers)
{
    if (answers.size() != 10)
        return makeError(QStringLiteral("SUS has 10 items; got %1 answers").arg(answers.size()));
    int total = 0;
    int learnability = 0;
    for (int item = 1; item <= 10; ++item) {
        const int r = answers.at(item - 1);
        if (r < 1 || r > 5)
            return makeError(QStringLiteral("SUS item %1: answers run from 1 to 5; got %2").arg(item).arg(r));
        const int contribution = item % 2 == 1 ? r - 1 : 5 - r;
        total += contribution;
        if (item == 4 || item == 10)
            learnability += contribution;
    }
    SusScore s;
    s.score = 2.5 * total;
    s.learnability = 12.5 * learnability;
    s.usability = 3.125 * (total - learnability);
    s.grade = susGrade(s.score);
    return s;
}

QString susGrade(double score)
{
    if (!(score >= 0) || score > 100)
        return {};
    for (const GradeBound &bound : kGrades) {
        if (score + kBoundTolerance >= bound.lowest)
            return QString::fromLatin1(bound.grade);
    }
    return QStringLiteral("F");
}

SusSummary susSummary(const QList<SusScore> &scores)
{
    QList<double> score;
    QList<double> learnability;
    QList<double> usability;
    for (const SusScore &s : scores) {
        score << s.score;
        learnability << s.learnability;
        usability << s.usability;
    }
    SusSummary summary;
    summary.score = meanWithInterval(score, 0.0, 100.0);
    summary.learnability = meanWithInterval(learnability, 0.0, 100.0);
    summary.usability = meanWithInterval(usability, 0.0, 100.0);
    if (summary.score.mean)
        summary.grade = susGrade(*summary.score.mean);
    return summary;
}

} // namespace devzero::analysis
