package io.autoscale.chat.launcher;

import io.autoscale.chat.autoscaler.AutoscalerConfig;
import io.autoscale.chat.autoscaler.LoadMeasure;
import io.autoscale.chat.autoscaler.policy.ScalingBounds;
import io.autoscale.chat.balancer.ServerModel;
import io.autoscale.chat.metrics.ReportSettings;
import io.autoscale.chat.producer.RampProfile;
import io.autoscale.chat.producer.Speed;
import io.autoscale.chat.producer.TraceSlice;
import io.autoscale.chat.producer.TraceSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything one experiment needs, validated before anything starts: a bad option or trace file
 * stops the run here, with one line naming it.
 */
record ExperimentPlan(
        String bootstrapServers,
        String topicPrefix,
        int partitions,
        short replicationFactor,
        RampProfile ramp,
        long thinkTimeMs,
        long seed,
        Path trace,
        TraceSlice traceSlice,
        TraceSummary traceSummary,
        Speed speed,
        AutoscalerConfig autoscaler,
        ServerModel serverModel,
        long stallTimeoutMs,
        Path reportFile,
        Duration clusterTimeout,
        int instances,
        ReportSettings reportSettings) {

    /** Trace defaults: load per server in req/s, sized for the real traces in shared/traces. */
    static final double TRACE_SCALE_UP = 40;
    static final double TRACE_SCALE_DOWN = 15;
    static final double TRACE_CAPACITY = 50;
    /** Synthetic defaults: the original demo's thresholds, in concurrent users. */
    static final double USERS_SCALE_UP = 30;
    static final double USERS_SCALE_DOWN = 10;
    /** 30 users with a 3 s mean think time send 10 req/s: a server's capacity is reached at the up threshold. */
    static final double USERS_CAPACITY = 10;
    /** Target load per server of the target-tracking and predictive policies: 70% of a server's capacity. */
    static final double TRACE_TARGET = 35;
    /** 20 users send about 6.7 req/s: two thirds of a server's capacity, midway between the thresholds. */
    static final double USERS_TARGET = 20;

    static ExperimentPlan from(RunCommand options) {
        return of(options.experiment, options.policyKind, options.reportFile, options.instances);
    }

    /** The plan of one experiment with the policy {@code kind}; every check is made before anything starts. */
    static ExperimentPlan of(ExperimentOptions options, PolicyKind kind, Path reportFile, int instances) {
        KafkaOptions kafka = options.kafka;
        TrafficOptions traffic = options.traffic;

        traffic.validateThinkTime();
        kafka.validateLayout();
        if (options.stallTimeoutSeconds < 1) {
            throw new IllegalArgumentException(
                    "--stall-timeout must be at least 1 s, got " + options.stallTimeoutSeconds);
        }
        kafka.validateAddress();
        requireWritableReport(reportFile);
        if (instances < 1 || instances > 8) {
            throw new IllegalArgumentException("--instances must be between 1 and 8, got " + instances);
        }

        RampProfile ramp = traffic.ramp();
        TraceSummary traceSummary = traffic.traceSummary();
        Speed speed = traffic.parsedSpeed();
        LoadMeasure measure = traffic.traceMode() ? LoadMeasure.REQUEST_RATE : LoadMeasure.USERS;
        AutoscalerConfig autoscaler = options.policy.autoscalerConfig(kind, measure);
        long runMs = 1000 * (traffic.traceMode() ? traceSummary.seconds() : ramp.durationSeconds());
        if (runMs % autoscaler.windowMs() != 0) {
            throw new IllegalArgumentException("--window " + trim(autoscaler.windowMs() / 1000.0)
                    + " s does not divide the run's " + runMs / 1000 + " s of event time: the last window would "
                    + "never close; pick a window that divides it, or change "
                    + (traffic.traceMode() ? "--from/--to" : "--duration"));
        }
        ServerModel serverModel = options.serverModel.serverModel(traffic.traceMode());
        ReportSettings reportSettings = new ReportSettings(serverModel.capacityPerSecond(), options.sloMs);

        return new ExperimentPlan(kafka.bootstrapServers, kafka.topicPrefix, kafka.partitions,
                kafka.replicationFactor, ramp, traffic.thinkTimeMs(), traffic.seed, traffic.trace,
                traffic.traceSlice(), traceSummary, speed,
                autoscaler, serverModel, options.stallTimeoutSeconds * 1000L, reportFile,
                kafka.clusterTimeout(), instances, reportSettings);
    }

    /** This plan on the cluster at {@code bootstrapServers}, in the topic namespace {@code prefix}. */
    ExperimentPlan on(String bootstrapServers, String prefix) {
        return new ExperimentPlan(bootstrapServers, prefix, partitions, replicationFactor, ramp, thinkTimeMs, seed,
                trace, traceSlice, traceSummary, speed, autoscaler, serverModel, stallTimeoutMs, reportFile,
                clusterTimeout, instances, reportSettings);
    }

    boolean traceMode() {
        return trace != null;
    }

    boolean embeddedBroker() {
        return bootstrapServers == null;
    }

    String loadUnit() {
        return autoscaler.loadMeasure().unit();
    }

    List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (traceMode()) {
            String slice = traceSlice.isWhole() ? "" : ", " + traceSlice.describe();
            lines.add(String.format(Locale.ROOT, "Trace: %s%s (%,d s, %,d requests)", trace, slice,
                    traceSummary.seconds(), traceSummary.requests()));
        } else {
            lines.add("Simulation duration: " + ramp.durationSeconds() + "s");
            lines.add("Base load: " + ramp.baseUsers() + " concurrent users");
            lines.add("Peak load: " + ramp.peakUsers() + " concurrent users");
            lines.add(String.format(Locale.ROOT, "Think time: exponential, mean %.1f s; seed %d",
                    thinkTimeMs / 1000.0, seed));
        }
        lines.add("Speed: " + speed);
        lines.add("Load measure: " + loadUnit() + " per " + autoscaler.windowMs() / 1000.0 + " s window");
        lines.add("Policy: " + autoscaler.describePolicy());
        lines.addAll(describeServers());
        lines.add("Response-time objective: " + trim(reportSettings.sloMs()) + " ms");
        lines.add("Kafka: " + (embeddedBroker() ? "embedded KRaft broker" : bootstrapServers) + ", "
                + partitions + " partitions" + (instances > 1 ? ", " + instances + " instances of the autoscaler "
                + "and of the balancer" : ""));
        return lines;
    }

    /** The bounds, the startup delay and the server model: what every policy of a comparison shares. */
    List<String> describeServers() {
        ScalingBounds bounds = autoscaler.bounds();
        return List.of(
                "Servers: " + bounds.minServers() + " to " + bounds.maxServers() + ", startup delay "
                        + trim(autoscaler.startupDelayMs() / 1000.0) + " s",
                String.format(Locale.ROOT, "Server model: %s req/s capacity, %s ms service time",
                        trim(serverModel.capacityPerSecond()), trim(serverModel.serviceTimeMs())));
    }

    static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    static void requireWritableReport(Path reportFile) {
        if (reportFile == null) {
            return;
        }
        Path parent = reportFile.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new IllegalArgumentException("--report " + reportFile + ": folder " + parent
                    + " does not exist or is not writable");
        }
        if (Files.isDirectory(reportFile)) {
            throw new IllegalArgumentException("--report " + reportFile + " is a folder, not a file");
        }
    }
}
