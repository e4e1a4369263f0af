package io.autoscale.chat.balancer;

import io.autoscale.chat.model.ChatRequest;
import java.util.Comparator;

/**
 * A request waiting for event time to pass it, with where it was read from so that offsets are
 * committed only once it is served.
 *
 * @param request   the request
 * @param partition the requests-topic partition it was read from
 * @param offset    its offset there, or {@link BalancerCore#NO_OFFSET} when not tracked
 */
record PendingRequest(ChatRequest request, int partition, long offset) {

    /** Event-time order, ties broken by id: the one order every interleaving of partitions agrees on. */
    static final Comparator<PendingRequest> EVENT_ORDER = (a, b) -> {
        int byTime = Long.compare(a.request.timeMs(), b.request.timeMs());
        return byTime != 0 ? byTime : Long.compare(a.request.id(), b.request.id());
    };

    long timeMs() {
        return request.timeMs();
    }
}
