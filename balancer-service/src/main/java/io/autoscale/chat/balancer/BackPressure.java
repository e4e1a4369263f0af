package io.autoscale.chat.balancer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what a stage buffers: above {@code maxBuffered} it pauses the partitions of its input
 * topic, and resumes them below half of it. A partition the stage must keep reading to make
 * progress (the one whose watermark holds event time back) is never paused: pausing it would leave
 * the buffer full forever.
 */
final class BackPressure {

    private static final Logger LOG = LoggerFactory.getLogger(BackPressure.class);

    private final int maxBuffered;
    private final String topic;
    private boolean engaged;
    private boolean anyPaused;
    private long engagements;

    BackPressure(int maxBuffered, String topic) {
        if (maxBuffered < 2) {
            throw new IllegalArgumentException("max buffered requests must be at least 2, got " + maxBuffered);
        }
        this.maxBuffered = maxBuffered;
        this.topic = topic;
    }

    /**
     * @param buffered    what the stage holds now
     * @param keepReading partitions of the topic that must not be paused
     */
    void update(Consumer<?, ?> consumer, int buffered, IntPredicate keepReading) {
        if (!engaged && buffered > maxBuffered) {
            engaged = true;
            engagements++;
            LOG.debug("Back-pressure engaged topic={} buffered={} maxBuffered={}", topic, buffered, maxBuffered);
        } else if (engaged && buffered < maxBuffered / 2) {
            engaged = false;
            LOG.debug("Back-pressure released topic={} buffered={}", topic, buffered);
        }
        if (!engaged && !anyPaused) {
            return;
        }

        Set<TopicPartition> paused = consumer.paused();
        List<TopicPartition> toPause = new ArrayList<>();
        List<TopicPartition> toResume = new ArrayList<>();
        for (TopicPartition partition : consumer.assignment()) {
            if (!partition.topic().equals(topic)) {
                continue;
            }
            boolean shouldPause = engaged && !keepReading.test(partition.partition());
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
