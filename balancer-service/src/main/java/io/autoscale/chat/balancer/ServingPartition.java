package io.autoscale.chat.balancer;

import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.Watermark;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving stage's logic for one routed partition, without Kafka. Requests wait until every
 * source partition's watermark has passed them, then are served in (time, id) order by the
 * simulated server they were routed to. Since every request of a server lands on one routed
 * partition, each server sees its requests in the same order however the work is split: the
 * completions do not depend on the number of partitions or instances (DESIGN.md invariant 3).
 *
 * <p>Serving happens as soon as a watermark raises event time, record by record, so that whether a
 * request is late depends only on the order of records in the partition, never on how they were
 * batched. A request stamped below the time served through is late: served at once and marked.
 *
 * <p><b>Duplicates.</b> The routing stage reads a requests partition again from its committed offset
 * after a rebalance, so a request may arrive twice. Each routed request carries its source
 * partition and offset, and one source partition's requests reach a routed partition in source
 * order; a request whose source offset is not above the highest one accepted from that source is a
 * copy and is dropped. A genuinely late request is new, so it passes this test and is served.
 *
 * <p><b>Restart.</b> A {@link ServingCheckpoint} taken at routed offset {@code readOffset} restores
 * the watermarks, the accepted source offsets and every server's backlog. Records from the committed
 * offset (at or before the oldest request then pending) up to {@code readOffset} are read again:
 * among them, the first copy of a request stamped at or after the checkpoint's served-through time
 * was pending and is buffered again; anything else was already served or dropped. A server that
 * receives nothing while out of force keeps its backlog: one brought back while still draining is
 * still busy. Not thread-safe: one thread drives it.
 */
final class ServingPartition {

    static final long NONE = -1;

    private static final Logger LOG = LoggerFactory.getLogger(ServingPartition.class);

    private final int routedPartition;
    private final ServerModel model;
    private final Watermarks watermarks;
    private final PriorityQueue<PendingRequest> pending = new PriorityQueue<>(1024, PendingRequest.EVENT_ORDER);
    private final BufferedOffsets offsets = new BufferedOffsets();
    private final Map<Integer, Server> servers = new HashMap<>();
    private final long replayUntilOffset;
    private final long replayServedThroughMs;
    private long[] sourceSeen;
    private long[] replaySeen = new long[0];
    private long servedThroughMs;
    private long served;
    private long late;
    private long duplicates;

    /** A partition served from its beginning. */
    ServingPartition(int routedPartition, ServerModel model) {
        this.routedPartition = routedPartition;
        this.model = model;
        this.watermarks = new Watermarks();
        this.sourceSeen = new long[0];
        this.servedThroughMs = Long.MIN_VALUE;
        this.replayUntilOffset = NONE;
        this.replayServedThroughMs = Long.MIN_VALUE;
    }

    /** A partition picked up where {@code checkpoint} left it. */
    ServingPartition(ServingCheckpoint checkpoint, ServerModel model) {
        this.routedPartition = checkpoint.routedPartition();
        this.model = model;
        this.watermarks = Watermarks.restore(checkpoint.watermarksMs());
        this.sourceSeen = checkpoint.sourceSeenOffsets().clone();
        this.servedThroughMs = checkpoint.servedThroughMs();
        this.replayUntilOffset = checkpoint.readOffset();
        this.replayServedThroughMs = checkpoint.servedThroughMs();
        for (int i = 0; i < checkpoint.servers().length; i++) {
            servers.put(checkpoint.servers()[i], new Server(model, checkpoint.busyUntilMs()[i]));
        }
    }

    /** Takes one routed request read at {@code offset}; a late one is served into {@code out} at once. */
    void onRequest(long offset, RoutedRequest request, Consumer<Completion> out) {
        if (offset < replayUntilOffset) {
            replay(offset, request);
            return;
        }
        int source = request.sourcePartition();
        sourceSeen = grown(sourceSeen, source);
        if (request.sourceOffset() <= sourceSeen[source]) {
            duplicates++;
            LOG.debug("Dropping a request routed twice id={} routedPartition={}", request.id(), routedPartition);
            return;
        }
        sourceSeen[source] = request.sourceOffset();

        boolean isLate = request.timeMs() < servedThroughMs;
        if (isLate) {
            late++;
            LOG.debug("Late request id={} timeMs={} servedThroughMs={}", request.id(), request.timeMs(),
                    servedThroughMs);
            out.accept(serve(request, true));
            return;
        }
        buffer(offset, request);
    }

