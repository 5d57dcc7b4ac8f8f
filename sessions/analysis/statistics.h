#pragma once

// The statistics the usability metrics rest on: Student's t distribution
// (computed here, no external library) and the mean with its t interval.

#include <QList>

#include <limits>
#include <optional>

namespace devzero::analysis {

// The two-sided 95% normal critical value used by the adjusted-Wald interval.
inline constexpr double kZ95 = 1.959964;

struct Interval
{
    double low = 0;
    double high = 0;
};

// I_x(a, b), the regularized incomplete beta function, for a, b > 0 and
// 0 <= x <= 1 (NaN outside). Continued fraction, relative error ~1e-14.
double regularizedIncompleteBeta(double a, double b, double x);

// P(T <= t) for Student's t with df > 0 degrees of freedom (NaN for df <= 0).
double studentTCdf(double t, double df);

// The t with P(T <= t) = p, for 0 < p < 1 and df > 0 (NaN outside).
// Bisection on the tail probability; accurate to about 1e-10.
double studentTQuantile(double p, double df);

// A sample's mean, its standard deviation (n - 1) and the 95% t interval
// mean ± t(0.975, n - 1) · sd / √n. The interval needs two values; it is
// clipped to [lowest, highest] (a rating scale's ends, for instance).
struct MeanSummary
{
    int count = 0;
    std::optional<double> mean;   // needs one value
    std::optional<double> sd;     // needs two values
    std::optional<Interval> ci95; // needs two values
};

MeanSummary meanWithInterval(const QList<double> &values, double lowest = -std::numeric_limits<double>::infinity(),
                             double highest = std::numeric_limits<double>::infinity());

} // namespace devzero::analysis
