package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleDownHoldTest {

    @Test
    void holdsTheHighestRecommendationUntilItIsAStabilizationWindowOld() {
        ScaleDownHold hold = new ScaleDownHold(300_000);
        assertThat(hold.highest(0)).isEqualTo(Integer.MIN_VALUE);

        hold.record(1_000, 8);
        hold.record(2_000, 5);
        hold.record(100_000, 6);

        assertThat(hold.highest(300_999)).isEqualTo(8);
        assertThat(hold.highest(301_000)).isEqualTo(6);
        assertThat(hold.highest(400_000)).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void keepsOnlyRecommendationsThatCanStillBeTheHighest() {
        ScaleDownHold hold = new ScaleDownHold(3_600_000);
        for (long timeMs = 0; timeMs < 100_000; timeMs += 1_000) {
            hold.record(timeMs, 4 + (int) (timeMs / 1_000) % 3);
        }
        hold.record(100_000, 5);

        ScaleDownHold.State saved = hold.save();
        assertThat(saved.servers()).containsExactly(6, 5);
        assertThat(saved.timesMs()).containsExactly(98_000, 100_000);
    }

    @Test
    void noStabilizationHoldsNothing() {
        ScaleDownHold hold = new ScaleDownHold(0);
        hold.record(1_000, 9);

        assertThat(hold.highest(1_000)).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void restoresWhatItSaved() {
        ScaleDownHold hold = new ScaleDownHold(300_000);
        hold.record(1_000, 8);
        hold.record(2_000, 5);
        ScaleDownHold restored = new ScaleDownHold(300_000);

        restored.restore(hold.save());

        assertThat(restored.highest(200_000)).isEqualTo(8);
        assertThat(restored.highest(301_500)).isEqualTo(5);
    }
}
