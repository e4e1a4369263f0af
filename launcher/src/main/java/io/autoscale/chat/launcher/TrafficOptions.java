package io.autoscale.chat.launcher;

import io.autoscale.chat.producer.RampProfile;
import io.autoscale.chat.producer.Speed;
import io.autoscale.chat.producer.TraceFormatException;
import io.autoscale.chat.producer.TraceReader;
import io.autoscale.chat.producer.TraceSlice;
import io.autoscale.chat.producer.TraceSummary;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What traffic an experiment replays: the synthetic ramp of users, or a trace; and how fast. */
final class TrafficOptions {

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "30",
            description = "Synthetic run length in seconds of event time (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--base-rate", paramLabel = "USERS", defaultValue = "5",
            description = "Concurrent users at the start and the end (default: ${DEFAULT-VALUE}).")
    int baseUsers;

    @Option(names = "--peak-rate", paramLabel = "USERS", defaultValue = "50",
            description = "Concurrent users at the peak (default: ${DEFAULT-VALUE}).")
    int peakUsers;

    @Option(names = "--think-time", paramLabel = "SECONDS", defaultValue = "3",
            description = "Mean time between two messages of one user, exponentially distributed "
                    + "(default: ${DEFAULT-VALUE}).")
    double thinkTimeSeconds;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the synthetic users' random think times (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Replay a file of per-second request counts (whitespace-separated integers; "
                    + ".gz read directly) instead of the synthetic ramp.")
    Path trace;

    @Option(names = "--from", paramLabel = "TIME",
            description = "Replay the trace from this time on: seconds, HH:MM:SS, Dd or Dd HH:MM "
                    + "(e.g. 3600, 07:00:00, 1d, 1d 06:30). Event time starts at 0 there.")
    String from;

    @Option(names = "--to", paramLabel = "TIME",
            description = "Stop the trace replay before this time, same forms as --from (e.g. 2d).")
    String to;

    @Option(names = "--speed", paramLabel = "N|max",
            description = "Replay N times faster than real time, or 'max' for as fast as the cluster takes it "
                    + "(default: 1 for synthetic runs, max for traces).")
    String speed;

    boolean traceMode() {
        return trace != null;
    }

    void validateThinkTime() {
        if (!(thinkTimeSeconds > 0)) {
            throw new IllegalArgumentException("--think-time must be > 0 s, got " + thinkTimeSeconds);
        }
    }

    long thinkTimeMs() {
        return Math.round(thinkTimeSeconds * 1000);
    }

    RampProfile ramp() {
        return new RampProfile(durationSeconds, baseUsers, peakUsers);
    }

    /** The part of the trace to replay; --from and --to without --trace are bad input. */
    TraceSlice traceSlice() {
        boolean sliced = from != null || to != null;
        if (sliced && !traceMode()) {
            throw new IllegalArgumentException("--from and --to cut a slice of a --trace; there is no --trace");
        }
        return TraceSlice.parse(from, to);
    }

    /** A missing or malformed trace is bad input, like a bad option: it stops the command before it starts. */
    TraceSummary traceSummary() {
        if (!traceMode()) {
            return null;
        }
        try {
            return TraceReader.validate(trace, traceSlice());
        } catch (TraceFormatException e) {
            throw new IllegalArgumentException("--trace: " + e.getMessage(), e);
        }
    }

    Speed parsedSpeed() {
        return Speed.parse(speed != null ? speed : traceMode() ? "max" : "1");
    }
}
