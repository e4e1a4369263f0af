package io.autoscale.chat.metrics;

import org.HdrHistogram.Histogram;

/**
 * Response times in constant memory: an HdrHistogram in microseconds at 3 significant digits for
 * percentiles, and an exact sum and maximum, so that the mean and the maximum carry no bucket error.
 */
final class ResponseTimes {

    private static final int SIGNIFICANT_DIGITS = 3;
    private static final double MICROS_PER_MS = 1000.0;

    // Auto-resizing: a backlog can push response times to minutes, and no bound is known beforehand.
    private final Histogram histogramMicros = new Histogram(SIGNIFICANT_DIGITS);
    private double sumMs;
    private double maxMs;

    static void requireValid(double responseTimeMs) {
        if (!(responseTimeMs >= 0) || Double.isInfinite(responseTimeMs)) {
            throw new IllegalArgumentException("responseTimeMs must be a finite number of ms at least 0, got "
                    + responseTimeMs);
        }
    }

    void record(double responseTimeMs) {
        requireValid(responseTimeMs);
        histogramMicros.recordValue(Math.round(responseTimeMs * MICROS_PER_MS));
        sumMs += responseTimeMs;
        maxMs = Math.max(maxMs, responseTimeMs);
    }

    long count() {
        return histogramMicros.getTotalCount();
    }

    double meanMs() {
        long count = count();
        return count == 0 ? 0 : sumMs / count;
    }

    /**
     * HdrHistogram's value at {@code percentile}: the smallest recorded value such that at least
     * that percentage of values are less than or equal to it, to 3 significant digits; 0 when empty.
     */
    double percentileMs(double percentile) {
        return count() == 0 ? 0 : histogramMicros.getValueAtPercentile(percentile) / MICROS_PER_MS;
    }

    double maxMs() {
        return maxMs;
    }
}
