package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StallWatchTest {

    private final AtomicLong nowNs = new AtomicLong();

    @Test
    void waitsWithoutLimitBeforeAnyProgress() {
        StallWatch watch = new StallWatch(5, nowNs::get);

        nowNs.addAndGet(TimeUnit.HOURS.toNanos(1));

        assertThat(watch.check(0)).isNull();
    }

    @Test
    void failsWhenProgressStopsForLongerThanTheTimeout() {
        StallWatch watch = new StallWatch(5, nowNs::get);
        assertThat(watch.check(10)).isNull();

        nowNs.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertThat(watch.check(10)).isNull();
        nowNs.addAndGet(1);

        assertThat(watch.check(10)).isEqualTo("no progress for 5 s of wall time");
    }

    @Test
    void progressRestartsTheClock() {
        StallWatch watch = new StallWatch(5, nowNs::get);
        watch.check(10);
        nowNs.addAndGet(TimeUnit.SECONDS.toNanos(4));
        assertThat(watch.check(11)).isNull();

        nowNs.addAndGet(TimeUnit.SECONDS.toNanos(4));

        assertThat(watch.check(11)).isNull();
    }

    @Test
    void zeroWaitsForever() {
        StallWatch watch = new StallWatch(0, nowNs::get);
        watch.check(10);

        nowNs.addAndGet(TimeUnit.DAYS.toNanos(1));

        assertThat(watch.check(10)).isNull();
    }

    @Test
    void aNegativeTimeoutIsBadInput() {
        assertThatThrownBy(() -> new StallWatch(-1)).hasMessage("--stall-timeout must be 0 (no limit) or more "
                + "seconds, got -1");
    }
}
