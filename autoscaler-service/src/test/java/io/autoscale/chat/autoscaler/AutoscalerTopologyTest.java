package io.autoscale.chat.autoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.autoscaler.policy.ScalingBounds;
import io.autoscale.chat.autoscaler.policy.ThresholdPolicy;
import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.DeadLetters;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;
import io.autoscale.chat.model.SessionEvent;
import io.autoscale.chat.model.Topics;
import io.autoscale.chat.model.Watermark;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AutoscalerTopologyTest {

    private final Topics topics = Topics.plain();
    private final AtomicLong deadLetters = new AtomicLong();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> requests;
    private TestInputTopic<byte[], byte[]> partials;
    private TestOutputTopic<byte[], byte[]> decisions;
    private TestOutputTopic<byte[], byte[]> deadLetterTopic;
    private long nextId;

    private void start(LoadMeasure measure) {
        start(measure, 0);
    }

    private void start(LoadMeasure measure, long startupDelayMs) {
        AutoscalerConfig config = new AutoscalerConfig(1_000, measure, () -> ThresholdPolicy.of(30, 10, 1, 5_000),
                new ScalingBounds(2, 10), startupDelayMs);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "autoscaler-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(AutoscalerTopology.build(config, topics, deadLetters), props);

        ByteArraySerializer out = new ByteArraySerializer();
        ByteArrayDeserializer in = new ByteArrayDeserializer();
        requests = driver.createInputTopic(topics.requests(), out, out);
        partials = driver.createInputTopic(topics.windowPartials(), out, out);
        decisions = driver.createOutputTopic(topics.decisions(), in, in);
        deadLetterTopic = driver.createOutputTopic(topics.deadLetters(), in, in);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aWindowIsDecidedOnceWhenTheWatermarkPassesItsEnd() {
        start(LoadMeasure.REQUEST_RATE);

        request(100);
        request(200);
        assertThat(decisions.isEmpty()).isTrue();

        watermark(1_000);
        watermark(1_000);
        watermark(999);

        List<ScalingDecision> decided = decided();
        assertThat(decided).hasSize(1);
        assertThat(decided.get(0).windowStartMs()).isZero();
        assertThat(decided.get(0).windowEndMs()).isEqualTo(1_000);
        assertThat(decided.get(0).requests()).isEqualTo(2);
        assertThat(decided.get(0).load()).isEqualTo(2.0);
    }

    @Test
    void decisionsCarryTheWatermarksKafkaTimestampNotEventTime() {
        start(LoadMeasure.REQUEST_RATE);
        long wallClock = 1_796_000_000_000L;

        requests.pipeInput(null, Json.toBytes(new Watermark(1_000, 0, 1)), wallClock);

        TestRecord<byte[], byte[]> decision = decisions.readRecord();
        assertThat(decision.timestamp()).isEqualTo(wallClock);
    }

    @Test
    void windowsCloseWithoutTrafficWhenTheWatermarkMovesOn() {
        start(LoadMeasure.REQUEST_RATE);

        request(500);
        watermark(4_000);

        List<ScalingDecision> decided = decided();
        assertThat(decided).extracting(ScalingDecision::windowEndMs).containsExactly(1_000L, 2_000L, 3_000L, 4_000L);
        assertThat(decided).extracting(ScalingDecision::requests).containsExactly(1L, 0L, 0L, 0L);
        assertThat(decided).allSatisfy(d -> assertThat(d.serversAfter()).isEqualTo(2));
    }

    @Test
    void anOutOfOrderRequestInsideItsWindowIsCounted() {
        start(LoadMeasure.REQUEST_RATE);

        request(900);
        request(300);
        request(1_100);
        request(999);
        watermark(2_000);

        assertThat(decided()).extracting(ScalingDecision::requests).containsExactly(3L, 1L);
    }

    @Test
    void aRequestAfterItsWindowWasDecidedIsReportedLate() {
        start(LoadMeasure.REQUEST_RATE);

        request(100);
        watermark(1_000);
        request(500);
        watermark(2_000);

        List<ScalingDecision> decided = decided();
        assertThat(decided).extracting(ScalingDecision::requests).containsExactly(1L, 0L);
        assertThat(decided).extracting(ScalingDecision::lateRequests).containsExactly(0L, 1L);
    }

    @Test
    void usersAreCountedFromJoinsAndLeavesNotFromRequests() {
        start(LoadMeasure.USERS);

        for (int user = 1; user <= 70; user++) {
            pipe(new SessionEvent("user-" + user, 0, true));
        }
        request(10);
        watermark(1_000);
        for (int user = 70; user > 40; user--) {
            pipe(new SessionEvent("user-" + user, 1_000, false));
        }
        watermark(2_000);

        List<ScalingDecision> decided = decided();
        assertThat(decided).extracting(ScalingDecision::load).containsExactly(70.0, 40.0);
        assertThat(decided).extracting(ScalingDecision::connectedUsers).containsExactly(70L, 40L);
        assertThat(decided.get(0).action()).isEqualTo(ScalingAction.SCALE_UP);
        assertThat(decided.get(0).serversBefore()).isEqualTo(2);
        assertThat(decided.get(0).serversAfter()).isEqualTo(3);
        assertThat(decided.get(0).reason()).isEqualTo("load per server 35.0 > 30");
        assertThat(decided.get(1).action()).isEqualTo(ScalingAction.NONE);
        assertThat(decided.get(1).serversBefore()).isEqualTo(3);
    }

    @Test
    void cooldownIsMeasuredInEventTime() {
        start(LoadMeasure.REQUEST_RATE);

        for (long second = 0; second < 8; second++) {
            for (int i = 0; i < 200; i++) {
                request(second * 1_000 + i);
            }
            watermark((second + 1) * 1_000);
        }

        assertThat(decided()).extracting(ScalingDecision::serversAfter)
                .containsExactly(3, 3, 3, 3, 3, 4, 4, 4);
    }

    @Test
    void aServerOrderedWithAStartupDelayCostsAtOnceAndServesOnlyAfterIt() {
        start(LoadMeasure.REQUEST_RATE, 3_000);

        for (long second = 0; second < 5; second++) {
            for (int i = 0; i < 100; i++) {
                request(second * 1_000 + i);
            }
            watermark((second + 1) * 1_000);
        }

        List<ScalingDecision> decided = decided();
        assertThat(decided).extracting(ScalingDecision::serversBefore).containsExactly(2, 2, 2, 2, 3);
        assertThat(decided).extracting(ScalingDecision::provisioned).containsExactly(2, 3, 3, 3, 3);
        assertThat(decided).extracting(ScalingDecision::serversAfter).containsExactly(3, 3, 3, 3, 3);
        assertThat(decided).extracting(ScalingDecision::action).containsExactly(ScalingAction.SCALE_UP,
                ScalingAction.NONE, ScalingAction.NONE, ScalingAction.NONE, ScalingAction.NONE);
    }

    @Test
    void everyDecisionSaysWhichRuleFiredWhatItRecommendedAndWhatHeldItBack() {
        start(LoadMeasure.REQUEST_RATE);

        for (long second = 0; second < 2; second++) {
            for (int i = 0; i < 200; i++) {
                request(second * 1_000 + i);
            }
            watermark((second + 1) * 1_000);
        }

        List<ScalingDecision> decided = decided();
        ScalingDecision acted = decided.get(0);
        assertThat(acted.policy()).isEqualTo("threshold");
        assertThat(acted.branch()).isEqualTo("threshold");
        assertThat(acted.rule()).isEqualTo("load per server 100.0 > 30");
        assertThat(acted.recommendation()).isEqualTo(3);
        assertThat(acted.heldBy()).isNull();
        ScalingDecision held = decided.get(1);
        assertThat(held.action()).isEqualTo(ScalingAction.NONE);
        assertThat(held.rule()).isEqualTo("load per server 66.7 > 30");
        assertThat(held.recommendation()).isEqualTo(4);
        assertThat(held.heldBy()).isEqualTo("cooldown (4.0 s left)");
        assertThat(held.reason()).isEqualTo("load per server 66.7 > 30; recommended 4; held by cooldown (4.0 s left)");
    }

    @Test
    void theDeciderWaitsForEveryPartitionAndIgnoresRepeatedReports() {
        start(LoadMeasure.REQUEST_RATE);

        partial(new WindowPartial(0, 1_000, 0, 3, 10, 0, 0));
        partial(new WindowPartial(0, 1_000, 2, 3, 5, 0, 0));
        partial(new WindowPartial(0, 1_000, 2, 3, 5, 0, 0));
        assertThat(decisions.isEmpty()).isTrue();

        partial(new WindowPartial(1_000, 2_000, 1, 3, 7, 0, 0));
        assertThat(decisions.isEmpty()).isTrue();

        partial(new WindowPartial(0, 1_000, 1, 3, 1, 0, 2));
        List<ScalingDecision> first = decided();
        assertThat(first).hasSize(1);
        assertThat(first.get(0).requests()).isEqualTo(16);
        assertThat(first.get(0).lateRequests()).isEqualTo(2);

        partial(new WindowPartial(1_000, 2_000, 0, 3, 1, 0, 0));
        partial(new WindowPartial(1_000, 2_000, 2, 3, 1, 0, 0));
        partial(new WindowPartial(0, 1_000, 0, 3, 99, 0, 0));
        assertThat(decided()).extracting(ScalingDecision::requests).containsExactly(9L);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndProcessingGoesOn() {
        start(LoadMeasure.REQUEST_RATE);
        byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);

        requests.pipeInput("k".getBytes(StandardCharsets.UTF_8), garbage);
        request(100);
        watermark(1_000);

        assertThat(deadLetters.get()).isEqualTo(1);
        TestRecord<byte[], byte[]> dead = deadLetterTopic.readRecord();
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(new String(dead.headers().lastHeader(DeadLetters.HEADER_TOPIC).value(), StandardCharsets.UTF_8))
                .isEqualTo(topics.requests());
        assertThat(new String(dead.headers().lastHeader(DeadLetters.HEADER_OFFSET).value(), StandardCharsets.UTF_8))
                .isEqualTo("0");
        assertThat(decided()).extracting(ScalingDecision::requests).containsExactly(1L);
    }

    private void request(long timeMs) {
        pipe(new ChatRequest(nextId++, "user-1", timeMs, 100));
    }

    private void watermark(long timeMs) {
        pipe(new Watermark(timeMs, 0, 1));
    }

    private void pipe(ChatEvent event) {
        requests.pipeInput(null, Json.toBytes(event));
    }

    private void partial(WindowPartial partial) {
        partials.pipeInput(WindowPartialsProcessor.DECIDER_KEY, Json.toBytes(partial));
    }

    private List<ScalingDecision> decided() {
        return decisions.readValuesToList().stream()
                .map(bytes -> Json.fromBytes(bytes, ScalingDecision.class))
                .toList();
    }
}
