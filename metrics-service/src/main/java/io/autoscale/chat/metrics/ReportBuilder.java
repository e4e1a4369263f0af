package io.autoscale.chat.metrics;

import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.RunEnded;
import io.autoscale.chat.model.ScalingDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the decisions, completions and the end-of-run marker of one experiment into a
 * {@link Report}, in constant memory apart from one bit per request id, one entry per scaling
 * event, one per server and time it was added, and the completions that arrive ahead of the
 * decision of their window (see {@link DrainTails}). Not thread-safe: one consumer thread feeds it.
 *
 * <p>Redelivered records leave the report unchanged: a completion whose request id was seen
 * already is ignored and counted in {@code duplicateCompletions}, and a decision for a window
 * that ends no later than the last one seen is ignored. A decision for a window that starts at or
 * after the experiment's end, once that end is known, is not counted either.
 */
public final class ReportBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ReportBuilder.class);

    private static final double MS_PER_SECOND = 1000.0;
    private static final double SECONDS_PER_HOUR = 3600.0;

    private final String loadUnit;
    private final ReportSettings settings;
    private final ResponseTimes responseTimes;
    private final ProvisioningMeasures provisioning;
    private final DrainTails drainTails = new DrainTails();
    private final SeenIds seenRequests = new SeenIds();
    private final List<ScalingEvent> scalingEvents = new ArrayList<>();

    private RunEnded runEnded;
    private long lateCompletions;
    private long duplicateCompletions;
    private long deadLetters;

    private long decidedThroughMs = Long.MIN_VALUE;
    private long windows;
    private long requestsDecided;
    private long lateRequests;
    private long weightedTimeMs;
    private double loadTimeProduct;
    private double serversTimeProduct;
    private double peakLoad;
    private int peakServers;

    /**
     * @param loadUnit unit of every load figure: "users" or "req/s"
     * @param settings the server capacity that sets the demand, and the response-time objective
     */
    public ReportBuilder(String loadUnit, ReportSettings settings) {
        if (loadUnit == null || loadUnit.isBlank()) {
            throw new IllegalArgumentException("load unit must be a word such as 'users' or 'req/s', got '"
                    + loadUnit + "'");
        }
        this.loadUnit = loadUnit;
        this.settings = Objects.requireNonNull(settings, "report settings");
        this.responseTimes = new ResponseTimes(settings.sloMs());
        this.provisioning = new ProvisioningMeasures(settings.capacityPerSecond());
    }

    /**
     * Counts one window's decision.
     *
     * @return {@code false} when the decision was a redelivery of a window already seen and was ignored
     */
    public boolean onDecision(ScalingDecision decision) {
        boolean redelivered = decision.windowEndMs() <= decidedThroughMs;
        if (redelivered) {
            LOG.debug("Ignoring decision already seen windowEndMs={} decidedThroughMs={}",
                    decision.windowEndMs(), decidedThroughMs);
            return false;
        }
        boolean gap = decidedThroughMs != Long.MIN_VALUE && decision.windowStartMs() != decidedThroughMs;
        if (gap) {
            LOG.warn("Decisions are not contiguous previousWindowEndMs={} windowStartMs={}",
                    decidedThroughMs, decision.windowStartMs());
        }
        decidedThroughMs = decision.windowEndMs();
        requestsDecided += decision.requests();
        lateRequests += decision.lateRequests();

        boolean pastTheEnd = runEnded != null && decision.windowStartMs() >= runEnded.endTimeMs();
        if (!pastTheEnd) {
            countWindow(decision);
        }
        drainTails.onDecision(decision, !pastTheEnd);
        return true;
    }

    private void countWindow(ScalingDecision decision) {
        long lengthMs = Math.max(0, decision.windowEndMs() - decision.windowStartMs());
        windows++;
        weightedTimeMs += lengthMs;
        loadTimeProduct += decision.load() * lengthMs;
        serversTimeProduct += (double) decision.serversBefore() * lengthMs;
        peakLoad = Math.max(peakLoad, decision.load());
        peakServers = Math.max(peakServers, Math.max(decision.provisioned(), decision.serversAfter()));
        provisioning.add(decision);
        if (decision.changesServers()) {
            scalingEvents.add(ScalingEvent.of(decision));
        }
    }

    /**
     * Counts one served request.
     *
     * @return {@code false} when its request id had been seen already and it was ignored
     * @throws IllegalArgumentException when its request id, server or response time is impossible; nothing
     *                                  is counted
     */
    public boolean onCompletion(Completion completion) {
        ResponseTimes.requireValid(completion.responseTimeMs());
        if (completion.server() < 0) {
            throw new IllegalArgumentException("server must be at least 0, got " + completion.server());
        }
        if (!seenRequests.add(completion.requestId())) {
            duplicateCompletions++;
            LOG.debug("Ignoring duplicate completion requestId={}", completion.requestId());
            return false;
        }
        responseTimes.record(completion.responseTimeMs());
        drainTails.onCompletion(completion.server(), completion.timeMs(),
                completion.timeMs() + completion.responseTimeMs());
        if (completion.late()) {
            lateCompletions++;
        }
        return true;
    }

    /** Records the end of the run; a repeated marker is ignored, the first one stands. */
    public void onRunEnded(RunEnded ended) {
        if (runEnded != null) {
            if (!runEnded.equals(ended)) {
                LOG.warn("Ignoring a second end-of-run marker first={} second={}", runEnded, ended);
            }
            return;
        }
        runEnded = ended;
        LOG.info("Run ended requestsProduced={} endTimeMs={}", ended.requestsProduced(), ended.endTimeMs());
    }

    public void onDeadLetter() {
        deadLetters++;
    }

    /**
     * True once the run has ended, every request produced has been served, and every window up
     * to the end has been decided. A run that ends at event time 0 or before has no window to wait for.
     */
    public boolean isComplete() {
        if (runEnded == null) {
            return false;
        }
        boolean allServed = responseTimes.count() >= runEnded.requestsProduced();
        boolean allDecided = runEnded.endTimeMs() <= 0 || decidedThroughMs >= runEnded.endTimeMs();
        return allServed && allDecided;
    }

    /** Requests stamped in the windows decided so far, late ones aside. */
    public long requestsDecided() {
        return requestsDecided;
    }

    /** Distinct requests served so far. */
    public long requestsServed() {
        return responseTimes.count();
    }

    public Report build(double wallSeconds) {
        long served = responseTimes.count();
        long produced = runEnded == null ? 0 : runEnded.requestsProduced();
        double durationSeconds = runEnded == null ? 0 : runEnded.endTimeMs() / 1000.0;
        double serverSeconds = (provisioning.provisionedServerMs() + drainTails.tailMs()) / MS_PER_SECOND;
        return new Report(
                produced,
                served,
                durationSeconds,
                wallSeconds,
                perSecond(served, durationSeconds),
                perSecond(served, wallSeconds),
                peakLoad,
                peakServers,
                timeWeighted(loadTimeProduct),
                timeWeighted(serversTimeProduct),
                responseTimes.meanMs(),
                responseTimes.percentileMs(50),
                responseTimes.percentileMs(95),
                responseTimes.percentileMs(99),
                responseTimes.percentileMs(99.9),
                responseTimes.maxMs(),
                lateRequests,
                lateCompletions,
                duplicateCompletions,
                deadLetters,
                loadUnit,
                windows,
                provisioning.peakDemand(),
                provisioning.averageProvisioned(),
                provisioning.scalingActions(),
                provisioning.underProvisioningAccuracy(),
                provisioning.overProvisioningAccuracy(),
                provisioning.underProvisioningTimeshare(),
                provisioning.overProvisioningTimeshare(),
                provisioning.instability(),
                provisioning.jitterPerHour(),
                serverSeconds,
                serverSeconds / SECONDS_PER_HOUR,
                settings.sloMs(),
                responseTimes.sloViolations(),
                responseTimes.sloViolationPercent(),
                scalingEvents);
    }

    private double timeWeighted(double product) {
        return weightedTimeMs == 0 ? 0 : product / weightedTimeMs;
    }

    private static double perSecond(long count, double seconds) {
        return seconds > 0 ? count / seconds : 0;
    }
}
