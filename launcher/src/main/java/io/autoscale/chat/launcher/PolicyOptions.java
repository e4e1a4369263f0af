package io.autoscale.chat.launcher;

import io.autoscale.chat.autoscaler.AutoscalerConfig;
import io.autoscale.chat.autoscaler.LoadMeasure;
import io.autoscale.chat.autoscaler.policy.PredictivePolicy;
import io.autoscale.chat.autoscaler.policy.RateLimit;
import io.autoscale.chat.autoscaler.policy.ScalingBounds;
import io.autoscale.chat.autoscaler.policy.ScalingPolicy;
import io.autoscale.chat.autoscaler.policy.Step;
import io.autoscale.chat.autoscaler.policy.StepScalingPolicy;
import io.autoscale.chat.autoscaler.policy.TargetTrackingPolicy;
import io.autoscale.chat.autoscaler.policy.ThresholdPolicy;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * How the autoscaler windows the load and decides: the bounds and startup delay every policy shares,
 * then each policy's own settings. A policy ignores the settings of the others, so that `compare`
 * can take them all at once.
 */
final class PolicyOptions {

    /** Ten years of event time: far beyond any trace, far below an overflow of milliseconds. */
    static final double MAX_SECONDS = 315_360_000;
    static final double MAX_WINDOW_SECONDS = 3_600;

    @Option(names = "--min-servers", defaultValue = "2", description = "Fewest servers (default: ${DEFAULT-VALUE}).")
    int minServers;

    @Option(names = "--max-servers", defaultValue = "10",
            description = "Most servers, starting ones included (default: ${DEFAULT-VALUE}).")
    int maxServers;

    @Option(names = "--startup-delay", paramLabel = "SECONDS", defaultValue = "0",
            description = "Event time from ordering a server to its first request; it costs from the order on "
                    + "(default: ${DEFAULT-VALUE}).")
    double startupDelaySeconds;

