package io.autoscale.chat.autoscaler.policy;

import io.autoscale.chat.model.Json;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Step scaling, as cloud autoscalers offer it: when the load per server rises above the up
 * threshold, or falls below the down threshold, the size of the breach picks a step and the step
 * says how the servers change (by a number, by a percentage, or to an exact number). Larger
 * breaches take larger steps, so a surge is met faster than by a fixed step.
 *
 * <p>A warm-up takes the place of a cooldown. The servers added by a scale-up at {@code t} are
 * warming until {@code t + warm-up}. Meanwhile a further scale-up is computed from the servers
 * provisioned when the warm-up began and acts only by what it asks beyond the servers provisioned
 * now, so a breach that stays within one step adds nothing more while a deeper breach adds the
 * difference; a scale-down waits for the warm-up to end. Scale-downs start no warm-up: with no
 * cooldown either, a load that stays below the down threshold removes servers every window, which
 * is why the default down steps remove one server, or a quarter of them for deep breaches.
 *
 * <p>Load per server counts starting servers in the supply ({@link Observation#loadPerServer()}).
 * An up step never removes servers and a down step never adds them, exact steps included.
 */
public final class StepScalingPolicy implements ScalingPolicy {

    public static final String NAME = "step";

    private static final long NEVER = Long.MIN_VALUE;

    private final Settings settings;

    /** Event time at which the servers of the last scale-up stop warming up. */
    private long warmUntilMs = NEVER;
    /** Servers provisioned when the current warm-up began. */
    private int warmUpBase;

    private StepScalingPolicy(Settings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("step scaling needs its settings");
        }
        this.settings = settings;
    }

    public static StepScalingPolicy of(Settings settings) {
        return new StepScalingPolicy(settings);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Proposal propose(Observation observation) {
        int provisioned = observation.provisioned();
        if (provisioned < 1) {
            // No server provisioned: any load needs one, and no division by zero is possible.
            return Proposal.free(observation.load() > 0 ? 1 : 0, NAME, "no server provisioned");
        }

        double loadPerServer = observation.loadPerServer();
        boolean warming = observation.nowMs() < warmUntilMs;
        if (loadPerServer > settings.scaleUpThreshold()) {
            double breach = loadPerServer - settings.scaleUpThreshold();
            Step step = Step.at(settings.upSteps(), breach);
            String rule = rule(loadPerServer, ">", settings.scaleUpThreshold(), breach, step);
            int recommendation = Math.max(provisioned, step.adjustment().applyTo(provisioned));
            if (!warming) {
                return Proposal.free(recommendation, NAME, rule);
            }
            int fromBase = Math.max(provisioned, step.adjustment().applyTo(warmUpBase));
            return held(observation, Math.min(fromBase, recommendation), recommendation, rule);
        }

        if (loadPerServer < settings.scaleDownThreshold()) {
            double breach = settings.scaleDownThreshold() - loadPerServer;
            Step step = Step.at(settings.downSteps(), breach);
            String rule = rule(loadPerServer, "<", settings.scaleDownThreshold(), breach, step);
            int recommendation = Math.min(provisioned, step.adjustment().applyTo(provisioned));
            return warming ? held(observation, provisioned, recommendation, rule)
                    : Proposal.free(recommendation, NAME, rule);
        }

        return Proposal.free(provisioned, NAME, String.format(Locale.ROOT, "load per server %.1f within [%s, %s]",
                loadPerServer, ThresholdPolicy.plain(settings.scaleDownThreshold()),
                ThresholdPolicy.plain(settings.scaleUpThreshold())));
    }

    /** A proposal the warm-up keeps at {@code desired}, unless the bounds would keep it there anyway. */
    private static Proposal held(Observation observation, int desired, int recommendation, String rule) {
        ScalingBounds bounds = observation.bounds();
        boolean warmUpMatters = bounds.clamp(desired) != bounds.clamp(recommendation);
        return warmUpMatters ? Proposal.held(desired, recommendation, NAME, rule, "warm-up")
                : Proposal.free(recommendation, NAME, rule);
    }

    private static String rule(double loadPerServer, String comparison, double threshold, double breach, Step step) {
        return String.format(Locale.ROOT, "load per server %.1f %s %s by %.1f, step %s", loadPerServer, comparison,
                ThresholdPolicy.plain(threshold), breach, step);
    }

    /** A scale-up starts a warm-up, or extends the current one, which keeps its base. */
    @Override
    public void onDecided(Observation observation, Proposal proposal, int decided) {
        if (decided <= observation.provisioned()) {
            return;
        }
        if (!(observation.nowMs() < warmUntilMs)) {
            warmUpBase = observation.provisioned();
        }
        warmUntilMs = observation.nowMs() + settings.warmUpMs();
    }

    @Override
    public byte[] saveState() {
        return Json.toBytes(new State(warmUntilMs, warmUpBase));
    }

    @Override
    public void restoreState(byte[] state) {
        State restored = Json.fromBytes(state, State.class);
        warmUntilMs = restored.warmUntilMs();
        warmUpBase = restored.warmUpBase();
    }

    @Override
    public String describe() {
        return NAME + ": up above " + ThresholdPolicy.plain(settings.scaleUpThreshold()) + " per server by "
                + steps(settings.upSteps()) + "; down below " + ThresholdPolicy.plain(settings.scaleDownThreshold())
                + " by " + steps(settings.downSteps()) + "; warm-up " + settings.warmUpMs() / 1000.0 + " s";
    }

    private static String steps(List<Step> steps) {
        return steps.stream().map(Step::toString).collect(Collectors.joining(","));
    }

    /**
     * How step scaling behaves.
     *
     * @param scaleUpThreshold   load per server above which the servers grow
     * @param upSteps            steps by breach above the up threshold, ascending from 0
     * @param scaleDownThreshold load per server below which the servers shrink
     * @param downSteps          steps by breach below the down threshold, ascending from 0
     * @param warmUpMs           event time after a scale-up during which its servers are warming up
     */
    public record Settings(
            double scaleUpThreshold,
            List<Step> upSteps,
            double scaleDownThreshold,
            List<Step> downSteps,
            long warmUpMs) {

        public Settings {
            checkThresholds(scaleUpThreshold, scaleDownThreshold);
            upSteps = Step.checkList("--step-up", upSteps);
            downSteps = Step.checkList("--step-down", downSteps);
            for (Step step : upSteps) {
                if (step.adjustment().removes()) {
                    throw new IllegalArgumentException("--step-up must not remove servers, got " + step);
                }
            }
            for (Step step : downSteps) {
                if (step.adjustment().adds()) {
                    throw new IllegalArgumentException("--step-down must not add servers, got " + step);
                }
            }
            if (warmUpMs < 0) {
                throw new IllegalArgumentException("--warm-up must be >= 0 s, got " + warmUpMs / 1000.0);
            }
        }

        /**
         * Steps scaled to the thresholds. Up: one server from the threshold on, two from a breach
         * of a third of the threshold, half the servers more from five sixths of it; at an up
         * threshold of 30 that is {@code 0:+1,10:+2,25:+50%}. Down: one server from the threshold
         * on, a quarter of the servers once the load per server is below half the down threshold;
         * at a down threshold of 10 that is {@code 0:-1,5:-25%}.
         */
        public static Settings defaults(double scaleUpThreshold, double scaleDownThreshold, long warmUpMs) {
            checkThresholds(scaleUpThreshold, scaleDownThreshold);
            List<Step> up = List.of(new Step(0, Step.Adjustment.change(1)),
                    new Step(tenths(scaleUpThreshold / 3), Step.Adjustment.change(2)),
                    new Step(tenths(scaleUpThreshold * 5 / 6), Step.Adjustment.percent(50)));
            // A down threshold of 0 is never breached; one step is enough to make the list valid.
            List<Step> down = scaleDownThreshold == 0 ? List.of(new Step(0, Step.Adjustment.change(-1)))
                    : List.of(new Step(0, Step.Adjustment.change(-1)),
                            new Step(tenths(scaleDownThreshold / 2), Step.Adjustment.percent(-25)));
            return new Settings(scaleUpThreshold, up, scaleDownThreshold, down, warmUpMs);
        }

        /** Default bounds are rounded to a tenth, so that they read well and parse back the same. */
        private static double tenths(double value) {
            return Math.max(Math.ulp(0.0), Math.round(value * 10) / 10.0);
        }

        private static void checkThresholds(double scaleUpThreshold, double scaleDownThreshold) {
            if (!(scaleDownThreshold >= 0) || Double.isInfinite(scaleDownThreshold)) {
                throw new IllegalArgumentException(
                        "--scale-down-threshold must be >= 0 load per server, got " + scaleDownThreshold);
            }
            if (!(scaleUpThreshold > scaleDownThreshold) || Double.isInfinite(scaleUpThreshold)) {
                throw new IllegalArgumentException("--scale-up-threshold (" + scaleUpThreshold
                        + ") must be greater than --scale-down-threshold (" + scaleDownThreshold + ")");
            }
        }
    }

    /**
     * @param warmUntilMs event time at which the last scale-up's servers stop warming up, or
     *                    {@link Long#MIN_VALUE}
     * @param warmUpBase  servers provisioned when that warm-up began
     */
    private record State(long warmUntilMs, int warmUpBase) {
    }
}