    /**
     * Records a source partition's watermark and serves, in (time, id) order, every request that
     * event time has now passed on all source partitions.
     *
     * @throws IllegalArgumentException when the watermark names a partition outside its partition count
     */
    void onWatermark(Watermark watermark, Consumer<Completion> out) {
        watermarks.update(watermark);
        long limitMs = watermarks.minimumMs();
        if (limitMs == Watermarks.NONE || limitMs <= servedThroughMs) {
            return;
        }
        PendingRequest next = pending.peek();
        while (next != null && next.timeMs() < limitMs) {
            pending.poll();
            offsets.remove(0, next.offset());
            out.accept(serve(next.request(), false));
            next = pending.peek();
        }
        servedThroughMs = limitMs;
    }

    /** The state after every record read before {@code readOffset}, for a new owner to go on from. */
    ServingCheckpoint checkpoint(long readOffset) {
        int[] indexes = new int[servers.size()];
        double[] busyUntilMs = new double[servers.size()];
        int i = 0;
        for (Map.Entry<Integer, Server> entry : servers.entrySet()) {
            indexes[i] = entry.getKey();
            busyUntilMs[i] = entry.getValue().busyUntilMs();
            i++;
        }
        return new ServingCheckpoint(routedPartition, readOffset, servedThroughMs, watermarks.snapshot(),
                sourceSeen.clone(), indexes, busyUntilMs);
    }

    /** The routed offset of the oldest request still pending, or {@link #NONE}. */
    long oldestPendingOffset() {
        return offsets.oldest(0);
    }

    /**
     * Whether serving here waits on a source partition that has not reported yet, or is the furthest
     * behind of {@code lowestServedThroughMs}: back-pressure must keep reading such a partition.
     */
    boolean holdsBack(long lowestServedThroughMs) {
        return watermarks.minimumMs() == Watermarks.NONE || servedThroughMs <= lowestServedThroughMs;
    }

    int routedPartition() {
        return routedPartition;
    }

    int pendingCount() {
        return pending.size();
    }

    long servedThroughMs() {
        return servedThroughMs;
    }

    long servedCount() {
        return served;
    }

    long lateCount() {
        return late;
    }

    long duplicateCount() {
        return duplicates;
    }

    /** A record read before the checkpoint: only the first copy of a request then pending is taken again. */
    private void replay(long offset, RoutedRequest request) {
        int source = request.sourcePartition();
        replaySeen = grown(replaySeen, source);
        if (request.sourceOffset() <= replaySeen[source]) {
            return;
        }
        replaySeen[source] = request.sourceOffset();
        boolean wasServed = request.timeMs() < replayServedThroughMs;
        if (!wasServed) {
            buffer(offset, request);
        }
    }

    private void buffer(long offset, RoutedRequest request) {
        pending.add(new PendingRequest(request, offset));
        offsets.add(0, offset);
    }

    private Completion serve(RoutedRequest request, boolean isLate) {
        served++;
        Server server = servers.computeIfAbsent(request.server(), index -> new Server(model));
        double waitMs = server.acceptMs(request.timeMs());
        return new Completion(request.id(), request.timeMs(), request.server(), request.servers(), waitMs,
                waitMs + model.serviceTimeMs(), isLate);
    }

    private static long[] grown(long[] seen, int source) {
        if (source < 0) {
            throw new IllegalArgumentException("routed request source partition must be >= 0, got " + source);
        }
        if (source < seen.length) {
            return seen;
        }
        int before = seen.length;
        long[] larger = Arrays.copyOf(seen, source + 1);
        Arrays.fill(larger, before, larger.length, NONE);
        return larger;
    }
}
