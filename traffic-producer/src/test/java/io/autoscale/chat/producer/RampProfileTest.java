package io.autoscale.chat.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RampProfileTest {

    @Test
    void rampsUpHoldsAndRampsDownWithoutSkippingOrRepeatingAtBoundaries() {
        RampProfile profile = new RampProfile(30, 0, 9);

        assertThat(profile.usersPerSecond()).containsExactly(
                0, 1, 2, 3, 4, 5, 6, 7, 8,
                9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
                8, 7, 6, 5, 4, 3, 2, 1, 0);
        assertThat(profile.rampUpEndSecond()).isEqualTo(9);
        assertThat(profile.rampDownStartSecond()).isEqualTo(21);
    }

    @Test
    void startsAndEndsAtBaseWithANonZeroBase() {
        int[] users = new RampProfile(100, 10, 50).usersPerSecond();

        assertThat(users[0]).isEqualTo(10);
        assertThat(users[99]).isEqualTo(10);
        assertThat(users[30]).isEqualTo(50);
        assertThat(users[69]).isEqualTo(50);
        assertThat(Arrays.stream(users).min().orElseThrow()).isEqualTo(10);
        assertThat(Arrays.stream(users).max().orElseThrow()).isEqualTo(50);
    }

    @Test
    void neverFallsDuringTheRampUpAndNeverRisesAfterThePeak() {
        RampProfile profile = new RampProfile(97, 3, 1000);
        int[] users = profile.usersPerSecond();

        for (int s = 1; s < profile.rampDownStartSecond(); s++) {
            assertThat(users[s]).as("second %d", s).isGreaterThanOrEqualTo(users[s - 1]);
        }
        for (int s = profile.rampDownStartSecond(); s < users.length; s++) {
            assertThat(users[s]).as("second %d", s).isLessThanOrEqualTo(users[s - 1]);
        }
        assertThat(users[users.length - 1]).isEqualTo(3);
    }

    @Test
    void roundsStageBoundariesHalfUpInExactArithmetic() {
        RampProfile five = new RampProfile(5, 0, 4);

        assertThat(five.rampUpEndSecond()).isEqualTo(2);
        assertThat(five.rampDownStartSecond()).isEqualTo(4);
        assertThat(five.usersPerSecond()).containsExactly(0, 2, 4, 4, 0);
    }

    @Test
    void handlesTinyDurationsWithoutDividingByZero() {
        assertThat(new RampProfile(1, 2, 7).usersPerSecond()).containsExactly(7);
        assertThat(new RampProfile(2, 2, 7).usersPerSecond()).containsExactly(2, 2);
        assertThat(new RampProfile(3, 2, 7).usersPerSecond()).containsExactly(2, 7, 2);
    }

    @Test
    void aFlatProfileStaysAtItsLevel() {
        assertThat(new RampProfile(4, 6, 6).usersPerSecond()).containsExactly(6, 6, 6, 6);
    }

    @Test
    void handlesLargeUserCountsWithoutOverflow() {
        RampProfile profile = new RampProfile(1_000_000, 0, Integer.MAX_VALUE);

        assertThat(profile.usersAt(299_999)).isEqualTo((int) ((long) Integer.MAX_VALUE * 299_999 / 300_000));
        assertThat(profile.usersAt(500_000)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void rejectsInvalidSettingsNamingTheOptionAndValue() {
        assertThatThrownBy(() -> new RampProfile(0, 0, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--duration must be a positive number of seconds, got 0");
        assertThatThrownBy(() -> new RampProfile(10, -1, 9))
                .hasMessage("--base-rate must be at least 0 users, got -1");
        assertThatThrownBy(() -> new RampProfile(10, 5, 3))
                .hasMessage("--base-rate (5) must not exceed --peak-rate (3)");
    }

    @Test
    void rejectsSecondsOutsideTheRun() {
        RampProfile profile = new RampProfile(10, 0, 9);

        assertThatThrownBy(() -> profile.usersAt(10)).hasMessage("second must be in [0, 10), got 10");
        assertThatThrownBy(() -> profile.usersAt(-1)).hasMessage("second must be in [0, 10), got -1");
    }
}
