package io.autoscale.chat.balancer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the requests the balancer buffers: above {@code maxBuffered} it pauses the requests
 * partitions, and resumes them below half of it. Decisions keep being read, and so does any
 * partition whose watermark holds event time back: pausing that one would leave the buffer full
 * forever.
 */
final class BackPressure {

    private static final Logger LOG = LoggerFactory.getLogger(BackPressure.class);

    private final int maxBuffered;
    private final String requestsTopic;
    private boolean engaged;
    private boolean anyPaused;
    private long engagements;

    BackPressure(int maxBuffered, String requestsTopic) {
        if (maxBuffered < 2) {
            throw new IllegalArgumentException("max buffered requests must be at least 2, got " + maxBuffered);
        }
        this.maxBuffered = maxBuffered;
        this.requestsTopic = requestsTopic;
    }

    void update(Consumer<?, ?> consumer, BalancerCore core) {
        int buffered = core.bufferedCount();
        if (!engaged && buffered > maxBuffered) {
            engaged = true;
            engagements++;
            LOG.debug("Back-pressure engaged buffered={} maxBuffered={}", buffered, maxBuffered);
        } else if (engaged && buffered < maxBuffered / 2) {
            engaged = false;
            LOG.debug("Back-pressure released buffered={}", buffered);
        }
        if (!engaged && !anyPaused) {
            return;
        }

        Set<TopicPartition> paused = consumer.paused();
        List<TopicPartition> toPause = new ArrayList<>();
        List<TopicPartition> toResume = new ArrayList<>();
        for (TopicPartition partition : consumer.assignment()) {
            if (!partition.topic().equals(requestsTopic)) {
                continue;
            }
            boolean shouldPause = engaged && !core.waitsOnPartition(partition.partition());
            boolean isPaused = paused.contains(partition);
            if (shouldPause && !isPaused) {
                toPause.add(partition);
            } else if (!shouldPause && isPaused) {
                toResume.add(partition);
            }
        }
        consumer.pause(toPause);
        consumer.resume(toResume);
        anyPaused = paused.size() + toPause.size() - toResume.size() > 0;
    }

    boolean engaged() {
        return engaged;
    }

    /** Times the bound was crossed since start. */
    long engagements() {
        return engagements;
    }
}
