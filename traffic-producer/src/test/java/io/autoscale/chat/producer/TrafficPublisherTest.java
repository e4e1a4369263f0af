package io.autoscale.chat.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.KafkaSettings;
import io.autoscale.chat.model.RunEnded;
import io.autoscale.chat.model.SessionEvent;
import io.autoscale.chat.model.Topics;
import io.autoscale.chat.model.Watermark;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficPublisherTest {

    private static final int PARTITIONS = 3;
    private static final KafkaSettings SETTINGS =
            new KafkaSettings("127.0.0.1:9092", new Topics("t1."), PARTITIONS, (short) 1);

    @TempDir
    Path dir;

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    private TrafficPublisher publisher(MockProducer<byte[], byte[]> mock) {
        return new TrafficPublisher(SETTINGS, Speed.max(), () -> mock, () -> Pacer.system(Speed.max()));
    }

    @Test
    void sendsEachSecondThenItsWatermarksAndEndsWithTheRunMarker() throws Exception {
        Path trace = Files.writeString(dir.resolve("t.txt"), "2 0");

        ProducerResult result;
        try (TraceTraffic traffic = TraceTraffic.open(trace, MessageSize.fixed(30), 1)) {
            result = publisher(producer).publish(traffic, ProgressListener.NONE);
        }

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::topic).containsExactly(
                "t1.chat.requests", "t1.chat.requests",
                "t1.chat.requests", "t1.chat.requests", "t1.chat.requests",
                "t1.chat.requests", "t1.chat.requests", "t1.chat.requests",
                "t1.chat.control");
        assertThat(sent.subList(0, 8)).extracting(r -> event(r)).containsExactly(
                new ChatRequest(0, null, 0, 30),
                new ChatRequest(1, null, 500, 30),
                new Watermark(1000, 0, 3), new Watermark(1000, 1, 3), new Watermark(1000, 2, 3),
                new Watermark(2000, 0, 3), new Watermark(2000, 1, 3), new Watermark(2000, 2, 3));
        assertThat(sent.subList(2, 8)).extracting(ProducerRecord::partition).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(Json.fromBytes(sent.get(8).value(), RunEnded.class)).isEqualTo(new RunEnded(2, 2000));
        assertThat(sent.get(8).partition()).isZero();

        assertThat(result.requestsProduced()).isEqualTo(2);
        assertThat(result.seconds()).isEqualTo(2);
        assertThat(result.endTimeMs()).isEqualTo(2000);
        assertThat(result.stoppedEarly()).isFalse();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void writesTheEventTypeInEveryValue() throws Exception {
        publisher(producer).publish(new SyntheticTraffic(SyntheticConfig.of(new RampProfile(3, 1, 1), 1)),
                ProgressListener.NONE);

        String first = new String(producer.history().get(0).value(), StandardCharsets.UTF_8);
        assertThat(first).startsWith("{\"type\":\"session\"");
    }

    @Test
    void keysTraceRequestsByIdAndSpreadsThemByIdOverPartitions() throws Exception {
        Path trace = Files.writeString(dir.resolve("t.txt"), "4");

        try (TraceTraffic traffic = TraceTraffic.open(trace, MessageSize.fixed(30), 1)) {
            publisher(producer).publish(traffic, ProgressListener.NONE);
        }

        List<ProducerRecord<byte[], byte[]>> requests = producer.history().subList(0, 4);
        assertThat(requests).extracting(ProducerRecord::partition).containsExactly(0, 1, 2, 0);
        assertThat(requests).extracting(r -> ByteBuffer.wrap(r.key()).getLong()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(requests).allSatisfy(r -> assertThat(r.key()).hasSize(8));
    }

    @Test
    void keysUserEventsByUserAndKeepsAUserOnOnePartition() throws Exception {
        ProducerResult result = publisher(producer).publish(
                new SyntheticTraffic(SyntheticConfig.of(new RampProfile(20, 5, 30), 4)), ProgressListener.NONE);

        int userEvents = 0;
        for (ProducerRecord<byte[], byte[]> record : producer.history()) {
            ChatEvent event = record.topic().endsWith("control") ? null : event(record);
            String user = event instanceof ChatRequest request ? request.user()
                    : event instanceof SessionEvent session ? session.user() : null;
            if (user != null) {
                byte[] key = user.getBytes(StandardCharsets.UTF_8);
                assertThat(record.key()).isEqualTo(key);
                assertThat(record.partition()).isEqualTo(Utils.toPositive(Utils.murmur2(key)) % PARTITIONS);
                userEvents++;
            }
        }
        assertThat(userEvents).isEqualTo(result.requestsProduced() + result.sessionEvents());
        // 30 users join over the run; 25 leave as it falls back to its base of 5.
        assertThat(result.sessionEvents()).isEqualTo(55);
    }

    @Test
    void reportsProgressOncePerSecond() throws Exception {
        List<String> progress = new ArrayList<>();
        RampProfile profile = new RampProfile(4, 2, 6);

        ProducerResult result = publisher(producer).publish(new SyntheticTraffic(SyntheticConfig.of(profile, 1)),
                (second, requestsSoFar, users) -> progress.add(second + ":" + users));

        assertThat(progress).containsExactly("0:2", "1:6", "2:6", "3:2");
        assertThat(result.endTimeMs()).isEqualTo(4000);
    }

    @Test
    void abortsNamingTheTopicWhenTheClusterRefusesARecord() {
        MockProducer<byte[], byte[]> failing = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer()) {
            private int sends;

            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
                if (++sends == 3) {
                    callback.onCompletion(null, new RecordTooLargeException("record too large"));
                }
                return super.send(record, callback);
            }
        };
        SyntheticTraffic traffic = new SyntheticTraffic(SyntheticConfig.of(new RampProfile(20, 5, 5), 1));

        assertThatThrownBy(() -> publisher(failing).publish(traffic, ProgressListener.NONE))
                .isInstanceOf(PublishFailedException.class)
                .hasMessage("cannot send to topic t1.chat.requests: record too large");
        assertThat(failing.history()).noneMatch(r -> r.topic().equals("t1.chat.control"));
        assertThat(failing.closed()).isTrue();
    }

    @Test
    void stopsAtASecondBoundaryAfterCloseAndStillAccountsForWhatWasSent() throws Exception {
        TrafficPublisher publisher = publisher(producer);
        SyntheticTraffic traffic = new SyntheticTraffic(SyntheticConfig.of(new RampProfile(100, 3, 3), 1));

        ProducerResult result = publisher.publish(traffic, (second, requestsSoFar, users) -> {
            if (second == 9) {
                publisher.close();
            }
        });

        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.seconds()).isEqualTo(10);
        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        RunEnded marker = Json.fromBytes(sent.get(sent.size() - 1).value(), RunEnded.class);
        assertThat(marker).isEqualTo(new RunEnded(result.requestsProduced(), 10_000));
        long requestsSent = sent.stream().filter(r -> r.topic().endsWith("requests"))
                .filter(r -> event(r) instanceof ChatRequest).count();
        assertThat(requestsSent).isEqualTo(result.requestsProduced());
    }

    @Test
    void stopsWithoutAMarkerWhenInterrupted() {
        SyntheticTraffic traffic = new SyntheticTraffic(SyntheticConfig.of(new RampProfile(100, 3, 3), 1));

        try {
            assertThatThrownBy(() -> publisher(producer).publish(traffic, (second, requestsSoFar, users) -> {
                if (second == 4) {
                    Thread.currentThread().interrupt();
                }
            })).isInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(producer.history()).noneMatch(r -> r.topic().endsWith("control"));
    }

    private static ChatEvent event(ProducerRecord<byte[], byte[]> record) {
        try {
            return Json.mapper().readValue(record.value(), ChatEvent.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
