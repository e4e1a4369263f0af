package io.autoscale.chat.metrics;

import com.fasterxml.jackson.databind.ObjectReader;
import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.DeadLetters;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.RunEnded;
import io.autoscale.chat.model.ScalingDecision;
import io.autoscale.chat.model.Topics;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each consumed record by its topic and hands it to the report builder and the listener.
 * A record that cannot be parsed, or holds impossible values, goes to the dead letters and the
 * run goes on.
 */
final class RecordDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RecordDispatcher.class);
    private static final long STATUS_EVERY_MS = 5000;

    // Readers are immutable and reused: building one per record would halve throughput.
    private final ObjectReader completionReader = Json.readerFor(Completion.class);
    private final ObjectReader decisionReader = Json.readerFor(ScalingDecision.class);
    private final ObjectReader runEndedReader = Json.readerFor(RunEnded.class);

    // Names held once: Topics builds each name on every call, and this runs once per record.
    private final String completionsTopic;
    private final String decisionsTopic;
    private final String controlTopic;
    private final ReportBuilder builder;
    private final RunListener listener;
    private final DeadLetters deadLetters;

    RecordDispatcher(Topics topics, ReportBuilder builder, RunListener listener, DeadLetters deadLetters) {
        this.completionsTopic = topics.completions();
        this.decisionsTopic = topics.decisions();
        this.controlTopic = topics.control();
        this.builder = builder;
        this.listener = listener;
        this.deadLetters = deadLetters;
    }

    void dispatch(ConsumerRecord<byte[], byte[]> record) {
        try {
            route(record);
        } catch (IOException | IllegalArgumentException e) {
            skip(record, firstLine(e.getMessage()));
        }
    }

    private void route(ConsumerRecord<byte[], byte[]> record) throws IOException {
        String topic = record.topic();
        if (topic.equals(completionsTopic)) {
            builder.onCompletion(completionReader.readValue(requireValue(record)));
        } else if (topic.equals(decisionsTopic)) {
            onDecision(decisionReader.readValue(requireValue(record)));
        } else if (topic.equals(controlTopic)) {
            RunEnded ended = runEndedReader.readValue(requireValue(record));
            requireValid(ended);
            builder.onRunEnded(ended);
        } else {
            LOG.warn("Ignoring a record from an unexpected topic topic={} partition={} offset={}",
                    topic, record.partition(), record.offset());
        }
    }

    private void onDecision(ScalingDecision decision) {
        requireValid(decision);
        if (!builder.onDecision(decision)) {
            return;
        }
        if (decision.changesServers()) {
            LOG.info("Scaling event action={} fromServers={} toServers={} load={} windowEndMs={}",
                    decision.action(), decision.serversBefore(), decision.serversAfter(), decision.load(),
                    decision.windowEndMs());
            notifyListener(() -> listener.onScalingEvent(decision));
        }
        if (decision.windowEndMs() % STATUS_EVERY_MS == 0) {
            long requestsSoFar = builder.requestsDecided();
            notifyListener(() -> listener.onStatus(decision.windowEndMs() / 1000, decision.load(),
                    decision.serversAfter(), requestsSoFar));
        }
    }

    /** A failing listener must neither stop the run nor send a valid decision to the dead letters. */
    private static void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Run listener failed error={}", e.toString());
        }
    }

    private static byte[] requireValue(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("record has no value");
        }
        return record.value();
    }

    private static void requireValid(ScalingDecision decision) {
        if (decision.action() == null) {
            throw new IllegalArgumentException("decision has no action");
        }
        if (decision.windowEndMs() <= decision.windowStartMs()) {
            throw new IllegalArgumentException("decision window must end after it starts, got windowStartMs="
                    + decision.windowStartMs() + " windowEndMs=" + decision.windowEndMs());
        }
    }

    private static void requireValid(RunEnded ended) {
        if (ended.requestsProduced() < 0) {
            throw new IllegalArgumentException("requestsProduced must be at least 0, got "
                    + ended.requestsProduced());
        }
    }

    private void skip(ConsumerRecord<byte[], byte[]> record, String error) {
        builder.onDeadLetter();
        deadLetters.skip(record.topic(), record.partition(), record.offset(), record.key(), record.value(), error);
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
