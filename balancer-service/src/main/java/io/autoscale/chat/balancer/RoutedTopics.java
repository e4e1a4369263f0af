package io.autoscale.chat.balancer;

import io.autoscale.chat.model.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The balancer's internal topics: routed requests between its two stages, and the serving stage's
 * checkpoints. Both have the same number of partitions, because routed partition {@code r} keeps
 * its checkpoints on state partition {@code r}, so that the latest is the last record there.
 */
final class RoutedTopics {

    static final String ROUTED = "chat.routed";
    static final String STATE = "chat.balancer-state";

    private static final Logger LOG = LoggerFactory.getLogger(RoutedTopics.class);
    /** Segments roll often so that compaction can shrink the checkpoints of a long run. */
    private static final String STATE_SEGMENT_MS = "60000";

    private RoutedTopics() {
    }

    static String routed(KafkaSettings settings) {
        return settings.topics().prefix() + ROUTED;
    }

    static String state(KafkaSettings settings) {
        return settings.topics().prefix() + STATE;
    }

    /**
     * Creates both topics when missing, with the configured partitions.
     *
     * @return the partitions of the routed topic, which may differ from the configured ones when
     *         the topic already existed
     * @throws IllegalStateException when the cluster cannot be reached or the two topics disagree
     */
    static int ensure(KafkaSettings settings, Duration timeout) {
        String routed = routed(settings);
        String state = state(settings);
        try (Admin admin = Admin.create(settings.common())) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            if (!existing.contains(routed)) {
                missing.add(new NewTopic(routed, settings.partitions(), settings.replicationFactor()));
            }
            if (!existing.contains(state)) {
                missing.add(new NewTopic(state, settings.partitions(), settings.replicationFactor())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                                TopicConfig.SEGMENT_MS_CONFIG, STATE_SEGMENT_MS)));
            }
            create(admin, missing, timeout);

            Map<String, TopicDescription> described = describe(admin, List.of(routed, state), timeout);
            int routedPartitions = described.get(routed).partitions().size();
            int statePartitions = described.get(state).partitions().size();
            if (routedPartitions != statePartitions) {
                throw new IllegalStateException("topic " + state + " must have as many partitions as " + routed
                        + " (" + routedPartitions + "), got " + statePartitions);
            }
            return routedPartitions;
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reach the Kafka cluster at " + settings.bootstrapServers()
                    + " within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the balancer topics on " + settings.bootstrapServers()
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the balancer topics", e);
        }
    }

    /**
     * Describes the topics, waiting while the cluster still answers that they are unknown: right
     * after a creation, metadata reaches the broker's caches a moment later.
     */
    private static Map<String, TopicDescription> describe(Admin admin, List<String> names, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                boolean notYetKnown = e.getCause() instanceof UnknownTopicOrPartitionException;
                if (!notYetKnown || System.nanoTime() > deadlineNs) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private static void create(Admin admin, List<NewTopic> missing, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created balancer topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            // Several balancer instances start together; the first one creates, the others find it done.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
