package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastErrorTest {

    @Test
    void zeroLoadIsMeasuredAgainstOneServersLoad() {
        ForecastError error = new ForecastError(100_000, 50);

        error.check(0, 0, 1_000, 1_000);
        assertThat(error.percent()).isZero();

        ForecastError off = new ForecastError(100_000, 50);
        off.check(25, 0, 1_000, 1_000);
        assertThat(off.percent()).isCloseTo(50, within(1e-9));
    }

    @Test
    void aWildForecastCountsAsFullyWrongAndNoWorse() {
        ForecastError error = new ForecastError(100_000, 1);

        error.check(1e12, 10, 1_000, 1_000);

        assertThat(error.percent()).isCloseTo(100, within(1e-9));
    }

    @Test
    void weighsChecksByTheTimeTheyStandForAndForgetsOverTheErrorWindow() {
        ForecastError error = new ForecastError(100_000, 1);
        long nowMs = 0;
        for (int i = 0; i < 3_000; i++) {
            nowMs += 1_000;
            error.check(150, 100, nowMs, 1_000);
        }
        assertThat(error.percent()).isCloseTo(50, within(1e-9));

        for (int i = 0; i < 100; i++) {
            nowMs += 1_000;
            error.check(100, 100, nowMs, 1_000);
        }
        // After one time constant of exact forecasts, e^-1 of the weight is left on the old error.
        assertThat(error.percent()).isCloseTo(50 * Math.exp(-1), within(1e-6));
    }

    @Test
    void isMeasuredAfterHalfTheErrorWindowOfChecks() {
        ForecastError error = new ForecastError(100_000, 1);
        for (int i = 1; i <= 49; i++) {
            error.check(100, 100, i * 1_000L, 1_000);
        }
        assertThat(error.measured()).isFalse();

        error.check(100, 100, 51_000, 1_000);
        assertThat(error.measured()).isTrue();

        error.reset();
        assertThat(error.measured()).isFalse();
        assertThat(error.percent()).isZero();
    }
}
