package io.autoscale.chat.metrics;

import io.autoscale.chat.model.ScalingDecision;

/**
 * How closely supply followed demand, folded window by window in constant memory.
 *
 * <p>The demand of a window is the fewest servers that keep every server at or under its
 * capacity: {@code d = max(1, ceil(requestRate / capacityPerSecond))}, where the request rate is
 * the window's requests divided by its length in seconds. Its supply {@code s} is the servers
 * serving during the window. Figures over windows weigh each window by its length; instability
 * and jitter count steps from one window to the next, whatever their lengths.
 */
final class ProvisioningMeasures {

    private static final double MS_PER_SECOND = 1000.0;
    private static final double MS_PER_HOUR = 3_600_000.0;

    // A capacity such as 0.7 req/s makes 21 requests per second come out as 30.000000000000004
    // servers; shaving this relative amount first keeps an exact multiple from asking for one more.
    private static final double RELATIVE_NOISE = 1e-9;

    private final double capacityPerSecond;

    private long timeMs;
    private long provisionedServerMs;
    private double underRatioTime;
    private double overRatioTime;
    private long underTimeMs;
    private long overTimeMs;
    private long scalingActions;
    private int peakDemand;

    private boolean seenWindow;
    private int lastSupply;
    private int lastDemand;
    private long steps;
    private long unstableSteps;
    private long supplyChanges;
    private long demandChanges;

    ProvisioningMeasures(double capacityPerSecond) {
        this.capacityPerSecond = capacityPerSecond;
    }

    /**
     * The fewest servers of {@code capacityPerSecond} that serve {@code requests} in
     * {@code lengthMs} without any of them going over its capacity; at least 1.
     */
    static int demand(long requests, long lengthMs, double capacityPerSecond) {
        if (lengthMs <= 0) {
            return 1;
        }
        double requestRate = requests / (lengthMs / MS_PER_SECOND);
        double servers = requestRate / capacityPerSecond;
        double needed = Math.ceil(servers * (1 - RELATIVE_NOISE));
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, needed));
    }

    /** Counts one window, in window order. */
    void add(ScalingDecision decision) {
        long lengthMs = Math.max(0, decision.windowEndMs() - decision.windowStartMs());
        int supply = decision.serversBefore();
        int demand = demand(decision.requests(), lengthMs, capacityPerSecond);

        timeMs += lengthMs;
        provisionedServerMs += (long) decision.provisioned() * lengthMs;
        underRatioTime += (double) Math.max(demand - supply, 0) / demand * lengthMs;
        overRatioTime += (double) Math.max(supply - demand, 0) / demand * lengthMs;
        if (supply < demand) {
            underTimeMs += lengthMs;
        } else if (supply > demand) {
            overTimeMs += lengthMs;
        }
        if (decision.changesServers()) {
            scalingActions++;
        }
        peakDemand = Math.max(peakDemand, demand);

        if (seenWindow) {
            countStep(supply - lastSupply, demand - lastDemand);
        }
        seenWindow = true;
        lastSupply = supply;
        lastDemand = demand;
    }

    private void countStep(int supplyDelta, int demandDelta) {
        steps++;
        if (Integer.signum(supplyDelta) != Integer.signum(demandDelta)) {
            unstableSteps++;
        }
        if (supplyDelta != 0) {
            supplyChanges++;
        }
        if (demandDelta != 0) {
            demandChanges++;
        }
    }

    /** Time-weighted mean of {@code max(d - s, 0) / d}, in %. */
    double underProvisioningAccuracy() {
        return percentOfTime(underRatioTime);
    }

    /** Time-weighted mean of {@code max(s - d, 0) / d}, in %. */
    double overProvisioningAccuracy() {
        return percentOfTime(overRatioTime);
    }

    /** Share of time with fewer servers serving than the demand, in %. */
    double underProvisioningTimeshare() {
        return percentOfTime(underTimeMs);
    }

    /** Share of time with more servers serving than the demand, in %. */
    double overProvisioningTimeshare() {
        return percentOfTime(overTimeMs);
    }

    /**
     * Share of steps between consecutive windows in which supply and demand move differently, one
     * up and the other down, or one moving while the other holds, in %.
     */
    double instability() {
        return steps == 0 ? 0 : 100.0 * unstableSteps / steps;
    }

    /** Supply changes minus demand changes per hour of event time: negative when supply moves less often. */
    double jitterPerHour() {
        return timeMs == 0 ? 0 : (supplyChanges - demandChanges) * MS_PER_HOUR / timeMs;
    }

    /** Server-milliseconds paid while the windows lasted: provisioned servers, starting ones included. */
    long provisionedServerMs() {
        return provisionedServerMs;
    }

    /** Time-weighted mean of the servers provisioned. */
    double averageProvisioned() {
        return timeMs == 0 ? 0 : (double) provisionedServerMs / timeMs;
    }

    long scalingActions() {
        return scalingActions;
    }

    int peakDemand() {
        return peakDemand;
    }

    private double percentOfTime(double product) {
        return timeMs == 0 ? 0 : 100.0 * product / timeMs;
    }
}
