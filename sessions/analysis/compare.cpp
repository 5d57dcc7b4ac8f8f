#include "sessions/analysis/compare.h"

#include "sessions/analysis/evidence.h"
#include "sessions/analysis/statistics.h"
#include "sessions/store/evidencestore.h"
#include "sessions/store/planstore.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace devzero::analysis {

namespace {

double logChoose(int n, int k)
{
    return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0);
}

double mean(const QList<double> &v)
{
    double sum = 0;
    for (double x : v)
        sum += x;
    return sum / v.size();
}

double variance(const QList<double> &v, double m)
{
    double ss = 0;
    for (double x : v)
        ss += (x - m) * (x - m);
    return ss / (v.size() - 1);
}

QList<double> logs(const QList<double> &seconds)
{
    QList<double> out;
    out.reserve(seconds.size());
    for (double s : seconds)
        out << std::log(std::max(s, 0.001)); // 0 ms counts as 1 ms (labmetrics.h)
    return out;
}

QHash<qint64, GroupTaskValues> group(const store::MetricsRows &rows)
{
    QHash<qint64, GroupTaskValues> out;
    QHash<qint64, QSet<qint64>> sessionsOf;
    for (const store::AttemptRow &a : rows.attempts) {
        if (!a.outcome || *a.outcome == store::Outcome::Skipped)
            continue;
        GroupTaskValues &g = out[a.taskId];
        ++g.trials;
        sessionsOf[a.taskId].insert(a.sessionId);
        if (*a.outcome == store::Outcome::Success) {
            ++g.successes;
            g.successSeconds << double(a.activeMs.value_or(0)) / 1000.0;
        }
        if (a.seq)
            g.seq << double(*a.seq);
    }
    for (auto it = out.begin(); it != out.end(); ++it)
        it->sessions = int(sessionsOf.value(it.key()).size());
    return out;
}

QString pText(double p)
{
    return p < 0.001 ? QStringLiteral("p < 0.001") : QStringLiteral("p = %1").arg(p, 0, 'f', 3);
}

QString verdict(bool exceeds)
{
    return exceeds ? QStringLiteral("exceeds noise") : QStringLiteral("within noise");
}

} // namespace

double fisherExactTwoSided(int a, int b, int c, int d)
{
    if (a < 0 || b < 0 || c < 0 || d < 0)
        return std::nan("");
    const int row1 = a + b, row2 = c + d, col1 = a + c, n = a + b + c + d;
    if (row1 == 0 || row2 == 0 || col1 == 0 || col1 == n)
        return 1.0;
    const double logDenominator = logChoose(n, col1);
    auto logP = [&](int x) { return logChoose(row1, x) + logChoose(row2, col1 - x) - logDenominator; };
    const double observed = logP(a);
    double p = 0;
    const int low = std::max(0, col1 - row2), high = std::min(row1, col1);
    for (int x = low; x <= high; ++x) {
        const double lp = logP(x);
        // A relative tolerance keeps tables exactly as likely as the observed one.
        if (lp <= observed + 1e-7)
            p += std::exp(lp);
    }
    return std::min(1.0, p);
}

std::optional<WelchTest> welchTest(const QList<double> &a, const QList<double> &b)
{
    if (a.size() < 2 || b.size() < 2)
        return std::nullopt;
    const double ma = mean(a), mb = mean(b);
    const double va = variance(a, ma) / a.size(), vb = variance(b, mb) / b.size();
    const double se2 = va + vb;
    if (se2 <= 0) {
        if (ma == mb)
            return WelchTest{0, double(a.size() + b.size() - 2), 1.0};
        return std::nullopt;
    }
    WelchTest test;
    test.t = (ma - mb) / std::sqrt(se2);
    test.df = se2 * se2 / (va * va / (a.size() - 1) + vb * vb / (b.size() - 1));
    test.pValue = std::min(1.0, 2.0 * (1.0 - studentTCdf(std::fabs(test.t), test.df)));
    return test;
}

std::optional<double> GroupTaskValues::completion() const
{
    if (trials == 0)
        return std::nullopt;
    return double(successes) / trials;
}

std::optional<double> GroupTaskValues::geometricMeanSeconds() const
{
    if (successSeconds.isEmpty())
        return std::nullopt;
    return std::exp(mean(logs(successSeconds)));
}

std::optional<double> GroupTaskValues::seqMean() const
{
    if (seq.isEmpty())
        return std::nullopt;
    return mean(seq);
}

