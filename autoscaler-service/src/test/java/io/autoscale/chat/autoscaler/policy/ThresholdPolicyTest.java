package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdPolicyTest {

    private static final ScalingBounds BOUNDS = new ScalingBounds(2, 10);

    private final ThresholdPolicy policy = ThresholdPolicy.of(30, 10, 1, 5_000);

    @ParameterizedTest(name = "load {0} on {1} servers: {2}")
    @CsvSource(delimiter = '|', value = {
        "80 | 2 | 3 | load per server 40.0 > 30",
        "25 | 3 | 2 | load per server 8.3 < 10",
        "50 | 2 | 2 | load per server 25.0 within [10, 30]",
        "60 | 2 | 2 | load per server 30.0 within [10, 30]",
        "20 | 2 | 2 | load per server 10.0 within [10, 30]"})
    void comparesLoadPerServerWithTheThresholds(double load, int servers, int desired, String rule) {
        Proposal proposal = policy.propose(observe(10_000, load, servers, servers));

        assertThat(proposal).isEqualTo(Proposal.free(desired, "threshold", rule));
    }

    @Test
    void startingServersCountInTheSupply() {
        // 80 users on 2 serving servers would be 40 per server, but 2 more are on their way.
        Proposal proposal = policy.propose(observe(10_000, 80, 4, 2));

        assertThat(proposal.desired()).isEqualTo(4);
        assertThat(proposal.rule()).isEqualTo("load per server 20.0 within [10, 30]");
    }

    @ParameterizedTest(name = "load {0} on no server: {1}")
    @CsvSource({"0, 0", "5, 3"})
    void zeroServersNeverDivideByZero(double load, int desired) {
        ThresholdPolicy bySteps = ThresholdPolicy.of(30, 10, 3, 0);

        assertThat(bySteps.propose(observe(1_000, load, 0, 0)))
                .isEqualTo(Proposal.free(desired, "threshold", "no server provisioned"));
    }

    @Test
    void cooldownHoldsTheServersAndSaysHowLongIsLeft() {
        decide(policy, observe(8_000, 100, 2, 2), 3);

        Proposal proposal = policy.propose(observe(9_500, 100, 3, 3));

        assertThat(proposal).isEqualTo(
                Proposal.held(3, 4, "threshold", "load per server 33.3 > 30", "cooldown (3.5 s left)"));
    }

    @Test
    void cooldownDoesNotClaimAChangeTheBoundsWouldUndo() {
        decide(policy, observe(8_000, 100, 2, 2), 3);

        Proposal atMin = policy.propose(observe(9_000, 0, 2, 2));

        assertThat(atMin.heldBy()).isNull();
        assertThat(atMin.desired()).isEqualTo(1);
    }

    @Test
    void noActionLeavesTheCooldownAlone() {
        decide(policy, observe(8_000, 100, 2, 2), 3);
        decide(policy, observe(12_000, 60, 3, 3), 3);

        assertThat(policy.propose(observe(13_000, 100, 3, 3)).heldBy()).isNull();
    }

    @Test
    void restoredPolicyDecidesLikeTheOriginal() {
        decide(policy, observe(8_000, 100, 2, 2), 3);
        ThresholdPolicy restored = ThresholdPolicy.of(30, 10, 1, 5_000);
        restored.restoreState(policy.saveState());

        for (long nowMs = 9_000; nowMs <= 14_000; nowMs += 1_000) {
            Observation observation = observe(nowMs, 100, 3, 3);
            assertThat(restored.propose(observation)).isEqualTo(policy.propose(observation));
        }
        assertThat(restored.propose(observe(12_000, 100, 3, 3)).heldBy()).isEqualTo("cooldown (1.0 s left)");
    }

    @Test
    void describesEverySetting() {
        assertThat(policy.describe())
                .isEqualTo("threshold: up above 30 per server, down below 10, step 1, cooldown 5.0 s");
        assertThat(ThresholdPolicy.of(30.5, 10, 2, 5_000, 60_000).describe()).isEqualTo(
                "threshold: up above 30.5 per server, down below 10, step 2, cooldown up 5.0 s, down 60.0 s");
    }

    @Test
    void rejectsNonsenseWithTheOptionName() {
        assertThatThrownBy(() -> ThresholdPolicy.of(10, 10, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--scale-up-threshold (10.0) must be greater than --scale-down-threshold (10.0)");
        assertThatThrownBy(() -> ThresholdPolicy.of(30, -1, 1, 0))
                .hasMessage("--scale-down-threshold must be >= 0 load per server, got -1.0");
        assertThatThrownBy(() -> ThresholdPolicy.of(30, 10, 0, 0))
                .hasMessage("--scale-step must be at least 1 server, got 0");
        assertThatThrownBy(() -> ThresholdPolicy.of(30, 10, 1, -1_000, 0))
                .hasMessage("--scale-up-cooldown must be >= 0 s, got -1.0");
        assertThatThrownBy(() -> ThresholdPolicy.of(30, 10, 1, 0, -2_000))
                .hasMessage("--scale-down-cooldown must be >= 0 s, got -2.0");
    }

    static Observation observe(long nowMs, double load, int provisioned, int serving) {
        return new Observation(nowMs, 1_000, load, provisioned, serving, 0, BOUNDS);
    }

    private static void decide(ScalingPolicy policy, Observation observation, int decided) {
        policy.onDecided(observation, policy.propose(observation), decided);
    }
}
