package io.autoscale.chat.metrics;

import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;

/** Records as the other services write them, with only the fields a test cares about. */
final class TestRecords {

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

    static Completion completion(long requestId, double responseTimeMs) {
        return new Completion(requestId, requestId, 0, 1, 0, responseTimeMs, false);
    }
}
