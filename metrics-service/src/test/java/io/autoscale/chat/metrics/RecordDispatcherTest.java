package io.autoscale.chat.metrics;

import static io.autoscale.chat.metrics.TestRecords.completion;
import static io.autoscale.chat.metrics.TestRecords.decision;
import static io.autoscale.chat.metrics.TestRecords.steady;
import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.model.DeadLetters;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.RunEnded;
import io.autoscale.chat.model.ScalingDecision;
import io.autoscale.chat.model.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class RecordDispatcherTest {

    private final Topics topics = new Topics("exp1.");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final ReportBuilder builder = new ReportBuilder("users", TestRecords.SETTINGS);
    private final List<String> heard = new ArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void onScalingEvent(ScalingDecision decision) {
            heard.add("scale " + decision.action() + " to " + decision.serversAfter());
        }

        @Override
        public void onStatus(long timeSeconds, double load, int servers, long requestsSoFar) {
            heard.add("status " + timeSeconds + "s load " + load + " servers " + servers
                    + " requests " + requestsSoFar);
        }
    };
    private final RecordDispatcher dispatcher =
            new RecordDispatcher(topics, builder, listener, new DeadLetters(producer, topics.deadLetters()));

    private long offset;

    private ConsumerRecord<byte[], byte[]> record(String topic, byte[] value) {
        return new ConsumerRecord<>(topic, 0, offset++, null, value);
    }

    private ConsumerRecord<byte[], byte[]> json(String topic, Object value) {
        return record(topic, Json.toBytes(value));
    }

    @Test
    void routesEachTopicToTheReport() {
        dispatcher.dispatch(json(topics.completions(), completion(0, 12)));
        dispatcher.dispatch(json(topics.decisions(), steady(0, 1000, 7, 1, 2)));
        dispatcher.dispatch(json(topics.control(), new RunEnded(1, 1000)));

        assertThat(builder.isComplete()).isTrue();
        Report report = builder.build(0);
        assertThat(report.totalRequests()).isEqualTo(1);
        assertThat(report.windows()).isEqualTo(1);
        assertThat(report.averageResponseTimeMs()).isEqualTo(12.0);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void sendsAnUnparseableRecordToTheDeadLettersAndGoesOn() {
        dispatcher.dispatch(record(topics.completions(), "{not json".getBytes(StandardCharsets.UTF_8)));
        dispatcher.dispatch(record(topics.decisions(), null));
        dispatcher.dispatch(json(topics.completions(), completion(1, 5)));

        Report report = builder.build(0);
        assertThat(report.deadLetters()).isEqualTo(2);
        assertThat(report.totalRequests()).isEqualTo(1);
        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::topic).containsOnly("exp1.chat.dead-letters");
        assertThat(header(sent.get(0), DeadLetters.HEADER_TOPIC)).isEqualTo("exp1.chat.completions");
        assertThat(header(sent.get(0), DeadLetters.HEADER_OFFSET)).isEqualTo("0");
        assertThat(header(sent.get(1), DeadLetters.HEADER_ERROR)).isEqualTo("record has no value");
    }

    @Test
    void sendsImpossibleValuesToTheDeadLetters() {
        dispatcher.dispatch(json(topics.completions(), completion(1, -4)));
        dispatcher.dispatch(json(topics.decisions(), steady(1000, 1000, 7, 1, 2)));
        dispatcher.dispatch(json(topics.control(), new RunEnded(-1, 1000)));

        assertThat(builder.build(0).deadLetters()).isEqualTo(3);
        assertThat(header(producer.history().get(1), DeadLetters.HEADER_ERROR))
                .isEqualTo("decision window must end after it starts, got windowStartMs=1000 windowEndMs=1000");
    }

    @Test
    void tellsTheListenerOfScalingEventsAndOfStatusEveryFiveSeconds() {
        for (long startMs = 0; startMs < 10_000; startMs += 1000) {
            int after = startMs == 3000 ? 3 : 2;
            int before = startMs == 4000 ? 3 : 2;
            dispatcher.dispatch(json(topics.decisions(), decision(startMs, startMs + 1000, 20, 10, before, after)));
        }

        assertThat(heard).containsExactly(
                "scale SCALE_UP to 3",
                "scale SCALE_DOWN to 2",
                "status 5s load 20.0 servers 2 requests 50",
                "status 10s load 20.0 servers 2 requests 100");
    }

    @Test
    void aRedeliveredDecisionIsNotAnnouncedTwice() {
        ScalingDecision decision = decision(4000, 5000, 40, 10, 2, 3);

        dispatcher.dispatch(json(topics.decisions(), decision));
        dispatcher.dispatch(json(topics.decisions(), decision));

        assertThat(heard).containsExactly("scale SCALE_UP to 3", "status 5s load 40.0 servers 3 requests 10");
    }

    @Test
    void aFailingListenerNeitherStopsTheRunNorDeadLettersTheDecision() {
        RecordDispatcher failing = new RecordDispatcher(topics, builder, new RunListener() {
            @Override
            public void onScalingEvent(ScalingDecision decision) {
                throw new IllegalArgumentException("console closed");
            }
        }, new DeadLetters(producer, topics.deadLetters()));

        failing.dispatch(json(topics.decisions(), decision(0, 1000, 40, 10, 2, 3)));

        Report report = builder.build(0);
        assertThat(report.scalingEvents()).hasSize(1);
        assertThat(report.deadLetters()).isZero();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
