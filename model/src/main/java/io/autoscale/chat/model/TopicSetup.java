package io.autoscale.chat.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the experiment's topics. The per-request topics get the configured partitions;
 * decisions and control records get one partition each, because their order is their meaning.
 */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    public static List<NewTopic> topicsFor(KafkaSettings settings) {
        Topics topics = settings.topics();
        short rf = settings.replicationFactor();
        return List.of(
                new NewTopic(topics.requests(), settings.partitions(), rf),
                new NewTopic(topics.completions(), settings.partitions(), rf),
                new NewTopic(topics.decisions(), 1, rf),
                new NewTopic(topics.control(), 1, rf),
                new NewTopic(topics.deadLetters(), 1, rf),
                new NewTopic(topics.windowPartials(), 1, rf));
    }

    /**
     * Creates every missing topic and waits for the cluster to confirm.
     *
     * @throws IllegalStateException naming the cluster when it cannot be reached within {@code timeout}
     */
    public static void ensureTopics(KafkaSettings settings, Duration timeout) {
        try (Admin admin = Admin.create(settings.common())) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : topicsFor(settings)) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            LOG.info("Created topics {} partitions={} replicationFactor={}",
                    missing.stream().map(NewTopic::name).toList(), settings.partitions(), settings.replicationFactor());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reach the Kafka cluster at " + settings.bootstrapServers()
                    + " within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics on " + settings.bootstrapServers()
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
