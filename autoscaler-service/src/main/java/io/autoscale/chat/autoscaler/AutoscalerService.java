package io.autoscale.chat.autoscaler;

import io.autoscale.chat.model.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The autoscaler as a running Kafka Streams application. */
public final class AutoscalerService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutoscalerService.class);

    private final KafkaStreams streams;
    private final AtomicLong deadLetters = new AtomicLong();

    public AutoscalerService(KafkaSettings settings, AutoscalerConfig config, Path stateDir) {
        this.streams = new KafkaStreams(AutoscalerTopology.build(config, settings.topics(), deadLetters),
                streamsProperties(settings, stateDir));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Autoscaler stream thread failed", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /**
     * The Streams settings: one application id per experiment, so that every instance of the
     * autoscaler shares the work, and a short commit interval, because at the end of a run the
     * last decisions should not wait for a long commit.
     */
    static Properties streamsProperties(KafkaSettings settings, Path stateDir) {
        Properties props = settings.common();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.topics().groupPrefix() + "-autoscaler");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replicationFactor());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 16L * 1024 * 1024);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 5000);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        return props;
    }

    public void start() {
        streams.start();
        LOG.info("Autoscaler started");
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public long deadLetterCount() {
        return deadLetters.get();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        LOG.info("Autoscaler stopped");
    }
}
