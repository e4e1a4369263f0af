package io.autoscale.chat.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long MS = 1_000_000L;
    private static final long START_NANOS = 7_000_000_000L;

    private long nowNanos;
    private int clockReads;
    private final List<Long> sleeps = new ArrayList<>();

    @BeforeEach
    void resetClock() {
        nowNanos = START_NANOS;
        clockReads = 0;
        sleeps.clear();
    }

    private Pacer pacer(Speed speed, long batchNanos) {
        Pacer pacer = new Pacer(speed, () -> {
            clockReads++;
            return nowNanos;
        }, nanos -> {
            sleeps.add(nanos);
            nowNanos += nanos;
        }, batchNanos);
        pacer.start();
        return pacer;
    }

    @Test
    void waitsUntilTheEventTimeAtRealTime() throws InterruptedException {
        Pacer pacer = pacer(Speed.realTime(), 5 * MS);

        pacer.awaitEventTime(1000);

        assertThat(sleeps).containsExactly(1000 * MS);
        assertThat(pacer.elapsedNanos()).isEqualTo(1000 * MS);
    }

    @Test
    void dividesEventTimeBySpeed() throws InterruptedException {
        Pacer twenty = pacer(Speed.of(20), 0);
        twenty.awaitEventTime(1000);
        assertThat(sleeps).containsExactly(50 * MS);

        sleeps.clear();
        Pacer half = pacer(Speed.of(0.5), 0);
        half.awaitEventTime(1000);
        assertThat(sleeps).containsExactly(2000 * MS);
    }

    @Test
    void releasesEverythingDueWithinABatchAfterOneWait() throws InterruptedException {
        Pacer pacer = pacer(Speed.realTime(), 5 * MS);

        pacer.awaitEventTime(100);
        int readsAfterWait = clockReads;
        for (long timeMs = 100; timeMs <= 105; timeMs++) {
            pacer.awaitEventTime(timeMs);
        }

        assertThat(sleeps).containsExactly(100 * MS);
        assertThat(clockReads).isEqualTo(readsAfterWait);

        pacer.awaitEventTime(106);
        assertThat(sleeps).containsExactly(100 * MS, 6 * MS);
    }

    @Test
    void doesNotWaitForEventsAlreadyDue() throws InterruptedException {
        Pacer pacer = pacer(Speed.realTime(), 5 * MS);
        nowNanos += 3000 * MS;

        pacer.awaitEventTime(0);
        pacer.awaitEventTime(2999);

        assertThat(sleeps).isEmpty();
    }

    @Test
    void neverWaitsAtMaxSpeed() throws InterruptedException {
        Pacer pacer = pacer(Speed.max(), 5 * MS);
        int readsAfterStart = clockReads;

        pacer.awaitEventTime(3_600_000);

        assertThat(sleeps).isEmpty();
        assertThat(clockReads).isEqualTo(readsAfterStart);
    }

    @Test
    void passesAnInterruptionOn() {
        Pacer pacer = new Pacer(Speed.realTime(), () -> nowNanos, nanos -> {
            throw new InterruptedException("stop");
        }, 0);
        pacer.start();

        assertThatThrownBy(() -> pacer.awaitEventTime(10)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void rejectsANegativeBatch() {
        assertThatThrownBy(() -> new Pacer(Speed.realTime(), () -> 0, nanos -> { }, -1))
                .hasMessage("pacing batch must be at least 0 ns, got -1");
    }
}
