package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.ScalingAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class PredictivePolicyTest {

    private static final long WINDOW_MS = 1_000;
    private static final long DELAY_MS = 60_000;
    private static final long HOUR_MS = 3_600_000;
    private static final double TARGET = 50;

    /** Drives a policy through a scaler, one 1-second window after another, carrying the fleet. */
    private static final class Run {

        private final Scaler scaler;
        private Fleet fleet;
        private long startMs;

        Run(PredictivePolicy policy) {
            this(policy, DELAY_MS);
        }

        Run(PredictivePolicy policy, long delayMs) {
            scaler = new Scaler(policy, new ScalingBounds(1, 50), delayMs);
            fleet = scaler.initialFleet();
        }

        Outcome step(double load) {
            Outcome outcome = scaler.decide(load, fleet, startMs, startMs + WINDOW_MS);
            fleet = outcome.fleet();
            startMs += WINDOW_MS;
            return outcome;
        }

        List<Outcome> steps(long windows, LongToDoubleFunction loadAtMs) {
            List<Outcome> outcomes = new ArrayList<>();
            for (long i = 0; i < windows; i++) {
                outcomes.add(step(loadAtMs.applyAsDouble(startMs)));
            }
            return outcomes;
        }

        /** End of the window decided last. */
        long nowMs() {
            return startMs;
        }
    }

    private static PredictivePolicy hourly() {
        return PredictivePolicy.of(new PredictivePolicy.Settings(TARGET, HOUR_MS, 60_000, 0.1, 0.02, 25, 300_000,
                300_000));
    }

    private static double hourlySine(long timeMs) {
        return 300 + 250 * Math.sin(2 * Math.PI * timeMs / HOUR_MS);
    }

    private static int need(double load) {
        return (int) Math.ceil(load / TARGET);
    }

    @Test
    void zeroLoadHoldsAtMinWithoutAction() {
        Run run = new Run(PredictivePolicy.of(PredictivePolicy.Settings.defaults(TARGET)));

        List<Outcome> outcomes = run.steps(1_000, timeMs -> 0);

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.servers()).isEqualTo(1);
            assertThat(outcome.action()).isEqualTo(ScalingAction.NONE);
            assertThat(outcome.recommendation()).isZero();
            assertThat(outcome.heldBy()).isEqualTo("min 1");
            assertThat(outcome.rule()).doesNotContain("NaN", "Infinity", "-");
        });
        assertThat(outcomes.get(0).branch()).isEqualTo(PredictivePolicy.REACTIVE);
        assertThat(outcomes.get(0).rule())
                .isEqualTo("load 0.0, trend forecast 0.0 at +61 s (error not measured yet): need 0 now");
        Outcome last = outcomes.get(outcomes.size() - 1);
        assertThat(last.branch()).isEqualTo(PredictivePolicy.TREND);
        assertThat(last.rule()).isEqualTo("load 0.0, trend forecast 0.0 at +61 s (error 0%): need 0 ahead, 0 now");
    }

    /**
     * Provisioned servers reach n when the forecast crosses n - 1 servers' target load; the need does
     * when the load does. The forecast looks 61 s ahead (the 60 s startup delay and the window the
     * order is placed in). The trend model's slope is averaged over about 50 windows, so at the
     * sine's bends its forecast is off by up to about 12 s of the load's movement: 40..80 s holds it.
     * The seasonal profile has 1-minute buckets of a load that repeats exactly, so its lead is off
     * only by interpolation and the 1-second windows: within 5 s.
     */
    @Test
    void sineLoadIsProvisionedOneStartupDelayAheadByTrendThenSeason() {
        Run run = new Run(hourly());
        List<Long> trendLeadsMs = new ArrayList<>();
        List<Long> seasonalLeadsMs = new ArrayList<>();
        long[] reachedMs = new long[51];
        String[] reachedBy = new String[51];
        long firstTrendMs = -1;
        long firstSeasonalMs = -1;
        int servers = 1;
        int needBefore = 1;

        while (run.nowMs() < 4 * HOUR_MS) {
            double load = hourlySine(run.nowMs());
            Outcome outcome = run.step(load);
            for (int n = servers + 1; n <= outcome.servers(); n++) {
                reachedMs[n] = run.nowMs();
                reachedBy[n] = outcome.branch();
            }
            servers = outcome.servers();
            if (firstTrendMs < 0 && outcome.branch().equals(PredictivePolicy.TREND)) {
                firstTrendMs = run.nowMs();
            }
            // The need crosses 1 and 2 at the trough, where the load barely moves: only steeper crossings
            // count. A crossing less than a horizon after the first forecast could not be seen a horizon ahead.
            boolean forecastLongEnough = firstTrendMs >= 0 && run.nowMs() > firstTrendMs + 61_000;
            for (int n = Math.max(3, needBefore + 1); forecastLongEnough && n <= need(load); n++) {
                List<Long> leads = PredictivePolicy.SEASONAL.equals(reachedBy[n]) ? seasonalLeadsMs
                        : PredictivePolicy.TREND.equals(reachedBy[n]) ? trendLeadsMs : new ArrayList<>();
                leads.add(run.nowMs() - reachedMs[n]);
            }
            needBefore = need(load);

            boolean seasonal = outcome.branch().equals(PredictivePolicy.SEASONAL);
            if (firstSeasonalMs < 0 && seasonal) {
                firstSeasonalMs = run.nowMs();
            }
            if (firstSeasonalMs >= 0) {
                assertThat(outcome.branch()).as("branch at %d ms", run.nowMs()).isEqualTo(PredictivePolicy.SEASONAL);
            }
        }

        assertThat(trendLeadsMs).hasSizeGreaterThanOrEqualTo(6).allSatisfy(
                leadMs -> assertThat(leadMs).isBetween(40_000L, 80_000L));
        assertThat(seasonalLeadsMs).hasSizeGreaterThanOrEqualTo(20).allSatisfy(
                leadMs -> assertThat(leadMs).isBetween(56_000L, 66_000L));
        // The profile is whole after one season; its error is measured half an error window after its
        // first forecast comes due.
        assertThat(firstSeasonalMs).isBetween(HOUR_MS + 61_000 + 150_000, HOUR_MS + 61_000 + 160_000);
    }

    @Test
    void wildForecastsHandOverToTheReactiveRuleUntilTheErrorFalls() {
        Run run = new Run(hourly());
        Random random = new Random(42);

        Outcome steady = last(run.steps(600, timeMs -> 200));
        assertThat(steady.branch()).isEqualTo(PredictivePolicy.TREND);

        List<Outcome> erratic = run.steps(900, timeMs -> 500 * random.nextDouble());
        Outcome lastErratic = last(erratic);
        assertThat(lastErratic.branch()).isEqualTo(PredictivePolicy.REACTIVE);
        assertThat(lastErratic.rule()).matches("load \\d+\\.\\d, trend forecast \\d+\\.\\d at \\+61 s "
                + "\\(error (\\d+)\\.\\d% > 25%\\): need \\d+ now");
        List<Outcome> reactive = erratic.stream().filter(o -> o.branch().equals(PredictivePolicy.REACTIVE)).toList();
        assertThat(reactive).hasSizeGreaterThan(300);

        List<Outcome> calm = run.steps(1_800, timeMs -> 200);
        int firstForecast = indexOfBranch(calm, PredictivePolicy.TREND);
        assertThat(firstForecast).isBetween(1, 900);
        assertThat(calm.subList(firstForecast, calm.size()))
                .allSatisfy(outcome -> assertThat(outcome.branch()).isEqualTo(PredictivePolicy.TREND));
        assertThat(last(calm).servers()).isEqualTo(4);
    }

    @Test
    void theReactiveRuleProvisionsForThePresentLoadOnly() {
        Run run = new Run(hourly());
        Random random = new Random(7);
        run.steps(600, timeMs -> 200);
        double[] loads = random.doubles(900, 0, 500).toArray();

        for (double load : loads) {
            Outcome outcome = run.step(load);
            if (outcome.branch().equals(PredictivePolicy.REACTIVE)) {
                assertThat(outcome.recommendation()).isEqualTo(need(load));
            } else {
                assertThat(outcome.recommendation()).isGreaterThanOrEqualTo(need(load));
            }
        }
    }

    @Test
    void sustainedDemandAboveMaxActsOnceAndNeverPassesMax() {
        Run run = new Run(PredictivePolicy.of(PredictivePolicy.Settings.defaults(TARGET)));

        List<Outcome> outcomes = run.steps(900, timeMs -> 100 * TARGET);

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.servers()).isEqualTo(50);
            assertThat(outcome.fleet().provisioned()).isEqualTo(50);
            assertThat(outcome.recommendation()).isGreaterThanOrEqualTo(100);
            assertThat(outcome.heldBy()).isEqualTo("max 50");
        });
        assertThat(outcomes).filteredOn(outcome -> outcome.action() != ScalingAction.NONE)
                .containsExactly(outcomes.get(0));
        assertThat(outcomes.get(0).action()).isEqualTo(ScalingAction.SCALE_UP);
        assertThat(outcomes.get(0).fleet().servingAt(DELAY_MS)).isEqualTo(1);
        assertThat(last(outcomes).fleet().servingAt(run.nowMs())).isEqualTo(50);
    }

    @Test
    void scaleDownWaitsForTheStabilizationWindow() {
        Run run = new Run(hourly());
        assertThat(last(run.steps(600, timeMs -> 400)).servers()).isEqualTo(8);
        long dropMs = run.nowMs();

        List<Long> endsMs = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            outcomes.add(run.step(100));
            endsMs.add(run.nowMs());
        }

        int firstDown = indexOfAction(outcomes, ScalingAction.SCALE_DOWN);
        long lastEightMs = dropMs;
        for (int i = 0; i < firstDown; i++) {
            if (outcomes.get(i).recommendation() >= 8) {
                lastEightMs = endsMs.get(i);
            }
        }
        assertThat(endsMs.get(firstDown)).isEqualTo(lastEightMs + 300_000);
        assertThat(outcomes.subList(0, firstDown)).allSatisfy(outcome -> {
            assertThat(outcome.servers()).isEqualTo(8);
            assertThat(outcome.recommendation()).isLessThan(8);
            assertThat(outcome.heldBy()).isEqualTo("stabilization");
        });
        assertThat(outcomes.get(0).recommendation()).isLessThan(8);
        assertThat(last(outcomes).servers()).isEqualTo(2);
        assertThat(last(outcomes).heldBy()).isNull();
    }

    @Test
    void savedMemoryRestoresIntoAFreshPolicyThatDecidesTheSame() {
        PredictivePolicy.Settings settings = PredictivePolicy.Settings.defaults(TARGET);
        Random noise = new Random(3);
        long dayMs = 24 * HOUR_MS;
        LongToDoubleFunction daily = timeMs -> 300 + 250 * Math.sin(2 * Math.PI * timeMs / dayMs)
                + 20 * noise.nextGaussian();
        Run original = new Run(PredictivePolicy.of(settings));
        Outcome midway = last(original.steps((dayMs + 2 * HOUR_MS) / WINDOW_MS, daily));
        assertThat(midway.branch()).isEqualTo(PredictivePolicy.SEASONAL);

        byte[] saved = original.scaler.policy().saveState();
        PredictivePolicy fresh = PredictivePolicy.of(settings);
        fresh.restoreState(saved);
        Run restored = new Run(fresh);
        restored.fleet = original.fleet;
        restored.startMs = original.startMs;

        List<Double> loads = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            loads.add(daily.applyAsDouble(original.nowMs() + i * WINDOW_MS));
        }
        List<Outcome> fromOriginal = loads.stream().map(original::step).toList();
        List<Outcome> fromRestored = loads.stream().map(restored::step).toList();

        assertThat(fromRestored).isEqualTo(fromOriginal);
        assertThat(fromOriginal).extracting(Outcome::branch).contains(PredictivePolicy.SEASONAL);
        assertThat(fresh.saveState()).isEqualTo(original.scaler.policy().saveState());
        // Saved after every window: a day's profile, a minute of waiting forecasts and a few scalars.
        assertThat(saved.length).isBetween(3_000, 6_000);
    }

    @Test
    void restoringMemoryOfOtherSettingsIsRefused() {
        PredictivePolicy daily = PredictivePolicy.of(PredictivePolicy.Settings.defaults(TARGET));
        byte[] hourlyMemory = hourly().saveState();

        assertThatThrownBy(() -> daily.restoreState(hourlyMemory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the saved season has 60 buckets, the settings give 288");
    }

    @Test
    void describesItsSettings() {
        assertThat(PredictivePolicy.of(PredictivePolicy.Settings.defaults(30)).describe())
                .isEqualTo("predictive: 30 per server, season 86400 s in buckets of 300 s, smoothing 0.1 level, "
                        + "0.02 trend, reactive above 25% error over 600 s, scale-down stabilization 300 s");
        assertThat(hourly().name()).isEqualTo("predictive");
    }

    @Test
    void badSettingsNameTheOption() {
        assertThatThrownBy(() -> settings(0, HOUR_MS, 60_000, 0.1, 0.02, 25, 1, 0))
                .hasMessage("--target-load must be > 0 load per server, got 0.0");
        assertThatThrownBy(() -> settings(Double.NaN, HOUR_MS, 60_000, 0.1, 0.02, 25, 1, 0))
                .hasMessage("--target-load must be > 0 load per server, got NaN");
        assertThatThrownBy(() -> settings(50, 0, 60_000, 0.1, 0.02, 25, 1, 0))
                .hasMessage("--season must be > 0 s, got 0.0");
        assertThatThrownBy(() -> settings(50, HOUR_MS, -1_000, 0.1, 0.02, 25, 1, 0))
                .hasMessage("--season-bucket must be > 0 s, got -1.0");
        assertThatThrownBy(() -> settings(50, HOUR_MS, 7_000, 0.1, 0.02, 25, 1, 0))
                .hasMessage("--season (3600.0 s) must be a whole number of --season-bucket (7.0 s)");
        assertThatThrownBy(() -> settings(50, HOUR_MS, 1_000, 0.1, 0.02, 25, 1, 0))
                .hasMessage("--season must hold between 2 and 1440 buckets of --season-bucket, got 3600");
        assertThatThrownBy(() -> settings(50, HOUR_MS, HOUR_MS, 0.1, 0.02, 25, 1, 0))
                .hasMessage("--season must hold between 2 and 1440 buckets of --season-bucket, got 1");
        assertThatThrownBy(() -> settings(50, HOUR_MS, 60_000, 0, 0.02, 25, 1, 0))
                .hasMessage("--level-smoothing must be > 0 and <= 1, got 0.0");
        assertThatThrownBy(() -> settings(50, HOUR_MS, 60_000, 0.1, 1.5, 25, 1, 0))
                .hasMessage("--trend-smoothing must be > 0 and <= 1, got 1.5");
        assertThatThrownBy(() -> settings(50, HOUR_MS, 60_000, 0.1, 0.02, 0, 1, 0))
                .hasMessage("--max-forecast-error must be > 0 and <= 100 percent, got 0.0");
        assertThatThrownBy(() -> settings(50, HOUR_MS, 60_000, 0.1, 0.02, 120, 1, 0))
                .hasMessage("--max-forecast-error must be > 0 and <= 100 percent, got 120.0");
        assertThatThrownBy(() -> settings(50, HOUR_MS, 60_000, 0.1, 0.02, 25, 0, 0))
                .hasMessage("--error-window must be > 0 s, got 0.0");
        assertThatThrownBy(() -> settings(50, HOUR_MS, 60_000, 0.1, 0.02, 25, 1, -500))
                .hasMessage("--scale-down-stabilization must be >= 0 s, got -0.5");
        assertThatThrownBy(() -> PredictivePolicy.of(null))
                .hasMessage("the predictive policy needs its settings");
    }

    private static PredictivePolicy.Settings settings(double target, long seasonMs, long bucketMs, double level,
            double trend, double maxError, long errorWindowMs, long stabilizationMs) {
        return new PredictivePolicy.Settings(target, seasonMs, bucketMs, level, trend, maxError, errorWindowMs,
                stabilizationMs);
    }

    private static Outcome last(List<Outcome> outcomes) {
        return outcomes.get(outcomes.size() - 1);
    }

    private static int indexOfBranch(List<Outcome> outcomes, String branch) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).branch().equals(branch)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfAction(List<Outcome> outcomes, ScalingAction action) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).action() == action) {
                return i;
            }
        }
        return -1;
    }
}
