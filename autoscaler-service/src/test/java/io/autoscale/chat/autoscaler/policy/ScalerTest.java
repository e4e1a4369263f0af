package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.ScalingAction;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScalerTest {

    private static final long NEVER = Long.MIN_VALUE;
    private static final ScalingBounds DEMO_BOUNDS = new ScalingBounds(2, 10);
    private static final long STARTUP_DELAY_MS = 60_000;

    /** The original demo's policy: up above 30 per server, down below 10, 2..10 servers, 5 s cooldown. */
    private final Scaler demo = new Scaler(ThresholdPolicy.of(30, 10, 1, 5_000), DEMO_BOUNDS, 0);

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
                Arguments.of("NaN load counts as zero", Double.NaN, 3, NEVER, 10_000L, 2, ScalingAction.SCALE_DOWN),
                Arguments.of("NaN load at min holds", Double.NaN, 2, NEVER, 10_000L, 2, ScalingAction.NONE),
                Arguments.of("zero servers are brought up to min", 0.0, 0, NEVER, 1_000L,
                        2, ScalingAction.SCALE_UP),
                Arguments.of("zero servers with load are brought up to min, no division by zero", 500.0, 0, NEVER,
                        1_000L, 2, ScalingAction.SCALE_UP),
                Arguments.of("servers above max are brought down to max", 0.0, 12, NEVER, 1_000L,
                        10, ScalingAction.SCALE_DOWN),
                Arguments.of("servers above max are corrected even during cooldown", 0.0, 12, 8_000L, 9_000L,
                        10, ScalingAction.SCALE_DOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesByTheTable(String name, double load, int servers, long lastActionMs, long nowMs,
            int expectedServers, ScalingAction expectedAction) {
        if (lastActionMs != NEVER) {
            actAt(demo, lastActionMs);
        }

        Outcome outcome = demo.decide(load, Fleet.serving(servers), nowMs - 1_000, nowMs);

        assertThat(outcome.servers()).isEqualTo(expectedServers);
        assertThat(outcome.fleet().provisioned()).isEqualTo(expectedServers);
        assertThat(outcome.action()).isEqualTo(expectedAction);
        assertThat(outcome.reason()).isNotBlank().doesNotContain("NaN").doesNotContain("Infinity");
    }

    @ParameterizedTest(name = "load {0} on {1} servers at {2} ms: {3}")
    @CsvSource({
        // up cooldown 5 s, down cooldown 60 s, last action at 8 s
        "100, 2, 13000, SCALE_UP",
        "0, 5, 13000, NONE",
        "0, 5, 67999, NONE",
        "0, 5, 68000, SCALE_DOWN",
        "100, 2, 12999, NONE"})
    void upAndDownCooldownsAreSeparate(double load, int servers, long nowMs, ScalingAction expected) {
        Scaler scaler = new Scaler(ThresholdPolicy.of(30, 10, 1, 5_000, 60_000), DEMO_BOUNDS, 0);
        actAt(scaler, 8_000);

        assertThat(scaler.decide(load, Fleet.serving(servers), nowMs - 1_000, nowMs).action()).isEqualTo(expected);
    }

    @Test
    void cooldownReasonSaysWhatHeldTheDecisionBack() {
        actAt(demo, 8_000);

        Outcome outcome = demo.decide(100, Fleet.serving(2), 9_000, 10_000);

        assertThat(outcome.recommendation()).isEqualTo(3);
        assertThat(outcome.heldBy()).isEqualTo("cooldown (3.0 s left)");
        assertThat(outcome.branch()).isEqualTo("threshold");
        assertThat(outcome.reason())
                .isEqualTo("load per server 50.0 > 30; recommended 3; held by cooldown (3.0 s left)");
    }

    @Test
    void recommendationBeyondMaxIsClampedAndSaysSo() {
        Scaler bigSteps = new Scaler(ThresholdPolicy.of(30, 10, 5, 0), new ScalingBounds(2, 4), 0);

        Outcome outcome = bigSteps.decide(200, Fleet.serving(2), 0, 1_000);

        assertThat(outcome.servers()).isEqualTo(4);
        assertThat(outcome.recommendation()).isEqualTo(7);
        assertThat(outcome.heldBy()).isEqualTo("max 4");
        assertThat(outcome.reason()).isEqualTo("load per server 100.0 > 30; recommended 7; held by max 4");
    }

    @Test
    void fleetOutsideTheBoundsSaysSo() {
        Outcome outcome = demo.decide(0, Fleet.serving(12), 0, 1_000);

        assertThat(outcome.rule()).isEqualTo("servers provisioned 12 outside [2, 10]");
        assertThat(outcome.heldBy()).isNull();
    }

    @Test
    void zeroLoadOverAWholeRunTakesNoAction() {
        ScalerRun run = ScalerRun.from(demo);

        List<Outcome> outcomes = run.repeat(3_600, 0);

        assertThat(ScalerRun.actions(outcomes)).isZero();
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.servers()).isEqualTo(2));
    }

    @ParameterizedTest(name = "window [{0}, {1}) ms: ready at {2} ms")
    @CsvSource({
        "9000, 10000, 70000",
        "0, 7000, 70000",
        "7000, 14000, 77000",
        "60000, 120000, 180000",
        "1500, 2000, 62000"})
    void newServerServesFromTheFirstWindowBoundaryAtOrAfterTheStartupDelay(long startMs, long endMs, long readyMs) {
        Scaler scaler = new Scaler(ThresholdPolicy.of(30, 10, 1, 0), DEMO_BOUNDS, STARTUP_DELAY_MS);

        Outcome outcome = scaler.decide(100, Fleet.serving(2), startMs, endMs);

        assertThat(outcome.fleet()).isEqualTo(new Fleet(3, new long[] {readyMs}));
        assertThat(outcome.fleet().servingAt(readyMs - 1)).isEqualTo(2);
        assertThat(outcome.fleet().servingAt(readyMs)).isEqualTo(3);
    }

    @Test
    void policySeesStartingServersInTheSupplyButNotServing() {
        RecordingPolicy policy = new RecordingPolicy(4);
        Scaler scaler = new Scaler(policy, DEMO_BOUNDS, STARTUP_DELAY_MS);
        ScalerRun run = new ScalerRun(scaler, Fleet.serving(2), 9_000);

        run.next(80);
        run.until(70_000, 80);
        run.next(80);

        Observation first = policy.observations.get(0);
        assertThat(first.provisioned()).isEqualTo(2);
        assertThat(first.serving()).isEqualTo(2);
        Observation whileStarting = policy.observations.get(1);
        assertThat(whileStarting.provisioned()).isEqualTo(4);
        assertThat(whileStarting.serving()).isEqualTo(2);
        assertThat(whileStarting.starting()).isEqualTo(2);
        assertThat(whileStarting.loadPerServer()).isEqualTo(20.0);
        assertThat(whileStarting.startupDelayMs()).isEqualTo(STARTUP_DELAY_MS);
        Observation afterStartup = policy.observations.get(policy.observations.size() - 1);
        assertThat(afterStartup.nowMs()).isEqualTo(71_000);
        assertThat(afterStartup.serving()).isEqualTo(4);
        assertThat(policy.decided).startsWith(4, 4).allMatch(decided -> decided == 4);
    }

    @Test
    void policyIsToldTheDecisionAfterTheBounds() {
        RecordingPolicy policy = new RecordingPolicy(50);
        Scaler scaler = new Scaler(policy, DEMO_BOUNDS, 0);

        Outcome outcome = scaler.decide(10, Fleet.serving(3), 0, 1_000);

        assertThat(outcome.servers()).isEqualTo(10);
        assertThat(policy.decided).containsExactly(10);
    }

    @ParameterizedTest(name = "step {0} from {1} servers")
    @CsvSource({"20, 2", "1, 9", "3, 8"})
    void sustainedDemandAboveMaxWithAStartupDelayActsOnceAndNeverPassesMax(int step, int initialServers) {
        Scaler scaler = new Scaler(ThresholdPolicy.of(30, 10, step, 0), DEMO_BOUNDS, STARTUP_DELAY_MS);
        ScalerRun run = new ScalerRun(scaler, Fleet.serving(initialServers), 0);

        List<Outcome> outcomes = run.repeat(200, 1_000_000);

        assertThat(ScalerRun.actions(outcomes)).isEqualTo(1);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.fleet().provisioned()).isLessThanOrEqualTo(10));
        assertThat(outcomes.get(0).servers()).isEqualTo(10);
        assertThat(run.fleet()).isEqualTo(Fleet.serving(10));
    }

    @Test
    void boundsRejectNonsenseWithTheOptionName() {
        assertThatThrownBy(() -> new ScalingBounds(0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--min-servers must be at least 1, got 0");
        assertThatThrownBy(() -> new ScalingBounds(5, 3))
                .hasMessage("--min-servers (5) must not exceed --max-servers (3)");
        assertThatThrownBy(() -> new Scaler(ThresholdPolicy.of(30, 10, 1, 0), DEMO_BOUNDS, -1_000))
                .hasMessage("--startup-delay must be >= 0 s, got -1.0");
    }

    /** Makes the scaler's policy act at {@code nowMs}, which starts its cooldown. */
    private static void actAt(Scaler scaler, long nowMs) {
        Outcome outcome = scaler.decide(1_000, Fleet.serving(2), nowMs - 1_000, nowMs);
        assertThat(outcome.action()).isEqualTo(ScalingAction.SCALE_UP);
    }

    /** Always wants the same servers; remembers what it saw and what was decided. */
    private static final class RecordingPolicy implements ScalingPolicy {

        private final int wanted;
        private final List<Observation> observations = new ArrayList<>();
        private final List<Integer> decided = new ArrayList<>();

        RecordingPolicy(int wanted) {
            this.wanted = wanted;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Proposal propose(Observation observation) {
            observations.add(observation);
            return Proposal.free(wanted, name(), "wants " + wanted);
        }

        @Override
        public void onDecided(Observation observation, Proposal proposal, int decided) {
            this.decided.add(decided);
        }

        @Override
        public byte[] saveState() {
            return new byte[0];
        }

        @Override
        public void restoreState(byte[] state) {
        }

        @Override
        public String describe() {
            return name();
        }
    }
}
