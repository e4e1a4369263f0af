package io.autoscale.chat.metrics;

import io.autoscale.chat.model.DeadLetters;
import io.autoscale.chat.model.KafkaSettings;
import io.autoscale.chat.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics service: reads decisions, completions and the end-of-run marker from the start of
 * their topics and completes {@link #report()} once the last request is accounted for.
 *
 * <p>It assigns itself every partition of the three topics instead of joining a consumer group:
 * a report needs every record in one place, and assignment skips the group's rebalance delay.
 * Nothing is committed, so a restarted service rebuilds the report from the beginning.
 */
public final class MetricsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsService.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Topics topics;
    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> deadLetterProducer;
    private final ReportBuilder builder;
    private final RecordDispatcher dispatcher;
    private final CompletableFuture<Report> report = new CompletableFuture<>();
    private final AtomicLong recordsConsumed = new AtomicLong();
    private final AtomicLong requestsAccounted = new AtomicLong();
    private final Thread loop;

    private volatile boolean running = true;
    private volatile long startNs;
    private boolean started;
    private boolean closed;

    /**
     * @param settings       how to reach the cluster, and the experiment's topics
     * @param loadUnit       unit of every load figure: "users" or "req/s"
     * @param reportSettings the server capacity and the response-time objective the report measures against
     * @param listener       live news of the run, or {@code null} for none
     */
    public MetricsService(KafkaSettings settings, String loadUnit, ReportSettings reportSettings,
            RunListener listener) {
        this(settings.topics(), loadUnit, reportSettings, listener,
                new KafkaConsumer<>(settings.consumer(settings.topics().groupPrefix() + "-metrics", "metrics")),
                new KafkaProducer<>(settings.producer("metrics-dead-letters")));
    }

    /** With given clients, so that tests can run the service on mock clients. */
    MetricsService(Topics topics, String loadUnit, ReportSettings reportSettings, RunListener listener,
            Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetterProducer) {
        this.topics = topics;
        this.consumer = consumer;
        this.deadLetterProducer = deadLetterProducer;
        this.builder = new ReportBuilder(loadUnit, reportSettings);
        this.dispatcher = new RecordDispatcher(topics, builder, listener == null ? RunListener.NONE : listener,
                new DeadLetters(deadLetterProducer, topics.deadLetters()));
        this.loop = new Thread(this::run, "metrics-service");
        loop.setDaemon(true);
    }

    /** Starts consuming on the service's own thread; wall time is measured from here. */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("the metrics service can be started once, and not after close()");
        }
        started = true;
        startNs = System.nanoTime();
        loop.start();
        LOG.info("Metrics service started");
    }

    /**
     * The report, completed once the run has ended, every request produced has been served and
     * every window decided; completed exceptionally when the service fails or is closed first.
     */
    public CompletableFuture<Report> report() {
        return report;
    }

    /** Records consumed so far: it grows while the run makes progress. */
    public long progress() {
        return recordsConsumed.get();
    }

    /** Requests accounted for so far, for progress lines; safe to read from any thread. */
    public long accountedRequests() {
        return requestsAccounted.get();
    }

    private void run() {
        try {
            assignEveryPartition();
            while (running && !report.isDone()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    dispatcher.dispatch(record);
                }
                recordsConsumed.addAndGet(records.count());
                requestsAccounted.set(builder.requestsServed());
                maybeComplete();
            }
        } catch (WakeupException e) {
            LOG.debug("Metrics service woken up to close");
        } catch (RuntimeException e) {
            LOG.error("Metrics service failed", e);
            report.completeExceptionally(e);
        } finally {
            consumer.close();
        }
    }

    private void assignEveryPartition() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.decisions(), topics.completions(), topics.control())) {
            partitions.addAll(partitionsOf(topic));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        LOG.info("Metrics service reading partitions={}", partitions.size());
    }

    /** Waits for the topic's metadata, since the topics may be created just before the service starts. */
    private List<TopicPartition> partitionsOf(String topic) {
        long deadlineNs = System.nanoTime() + METADATA_TIMEOUT.toNanos();
        while (running) {
            List<PartitionInfo> infos = partitionInfos(topic);
            if (!infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            if (System.nanoTime() > deadlineNs) {
                throw new IllegalStateException("topic " + topic + " does not exist after waiting "
                        + METADATA_TIMEOUT.toSeconds() + " s; create the experiment's topics first");
            }
        }
        throw new WakeupException();
    }

    private List<PartitionInfo> partitionInfos(String topic) {
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, POLL_TIMEOUT);
            return infos == null ? List.of() : infos;
        } catch (TimeoutException e) {
            return List.of();
        }
    }

    private void maybeComplete() {
        if (!builder.isComplete()) {
            return;
        }
        double wallSeconds = (System.nanoTime() - startNs) / 1e9;
        Report built = builder.build(wallSeconds);
        LOG.info("Run accounted for requests={} windows={} scalingEvents={} wallSeconds={}",
                built.totalRequests(), built.windows(), built.scalingEvents().size(), wallSeconds);
        report.complete(built);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        if (started) {
            // Once the report is complete the loop has closed the consumer itself.
            if (loop.isAlive()) {
                consumer.wakeup();
            }
            joinLoop();
        } else {
            consumer.close();
        }
        report.completeExceptionally(new IllegalStateException(
                "the metrics service was closed before the run was accounted for"));
        deadLetterProducer.close(CLOSE_TIMEOUT);
        LOG.info("Metrics service stopped");
    }

    private void joinLoop() {
        try {
            loop.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (loop.isAlive()) {
            LOG.warn("Metrics service thread still running after closeTimeoutMs={}", CLOSE_TIMEOUT.toMillis());
        }
    }
}
