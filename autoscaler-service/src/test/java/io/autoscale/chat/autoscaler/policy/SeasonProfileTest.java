package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeasonProfileTest {

    private static final long WINDOW_MS = 100;

    /** Four 1-second buckets whose loads are 10, 20, 30 and 40, learned in 100 ms windows. */
    private static void learn(SeasonProfile profile, long fromMs, long toMs) {
        for (long startMs = fromMs; startMs < toMs; startMs += WINDOW_MS) {
            long bucket = Math.floorMod(startMs / 1_000, 4);
            profile.learn(startMs + WINDOW_MS / 2, WINDOW_MS, 10 * (bucket + 1));
        }
    }

    @Test
    void isReadyOnceAWholeSeasonOfBucketsHasCompleted() {
        SeasonProfile profile = new SeasonProfile(1_000, 4);

        learn(profile, 0, 4_000);
        assertThat(profile.ready()).as("the last bucket completes with the next one's first window").isFalse();
        learn(profile, 4_000, 4_100);
        assertThat(profile.ready()).isTrue();
    }

    @Test
    void interpolatesBetweenBucketCentresAndAcrossTheSeasonsEnd() {
        SeasonProfile profile = new SeasonProfile(1_000, 4);
        learn(profile, 0, 4_100);

        assertThat(profile.valueAt(500)).isEqualTo(10);
        assertThat(profile.valueAt(1_000)).isEqualTo(15);
        assertThat(profile.valueAt(2_750)).isCloseTo(32.5, within(1e-9));
        assertThat(profile.valueAt(3_000)).isCloseTo(35, within(1e-9));
        assertThat(profile.valueAt(3_750)).isCloseTo(32.5, within(1e-9));
        assertThat(profile.valueAt(-250)).isCloseTo(32.5, within(1e-9));
        assertThat(profile.valueAt(4_500 + 40_000)).isEqualTo(10);
    }

    @Test
    void aRunStartingInsideABucketNeedsOneBucketMore() {
        SeasonProfile profile = new SeasonProfile(1_000, 4);

        learn(profile, 1_500, 5_100);
        assertThat(profile.ready()).isFalse();
        learn(profile, 5_100, 6_100);
        assertThat(profile.ready()).isTrue();
    }

    @Test
    void aSkippedBucketStartsTheSeasonAgainAndTheProfileKeepsTheLatestSeason() {
        SeasonProfile profile = new SeasonProfile(1_000, 4);
        learn(profile, 0, 4_100);

        learn(profile, 6_000, 10_000);
        assertThat(profile.ready()).isFalse();
        for (long startMs = 10_000; startMs < 11_100; startMs += WINDOW_MS) {
            profile.learn(startMs + WINDOW_MS / 2, WINDOW_MS, 99);
        }
        assertThat(profile.ready()).isTrue();
        assertThat(profile.valueAt(10_500)).isEqualTo(99);
        assertThat(profile.valueAt(2_500)).as("the same bucket of the season").isEqualTo(99);
        assertThat(profile.valueAt(9_500)).isEqualTo(20);
    }
}
