package io.autoscale.chat.launcher;

import io.autoscale.chat.autoscaler.AutoscalerConfig;
import io.autoscale.chat.autoscaler.LoadMeasure;
import io.autoscale.chat.autoscaler.policy.Scaler;
import io.autoscale.chat.autoscaler.policy.ScalingBounds;
import io.autoscale.chat.autoscaler.policy.ThresholdPolicy;
import io.autoscale.chat.balancer.ServerModel;
import io.autoscale.chat.producer.RampProfile;
import io.autoscale.chat.producer.Speed;
import io.autoscale.chat.producer.TraceFormatException;
import io.autoscale.chat.producer.TraceReader;
import io.autoscale.chat.producer.TraceSummary;
import java.nio.file.Files;
import java.nio.file.Path;
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
        TraceSummary traceSummary,
        Speed speed,
        AutoscalerConfig autoscaler,
        ServerModel serverModel,
        long stallTimeoutMs,
        Path reportFile) {

    /** Trace defaults: load per server in req/s, sized for the real traces in shared/traces. */
    static final double TRACE_SCALE_UP = 40;
    static final double TRACE_SCALE_DOWN = 15;
    static final double TRACE_CAPACITY = 50;
    /** Synthetic defaults: the original demo's thresholds, in concurrent users. */
    static final double USERS_SCALE_UP = 30;
    static final double USERS_SCALE_DOWN = 10;
    /** 30 users with a 3 s mean think time send 10 req/s: a server's capacity is reached at the up threshold. */
    static final double USERS_CAPACITY = 10;

    static ExperimentPlan from(RunCommand options) {
        boolean traceMode = options.trace != null;

        requirePositive("--think-time", "s", options.thinkTimeSeconds);
        requirePositive("--window", "s", options.windowSeconds);
        if (options.partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + options.partitions);
        }
        if (options.replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "--replication-factor must be at least 1, got " + options.replicationFactor);
        }
        if (options.stallTimeoutSeconds < 1) {
            throw new IllegalArgumentException(
                    "--stall-timeout must be at least 1 s, got " + options.stallTimeoutSeconds);
        }
        if (!(options.cooldownSeconds >= 0)) {
            throw new IllegalArgumentException("--cooldown must be >= 0 s, got " + options.cooldownSeconds);
        }
        if (options.bootstrapServers != null && !options.bootstrapServers.matches("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*")) {
            throw new IllegalArgumentException(
                    "--bootstrap-servers must be HOST:PORT[,HOST:PORT...], got '" + options.bootstrapServers + "'");
        }
        requireWritableReport(options.reportFile);

        RampProfile ramp = new RampProfile(options.durationSeconds, options.baseUsers, options.peakUsers);
        TraceSummary traceSummary = traceMode ? validTrace(options.trace) : null;
        Speed speed = Speed.parse(options.speed != null ? options.speed : traceMode ? "max" : "1");

        double up = options.scaleUpThreshold != null ? options.scaleUpThreshold
                : traceMode ? TRACE_SCALE_UP : USERS_SCALE_UP;
        double down = options.scaleDownThreshold != null ? options.scaleDownThreshold
                : traceMode ? TRACE_SCALE_DOWN : USERS_SCALE_DOWN;
        long cooldownMs = Math.round(options.cooldownSeconds * 1000);
        Scaler scaler = new Scaler(ThresholdPolicy.of(up, down, options.scaleStep),
                new ScalingBounds(options.minServers, options.maxServers, cooldownMs));
        LoadMeasure measure = traceMode ? LoadMeasure.REQUEST_RATE : LoadMeasure.USERS;
        AutoscalerConfig autoscaler = new AutoscalerConfig(Math.round(options.windowSeconds * 1000), measure, scaler);

        double capacity = options.serverCapacity != null ? options.serverCapacity
                : traceMode ? TRACE_CAPACITY : USERS_CAPACITY;
        ServerModel serverModel = new ServerModel(capacity, options.serviceTimeMs);

        return new ExperimentPlan(options.bootstrapServers, options.topicPrefix, options.partitions,
                options.replicationFactor, ramp, Math.round(options.thinkTimeSeconds * 1000), options.seed,
                options.trace, traceSummary, speed, autoscaler, serverModel,
                options.stallTimeoutSeconds * 1000L, options.reportFile);
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
            lines.add(String.format(Locale.ROOT, "Trace: %s (%,d s, %,d requests)", trace,
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
        lines.add("Policy: " + autoscaler.scaler().policy().describe());
        ScalingBounds bounds = autoscaler.scaler().bounds();
        lines.add("Servers: " + bounds.minServers() + " to " + bounds.maxServers() + ", cooldown "
                + bounds.cooldownMs() / 1000.0 + " s");
        lines.add(String.format(Locale.ROOT, "Server model: %s req/s capacity, %s ms service time",
                trim(serverModel.capacityPerSecond()), trim(serverModel.serviceTimeMs())));
        lines.add("Kafka: " + (embeddedBroker() ? "embedded KRaft broker" : bootstrapServers) + ", "
                + partitions + " partitions");
        return lines;
    }

    /** A missing or malformed trace is bad input, like a bad option: it stops the run before it starts. */
    private static TraceSummary validTrace(Path trace) {
        try {
            return TraceReader.validate(trace);
        } catch (TraceFormatException e) {
            throw new IllegalArgumentException("--trace: " + e.getMessage(), e);
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static void requirePositive(String option, String unit, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(option + " must be > 0 " + unit + ", got " + value);
        }
    }

    private static void requireWritableReport(Path reportFile) {
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
