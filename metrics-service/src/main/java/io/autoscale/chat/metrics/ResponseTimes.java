package io.autoscale.chat.metrics;

import org.HdrHistogram.Histogram;

/**
 * Response times in bounded memory: an HdrHistogram for percentiles, and an exact sum, maximum and
 * count of objective violations, so that those carry no bucket error.
 *
 * <p>The histogram counts in units of 10 µs with 5 significant digits: every value up to 262,143
 * units (about 2.6 s) has a bucket of its own, so a percentile there is exact to the 10 µs the
 * value is rounded to; above that a bucket is at most 0.001% wide. It grows as longer response
 * times arrive: about 2 MiB to start with, 1 MiB more each time the longest response time doubles
 * past 2.6 s, so about 13 MiB for response times of an hour.
 */
final class ResponseTimes {

    private static final int SIGNIFICANT_DIGITS = 5;
    private static final double UNITS_PER_MS = 100.0;

    // Auto-resizing: a backlog can push response times to minutes, and no bound is known beforehand.
    private final Histogram histogramUnits = new Histogram(SIGNIFICANT_DIGITS);
    private final double sloMs;
    private double sumMs;
    private double maxMs;
    private long sloViolations;

    /** @param sloMs response times above this count as violations of the objective */
    ResponseTimes(double sloMs) {
        this.sloMs = sloMs;
    }

    static void requireValid(double responseTimeMs) {
        if (!(responseTimeMs >= 0) || Double.isInfinite(responseTimeMs)) {
            throw new IllegalArgumentException("responseTimeMs must be a finite number of ms at least 0, got "
                    + responseTimeMs);
        }
    }

    void record(double responseTimeMs) {
        requireValid(responseTimeMs);
        histogramUnits.recordValue(Math.round(responseTimeMs * UNITS_PER_MS));
        sumMs += responseTimeMs;
        maxMs = Math.max(maxMs, responseTimeMs);
        if (responseTimeMs > sloMs) {
            sloViolations++;
        }
    }

    long count() {
        return histogramUnits.getTotalCount();
    }

    double meanMs() {
        long count = count();
        return count == 0 ? 0 : sumMs / count;
    }

    /**
     * HdrHistogram's value at {@code percentile}, by nearest rank: the smallest recorded value,
     * rounded to 10 µs, such that at least that percentage of values are less than or equal to it;
     * 0 when empty. Of 1, 2, ..., 1000 ms, p50 is 500 ms, p99 990 ms and p99.9 999 ms.
     */
    double percentileMs(double percentile) {
        return count() == 0 ? 0 : histogramUnits.getValueAtPercentile(percentile) / UNITS_PER_MS;
    }

    double maxMs() {
        return maxMs;
    }

    /** Requests slower than the objective, counted from the exact response times. */
    long sloViolations() {
        return sloViolations;
    }

    /** Share of requests slower than the objective, in %; 0 when empty. */
    double sloViolationPercent() {
        long count = count();
        return count == 0 ? 0 : 100.0 * sloViolations / count;
    }

    /** HdrHistogram's estimate of the histogram's memory, to keep an eye on its growth. */
    long histogramBytes() {
        return histogramUnits.getEstimatedFootprintInBytes();
    }
}