Comparison compareRows(const store::MetricsRows &before, const store::MetricsRows &after,
                       const QList<store::TaskRow> &tasks)
{
    Comparison out;
    out.sessionsBefore = int(before.sessions.size());
    out.sessionsAfter = int(after.sessions.size());
    const QHash<qint64, GroupTaskValues> b = group(before);
    const QHash<qint64, GroupTaskValues> a = group(after);
    QList<store::TaskRow> ordered = tasks;
    std::sort(ordered.begin(), ordered.end(), [](const store::TaskRow &x, const store::TaskRow &y) {
        if (x.planId != y.planId)
            return x.planId < y.planId;
        if (x.journeyPosition != y.journeyPosition)
            return x.journeyPosition < y.journeyPosition;
        return x.position < y.position;
    });
    for (const store::TaskRow &task : ordered) {
        if (!b.contains(task.id) && !a.contains(task.id))
            continue;
        TaskComparison c;
        c.taskId = task.id;
        c.number = task.number();
        c.title = task.title;
        c.journeyTitle = task.journeyTitle;
        c.before = b.value(task.id);
        c.after = a.value(task.id);
        if (c.before.completion() && c.after.completion()) {
            c.completionDiff = *c.after.completion() - *c.before.completion();
            c.completionP = fisherExactTwoSided(c.before.successes, c.before.trials - c.before.successes,
                                                c.after.successes, c.after.trials - c.after.successes);
        }
        if (c.before.geometricMeanSeconds() && c.after.geometricMeanSeconds())
            c.timeRatio = *c.after.geometricMeanSeconds() / *c.before.geometricMeanSeconds();
        c.timeTest = welchTest(logs(c.after.successSeconds), logs(c.before.successSeconds));
        if (c.before.seqMean() && c.after.seqMean())
            c.seqDiff = *c.after.seqMean() - *c.before.seqMean();
        c.seqTest = welchTest(c.after.seq, c.before.seq);
        out.tasks.append(c);
    }
    return out;
}

Result<Comparison> compareLab(LabDatabase &lab, const MetricsFilter &before, const MetricsFilter &after)
{
    Result<store::SessionSelection> selBefore = sessionSelection(before);
    if (!selBefore)
        return Error{selBefore.error().message, QStringLiteral("before")};
    Result<store::SessionSelection> selAfter = sessionSelection(after);
    if (!selAfter)
        return Error{selAfter.error().message, QStringLiteral("after")};
    store::MetricsStore metrics(lab);
    store::MetricsRows rowsBefore, rowsAfter;
    QList<store::TaskRow> tasks;
    Result<void> read = store::EvidenceStore::inSnapshot(lab, [&]() -> Result<void> {
        Result<store::MetricsRows> b = metrics.read(*selBefore);
        if (!b)
            return b.error();
        Result<store::MetricsRows> a = metrics.read(*selAfter);
        if (!a)
            return a.error();
        rowsBefore = std::move(b.value());
        rowsAfter = std::move(a.value());
        QSet<qint64> plans;
        for (const store::SessionRow &s : rowsBefore.sessions + rowsAfter.sessions)
            plans.insert(s.planId);
        store::PlanStore planStore(lab);
        for (qint64 planId : plans) {
            Result<QList<store::TaskRow>> t = planStore.tasks(planId);
            if (!t)
                return t.error();
            tasks += t.value();
        }
        return {};
    });
    if (!read)
        return read.error();
    Comparison out = compareRows(rowsBefore, rowsAfter, tasks);
    out.before = before;
    out.after = after;
    return out;
}

QString describeCompletion(const TaskComparison &task)
{
    if (!task.completionDiff || !task.completionP)
        return QStringLiteral("not tried on both sides");
    return QStringLiteral("%1%2 pp (%3, %4)")
        .arg(*task.completionDiff >= 0 ? QStringLiteral("+") : QString())
        .arg(std::round(*task.completionDiff * 100), 0, 'f', 0)
        .arg(pText(*task.completionP), verdict(task.completionExceedsNoise()));
}

QString describeTime(const TaskComparison &task)
{
    if (!task.timeRatio)
        return QStringLiteral("no successes on both sides");
    const QString ratio = QStringLiteral("x%1").arg(*task.timeRatio, 0, 'f', 2);
    if (!task.timeTest)
        return ratio + QStringLiteral(" (too few successes to test)");
    return QStringLiteral("%1 (%2, %3)").arg(ratio, pText(task.timeTest->pValue), verdict(task.timeExceedsNoise()));
}

QString describeSeq(const TaskComparison &task)
{
    if (!task.seqDiff)
        return QStringLiteral("no answers on both sides");
    const QString diff = QStringLiteral("%1%2").arg(*task.seqDiff >= 0 ? QStringLiteral("+") : QString()).arg(*task.seqDiff, 0, 'f', 1);
    if (!task.seqTest)
        return diff + QStringLiteral(" (too few answers to test)");
    return QStringLiteral("%1 (%2, %3)").arg(diff, pText(task.seqTest->pValue), verdict(task.seqExceedsNoise()));
}

} // namespace devzero::analysis
