package io.autoscale.chat.balancer;

import java.util.Comparator;

/**
 * A routed request waiting for event time to pass it, with its routed offset so that offsets are
 * committed only once it is served.
 *
 * @param request the request
 * @param offset  its offset on the routed partition
 */
record PendingRequest(RoutedRequest request, long offset) {

    /** Event-time order, ties broken by id: the one order every interleaving of partitions agrees on. */
    static final Comparator<PendingRequest> EVENT_ORDER = (a, b) -> {
        int byTime = Long.compare(a.request.timeMs(), b.request.timeMs());
        return byTime != 0 ? byTime : Long.compare(a.request.id(), b.request.id());
    };

    long timeMs() {
        return request.timeMs();
    }
}
