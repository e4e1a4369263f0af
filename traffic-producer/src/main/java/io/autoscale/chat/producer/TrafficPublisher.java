package io.autoscale.chat.producer;

import io.autoscale.chat.model.KafkaSettings;
import io.autoscale.chat.model.RunEnded;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer service: sends a traffic source to the requests topic second by second, writes a
 * watermark to every partition after each second, and ends the run with a {@link RunEnded} marker
 * on the control topic once every request has been acknowledged.
 *
 * <p>Records carry the wall clock as their Kafka timestamp, not the event time: event times start
 * at 0, and a 1970 timestamp would put the records under immediate time-based retention. The
 * event time travels in the JSON value.
 */
public final class TrafficPublisher implements AutoCloseable {

    public static final String CLIENT_ID = "traffic-producer";

    private static final Logger LOG = LoggerFactory.getLogger(TrafficPublisher.class);
    private static final long MS_PER_SECOND = 1000;
    /** Time to hand over what is still buffered when a finished run closes its producer. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSettings settings;
    private final Speed speed;
    private final Supplier<Producer<byte[], byte[]>> producerFactory;
    private final Supplier<Pacer> pacerFactory;

    private volatile boolean stopRequested;

    public TrafficPublisher(KafkaSettings settings, Speed speed) {
        this(settings, speed, () -> new KafkaProducer<>(settings.producer(CLIENT_ID)), () -> Pacer.system(speed));
    }

    /** For tests: a mock producer and a pacer on a fake clock. */
    TrafficPublisher(KafkaSettings settings, Speed speed, Supplier<Producer<byte[], byte[]>> producerFactory,
            Supplier<Pacer> pacerFactory) {
        this.settings = settings;
        this.speed = speed;
        this.producerFactory = producerFactory;
        this.pacerFactory = pacerFactory;
    }

    /**
     * Sends the whole source, blocking until the end marker is acknowledged. After {@link #close()}
     * the run stops at the next second boundary and still ends with a marker counting what was
     * sent, so that the rest of the system can finish its accounting.
     *
     * @throws PublishFailedException naming the topic when the cluster refuses a record
     * @throws TraceFormatException   when a trace that was not validated first turns out bad
     * @throws InterruptedException   when the calling thread is interrupted; no end marker is sent
     */
    public ProducerResult publish(TrafficSource source, ProgressListener listener) throws InterruptedException {
        LOG.info("Publishing traffic source={} speed={} topic={} partitions={}",
                source.describe(), speed, settings.topics().requests(), settings.partitions());
        Producer<byte[], byte[]> producer = producerFactory.get();
        boolean finished = false;
        try {
            ProducerResult result = run(producer, source, listener);
            finished = true;
            return result;
        } catch (EventSender.Interrupted | InterruptException e) {
            Thread.currentThread().interrupt();
            InterruptedException interrupted = new InterruptedException("traffic publishing interrupted");
            interrupted.initCause(e);
            throw interrupted;
        } finally {
            closeProducer(producer, finished);
        }
    }

    /** Asks a running {@link #publish} to stop at the next second boundary; safe from any thread. */
    @Override
    public void close() {
        stopRequested = true;
    }

    private static void closeProducer(Producer<byte[], byte[]> producer, boolean finished) {
        // The client's close fails on an interrupted thread, which would hide why the run ended.
        boolean interrupted = Thread.interrupted();
        try {
            // A failed or interrupted run must not wait for a cluster that may never answer.
            producer.close(finished ? CLOSE_TIMEOUT : Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.warn("Producer did not close cleanly finished={} error={}", finished, e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ProducerResult run(Producer<byte[], byte[]> producer, TrafficSource source, ProgressListener listener) {
        Pacer pacer = pacerFactory.get();
        EventSender sender = new EventSender(producer, pacer, settings.topics().requests(),
                settings.topics().control(), settings.partitions());
        pacer.start();

        long seconds = 0;
        boolean stoppedEarly = false;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new EventSender.Interrupted(null);
            }
            if (stopRequested) {
                stoppedEarly = true;
                break;
            }
            boolean secondSent = source.nextSecond(sender);
            if (!secondSent) {
                break;
            }
            sender.watermarks((seconds + 1) * MS_PER_SECOND);
            listener.onSecond(seconds, sender.requests(), source.connectedUsers());
            seconds++;
        }
        long endTimeMs = seconds * MS_PER_SECOND;

        sender.flush();
        sender.runEnded(new RunEnded(sender.requests(), endTimeMs));
        sender.flush();

        long wallTimeMs = TimeUnit.NANOSECONDS.toMillis(pacer.elapsedNanos());
        ProducerResult result = new ProducerResult(sender.requests(), sender.sessions(), seconds, endTimeMs,
                wallTimeMs, stoppedEarly);
        if (stoppedEarly) {
            LOG.warn("Publishing stopped early requests={} seconds={} wallTimeMs={}",
                    result.requestsProduced(), seconds, wallTimeMs);
        }
        LOG.info("Published requests={} sessionEvents={} seconds={} endTimeMs={} wallTimeMs={} requestsPerSecond={}",
                result.requestsProduced(), result.sessionEvents(), seconds, endTimeMs, wallTimeMs,
                Math.round(result.requestsPerWallSecond()));
        return result;
    }
}