    @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "1",
            description = "Event-time window, 0.001 to 3600 s; one decision per window. The run's length must be a "
                    + "whole number of windows (default: ${DEFAULT-VALUE}).")
    double windowSeconds;

    @Option(names = "--scale-up-threshold", paramLabel = "LOAD",
            description = "threshold, step: add servers when the load per server is above this "
                    + "(default: 30 users, or 40 req/s with --trace or --load-measure requests).")
    Double scaleUpThreshold;

    @Option(names = "--scale-down-threshold", paramLabel = "LOAD",
            description = "threshold, step: remove servers when the load per server is below this "
                    + "(default: 10 users, or 15 req/s with --trace or --load-measure requests).")
    Double scaleDownThreshold;

    @Option(names = "--scale-step", paramLabel = "SERVERS", defaultValue = "1",
            description = "threshold: servers added or removed by one action (default: ${DEFAULT-VALUE}).")
    int scaleStep;

    @Option(names = "--cooldown", paramLabel = "SECONDS", defaultValue = "5",
            description = "threshold: event time after a scaling action before the next one "
                    + "(default: ${DEFAULT-VALUE}).")
    double cooldownSeconds;

    @Option(names = "--scale-up-cooldown", paramLabel = "SECONDS",
            description = "threshold: event time after an action before a scale-up (default: --cooldown).")
    Double scaleUpCooldownSeconds;

    @Option(names = "--scale-down-cooldown", paramLabel = "SECONDS",
            description = "threshold: event time after an action before a scale-down (default: --cooldown).")
    Double scaleDownCooldownSeconds;

    @Option(names = "--target-load", paramLabel = "LOAD",
            description = "target, predictive: load per server to provision for "
                    + "(default: 20 users, or 35 req/s with --trace or --load-measure requests).")
    Double targetLoad;

    @Option(names = "--tolerance", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "target: no change while load per server is within this fraction of the target "
                    + "(default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--scale-up-stabilization", paramLabel = "SECONDS", defaultValue = "0",
            description = "target: scale up only to the lowest recommendation of this much event time "
                    + "(default: ${DEFAULT-VALUE}).")
    double scaleUpStabilizationSeconds;

    @Option(names = "--scale-down-stabilization", paramLabel = "SECONDS", defaultValue = "300",
            description = "target, predictive: scale down only to the highest recommendation of this much event "
                    + "time (default: ${DEFAULT-VALUE}).")
    double scaleDownStabilizationSeconds;

    @Option(names = "--scale-up-limit", paramLabel = "N/PERIOD|P%/PERIOD", split = ",",
            defaultValue = "4/15s,100%/15s",
            description = "target: rate limits on scaling up, servers or percent per period, e.g. 4/15s or "
                    + "100%%/15s (default: ${DEFAULT-VALUE}).")
    java.util.List<String> scaleUpLimits;

    @Option(names = "--scale-down-limit", paramLabel = "N/PERIOD|P%/PERIOD", split = ",", defaultValue = "100%/15s",
            description = "target: rate limits on scaling down (default: ${DEFAULT-VALUE}).")
    java.util.List<String> scaleDownLimits;

    @Option(names = "--scale-up-select", paramLabel = "max|min|disabled", defaultValue = "max",
            description = "target: how the scale-up limits combine: the most permissive (max), the strictest "
                    + "(min), or no scale-up at all (disabled) (default: ${DEFAULT-VALUE}).")
    String scaleUpSelect;

    @Option(names = "--scale-down-select", paramLabel = "max|min|disabled", defaultValue = "max",
            description = "target: how the scale-down limits combine (default: ${DEFAULT-VALUE}).")
    String scaleDownSelect;

    @Option(names = "--step-up", paramLabel = "BREACH:ADJUST,...",
            description = "step: adjustments by how far load per server is above --scale-up-threshold, e.g. "
                    + "0:+1,10:+2,25:+50%% (change by N, by percent, or =N to set) "
                    + "(default: 0:+1,T/3:+2,5T/6:+50%% for an up threshold T).")
    String stepUp;

    @Option(names = "--step-down", paramLabel = "BREACH:ADJUST,...",
            description = "step: adjustments by how far load per server is below --scale-down-threshold, e.g. "
                    + "0:-1,5:-2 (default: 0:-1,D/2:-25%% for a down threshold D).")
    String stepDown;

    @Option(names = "--warm-up", paramLabel = "SECONDS",
            description = "step: after a scale-up, further scale-ups add only the difference and scale-downs "
                    + "wait, for this much event time (default: the startup delay).")
    Double warmUpSeconds;

    @Option(names = "--season", paramLabel = "SECONDS", defaultValue = "86400",
            description = "predictive: length of the traffic's season; the seasonal forecast starts once the "
                    + "history covers one (default: ${DEFAULT-VALUE}).")
    double seasonSeconds;

    @Option(names = "--season-bucket", paramLabel = "SECONDS", defaultValue = "300",
            description = "predictive: resolution of the seasonal profile (default: ${DEFAULT-VALUE}).")
    double seasonBucketSeconds;

    @Option(names = "--max-forecast-error", paramLabel = "PERCENT", defaultValue = "25",
            description = "predictive: hand over to the reactive rule while the recent forecast error is above "
                    + "this (default: ${DEFAULT-VALUE}).")
    double maxForecastErrorPercent;

    @Option(names = "--error-window", paramLabel = "SECONDS", defaultValue = "600",
            description = "predictive: event time over which the recent forecast error is weighed "
                    + "(default: ${DEFAULT-VALUE}).")
    double errorWindowSeconds;

    @Option(names = "--level-smoothing", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "predictive: weight of each window's load in the trend model's level "
                    + "(default: ${DEFAULT-VALUE}).")
    double levelSmoothing;

    @Option(names = "--trend-smoothing", paramLabel = "FRACTION", defaultValue = "0.02",
            description = "predictive: weight of each window's slope in the trend model's trend "
                    + "(default: ${DEFAULT-VALUE}).")
    double trendSmoothing;

    /** Thresholds and targets default by what the load is: users for the synthetic ramp, req/s for traces. */
    AutoscalerConfig autoscalerConfig(PolicyKind kind, LoadMeasure measure) {
        long windowMs = positiveSeconds("--window", windowSeconds, MAX_WINDOW_SECONDS);
        long startupDelayMs = seconds("--startup-delay", startupDelaySeconds);
        ScalingBounds bounds = new ScalingBounds(minServers, maxServers);
        // Every policy's settings are checked, the chosen one's or not: a bad value is bad input even
        // when this run does not use it, and `compare` may use it next.
        Map<PolicyKind, Supplier<ScalingPolicy>> policies = new EnumMap<>(PolicyKind.class);
        for (PolicyKind each : PolicyKind.values()) {
            Supplier<ScalingPolicy> supplier = policies(each, measure);
            supplier.get();
            policies.put(each, supplier);
        }
        return new AutoscalerConfig(windowMs, measure, policies.get(kind), bounds, startupDelayMs);
    }

    private Supplier<ScalingPolicy> policies(PolicyKind kind, LoadMeasure measure) {
        boolean requestRate = measure == LoadMeasure.REQUEST_RATE;
        double up = scaleUpThreshold != null ? scaleUpThreshold
                : requestRate ? ExperimentPlan.TRACE_SCALE_UP : ExperimentPlan.USERS_SCALE_UP;
        double down = scaleDownThreshold != null ? scaleDownThreshold
                : requestRate ? ExperimentPlan.TRACE_SCALE_DOWN : ExperimentPlan.USERS_SCALE_DOWN;
        double target = targetLoad != null ? targetLoad
                : requestRate ? ExperimentPlan.TRACE_TARGET : ExperimentPlan.USERS_TARGET;
        return switch (kind) {
            case threshold -> {
                seconds("--cooldown", cooldownSeconds);
                long upCooldown = seconds("--scale-up-cooldown",
                        scaleUpCooldownSeconds != null ? scaleUpCooldownSeconds : cooldownSeconds);
                long downCooldown = seconds("--scale-down-cooldown",
                        scaleDownCooldownSeconds != null ? scaleDownCooldownSeconds : cooldownSeconds);
                yield () -> ThresholdPolicy.of(up, down, scaleStep, upCooldown, downCooldown);
            }
            case target -> {
                TargetTrackingPolicy.Settings settings = targetSettings(target);
                yield () -> TargetTrackingPolicy.of(settings);
            }
            case step -> {
                StepScalingPolicy.Settings settings = stepSettings(up, down);
                yield () -> StepScalingPolicy.of(settings);
            }
            case predictive -> {
                PredictivePolicy.Settings settings = predictiveSettings(target);
                yield () -> PredictivePolicy.of(settings);
            }
        };
    }

    private TargetTrackingPolicy.Settings targetSettings(double target) {
        return new TargetTrackingPolicy.Settings(target, tolerance,
                seconds("--scale-up-stabilization", scaleUpStabilizationSeconds),
                seconds("--scale-down-stabilization", scaleDownStabilizationSeconds),
                scaleUpLimits.stream().map(text -> RateLimit.parse("--scale-up-limit", text))
                        .toList(),
                RateLimit.Select.parse("--scale-up-select", scaleUpSelect),
                scaleDownLimits.stream()
                        .map(text -> RateLimit.parse("--scale-down-limit", text)).toList(),
                RateLimit.Select.parse("--scale-down-select", scaleDownSelect));
    }

    private StepScalingPolicy.Settings stepSettings(double up, double down) {
        long warmUpMs = seconds("--warm-up", warmUpSeconds != null ? warmUpSeconds : startupDelaySeconds);
        StepScalingPolicy.Settings defaults = StepScalingPolicy.Settings.defaults(up, down, warmUpMs);
        return new StepScalingPolicy.Settings(up,
                stepUp != null ? Step.parseList("--step-up", stepUp) : defaults.upSteps(),
                down,
                stepDown != null ? Step.parseList("--step-down", stepDown) : defaults.downSteps(),
                warmUpMs);
    }

    private PredictivePolicy.Settings predictiveSettings(double target) {
        return new PredictivePolicy.Settings(target, positiveSeconds("--season", seasonSeconds, MAX_SECONDS),
                positiveSeconds("--season-bucket", seasonBucketSeconds, MAX_SECONDS), levelSmoothing, trendSmoothing,
                maxForecastErrorPercent, positiveSeconds("--error-window", errorWindowSeconds, MAX_SECONDS),
                seconds("--scale-down-stabilization", scaleDownStabilizationSeconds));
    }

    /** A duration of event time from 0 up to {@link #MAX_SECONDS}, in ms. */
    private static long seconds(String option, double seconds) {
        if (!(seconds >= 0 && seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException(option + " must be between 0 and " + (long) MAX_SECONDS
                    + " s, got " + seconds);
        }
        return millis(seconds);
    }

    /** A duration of event time of at least 1 ms and at most {@code max} seconds, in ms. */
    private static long positiveSeconds(String option, double seconds, double max) {
        if (!(seconds >= 0.001 && seconds <= max)) {
            throw new IllegalArgumentException(option + " must be between 0.001 and " + (long) max + " s, got "
                    + seconds);
        }
        return millis(seconds);
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }
}
