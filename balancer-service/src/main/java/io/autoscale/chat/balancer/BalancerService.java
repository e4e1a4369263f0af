package io.autoscale.chat.balancer;

import io.autoscale.chat.model.DeadLetters;
import io.autoscale.chat.model.KafkaSettings;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The balancer as a running service, in two stages that are each a consumer group, so that any
 * number of instances (in one process or many) share the work:
 *
 * <ol>
 *   <li>routing ({@link RoutingStage}, group {@code <groupPrefix>-balancer-router}): reads requests
 *       and every decision, sends request {@code i} to server {@code floorMod(i, servers in force)}
 *       on the routed topic, and forwards each watermark to every routed partition;</li>
 *   <li>serving ({@link ServingStage}, group {@code <groupPrefix>-balancer-servers}): reads the
 *       routed topic, simulates the servers of the partitions it owns and writes the completions.</li>
 * </ol>
 *
 * Each stage runs on its own thread with its own clients. The completions are the same whatever the
 * number of partitions and instances (DESIGN.md invariant 3).
 */
public final class BalancerService implements AutoCloseable {

    /** About 40 MB of buffered requests per stage; a replay at full speed reaches it when decisions lag. */
    public static final int DEFAULT_MAX_BUFFERED = 200_000;

    private static final Logger LOG = LoggerFactory.getLogger(BalancerService.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    /** Makes client ids unique when several instances share a JVM, so their metrics do not collide. */
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final KafkaSettings settings;
    private final ServerModel model;
    private final int maxBuffered;
    private final String instance;
    private RoutingStage routing;
    private ServingStage serving;
    private DeadLetters routingDeadLetters;
    private DeadLetters servingDeadLetters;
    private boolean closed;

    public BalancerService(KafkaSettings settings, ServerModel model) {
        this(settings, model, DEFAULT_MAX_BUFFERED);
    }

    /** @param maxBuffered requests a stage buffers before it pauses its input, at least 2 */
    public BalancerService(KafkaSettings settings, ServerModel model, int maxBuffered) {
        if (maxBuffered < 2) {
            throw new IllegalArgumentException("max buffered requests must be at least 2, got " + maxBuffered);
        }
        this.settings = settings;
        this.model = model;
        this.maxBuffered = maxBuffered;
        this.instance = "balancer-" + INSTANCES.incrementAndGet();
    }

    /**
     * Creates the balancer's own topics when missing, then starts both stages.
     *
     * @throws IllegalStateException when started twice or when the cluster cannot be reached
     */
    public synchronized void start() {
        if (routing != null || closed) {
            throw new IllegalStateException("the balancer is already started or closed");
        }
        int routedPartitions = RoutedTopics.ensure(settings, TOPIC_TIMEOUT);
        String groupPrefix = settings.topics().groupPrefix();

        KafkaProducer<byte[], byte[]> routingProducer = new KafkaProducer<>(settings.producer(instance + "-router"));
        routingDeadLetters = new DeadLetters(routingProducer, settings.topics().deadLetters());
        routing = new RoutingStage(settings.topics().requests(), settings.topics().decisions(),
                new KafkaConsumer<>(grouped(groupPrefix + "-balancer-router", instance + "-router")),
                new KafkaConsumer<>(ungrouped(instance + "-decisions")), routingProducer,
                new RoutedRecords(RoutedTopics.routed(settings), routedPartitions), routingDeadLetters, maxBuffered);

        KafkaProducer<byte[], byte[]> servingProducer = new KafkaProducer<>(settings.producer(instance + "-servers"));
        servingDeadLetters = new DeadLetters(servingProducer, settings.topics().deadLetters());
        serving = new ServingStage(RoutedTopics.routed(settings), model,
                new KafkaConsumer<>(grouped(groupPrefix + "-balancer-servers", instance + "-servers")),
                servingProducer,
                new CheckpointStore(RoutedTopics.state(settings), new KafkaConsumer<>(ungrouped(instance + "-state"))),
                new CompletionRecords(settings.topics().completions(), settings.partitions()), servingDeadLetters,
                maxBuffered);

        serving.start();
        routing.start();
        LOG.info("Balancer started instance={} requestsTopic={} routedTopic={} routedPartitions={}", instance,
                settings.topics().requests(), RoutedTopics.routed(settings), routedPartitions);
    }

    /** Requests this instance has served; one served again after a partition moved counts again. */
    public long servedCount() {
        ServingStage stage = serving;
        return stage == null ? 0 : stage.servedCount();
    }

    public long lateCount() {
        ServingStage stage = serving;
        return stage == null ? 0 : stage.lateCount();
    }

    public long deadLetterCount() {
        long routed = routingDeadLetters == null ? 0 : routingDeadLetters.count();
        long served = servingDeadLetters == null ? 0 : servingDeadLetters.count();
        return routed + served;
    }

    /**
     * Why the balancer stopped working on its own, in one line, or {@code null} while both stages run: a
     * stage whose thread failed serves nothing more, so the process must not look alive.
     */
    public String failure() {
        for (StageThread stage : new StageThread[] {routing, serving}) {
            RuntimeException failure = stage == null ? null : stage.failure();
            if (failure != null) {
                return "the balancer's " + stage.name() + " failed: " + failure;
            }
        }
        return null;
    }

    /** Stops routing first, then serving, each committing what it has finished. */
    @Override
    public synchronized void close() {
        closed = true;
        if (routing != null) {
            routing.close();
        }
        if (serving != null) {
            serving.close();
        }
    }

    private Properties grouped(String groupId, String clientId) {
        Properties props = settings.consumer(groupId, clientId);
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return props;
    }

    /** A consumer outside any group: it reads by manual assignment and commits nothing. */
    private Properties ungrouped(String clientId) {
        Properties props = settings.consumer("unused", clientId);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }
}
