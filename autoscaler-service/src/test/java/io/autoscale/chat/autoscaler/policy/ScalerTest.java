package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.ScalingAction;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ScalerTest {

    private static final long NEVER = ScalerState.NEVER;

    /** The original demo's policy: up above 30 per server, down below 10, 2..10 servers, 5 s cooldown. */
    private final Scaler demo = new Scaler(ThresholdPolicy.of(30, 10, 1),
            ScalingBounds.of(2, 10, Duration.ofSeconds(5)));

    static Stream<Arguments> cases() {
        return Stream.of(
                // load, servers, lastActionMs, nowMs, expected servers, expected action
                Arguments.of("load per server above the up threshold adds one server", 61.0, 2, NEVER, 10_000L,
                        3, ScalingAction.SCALE_UP),
                Arguments.of("exactly at the up threshold holds", 60.0, 2, NEVER, 10_000L, 2, ScalingAction.NONE),
                Arguments.of("below the down threshold removes one server", 29.0, 3, NEVER, 10_000L,
                        2, ScalingAction.SCALE_DOWN),
                Arguments.of("between the thresholds holds", 45.0, 3, NEVER, 10_000L, 3, ScalingAction.NONE),
                Arguments.of("zero load holds at min with no action", 0.0, 2, NEVER, 10_000L,
                        2, ScalingAction.NONE),
                Arguments.of("overload at max holds at max", 1_000.0, 10, NEVER, 10_000L, 10, ScalingAction.NONE),
                Arguments.of("no action during cooldown", 100.0, 2, 8_000L, 12_999L, 2, ScalingAction.NONE),
                Arguments.of("cooldown ends exactly after 5 s of event time", 100.0, 2, 8_000L, 13_000L,
                        3, ScalingAction.SCALE_UP),
                Arguments.of("scale-down also waits for the cooldown", 0.0, 5, 8_000L, 9_000L, 5, ScalingAction.NONE),
                Arguments.of("negative load counts as zero", -5.0, 3, NEVER, 10_000L, 2, ScalingAction.SCALE_DOWN),
                Arguments.of("NaN load counts as zero", Double.NaN, 2, NEVER, 10_000L, 2, ScalingAction.NONE),
                Arguments.of("zero servers in force are brought up to min", 0.0, 0, NEVER, 1_000L,
                        2, ScalingAction.SCALE_UP),
                Arguments.of("servers above max are brought down to max", 0.0, 12, NEVER, 1_000L,
                        10, ScalingAction.SCALE_DOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesByTheTable(String name, double load, int servers, long lastActionMs, long nowMs,
            int expectedServers, ScalingAction expectedAction) {
        Outcome outcome = demo.decide(load, new ScalerState(servers, lastActionMs), nowMs);

        assertThat(outcome.servers()).isEqualTo(expectedServers);
        assertThat(outcome.action()).isEqualTo(expectedAction);
        assertThat(outcome.reason()).isNotBlank().doesNotContain("NaN");
    }

    @Test
    void cooldownReasonSaysWhatHeldTheDecisionBack() {
        Outcome outcome = demo.decide(100, new ScalerState(2, 8_000), 10_000);

        assertThat(outcome.recommendation()).isEqualTo(3);
        assertThat(outcome.reason()).isEqualTo("load per server 50.0 > 30; held by cooldown (3000 ms left)");
    }

    @Test
    void recommendationBeyondMaxIsClampedAndSaysSo() {
        Scaler bigSteps = new Scaler(ThresholdPolicy.of(30, 10, 5), ScalingBounds.of(2, 4, Duration.ZERO));

        Outcome outcome = bigSteps.decide(200, new ScalerState(2, NEVER), 1_000);

        assertThat(outcome.servers()).isEqualTo(4);
        assertThat(outcome.recommendation()).isEqualTo(7);
        assertThat(outcome.reason()).endsWith("; clamped to 4");
    }

    @Test
    void zeroLoadOverAWholeRunTakesNoAction() {
        ScalerState state = ScalerState.initial(demo.bounds());
        for (long now = 1_000; now <= 3_600_000; now += 1_000) {
            Outcome outcome = demo.decide(0, state, now);
            assertThat(outcome.action()).isEqualTo(ScalingAction.NONE);
            assertThat(outcome.servers()).isEqualTo(2);
        }
    }

    @Test
    void boundsRejectNonsenseWithTheOptionName() {
        assertThatThrownBy(() -> ScalingBounds.of(0, 10, Duration.ZERO))
                .hasMessage("--min-servers must be at least 1, got 0");
        assertThatThrownBy(() -> ScalingBounds.of(5, 3, Duration.ZERO))
                .hasMessage("--min-servers (5) must not exceed --max-servers (3)");
        assertThatThrownBy(() -> ScalingBounds.of(1, 3, Duration.ofSeconds(-1)))
                .hasMessage("--cooldown must be >= 0 s, got -1.0");
    }
}
