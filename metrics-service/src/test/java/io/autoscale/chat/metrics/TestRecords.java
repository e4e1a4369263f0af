package io.autoscale.chat.metrics;

import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;

/** Records as the other services write them, with only the fields a test cares about. */
final class TestRecords {

    /** Servers of 10 requests/s, as in the synthetic runs, and the default objective. */
    static final ReportSettings SETTINGS = ReportSettings.withDefaultSlo(10);

    private TestRecords() {
    }

    static ScalingDecision decision(long startMs, long endMs, double load, long requests, int before, int after) {
        ScalingAction action = after > before ? ScalingAction.SCALE_UP
                : after < before ? ScalingAction.SCALE_DOWN : ScalingAction.NONE;
        return new ScalingDecision(startMs, endMs, load, requests, (long) load, before, after, action, "test", 0);
    }

    static ScalingDecision steady(long startMs, long endMs, double load, long requests, int servers) {
        return decision(startMs, endMs, load, requests, servers, servers);
    }

    /**
     * A decision in a fleet where some servers are still starting: {@code provisioned} are paid for,
     * {@code serving} of them serve.
     */
    static ScalingDecision starting(long startMs, long endMs, long requests, int serving, int provisioned,
            int after) {
        ScalingAction action = after > provisioned ? ScalingAction.SCALE_UP
                : after < provisioned ? ScalingAction.SCALE_DOWN : ScalingAction.NONE;
        return new ScalingDecision(startMs, endMs, requests, requests, 0, serving, after, action, "test", 0,
                provisioned, "test", "", "", after, null);
    }

    static Completion completion(long requestId, double responseTimeMs) {
        return new Completion(requestId, requestId, 0, 1, 0, responseTimeMs, false);
    }

    /** A request stamped {@code timeMs} that {@code server} finished {@code responseTimeMs} later. */
    static Completion served(long requestId, int server, long timeMs, double responseTimeMs) {
        return new Completion(requestId, timeMs, server, server + 1, 0, responseTimeMs, false);
    }
}
