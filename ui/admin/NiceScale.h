#pragma once

// A value axis people can read: 0 to a round top in round steps (1, 2 or 5 times a
// power of ten), so no tick label repeats ("1, 1, 1, 0, 0, 0" was a 0..1.1 axis
// printed as whole numbers). Whole-number scales never step below 1.
struct NiceScale {
    double top = 1;
    double step = 1;
    int ticks = 2;    // including 0 and the top
    int decimals = 0; // for the tick labels

    static NiceScale forMaximum(double maximum, bool wholeNumbers = true, int maxIntervals = 5);
    // The printf format for the labels ("%.0f", "%.1f").
    const char *labelFormat() const;
};
