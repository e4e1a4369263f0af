package io.autoscale.chat.metrics;

import java.util.List;

/**
 * The summary of one experiment. Every figure is computed in event time, and so is reproducible,
 * except {@code wallSeconds} and {@code wallThroughputPerSecond}, which say how fast the run went.
 *
 * <p>Averages over time are weighted by time, averages over requests by request. A figure about
 * windows (load, servers, provisioning) weighs each window by its length, so that a busy window
 * does not count more than a quiet one of the same length. A figure about response times counts
 * each request once, so that a busy window counts for all its requests.
 *
 * <p>Percentiles are HdrHistogram's value at percentile, by nearest rank: the smallest recorded
 * response time such that at least p% of response times are less than or equal to it. Response
 * times are recorded in units of 10 µs with 5 significant digits: exact to 10 µs up to about
 * 2.6 s, and at most 0.001% high beyond. Of the response times 1, 2, ..., 1000 ms, p50 is 500 ms,
 * p99 990 ms and p99.9 999 ms.
 *
 * <p>Provisioning compares, window by window, the supply {@code s} (servers serving during the
 * window) with the demand {@code d}: the fewest servers that keep every server at or under its
 * capacity, {@code max(1, ceil(requestRate / capacityPerSecond))}, where the request rate is the
 * window's requests per second.
 *
 * @param requestsProduced           requests the producer says it sent (0 until the run has ended)
 * @param totalRequests              distinct requests served, duplicates of a request id counted once
 * @param durationSeconds            simulated duration: the experiment's end in event time
 * @param wallSeconds                wall time from the start of the metrics service to the report
 * @param throughputPerSecond        totalRequests per simulated second
 * @param wallThroughputPerSecond    totalRequests per wall second
 * @param peakLoad                   highest load measured in a window
 * @param peakServers                most servers provisioned (starting ones included) in any window, or
 *                                   decided to be at its end
 * @param averageLoad                time-weighted average of the windows' load
 * @param averageServers             time-weighted average of the servers in force during each window
 * @param averageResponseTimeMs      exact mean of the response times, per request
 * @param p50ResponseTimeMs          median response time
 * @param p95ResponseTimeMs          95th percentile response time
 * @param p99ResponseTimeMs          99th percentile response time
 * @param p999ResponseTimeMs         99.9th percentile response time
 * @param maxResponseTimeMs          exact longest response time
 * @param lateRequests               requests that reached the autoscaler after their window was decided
 * @param lateCompletions            requests that reached the balancer after their window was balanced
 * @param duplicateCompletions       completions ignored because their request id had been seen already
 * @param deadLetters                records skipped because they could not be parsed
 * @param loadUnit                   unit of every load figure: "users" or "req/s"
 * @param windows                    decisions counted, one per event-time window
 * @param peakDemand                 highest demand of a window, in servers
 * @param averageProvisioned         time-weighted average of the servers paid for, starting ones included
 * @param scalingActions             scale-ups plus scale-downs decided
 * @param underProvisioningAccuracy  time-weighted mean of {@code max(d - s, 0) / d}, in %: how short
 *                                   of the demand supply fell
 * @param overProvisioningAccuracy   time-weighted mean of {@code max(s - d, 0) / d}, in %: how far
 *                                   supply exceeded the demand
 * @param underProvisioningTimeshare share of time with {@code s < d}, in %
 * @param overProvisioningTimeshare  share of time with {@code s > d}, in %
 * @param instability                share of steps from one window to the next in which supply and
 *                                   demand move differently ({@code signum(Δs) != signum(Δd)}: one up and
 *                                   the other down, or one moving while the other holds), in %
 * @param jitterPerHour              changes of supply minus changes of demand, per hour of event time:
 *                                   negative when supply changes less often than demand
 * @param serverSeconds              cost: servers provisioned times the length of each window, plus the
 *                                   time each server taken out by a scale-down spends draining its backlog
 * @param serverHours                the cost in server-hours
 * @param sloMs                      the response-time objective
 * @param sloViolations              requests whose exact response time is above {@code sloMs}
 * @param sloViolationPercent        sloViolations per request served, in %
 * @param scalingEvents              every change of the servers in force, in event-time order
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
        double p999ResponseTimeMs,
        double maxResponseTimeMs,
        long lateRequests,
        long lateCompletions,
        long duplicateCompletions,
        long deadLetters,
        String loadUnit,
        long windows,
        int peakDemand,
        double averageProvisioned,
        long scalingActions,
        double underProvisioningAccuracy,
        double overProvisioningAccuracy,
        double underProvisioningTimeshare,
        double overProvisioningTimeshare,
        double instability,
        double jitterPerHour,
        double serverSeconds,
        double serverHours,
        double sloMs,
        long sloViolations,
        double sloViolationPercent,
        List<ScalingEvent> scalingEvents) {

    public Report {
        scalingEvents = List.copyOf(scalingEvents);
    }

    /** This report with the wall-clock figures zeroed, so that two runs of one experiment compare equal. */
    public Report withoutWallClock() {
        return new Report(requestsProduced, totalRequests, durationSeconds, 0, throughputPerSecond, 0, peakLoad,
                peakServers, averageLoad, averageServers, averageResponseTimeMs, p50ResponseTimeMs,
                p95ResponseTimeMs, p99ResponseTimeMs, p999ResponseTimeMs, maxResponseTimeMs, lateRequests,
                lateCompletions, duplicateCompletions, deadLetters, loadUnit, windows, peakDemand,
                averageProvisioned, scalingActions, underProvisioningAccuracy, overProvisioningAccuracy,
                underProvisioningTimeshare, overProvisioningTimeshare, instability, jitterPerHour, serverSeconds,
                serverHours, sloMs, sloViolations, sloViolationPercent, scalingEvents);
    }
}
