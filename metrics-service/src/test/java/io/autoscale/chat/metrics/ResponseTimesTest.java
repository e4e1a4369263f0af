package io.autoscale.chat.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseTimesTest {

    private static final long MIB = 1024 * 1024;

    private final ResponseTimes times = new ResponseTimes(500);

    @Test
    void percentilesAreNearestRanksExactToTenMicroseconds() {
        for (int ms = 1000; ms >= 1; ms--) {
            times.record(ms);
        }

        assertThat(times.percentileMs(50)).isEqualTo(500.0);
        assertThat(times.percentileMs(99)).isEqualTo(990.0);
        assertThat(times.percentileMs(99.9)).isEqualTo(999.0);
        assertThat(times.percentileMs(100)).isEqualTo(1000.0);
        assertThat(times.percentileMs(0.1)).isEqualTo(1.0);
    }

    @Test
    void aValueBelowTwoAndAHalfSecondsKeepsItsTenMicroseconds() {
        times.record(2621.43);
        times.record(0.02);

        assertThat(times.percentileMs(100)).isEqualTo(2621.43);
        assertThat(times.percentileMs(50)).isEqualTo(0.02);
    }

    @Test
    void aLongerValueIsAtMostOneHundredThousandthHigh() {
        double hourMs = 3_599_999.99;
        times.record(hourMs);

        assertThat(times.percentileMs(50)).isBetween(hourMs, hourMs * (1 + 1e-5));
        assertThat(times.maxMs()).isEqualTo(hourMs);
    }

    @Test
    void theHistogramStaysWithinAFewMebibytes() {
        for (int ms = 1; ms <= 2000; ms++) {
            times.record(ms);
        }
        long shortRun = times.histogramBytes();

        times.record(60_000);
        long minuteLong = times.histogramBytes();
        times.record(3_600_000);
        long hourLong = times.histogramBytes();

        assertThat(shortRun).isLessThanOrEqualTo(2 * MIB + 4096);
        assertThat(minuteLong).isLessThanOrEqualTo(7 * MIB + 4096);
        assertThat(hourLong).isLessThanOrEqualTo(13 * MIB + 4096);
    }

    @Test
    void countsViolationsFromTheExactValueNotItsBucket() {
        times.record(500.004);
        times.record(500);

        assertThat(times.percentileMs(100)).isEqualTo(500.0);
        assertThat(times.sloViolations()).isEqualTo(1);
        assertThat(times.sloViolationPercent()).isEqualTo(50.0);
    }
}
