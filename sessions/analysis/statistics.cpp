#include "sessions/analysis/statistics.h"

#include <algorithm>
#include <cmath>

namespace devzero::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The continued fraction of I_x(a, b) (DLMF 8.17.22):
//   1 / (1 + d1 / (1 + d2 / (1 + ...)))
//   d(2m+1) = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1)),  d(2m) = m(b-m)x / ((a+2m-1)(a+2m))
// evaluated front to back with Lentz's method. It converges fast for
// x < (a+1)/(a+b+2); the caller uses the symmetry I_x(a,b) = 1 - I_(1-x)(b,a)
// otherwise.
double betaFraction(double a, double b, double x)
{
    constexpr double tiny = 1e-300;
    constexpr double epsilon = 1e-15;
    auto guard = [](double v) { return std::abs(v) < tiny ? tiny : v; };

    double c = 1.0;
    double d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
    double fraction = d;
    for (int m = 1; m <= 10000; ++m) {
        const double even = m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m));
        d = 1.0 / guard(1.0 + even * d);
        c = guard(1.0 + even / c);
        fraction *= d * c;

        const double odd = -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
        d = 1.0 / guard(1.0 + odd * d);
        c = guard(1.0 + odd / c);
        const double step = d * c;
        fraction *= step;
        if (std::abs(step - 1.0) < epsilon)
            break;
    }
    return fraction;
}

// P(T > t) for t >= 0: half of I_(df/(df+t²))(df/2, 1/2). Working with the
// tail keeps full precision where the CDF is close to 1.
double upperTail(double t, double df)
{
    return 0.5 * regularizedIncompleteBeta(df / 2.0, 0.5, df / (df + t * t));
}

} // namespace

double regularizedIncompleteBeta(double a, double b, double x)
{
    if (!(a > 0) || !(b > 0) || !(x >= 0) || !(x <= 1))
        return kNaN;
    if (x == 0 || x == 1)
        return x;
    // x^a (1-x)^b / B(a, b), in logarithms so that large a and b do not overflow.
    const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x)
                                  + b * std::log1p(-x));
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * betaFraction(a, b, x) / a;
    return 1.0 - front * betaFraction(b, a, 1.0 - x) / b;
}

double studentTCdf(double t, double df)
{
    if (!(df > 0) || std::isnan(t))
        return kNaN;
    const double tail = upperTail(std::abs(t), df);
    return t >= 0 ? 1.0 - tail : tail;
}

double studentTQuantile(double p, double df)
{
    if (!(p > 0 && p < 1) || !(df > 0))
        return kNaN;
    if (p == 0.5)
        return 0.0;
    if (p < 0.5)
        return -studentTQuantile(1.0 - p, df);
    // Find t >= 0 with P(T > t) = 1 - p: bracket by doubling, then bisect.
    // The tail falls as t grows.
    const double tail = 1.0 - p;
    double low = 0.0;
    double high = 1.0;
    while (upperTail(high, df) > tail && high < 1e300) {
        low = high;
        high *= 2.0;
    }
    for (int i = 0; i < 400 && high - low > 1e-12 * std::max(1.0, high); ++i) {
        const double mid = 0.5 * (low + high);
        if (upperTail(mid, df) > tail)
            low = mid;
        else
            high = mid;
    }
    return 0.5 * (low + high);
}

MeanSummary meanWithInterval(const QList<double> &values, double lowest, double highest)
{
    MeanSummary summary;
    summary.count = int(values.size());
    if (values.isEmpty())
        return summary;
    double sum = 0;
    for (double v : values)
        sum += v;
    const double mean = sum / values.size();
    summary.mean = mean;
    if (values.size() < 2)
        return summary;
    double squares = 0;
    for (double v : values)
        squares += (v - mean) * (v - mean);
    const double sd = std::sqrt(squares / (values.size() - 1));
    summary.sd = sd;
    const double margin = studentTQuantile(0.975, double(values.size() - 1)) * sd / std::sqrt(double(values.size()));
    summary.ci95 = Interval{std::max(lowest, mean - margin), std::min(highest, mean + margin)};
    return summary;
}

} // namespace devzero::analysis
