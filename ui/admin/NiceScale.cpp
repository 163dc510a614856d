#include "NiceScale.h"

#include <cmath>
#include <initializer_list>

NiceScale NiceScale::forMaximum(double maximum, bool wholeNumbers, int maxIntervals)
{
    NiceScale scale;
    if (!(maximum > 0) || !std::isfinite(maximum)) {
        if (!wholeNumbers) // nothing measured yet: 0 to 1 in round steps ("0.0 0.5 1.0")
            return forMaximum(1.0, false, maxIntervals);
        scale.top = maxIntervals;
        scale.step = 1;
        scale.ticks = maxIntervals + 1;
        scale.decimals = 0;
        return scale;
    }
    const double raw = maximum / maxIntervals;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double m : { 1.0, 2.0, 5.0, 10.0 }) {
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    }
    if (wholeNumbers && step < 1)
        step = 1;
    const double intervals = std::ceil(maximum / step - 1e-9);
    scale.step = step;
    scale.top = intervals * step;
    scale.ticks = int(intervals) + 1;
    scale.decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    return scale;
}

const char *NiceScale::labelFormat() const
{
    static const char *const formats[] = { "%.0f", "%.1f", "%.2f", "%.3f" };
    return formats[decimals < 0 ? 0 : decimals > 3 ? 3 : decimals];
}
