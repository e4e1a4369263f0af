package io.autoscale.chat.autoscaler;

import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatEvents;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.EventTime;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.MalformedRecordException;
import io.autoscale.chat.model.SessionEvent;
import io.autoscale.chat.model.Watermark;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once per requests partition: counts each window's requests and session changes, and when
 * the partition's watermark passes a window's end, reports the window to the deciding task, empty
 * windows included. That is how time moves on when traffic stops.
 */
final class WindowPartialsProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    static final String COUNTS_STORE = "window-counts";
    static final String PROGRESS_STORE = "partition-progress";
    static final byte[] DECIDER_KEY = "all-partitions".getBytes(StandardCharsets.UTF_8);

    private static final Logger LOG = LoggerFactory.getLogger(WindowPartialsProcessor.class);
    private static final String PROGRESS_KEY = "progress";

    private final long windowMs;
    private final StreamsDeadLetters deadLetters;

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Long, WindowCounts> counts;
    private KeyValueStore<String, PartitionProgress> progressStore;
    /** The store's value, read once per task: every request needs it, and only this task writes it. */
    private PartitionProgress progress;

    WindowPartialsProcessor(long windowMs, StreamsDeadLetters deadLetters) {
        this.windowMs = windowMs;
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.counts = context.getStateStore(COUNTS_STORE);
        this.progressStore = context.getStateStore(PROGRESS_STORE);
        PartitionProgress stored = progressStore.get(PROGRESS_KEY);
        this.progress = stored == null ? PartitionProgress.START : stored;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        ChatEvent event;
        try {
            event = ChatEvents.parse(record.value());
        } catch (MalformedRecordException e) {
            deadLetters.skip(context, record, e.getMessage());
            return;
        }

        if (event instanceof ChatRequest request) {
            count(request.timeMs(), WindowCounts::plusRequest);
        } else if (event instanceof SessionEvent session) {
            long delta = session.connected() ? 1 : -1;
            count(session.timeMs(), c -> c.plusUsers(delta));
        } else if (event instanceof Watermark watermark) {
            maybeReport(watermark, record.timestamp());
        }
    }

    private void count(long timeMs, java.util.function.UnaryOperator<WindowCounts> update) {
        long windowStart = EventTime.windowStart(timeMs, windowMs);
        boolean alreadyReported = windowStart < progress.reportedThroughMs();

        if (alreadyReported) {
            // Too late for its own window. A late session change still moves the user count, so it
            // goes into the next window to be reported; a late request is counted as late.
            windowStart = progress.reportedThroughMs();
            WindowCounts updated = update.apply(WindowCounts.EMPTY);
            if (updated.requests() > 0) {
                saveProgress(new PartitionProgress(progress.reportedThroughMs(), progress.lateSinceReport() + 1));
                return;
            }
        }

        WindowCounts current = counts.get(windowStart);
        counts.put(windowStart, update.apply(current == null ? WindowCounts.EMPTY : current));
    }

    /**
     * Reports every window the watermark has closed. The reports carry the watermark record's own
     * Kafka timestamp, never the window's event time: event time counts from 0, and a broker
     * would take such timestamps for records 56 years old and delete them under its retention.
     */
    private void maybeReport(Watermark watermark, long recordTimestamp) {
        int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(watermark.partition());
        long reportedThrough = progress.reportedThroughMs();
        long late = progress.lateSinceReport();

        while (reportedThrough + windowMs <= watermark.timeMs()) {
            WindowCounts window = counts.delete(reportedThrough);
            WindowCounts seen = window == null ? WindowCounts.EMPTY : window;
            WindowPartial partial = new WindowPartial(reportedThrough, reportedThrough + windowMs, partition,
                    watermark.partitions(), seen.requests(), seen.userDelta(), late);
            context.forward(new Record<>(DECIDER_KEY, Json.toBytes(partial), recordTimestamp),
                    AutoscalerTopology.PARTIALS_SINK);
            late = 0;
            reportedThrough += windowMs;
        }

        if (reportedThrough != progress.reportedThroughMs()) {
            saveProgress(new PartitionProgress(reportedThrough, late));
        }
    }

    private void saveProgress(PartitionProgress updated) {
        progress = updated;
        progressStore.put(PROGRESS_KEY, updated);
    }
}
