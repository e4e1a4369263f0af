package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.autoscaler.policy.StepScalingPolicy.Settings;
import io.autoscale.chat.model.ScalingAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepScalingPolicyTest {

    private static final ScalingBounds WIDE = new ScalingBounds(1, 100);
    private static final long STARTUP_DELAY_MS = 60_000;
    private static final long WARM_UP_MS = 60_000;

    @ParameterizedTest(name = "load {0} on 10 servers: {1}")
    @CsvSource(delimiter = '|', value = {
        "310 | 11 | load per server 31.0 > 30 by 1.0, step 0:+1",
        "400 | 12 | load per server 40.0 > 30 by 10.0, step 10:+2",
        "549 | 12 | load per server 54.9 > 30 by 24.9, step 10:+2",
        "550 | 15 | load per server 55.0 > 30 by 25.0, step 25:+50%",
        "1000 | 15 | load per server 100.0 > 30 by 70.0, step 25:+50%",
        "300 | 10 | load per server 30.0 within [10, 30]",
        "100 | 10 | load per server 10.0 within [10, 30]",
        "99 | 9 | load per server 9.9 < 10 by 0.1, step 0:-1",
        "50 | 2 | load per server 5.0 < 10 by 5.0, step 5:=2",
        "0 | 2 | load per server 0.0 < 10 by 10.0, step 5:=2"})
    void breachPicksTheStep(double load, int servers, String rule) {
        StepScalingPolicy policy = StepScalingPolicy.of(settings("0:+1,10:+2,25:+50%", "0:-1,5:=2", 0));

        assertThat(policy.propose(observe(10_000, load, 10))).isEqualTo(Proposal.free(servers, "step", rule));
    }

    @ParameterizedTest(name = "up {0} / down {1}, load {2} on {3} servers: {4}")
    @CsvSource({
        "0:+2, 0:-1, 80, 2, 4",
        "0:+50%, 0:-1, 80, 2, 3",
        "0:+50%, 0:-1, 800, 20, 30",
        "0:=6, 0:-1, 80, 2, 6",
        "0:=6, 0:-1, 400, 8, 8",
        "0:+1, 0:-3, 10, 5, 2",
        "0:+1, 0:-25%, 10, 5, 4",
        "0:+1, 0:-25%, 10, 12, 9",
        "0:+1, 0:=2, 10, 5, 2",
        "0:+1, 0:=5, 5, 3, 3"})
    void appliesEachKindOfAdjustment(String up, String down, double load, int servers, int desired) {
        StepScalingPolicy policy = StepScalingPolicy.of(settings(up, down, 0));

        assertThat(policy.propose(observe(10_000, load, servers)).desired()).isEqualTo(desired);
    }

    @Test
    void startingServersCountInTheSupply() {
        StepScalingPolicy policy = StepScalingPolicy.of(Settings.defaults(30, 10, 0));

        // 80 on 2 serving servers would be 40 per server, but 2 more are on their way.
        Observation observation = new Observation(10_000, 1_000, 80, 4, 2, STARTUP_DELAY_MS, WIDE);

        assertThat(policy.propose(observation).desired()).isEqualTo(4);
    }

    @ParameterizedTest(name = "load {0} on no server: {1}")
    @CsvSource({"0, 0", "5, 1"})
    void zeroServersNeverDivideByZero(double load, int desired) {
        StepScalingPolicy policy = StepScalingPolicy.of(Settings.defaults(30, 10, 0));

        assertThat(policy.propose(observe(1_000, load, 0)))
                .isEqualTo(Proposal.free(desired, "step", "no server provisioned"));
    }

    @Test
    void zeroLoadHoldsAtMinWithNoAction() {
        Scaler scaler = new Scaler(StepScalingPolicy.of(Settings.defaults(30, 10, WARM_UP_MS)),
                new ScalingBounds(2, 10), STARTUP_DELAY_MS);

        List<Outcome> outcomes = ScalerRun.from(scaler).repeat(3_600, 0);

        assertThat(ScalerRun.actions(outcomes)).isZero();
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.servers()).isEqualTo(2);
            assertThat(outcome.heldBy()).isEqualTo("min 2");
        });
    }

    @Test
    void warmUpAddsOnlyTheDifferenceAndHoldsScaleDowns() {
        Scaler scaler = new Scaler(StepScalingPolicy.of(settings("0:+1,10:+2,25:+50%", "0:-1,5:=2", WARM_UP_MS)),
                WIDE, 0);
        ScalerRun run = new ScalerRun(scaler, Fleet.serving(10), 0);

        Outcome first = run.next(10 * 35);
        Outcome sameStep = run.next(11 * 35);
        Outcome deeperStep = run.next(11 * 70);
        Outcome deeperAgain = run.next(15 * 70);
        List<Outcome> lowWhileWarming = run.until(62_000, 15 * 8);
        Outcome lowAfterWarmUp = run.next(15 * 8);
        Outcome upAfterWarmUp = run.next(14 * 35);
        Outcome sameStepAgain = run.next(15 * 35);

        assertThat(first.servers()).isEqualTo(11);
        assertThat(first.heldBy()).isNull();
        assertThat(sameStep.action()).isEqualTo(ScalingAction.NONE);
        assertThat(sameStep.recommendation()).isEqualTo(12);
        assertThat(sameStep.heldBy()).isEqualTo("warm-up");
        // +50% of the 10 servers before the warm-up began is 15: 4 more than the 11 provisioned.
        assertThat(deeperStep.servers()).isEqualTo(15);
        assertThat(deeperStep.recommendation()).isEqualTo(16);
        assertThat(deeperStep.heldBy()).isEqualTo("warm-up");
        assertThat(deeperAgain.action()).isEqualTo(ScalingAction.NONE);
        assertThat(lowWhileWarming).allSatisfy(outcome -> {
            assertThat(outcome.action()).isEqualTo(ScalingAction.NONE);
            assertThat(outcome.servers()).isEqualTo(15);
            assertThat(outcome.recommendation()).isEqualTo(14);
            assertThat(outcome.heldBy()).isEqualTo("warm-up");
        });
        // The scale-up at 3 s restarted the warm-up of its servers: it ends at 63 s.
        assertThat(lowAfterWarmUp.action()).isEqualTo(ScalingAction.SCALE_DOWN);
        assertThat(lowAfterWarmUp.servers()).isEqualTo(14);
        assertThat(upAfterWarmUp.servers()).isEqualTo(15);
        assertThat(upAfterWarmUp.heldBy()).isNull();
        assertThat(sameStepAgain.action()).isEqualTo(ScalingAction.NONE);
        assertThat(sameStepAgain.heldBy()).isEqualTo("warm-up");
    }

    @Test
    void withoutWarmUpEveryBreachActs() {
        Scaler scaler = new Scaler(StepScalingPolicy.of(settings("0:+1", "0:-1", 0)), WIDE, 0);
        ScalerRun run = new ScalerRun(scaler, Fleet.serving(10), 0);

        run.next(10 * 35);
        run.next(11 * 35);
        run.next(12 * 35);

        assertThat(run.fleet().provisioned()).isEqualTo(13);
    }

    @ParameterizedTest(name = "steps {0}, warm-up {1} ms, from {2} servers")
    @CsvSource({
        "'0:+1,10:+2,25:+50%', 60000, 9",
        "'0:+1,10:+2,25:+50%', 0, 9",
        "0:+20, 60000, 2",
        "0:+20, 0, 2",
        "0:=10, 0, 2",
        "0:+1, 0, 9"})
    void sustainedDemandAboveMaxWithAStartupDelayActsOnceAndNeverPassesMax(String upSteps, long warmUpMs,
            int initialServers) {
        Scaler scaler = new Scaler(StepScalingPolicy.of(settings(upSteps, "0:-1", warmUpMs)),
                new ScalingBounds(2, 10), STARTUP_DELAY_MS);
        ScalerRun run = new ScalerRun(scaler, Fleet.serving(initialServers), 0);

        List<Outcome> outcomes = run.repeat(200, 1_000_000);

        assertThat(ScalerRun.actions(outcomes)).isEqualTo(1);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.fleet().provisioned()).isLessThanOrEqualTo(10));
        assertThat(outcomes.get(0).servers()).isEqualTo(10);
        assertThat(run.fleet()).isEqualTo(Fleet.serving(10));
    }

    @Test
    void restoredPolicyDecidesLikeTheOriginal() {
        Settings settings = Settings.defaults(30, 10, 20_000);
        ScalerRun original = new ScalerRun(new Scaler(StepScalingPolicy.of(settings), WIDE, STARTUP_DELAY_MS),
                Fleet.serving(2), 0);
        List<ScalerRun> restored = new ArrayList<>();
        List<Outcome> compared = new ArrayList<>();

        for (int window = 0; window < 400; window++) {
            if (window == 3 || window == 50 || window == 121 || window == 260) {
                StepScalingPolicy copy = StepScalingPolicy.of(settings);
                copy.restoreState(original.scaler().policy().saveState());
                restored.add(new ScalerRun(new Scaler(copy, WIDE, STARTUP_DELAY_MS), original.fleet(),
                        original.nowMs()));
            }
            Outcome expected = original.next(load(window));
            for (ScalerRun copy : restored) {
                assertThat(copy.next(load(window))).isEqualTo(expected);
                compared.add(expected);
            }
        }

        assertThat(compared).anyMatch(outcome -> "warm-up".equals(outcome.heldBy()));
        assertThat(compared).anyMatch(outcome -> outcome.action() == ScalingAction.SCALE_UP);
        assertThat(compared).anyMatch(outcome -> outcome.action() == ScalingAction.SCALE_DOWN);
    }

    @Test
    void memoryIsTheWarmUpAlone() {
        StepScalingPolicy policy = StepScalingPolicy.of(Settings.defaults(30, 10, WARM_UP_MS));
        Observation observation = observe(5_000, 400, 10);
        policy.onDecided(observation, policy.propose(observation), 12);

        assertThat(new String(policy.saveState(), StandardCharsets.UTF_8))
                .isEqualTo("{\"warmUntilMs\":65000,\"warmUpBase\":10}");
    }

    @Test
    void defaultsFollowTheThresholds() {
        Settings demo = Settings.defaults(30, 10, WARM_UP_MS);

        assertThat(StepScalingPolicy.of(demo).describe())
                .isEqualTo("step: up above 30 per server by 0:+1,10:+2,25:+50%; down below 10 by 0:-1,5:-25%;"
                        + " warm-up 60.0 s");
        assertThat(Settings.defaults(60, 20, 0).upSteps()).extracting(Step::toString)
                .containsExactly("0:+1", "20:+2", "50:+50%");
        assertThat(Settings.defaults(60, 20, 0).downSteps()).extracting(Step::toString)
                .containsExactly("0:-1", "10:-25%");
        assertThat(Settings.defaults(30, 0, 0).downSteps()).extracting(Step::toString).containsExactly("0:-1");
    }

    @Test
    void settingsRejectNonsenseWithTheOptionName() {
        List<Step> up = Step.parseList("--step-up", "0:+1");
        List<Step> down = Step.parseList("--step-down", "0:-1");
        assertThatThrownBy(() -> new Settings(30, Step.parseList("--step-up", "0:+1,10:-1"), 10, down, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--step-up must not remove servers, got 10:-1");
        assertThatThrownBy(() -> new Settings(30, up, 10, Step.parseList("--step-down", "0:+1"), 0))
                .hasMessage("--step-down must not add servers, got 0:+1");
        assertThatThrownBy(() -> new Settings(30, up, 10, down, -1_000))
                .hasMessage("--warm-up must be >= 0 s, got -1.0");
        assertThatThrownBy(() -> new Settings(30, List.of(), 10, down, 0))
                .hasMessage("--step-up needs at least one step, such as 0:+1");
        assertThatThrownBy(() -> new Settings(30, List.of(new Step(1, Step.Adjustment.change(1))), 10, down, 0))
                .hasMessage("--step-up: the first step must start at 0, got 1:+1");
        assertThatThrownBy(() -> Settings.defaults(10, 10, 0))
                .hasMessage("--scale-up-threshold (10.0) must be greater than --scale-down-threshold (10.0)");
        assertThatThrownBy(() -> Settings.defaults(30, -1, 0))
                .hasMessage("--scale-down-threshold must be >= 0 load per server, got -1.0");
        assertThatThrownBy(() -> Settings.defaults(Double.POSITIVE_INFINITY, 10, 0))
                .hasMessage("--scale-up-threshold (Infinity) must be greater than --scale-down-threshold (10.0)");
    }

    /** A load that climbs in steps, surges, and falls away, so that warm-ups start, hold and end. */
    private static double load(int window) {
        if (window < 100) {
            return 60 + window * 4;
        }
        if (window < 140) {
            return 1_500;
        }
        if (window < 300) {
            return window % 30 < 10 ? 600 : 40;
        }
        return 0;
    }

    private static Settings settings(String up, String down, long warmUpMs) {
        return new Settings(30, Step.parseList("--step-up", up), 10, Step.parseList("--step-down", down), warmUpMs);
    }

    private static Observation observe(long nowMs, double load, int provisioned) {
        return new Observation(nowMs, 1_000, load, provisioned, provisioned, 0, WIDE);
    }
}
