package io.autoscale.chat.autoscaler.policy;

import io.autoscale.chat.autoscaler.policy.RateLimit.Select;
import io.autoscale.chat.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Keeps the load per server near a target, the way Kubernetes' Horizontal Pod Autoscaler keeps a
 * metric near its target. Each window it recommends {@code ceil(load / target)} servers, or the
 * servers provisioned when the load per server is within the tolerance of the target, so that
 * small swings cause no action.
 *
 * <p>Two holds follow, in this order:
 * <ul>
 * <li>Stabilization: a scale-up goes no higher than the lowest recommendation of the up window,
 * a scale-down no lower than the highest recommendation of the down window, both counting the
 * current one. A long down window (300 s by default) keeps the servers of a spike until the
 * spike has been gone that long, so a burst that comes back finds them still there.</li>
 * <li>Rate limits: within each limit's sliding period, counted from the servers provisioned at
 * the start of the period, the servers may move only so far; the select option says which
 * limit wins when there are several.</li>
 * </ul>
 *
 * <p>Load per server counts starting servers in the supply ({@link Observation#loadPerServer()}),
 * so servers ordered but not yet serving are not ordered again.
 */
public final class TargetTrackingPolicy implements ScalingPolicy {

    public static final String NAME = "target";

    /** Ceilings of quotients such as 70 / 35 must not round up float noise to a whole server. */
    private static final double NOISE = 1e-9;

    private final Settings settings;
    private final long actionMemoryMs;

    /** Recommendations that may still be the highest of the down stabilization window. */
    private final Recommendations downWindow = new Recommendations(true);
    /** Recommendations that may still be the lowest of the up stabilization window. */
    private final Recommendations upWindow = new Recommendations(false);
    /** Servers added (positive) or removed (negative) by each action still inside a rate limit's period. */
    private final List<long[]> actions = new ArrayList<>();

    private TargetTrackingPolicy(Settings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("target tracking needs its settings");
        }
        this.settings = settings;
        this.actionMemoryMs = Stream.concat(settings.upLimits().stream(),
                settings.downLimits().stream()).mapToLong(RateLimit::periodMs).max().orElse(0);
    }

    public static TargetTrackingPolicy of(Settings settings) {
        return new TargetTrackingPolicy(settings);
    }

    /** The policy with the Horizontal Pod Autoscaler's default behaviour. */
    public static TargetTrackingPolicy of(double targetLoadPerServer) {
        return new TargetTrackingPolicy(Settings.defaults(targetLoadPerServer));
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
        long nowMs = observation.nowMs();
        int provisioned = observation.provisioned();
        double target = settings.targetLoadPerServer();

        double ratio = observation.loadPerServer() / target;
        boolean withinTolerance = provisioned > 0 && Math.abs(ratio - 1) <= settings.tolerance();
        int recommendation = withinTolerance ? provisioned
                : (int) Math.max(0, Math.ceil(observation.load() / target - NOISE));
        String rule = rule(observation, ratio, withinTolerance);

        int upRecommendation = upWindow.extreme(nowMs - settings.scaleUpStabilizationMs(), recommendation);
        int downRecommendation = downWindow.extreme(nowMs - settings.scaleDownStabilizationMs(), recommendation);
        int stabilized = provisioned;
        if (stabilized < upRecommendation) {
            stabilized = upRecommendation;
        }
        if (stabilized > downRecommendation) {
            stabilized = downRecommendation;
        }

        int desired = stabilized;
        if (stabilized > provisioned) {
            desired = Math.min(stabilized, upLimit(nowMs, provisioned));
        } else if (stabilized < provisioned) {
            desired = Math.max(stabilized, downLimit(nowMs, provisioned));
        }

        // A hold is named only when it changed the outcome: one the bounds would undo held nothing.
        ScalingBounds bounds = observation.bounds();
        List<String> holds = new ArrayList<>(2);
        if (bounds.clamp(stabilized) != bounds.clamp(recommendation)) {
            holds.add("stabilization");
        }
        if (bounds.clamp(desired) != bounds.clamp(stabilized)) {
            holds.add("rate limit");
        }
        return new Proposal(desired, recommendation, NAME, rule, holds.isEmpty() ? null : String.join(", ", holds));
    }

    private String rule(Observation observation, double ratio, boolean withinTolerance) {
        String target = ThresholdPolicy.plain(settings.targetLoadPerServer());
        if (observation.provisioned() < 1) {
            return String.format(Locale.ROOT, "load %.1f with no server provisioned vs target %s per server",
                    observation.load(), target);
        }
        return String.format(Locale.ROOT, "load per server %.1f vs target %s (ratio %.2f%s)",
                observation.loadPerServer(), target, ratio, withinTolerance ? ", within tolerance" : "");
    }

    /** The most servers the up rate limits allow now, never fewer than {@code provisioned}. */
    private int upLimit(long nowMs, int provisioned) {
        if (settings.upSelect() == Select.DISABLED) {
            return provisioned;
        }
        int limit = settings.upSelect() == Select.MAX ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (RateLimit rateLimit : settings.upLimits()) {
            int periodStart = provisioned - changedWithin(nowMs, rateLimit.periodMs(), true);
            int allowed = rateLimit.upLimit(periodStart);
            limit = settings.upSelect() == Select.MAX ? Math.max(limit, allowed) : Math.min(limit, allowed);
        }
        return Math.max(limit, provisioned);
    }

    /** The fewest servers the down rate limits allow now, never more than {@code provisioned}. */
    private int downLimit(long nowMs, int provisioned) {
        if (settings.downSelect() == Select.DISABLED) {
            return provisioned;
        }
        // MAX selects the limit that allows the most change, which on the way down is the lowest.
        int limit = settings.downSelect() == Select.MAX ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (RateLimit rateLimit : settings.downLimits()) {
            int periodStart = provisioned + changedWithin(nowMs, rateLimit.periodMs(), false);
            int allowed = rateLimit.downLimit(periodStart);
            limit = settings.downSelect() == Select.MAX ? Math.min(limit, allowed) : Math.max(limit, allowed);
        }
        return Math.min(limit, provisioned);
    }

    /** Servers added (or, for {@code up == false}, removed) by actions within {@code (now - period, now]}. */
    private int changedWithin(long nowMs, long periodMs, boolean up) {
        int changed = 0;
        for (long[] action : actions) {
            boolean inPeriod = action[0] > nowMs - periodMs && action[0] <= nowMs;
            if (inPeriod && (action[1] > 0) == up) {
                changed += (int) Math.abs(action[1]);
            }
        }
        return changed;
    }

    /**
     * Remembers the window's recommendation for stabilization and, when the servers changed, the
     * action for the rate limits. A correction by the bounds counts as both.
     */
    @Override
    public void onDecided(Observation observation, Proposal proposal, int decided) {
        long nowMs = observation.nowMs();
        downWindow.add(nowMs, proposal.recommendation());
        upWindow.add(nowMs, proposal.recommendation());
        downWindow.prune(nowMs - settings.scaleDownStabilizationMs());
        upWindow.prune(nowMs - settings.scaleUpStabilizationMs());

        int change = decided - observation.provisioned();
        if (change != 0) {
            actions.add(new long[] {nowMs, change});
        }
        actions.removeIf(action -> action[0] <= nowMs - actionMemoryMs);
    }

    @Override
    public byte[] saveState() {
        long[] actionTimes = actions.stream().mapToLong(action -> action[0]).toArray();
        int[] actionChanges = actions.stream().mapToInt(action -> (int) action[1]).toArray();
        return Json.toBytes(new State(downWindow.timesMs(), downWindow.servers(), upWindow.timesMs(),
                upWindow.servers(), actionTimes, actionChanges));
    }

    @Override
    public void restoreState(byte[] state) {
        State restored = Json.fromBytes(state, State.class);
        downWindow.restore(restored.downTimesMs(), restored.downServers());
        upWindow.restore(restored.upTimesMs(), restored.upServers());
        if (restored.actionTimesMs().length != restored.actionChanges().length) {
            throw new IllegalArgumentException("target tracking state has " + restored.actionTimesMs().length
                    + " action times but " + restored.actionChanges().length + " changes");
        }
        actions.clear();
        for (int i = 0; i < restored.actionTimesMs().length; i++) {
            actions.add(new long[] {restored.actionTimesMs()[i], restored.actionChanges()[i]});
        }
    }

    @Override
    public String describe() {
        return NAME + ": " + ThresholdPolicy.plain(settings.targetLoadPerServer()) + " per server, tolerance "
                + ThresholdPolicy.plain(settings.tolerance()) + ", stabilization up "
                + settings.scaleUpStabilizationMs() / 1000.0 + " s, down "
                + settings.scaleDownStabilizationMs() / 1000.0 + " s, scale-up limits "
                + limits(settings.upLimits(), settings.upSelect()) + ", scale-down limits "
                + limits(settings.downLimits(), settings.downSelect());
    }

    private static String limits(List<RateLimit> limits, Select select) {
        return select == Select.DISABLED ? "disabled" : limits + " select " + select;
    }

    /**
     * How target tracking behaves.
     *
     * @param targetLoadPerServer      load per server to keep, users or requests/s
     * @param tolerance                relative distance from the target that causes no action, in [0, 1)
     * @param scaleUpStabilizationMs   window whose lowest recommendation bounds a scale-up
     * @param scaleDownStabilizationMs window whose highest recommendation bounds a scale-down
     * @param upLimits                 how fast the servers may grow
     * @param upSelect                 which up limit wins, or {@code DISABLED} for no scale-up
     * @param downLimits               how fast the servers may shrink
     * @param downSelect               which down limit wins, or {@code DISABLED} for no scale-down
     */
    public record Settings(
            double targetLoadPerServer,
            double tolerance,
            long scaleUpStabilizationMs,
            long scaleDownStabilizationMs,
            List<RateLimit> upLimits,
            Select upSelect,
            List<RateLimit> downLimits,
            Select downSelect) {

        /** The Horizontal Pod Autoscaler's default down stabilization window. */
        public static final long DEFAULT_SCALE_DOWN_STABILIZATION_MS = 300_000;

        public Settings {
            if (!(targetLoadPerServer > 0) || Double.isInfinite(targetLoadPerServer)) {
                throw new IllegalArgumentException(
                        "--target-load must be greater than 0 load per server, got " + targetLoadPerServer);
            }
            if (!(tolerance >= 0 && tolerance < 1)) {
                throw new IllegalArgumentException("--tolerance must be at least 0 and below 1, got " + tolerance);
            }
            if (scaleUpStabilizationMs < 0) {
                throw new IllegalArgumentException(
                        "--scale-up-stabilization must be >= 0 s, got " + scaleUpStabilizationMs / 1000.0);
            }
            if (scaleDownStabilizationMs < 0) {
                throw new IllegalArgumentException(
                        "--scale-down-stabilization must be >= 0 s, got " + scaleDownStabilizationMs / 1000.0);
            }
            if (upSelect == null) {
                throw new IllegalArgumentException("--scale-up-select must be max, min or disabled, got null");
            }
            if (downSelect == null) {
                throw new IllegalArgumentException("--scale-down-select must be max, min or disabled, got null");
            }
            upLimits = checked("--scale-up-limit", upLimits, upSelect);
            downLimits = checked("--scale-down-limit", downLimits, downSelect);
        }

        /**
         * The Horizontal Pod Autoscaler's defaults: tolerance 0.1; no up stabilization and 300 s
         * down; up by 4 servers or 100% per 15 s, whichever allows more; down by up to 100% per
         * 15 s.
         */
        public static Settings defaults(double targetLoadPerServer) {
            return new Settings(targetLoadPerServer, 0.1, 0, DEFAULT_SCALE_DOWN_STABILIZATION_MS,
                    List.of(RateLimit.servers(4, 15_000), RateLimit.percent(100, 15_000)), Select.MAX,
                    List.of(RateLimit.percent(100, 15_000)), Select.MAX);
        }

        private static List<RateLimit> checked(String option, List<RateLimit> limits, Select select) {
            List<RateLimit> copy = limits == null ? List.of() : List.copyOf(limits);
            if (copy.isEmpty() && select != Select.DISABLED) {
                throw new IllegalArgumentException(option + " needs at least one limit such as 4/15s or 100%/15s"
                        + " unless its select is disabled");
            }
            return copy;
        }
    }

    /**
     * The policy's memory: the two stabilization windows and the recent actions, as parallel arrays.
     */
    private record State(long[] downTimesMs, int[] downServers, long[] upTimesMs, int[] upServers,
            long[] actionTimesMs, int[] actionChanges) {

        State {
            downTimesMs = downTimesMs == null ? new long[0] : downTimesMs;
            downServers = downServers == null ? new int[0] : downServers;
            upTimesMs = upTimesMs == null ? new long[0] : upTimesMs;
            upServers = upServers == null ? new int[0] : upServers;
            actionTimesMs = actionTimesMs == null ? new long[0] : actionTimesMs;
            actionChanges = actionChanges == null ? new int[0] : actionChanges;
        }
    }

    /**
     * Recommendations within a stabilization window, kept only while they may still be its extreme:
     * oldest first, each one strictly beyond every later one (larger when the window bounds a
     * scale-down by its highest, smaller when it bounds a scale-up by its lowest). A recommendation
     * followed by one at least as extreme can never again be the extreme, since it leaves the
     * window first; dropping it keeps the memory small without changing any decision.
     */
    private static final class Recommendations {

        private final boolean highest;
        private final List<long[]> entries = new ArrayList<>();

        Recommendations(boolean highest) {
            this.highest = highest;
        }

        void add(long timeMs, int servers) {
            while (!entries.isEmpty() && !beyond((int) entries.get(entries.size() - 1)[1], servers)) {
                entries.remove(entries.size() - 1);
            }
            entries.add(new long[] {timeMs, servers});
        }

        /** Forgets recommendations made at or before {@code cutoffMs}: they are outside every later window. */
        void prune(long cutoffMs) {
            entries.removeIf(entry -> entry[0] <= cutoffMs);
        }

        /** The extreme of {@code current} and the recommendations made after {@code cutoffMs}. */
        int extreme(long cutoffMs, int current) {
            int extreme = current;
            for (long[] entry : entries) {
                if (entry[0] > cutoffMs && beyond((int) entry[1], extreme)) {
                    extreme = (int) entry[1];
                }
            }
            return extreme;
        }

        private boolean beyond(int servers, int other) {
            return highest ? servers > other : servers < other;
        }

        long[] timesMs() {
            return entries.stream().mapToLong(entry -> entry[0]).toArray();
        }

        int[] servers() {
            return entries.stream().mapToInt(entry -> (int) entry[1]).toArray();
        }

        void restore(long[] timesMs, int[] servers) {
            if (timesMs.length != servers.length) {
                throw new IllegalArgumentException("target tracking state has " + timesMs.length
                        + " recommendation times but " + servers.length + " recommendations");
            }
            entries.clear();
            for (int i = 0; i < timesMs.length; i++) {
                entries.add(new long[] {timesMs[i], servers[i]});
            }
        }
    }
}
