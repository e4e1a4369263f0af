package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.autoscaler.policy.RateLimit.Select;
import io.autoscale.chat.autoscaler.policy.TargetTrackingPolicy.Settings;
import io.autoscale.chat.model.ScalingAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetTrackingPolicyTest {

    private static final ScalingBounds WIDE = new ScalingBounds(1, 100);
    private static final long STARTUP_DELAY_MS = 60_000;

    @ParameterizedTest(name = "load {0} on {1} servers: recommend {2}")
    @CsvSource(delimiter = '|', value = {
        "164 | 4 | 5 | 5 | load per server 41.0 vs target 35 (ratio 1.17)",
        "150 | 4 | 4 | 4 | load per server 37.5 vs target 35 (ratio 1.07, within tolerance)",
        "126 | 4 | 4 | 4 | load per server 31.5 vs target 35 (ratio 0.90, within tolerance)",
        "125 | 4 | 4 | 4 | load per server 31.3 vs target 35 (ratio 0.89)",
        "70 | 3 | 2 | 2 | load per server 23.3 vs target 35 (ratio 0.67)",
        "0 | 3 | 0 | 0 | load per server 0.0 vs target 35 (ratio 0.00)",
        "100 | 0 | 3 | 3 | load 100.0 with no server provisioned vs target 35 per server",
        "1000 | 0 | 29 | 4 | load 1000.0 with no server provisioned vs target 35 per server"})
    void recommendsTheServersThatBringTheLoadPerServerToTheTarget(double load, int servers, int recommendation,
            int desired, String rule) {
        TargetTrackingPolicy policy = TargetTrackingPolicy.of(35);

        Proposal proposal = policy.propose(observe(10_000, load, servers));

        assertThat(proposal.recommendation()).isEqualTo(recommendation);
        assertThat(proposal.desired()).isEqualTo(desired);
        assertThat(proposal.rule()).isEqualTo(rule);
        assertThat(proposal.branch()).isEqualTo("target");
    }

    @Test
    void floatNoiseDoesNotAddAServer() {
        // 1.1 / 0.1 is 11.000000000000002 in doubles.
        TargetTrackingPolicy policy = TargetTrackingPolicy.of(0.1);

        assertThat(policy.propose(observe(10_000, 1.1, 5)).recommendation()).isEqualTo(11);
    }

    @Test
    void loadWithinToleranceCausesNoAction() {
        Scaler scaler = new Scaler(TargetTrackingPolicy.of(10), WIDE, 0);
        ScalerRun run = new ScalerRun(scaler, Fleet.serving(10), 0);

        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            outcomes.add(run.next(i % 2 == 0 ? 91 : 109));
        }

        assertThat(ScalerRun.actions(outcomes)).isZero();
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.servers()).isEqualTo(10);
            assertThat(outcome.heldBy()).isNull();
        });
    }

    @Test
    void zeroLoadHoldsAtMinWithNoAction() {
        Scaler scaler = new Scaler(TargetTrackingPolicy.of(35), new ScalingBounds(2, 10), STARTUP_DELAY_MS);

        List<Outcome> outcomes = ScalerRun.from(scaler).repeat(3_600, 0);

        assertThat(ScalerRun.actions(outcomes)).isZero();
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.servers()).isEqualTo(2));
        assertThat(outcomes.get(0).heldBy()).isEqualTo("min 2");
    }

    @Test
    void rateLimitsHoldABigJump() {
        Scaler scaler = new Scaler(TargetTrackingPolicy.of(10), WIDE, 0);
        ScalerRun run = new ScalerRun(scaler, Fleet.serving(4), 0);

        Outcome first = run.next(400);
        List<Outcome> waiting = run.until(15_000, 400);
        Outcome second = run.next(400);
        long secondAtMs = run.nowMs();
        run.until(30_000, 400);
        Outcome third = run.next(400);
        run.until(45_000, 400);
        Outcome fourth = run.next(400);

        assertThat(first.servers()).isEqualTo(8);
        assertThat(first.recommendation()).isEqualTo(40);
        assertThat(first.heldBy()).isEqualTo("rate limit");
        assertThat(first.reason()).isEqualTo(
                "load per server 100.0 vs target 10 (ratio 10.00); recommended 40; held by rate limit");
        assertThat(waiting).allSatisfy(outcome -> {
            assertThat(outcome.action()).isEqualTo(ScalingAction.NONE);
            assertThat(outcome.servers()).isEqualTo(8);
            assertThat(outcome.heldBy()).isEqualTo("rate limit");
        });
        assertThat(secondAtMs).isEqualTo(16_000);
        assertThat(List.of(second.servers(), third.servers(), fourth.servers())).containsExactly(16, 32, 40);
        assertThat(fourth.heldBy()).isNull();
    }

    @ParameterizedTest(name = "select {0}: up to {1}")
    @CsvSource({"MAX, 20", "MIN, 14", "DISABLED, 10"})
    void upSelectPicksTheLimit(Select select, int servers) {
        Settings settings = new Settings(10, 0.1, 0, 0, List.of(RateLimit.servers(4, 15_000),
                RateLimit.percent(100, 15_000)), select, List.of(RateLimit.percent(100, 15_000)), Select.MAX);

        Proposal proposal = TargetTrackingPolicy.of(settings).propose(observe(10_000, 1_000, 10));

        assertThat(proposal.desired()).isEqualTo(servers);
        assertThat(proposal.heldBy()).isEqualTo("rate limit");
    }

    @ParameterizedTest(name = "select {0}: down to {1}")
    @CsvSource({"MAX, 5", "MIN, 8", "DISABLED, 10"})
    void downSelectPicksTheLimit(Select select, int servers) {
        Settings settings = new Settings(10, 0.1, 0, 0, List.of(RateLimit.servers(4, 15_000)), Select.MAX,
                List.of(RateLimit.servers(2, 60_000), RateLimit.percent(50, 60_000)), select);

        Proposal proposal = TargetTrackingPolicy.of(settings).propose(observe(10_000, 0, 10));

        assertThat(proposal.recommendation()).isZero();
        assertThat(proposal.desired()).isEqualTo(servers);
    }

    @Test
    void scaleDownLimitCountsServersAlreadyRemovedInThePeriod() {
        Settings settings = new Settings(10, 0.1, 0, 0, List.of(RateLimit.servers(4, 15_000)), Select.MAX,
                List.of(RateLimit.percent(50, 60_000)), Select.MAX);
        Scaler scaler = new Scaler(TargetTrackingPolicy.of(settings), WIDE, 0);
        ScalerRun run = new ScalerRun(scaler, Fleet.serving(20), 0);

        Outcome first = run.next(0);
        List<Outcome> held = run.until(60_000, 0);
        Outcome second = run.next(0);

        assertThat(first.servers()).isEqualTo(10);
        assertThat(held).allSatisfy(outcome -> {
            assertThat(outcome.servers()).isEqualTo(10);
            assertThat(outcome.heldBy()).isEqualTo("rate limit");
        });
        assertThat(second.servers()).isEqualTo(5);
    }

    @Test
    void scaleDownWaitsForTheStabilizationWindowAfterASpike() {
        Scaler scaler = new Scaler(TargetTrackingPolicy.of(10), WIDE, 0);
        ScalerRun run = new ScalerRun(scaler, Fleet.serving(1), 0);

        List<Outcome> spike = run.until(30_000, 100);
        List<Outcome> quiet = run.until(329_000, 0);
        Outcome down = run.next(0);
        long downAtMs = run.nowMs();

        assertThat(spike.get(spike.size() - 1).servers()).isEqualTo(10);
        assertThat(spike.get(spike.size() - 1).recommendation()).isEqualTo(10);
        assertThat(quiet).allSatisfy(outcome -> {
            assertThat(outcome.action()).isEqualTo(ScalingAction.NONE);
            assertThat(outcome.servers()).isEqualTo(10);
            assertThat(outcome.recommendation()).isZero();
            assertThat(outcome.heldBy()).isEqualTo("stabilization");
        });
        assertThat(downAtMs).isEqualTo(330_000);
        assertThat(down.action()).isEqualTo(ScalingAction.SCALE_DOWN);
        assertThat(down.servers()).isEqualTo(1);
    }

    @Test
    void upStabilizationWaitsForTheLowestRecommendationToRise() {
        Settings settings = new Settings(10, 0.1, 10_000, 0, Settings.defaults(10).upLimits(), Select.MAX,
                Settings.defaults(10).downLimits(), Select.MAX);
        Scaler scaler = new Scaler(TargetTrackingPolicy.of(settings), WIDE, 0);
        ScalerRun run = new ScalerRun(scaler, Fleet.serving(2), 0);

        run.repeat(5, 20);
        List<Outcome> rising = run.until(14_000, 40);
        Outcome up = run.next(40);

        assertThat(rising).allSatisfy(outcome -> {
            assertThat(outcome.servers()).isEqualTo(2);
            assertThat(outcome.heldBy()).isEqualTo("stabilization");
        });
        assertThat(up.servers()).isEqualTo(4);
        assertThat(up.heldBy()).isNull();
    }

    @ParameterizedTest(name = "bounds [2, {0}], {1} users")
    @CsvSource({"6, 1000000", "20, 50", "20, 60"})
    void sustainedDemandWithAStartupDelayActsOnceAndNeverPassesMax(int maxServers, double load) {
        Scaler scaler = new Scaler(TargetTrackingPolicy.of(10), new ScalingBounds(2, maxServers), STARTUP_DELAY_MS);
        ScalerRun run = ScalerRun.from(scaler);

        List<Outcome> outcomes = run.repeat(200, load);

        int expected = (int) Math.min(maxServers, Math.ceil(load / 10));
        assertThat(ScalerRun.actions(outcomes)).isEqualTo(1);
        assertThat(outcomes).allSatisfy(outcome ->
                assertThat(outcome.fleet().provisioned()).isLessThanOrEqualTo(maxServers));
        assertThat(outcomes.get(0).servers()).isEqualTo(expected);
        assertThat(outcomes.get(0).fleet().servingAt(60_999)).isEqualTo(2);
        assertThat(run.fleet()).isEqualTo(Fleet.serving(expected));
    }

    @Test
    void restoredPolicyDecidesLikeTheOriginal() {
        ScalerRun original = new ScalerRun(new Scaler(TargetTrackingPolicy.of(10), WIDE, STARTUP_DELAY_MS),
                Fleet.serving(1), 0);
        List<ScalerRun> restored = new ArrayList<>();
        List<Outcome> compared = new ArrayList<>();

        for (int window = 0; window < 650; window++) {
            if (window == 40 || window == 150 || window == 330 || window == 500) {
                restored.add(restoredCopyOf(original));
            }
            Outcome expected = original.next(load(window));
            for (ScalerRun copy : restored) {
                assertThat(copy.next(load(window))).isEqualTo(expected);
                compared.add(expected);
            }
        }

        assertThat(compared).anyMatch(outcome -> "stabilization".equals(outcome.heldBy()));
        assertThat(compared).anyMatch(outcome -> "rate limit".equals(outcome.heldBy()));
        assertThat(ScalerRun.actions(compared)).isGreaterThan(5);
    }

    /** A run that goes on from where {@code original} is, with a fresh policy given the original's memory. */
    private static ScalerRun restoredCopyOf(ScalerRun original) {
        TargetTrackingPolicy copy = TargetTrackingPolicy.of(10);
        copy.restoreState(original.scaler().policy().saveState());
        return new ScalerRun(new Scaler(copy, WIDE, STARTUP_DELAY_MS), original.fleet(), original.nowMs());
    }

    @Test
    void memoryStaysSmallUnderSteadyLoad() {
        Scaler scaler = new Scaler(TargetTrackingPolicy.of(10), WIDE, 0);
        ScalerRun run = new ScalerRun(scaler, Fleet.serving(1), 0);

        run.repeat(1_000, 200);

        assertThat(run.fleet().provisioned()).isEqualTo(20);
        assertThat(new String(scaler.policy().saveState(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"downTimesMs\":[1000000],\"downServers\":[20],\"upTimesMs\":[],\"upServers\":[],"
                        + "\"actionTimesMs\":[],\"actionChanges\":[]}");
    }

    @Test
    void defaultsAreTheHorizontalPodAutoscalers() {
        Settings defaults = Settings.defaults(35);

        assertThat(defaults).isEqualTo(new Settings(35, 0.1, 0, 300_000,
                List.of(RateLimit.servers(4, 15_000), RateLimit.percent(100, 15_000)), Select.MAX,
                List.of(RateLimit.percent(100, 15_000)), Select.MAX));
        assertThat(TargetTrackingPolicy.of(defaults).describe()).isEqualTo("target: 35 per server, tolerance 0.1, "
                + "stabilization up 0.0 s, down 300.0 s, scale-up limits [4/15s, 100%/15s] select max, "
                + "scale-down limits [100%/15s] select max");
    }

    @Test
    void describeSaysWhenADirectionIsDisabled() {
        Settings settings = new Settings(7.5, 0, 30_000, 0, List.of(), Select.DISABLED,
                List.of(RateLimit.servers(1, 60_000)), Select.MIN);

        assertThat(TargetTrackingPolicy.of(settings).describe()).isEqualTo("target: 7.5 per server, tolerance 0, "
                + "stabilization up 30.0 s, down 0.0 s, scale-up limits disabled, "
                + "scale-down limits [1/60s] select min");
    }

    @Test
    void settingsRejectNonsenseWithTheOptionName() {
        List<RateLimit> limits = List.of(RateLimit.percent(100, 15_000));
        assertThatThrownBy(() -> Settings.defaults(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--target-load must be greater than 0 load per server, got 0.0");
        assertThatThrownBy(() -> Settings.defaults(Double.NaN))
                .hasMessage("--target-load must be greater than 0 load per server, got NaN");
        assertThatThrownBy(() -> new Settings(10, -0.1, 0, 0, limits, Select.MAX, limits, Select.MAX))
                .hasMessage("--tolerance must be at least 0 and below 1, got -0.1");
        assertThatThrownBy(() -> new Settings(10, 1, 0, 0, limits, Select.MAX, limits, Select.MAX))
                .hasMessage("--tolerance must be at least 0 and below 1, got 1.0");
        assertThatThrownBy(() -> new Settings(10, 0.1, -1_000, 0, limits, Select.MAX, limits, Select.MAX))
                .hasMessage("--scale-up-stabilization must be >= 0 s, got -1.0");
        assertThatThrownBy(() -> new Settings(10, 0.1, 0, -5_000, limits, Select.MAX, limits, Select.MAX))
                .hasMessage("--scale-down-stabilization must be >= 0 s, got -5.0");
        assertThatThrownBy(() -> new Settings(10, 0.1, 0, 0, List.of(), Select.MAX, limits, Select.MAX))
                .hasMessage("--scale-up-limit needs at least one limit such as 4/15s or 100%/15s"
                        + " unless its select is disabled");
        assertThatThrownBy(() -> new Settings(10, 0.1, 0, 0, limits, Select.MAX, null, Select.MIN))
                .hasMessageStartingWith("--scale-down-limit needs at least one limit");
        assertThatThrownBy(() -> new Settings(10, 0.1, 0, 0, limits, null, limits, Select.MAX))
                .hasMessage("--scale-up-select must be max, min or disabled, got null");
    }

    /** A load that climbs, spikes, falls quiet and wobbles, so that every hold gets its turn. */
    private static double load(int window) {
        if (window < 60) {
            return 20 + window * 5;
        }
        if (window < 120) {
            return 400;
        }
        if (window < 480) {
            return window % 40 < 5 ? 250 : 30;
        }
        return 100 + (window % 13) * 15;
    }

    private static Observation observe(long nowMs, double load, int provisioned) {
        return new Observation(nowMs, 1_000, load, provisioned, provisioned, 0, WIDE);
    }
}
