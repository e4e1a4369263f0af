package io.autoscale.chat.metrics;

import java.util.List;

/**
 * The summary of one experiment. Every figure is computed in event time, and so is reproducible,
 * except {@code wallSeconds} and {@code wallThroughputPerSecond}, which say how fast the run went.
 *
 * <p>Averages of load and servers are weighted by time: each window weighs its length, so that a
 * busy window does not count more than a quiet one of the same length. Percentiles are
 * HdrHistogram's value at percentile: the smallest recorded response time such that at least p%
 * of response times are less than or equal to it, to 3 significant digits (the upper end of its
 * histogram bucket, so at most 0.1% above the exact value).
 *
 * @param requestsProduced        requests the producer says it sent (0 until the run has ended)
 * @param totalRequests           distinct requests served, duplicates of a request id counted once
 * @param durationSeconds         simulated duration: the experiment's end in event time
 * @param wallSeconds             wall time from the start of the metrics service to the report
 * @param throughputPerSecond     totalRequests per simulated second
 * @param wallThroughputPerSecond totalRequests per wall second
 * @param peakLoad                highest load measured in a window
 * @param peakServers             most servers in force, or decided to be, in any window
 * @param averageLoad             time-weighted average of the windows' load
 * @param averageServers          time-weighted average of the servers in force during each window
 * @param averageResponseTimeMs   exact mean of the response times
 * @param p50ResponseTimeMs       median response time
 * @param p95ResponseTimeMs       95th percentile response time
 * @param p99ResponseTimeMs       99th percentile response time
 * @param maxResponseTimeMs       exact longest response time
 * @param lateRequests            requests that reached the autoscaler after their window was decided
 * @param lateCompletions         requests that reached the balancer after their window was balanced
 * @param duplicateCompletions    completions ignored because their request id had been seen already
 * @param deadLetters             records skipped because they could not be parsed
 * @param loadUnit                unit of every load figure: "users" or "req/s"
 * @param windows                 decisions counted, one per event-time window
 * @param scalingEvents           every change of the servers in force, in event-time order
 */
public record Report(
        long requestsProduced,
        long totalRequests,
        double durationSeconds,
        double wallSeconds,
        double throughputPerSecond,
        double wallThroughputPerSecond,
        double peakLoad,
        int peakServers,
        double averageLoad,
        double averageServers,
        double averageResponseTimeMs,
        double p50ResponseTimeMs,
        double p95ResponseTimeMs,
        double p99ResponseTimeMs,
        double maxResponseTimeMs,
        long lateRequests,
        long lateCompletions,
        long duplicateCompletions,
        long deadLetters,
        String loadUnit,
        long windows,
        List<ScalingEvent> scalingEvents) {

    public Report {
        scalingEvents = List.copyOf(scalingEvents);
    }

    /** This report with the wall-clock figures zeroed, so that two runs of one experiment compare equal. */
    public Report withoutWallClock() {
        return new Report(requestsProduced, totalRequests, durationSeconds, 0, throughputPerSecond, 0, peakLoad,
                peakServers, averageLoad, averageServers, averageResponseTimeMs, p50ResponseTimeMs,
                p95ResponseTimeMs, p99ResponseTimeMs, maxResponseTimeMs, lateRequests, lateCompletions,
                duplicateCompletions, deadLetters, loadUnit, windows, scalingEvents);
    }
}
