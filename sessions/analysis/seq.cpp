#include "sessions/analysis/seq.h"

namespace devzero::analysis {

QString toString(BenchmarkComparison comparison)
{
    switch (comparison) {
    case BenchmarkComparison::NotEnoughData: return QStringLiteral("not-enough-data");
    case BenchmarkComparison::Below: return QStringLiteral("below");
    case BenchmarkComparison::Overlaps: return QStringLiteral("overlaps");
    case BenchmarkComparison::Above: return QStringLiteral("above");
    }
    return {};
}

Result<SeqSummary> seqSummary(const QList<int> &answers, double benchmark)
{
    QList<double> values;
    values.reserve(answers.size());
    for (qsizetype i = 0; i < answers.size(); ++i) {
        const int a = answers.at(i);
        if (a < 1 || a > 7)
            return makeError(QStringLiteral("SEQ answers run from 1 to 7; answer %1 is %2").arg(i + 1).arg(a));
        values << a;
    }
    SeqSummary s;
    s.benchmark = benchmark;
    s.answers = meanWithInterval(values, 1.0, 7.0);
    if (s.answers.mean)
        s.difference = *s.answers.mean - benchmark;
    if (s.answers.ci95) {
        if (s.answers.ci95->high < benchmark)
            s.comparison = BenchmarkComparison::Below;
        else if (s.answers.ci95->low > benchmark)
            s.comparison = BenchmarkComparison::Above;
        else
            s.comparison = BenchmarkComparison::Overlaps;
    }
    return s;
}

} // namespace devzero::analysis
