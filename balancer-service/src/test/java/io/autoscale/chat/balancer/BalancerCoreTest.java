package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;
import io.autoscale.chat.model.Watermark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BalancerCoreTest {

    private final ServerModel model = new ServerModel(10, 50);
    private final BalancerCore core = new BalancerCore(model);

    @Test
    void servesNothingUntilEveryPartitionHasSentAWatermark() {
        core.onDecision(decision(0, 1_000, 1));
        core.onRequest(0, request(0, 100));
        core.onWatermark(new Watermark(1_000, 0, 2));

        assertThat(drain()).isEmpty();
        assertThat(core.bufferedCount()).isEqualTo(1);

        core.onWatermark(new Watermark(1_000, 1, 2));

        assertThat(drain()).extracting(Completion::requestId).containsExactly(0L);
        assertThat(core.bufferedCount()).isZero();
    }

    @Test
    void servesOnlyRequestsBeforeTheSlowestPartitionsWatermark() {
        core.onDecision(decision(0, 1_000, 1));
        core.onDecision(decision(1_000, 2_000, 1));
        core.onRequest(0, request(0, 400));
        core.onRequest(1, request(1, 1_500));
        core.onWatermark(new Watermark(2_000, 0, 2));
        core.onWatermark(new Watermark(1_000, 1, 2));

        assertThat(drain()).extracting(Completion::requestId).containsExactly(0L);

        core.onWatermark(new Watermark(2_000, 1, 2));

        assertThat(drain()).extracting(Completion::requestId).containsExactly(1L);
    }

    @Test
    void waitsForTheDecisionOfARequestsWindow() {
        watermarks(3_000, 1);
        core.onRequest(0, request(0, 500));
        core.onRequest(0, request(1, 1_200));
        core.onDecision(decision(0, 1_000, 1));

        assertThat(drain()).extracting(Completion::requestId).containsExactly(0L);
        assertThat(core.servedThroughMs()).isEqualTo(1_000);

        core.onDecision(decision(1_000, 2_000, 1));

        assertThat(drain()).extracting(Completion::requestId).containsExactly(1L);
        assertThat(core.servedThroughMs()).isEqualTo(2_000);
    }

    @Test
    void servesInTimeOrderThenIdWhateverTheArrivalOrder() {
        core.onDecision(decision(0, 1_000, 1));
        core.onRequest(2, request(3, 300));
        core.onRequest(0, request(2, 100));
        core.onRequest(1, request(1, 100));
        core.onRequest(0, request(0, 50));
        watermarks(1_000, 3);

        assertThat(drain()).extracting(Completion::requestId).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void routesOverTheServersInForceDuringTheRequestsWindow() {
        core.onDecision(decision(0, 1_000, 2));
        core.onDecision(decision(1_000, 2_000, 3));
        for (int i = 0; i < 5; i++) {
            core.onRequest(0, request(i, i < 2 ? 100 * i : 1_000 + 100 * i));
        }
        watermarks(2_000, 1);

        List<Completion> completions = drain();

        assertThat(completions).extracting(Completion::servers).containsExactly(2, 2, 3, 3, 3);
        assertThat(completions).extracting(Completion::server).containsExactly(0, 1, 0, 1, 2);
    }

    @Test
    void overloadedServerResponseTimeGrowsLinearly() {
        core.onDecision(decision(0, 1_000, 1));
        for (int i = 0; i < 5; i++) {
            core.onRequest(0, request(i, 0));
        }
        watermarks(1_000, 1);

        List<Completion> completions = drain();

        assertThat(completions).extracting(Completion::waitMs).containsExactly(0.0, 100.0, 200.0, 300.0, 400.0);
        assertThat(completions).extracting(Completion::responseTimeMs)
                .containsExactly(50.0, 150.0, 250.0, 350.0, 450.0);
        assertThat(completions).extracting(Completion::late).containsOnly(false);
    }

    @Test
    void lateRequestIsServedAtOnceWithTheDecisionOfItsWindow() {
        core.onDecision(decision(0, 1_000, 2));
        core.onDecision(decision(1_000, 2_000, 4));
        core.onRequest(0, request(0, 1_100));
        watermarks(2_000, 1);
        drain();

        core.onRequest(0, request(1, 500));

        List<Completion> completions = drain();
        assertThat(completions).hasSize(1);
        Completion late = completions.get(0);
        assertThat(late.requestId()).isEqualTo(1);
        assertThat(late.late()).isTrue();
        assertThat(late.servers()).isEqualTo(2);
        assertThat(late.server()).isEqualTo(1);
        assertThat(core.lateCount()).isEqualTo(1);
        assertThat(core.servedCount()).isEqualTo(2);
    }

    @Test
    void lateRequestWhoseDecisionWasPrunedUsesTheLatestDecision() {
        BalancerCore pruning = new BalancerCore(model, 1);
        pruning.onDecision(decision(0, 1_000, 2));
        pruning.onDecision(decision(1_000, 2_000, 3));
        pruning.onDecision(decision(2_000, 3_000, 5));
        pruning.onWatermark(new Watermark(3_000, 0, 1));
        pruning.drainReady(completion -> { });

        pruning.onRequest(0, request(0, 200));

        List<Completion> completions = new ArrayList<>();
        pruning.drainReady(completions::add);
        assertThat(completions).singleElement().satisfies(completion -> {
            assertThat(completion.late()).isTrue();
            assertThat(completion.servers()).isEqualTo(5);
        });
    }

    @Test
    void lateRequestBeforeAnyServedRequestGetsAPool() {
        core.onDecision(decision(0, 1_000, 2));
        watermarks(1_000, 1);
        drain();

        core.onRequest(0, request(0, 10));

        assertThat(drain()).singleElement().satisfies(completion -> {
            assertThat(completion.late()).isTrue();
            assertThat(completion.waitMs()).isZero();
        });
    }

    @Test
    void keepsABoundedNumberOfDecisionsBehindTheServedTime() {
        BalancerCore pruning = new BalancerCore(model, 10);
        for (int window = 0; window < 5_000; window++) {
            pruning.onDecision(decision(window * 1_000L, (window + 1) * 1_000L, 1));
        }
        pruning.onWatermark(new Watermark(4_000_000, 0, 1));

        pruning.drainReady(completion -> { });

        assertThat(pruning.retainedDecisions()).isEqualTo(10 + 1_000);
    }

    @Test
    void ignoresADecisionReadAgain() {
        core.onDecision(decision(0, 1_000, 2));
        core.onDecision(decision(1_000, 2_000, 3));
        core.onDecision(decision(0, 1_000, 7));
        core.onRequest(0, request(0, 100));
        watermarks(1_000, 1);

        assertThat(drain()).extracting(Completion::servers).containsExactly(2);
        assertThat(core.retainedDecisions()).isEqualTo(2);
    }

    @Test
    void rejectsADecisionWithoutServers() {
        assertThatThrownBy(() -> core.onDecision(decision(0, 1_000, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decision serversBefore must be at least 1, got 0 for window 0");
    }

    @Test
    void rejectsAWatermarkForAPartitionOutsideTheTopic() {
        assertThatThrownBy(() -> core.onWatermark(new Watermark(1_000, 3, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("watermark partition must be in [0, partitions), got partition=3 partitions=3");
    }

    @Test
    void tracksTheOldestOffsetNotServedPerPartition() {
        core.onDecision(decision(0, 1_000, 1));
        core.onRequest(0, 40, request(0, 100));
        core.onRequest(0, 41, request(2, 1_500));
        core.onRequest(1, 7, request(1, 200));

        assertThat(core.oldestBufferedOffset(0)).isEqualTo(40);
        assertThat(core.oldestBufferedOffset(1)).isEqualTo(7);

        watermarks(2_000, 2);
        drain();

        assertThat(core.oldestBufferedOffset(0)).isEqualTo(41);
        assertThat(core.oldestBufferedOffset(1)).isEqualTo(BalancerCore.NO_OFFSET);
    }

    @Test
    void waitsOnThePartitionsHoldingEventTimeBack() {
        core.onDecision(decision(0, 10_000, 1));
        core.onWatermark(new Watermark(2_000, 0, 3));

        assertThat(core.waitsOnPartition(0)).isFalse();
        assertThat(core.waitsOnPartition(1)).isTrue();

        core.onWatermark(new Watermark(1_000, 1, 3));
        core.onWatermark(new Watermark(3_000, 2, 3));

        assertThat(core.waitsOnPartition(0)).isFalse();
        assertThat(core.waitsOnPartition(1)).isTrue();
        assertThat(core.waitsOnPartition(2)).isFalse();
    }

    @Test
    void waitsOnNoPartitionWhenDecisionsAreBehind() {
        core.onDecision(decision(0, 1_000, 1));
        watermarks(5_000, 2);

        assertThat(core.waitsOnPartition(0)).isFalse();
        assertThat(core.waitsOnPartition(1)).isFalse();
    }

    @Test
    void anyInterleavingOfPartitionsGivesTheSameCompletionsInTheSameOrder() {
        int partitions = 3;
        List<List<Event>> perPartition = generate(partitions, 20, new Random(7));
        List<ScalingDecision> decisions = decisions(20, new Random(11));

        List<Completion> reference = run(interleave(perPartition, decisions, new Random(1)));
        List<Completion> shuffled = run(interleave(perPartition, decisions, new Random(99)));
        List<Completion> decisionsLast = run(decisionsLast(perPartition, decisions));

        assertThat(reference).hasSize(perPartition.stream().mapToInt(p -> countRequests(p)).sum());
        assertThat(reference).extracting(Completion::late).containsOnly(false);
        assertThat(shuffled).isEqualTo(reference);
        assertThat(decisionsLast).isEqualTo(reference);
        assertThat(reference).isSortedAccordingTo(
                Comparator.comparingLong(Completion::timeMs).thenComparingLong(Completion::requestId));
    }

    private List<Completion> drain() {
        List<Completion> completions = new ArrayList<>();
        core.drainReady(completions::add);
        return completions;
    }

    private void watermarks(long timeMs, int partitions) {
        for (int partition = 0; partition < partitions; partition++) {
            core.onWatermark(new Watermark(timeMs, partition, partitions));
        }
    }

    private static ChatRequest request(long id, long timeMs) {
        return new ChatRequest(id, null, timeMs, 100);
    }

    private static ScalingDecision decision(long startMs, long endMs, int servers) {
        return new ScalingDecision(startMs, endMs, 0, 0, 0, servers, servers, ScalingAction.NONE, "test", 0);
    }

    /** An event as a partition or the decisions topic delivers it. */
    private record Event(int partition, Object payload) {
    }

    /** Requests with dense ids in time order, spread over partitions, and a watermark per second per partition. */
    private static List<List<Event>> generate(int partitions, int seconds, Random random) {
        List<List<Event>> perPartition = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            perPartition.add(new ArrayList<>());
        }
        long id = 0;
        for (int second = 0; second < seconds; second++) {
            int requests = random.nextInt(40);
            long[] times = random.longs(requests, second * 1_000L, (second + 1) * 1_000L).sorted().toArray();
            for (long timeMs : times) {
                int partition = random.nextInt(partitions);
                perPartition.get(partition).add(new Event(partition, request(id++, timeMs)));
            }
            for (int partition = 0; partition < partitions; partition++) {
                perPartition.get(partition).add(new Event(partition,
                        new Watermark((second + 1) * 1_000L, partition, partitions)));
            }
        }
        return perPartition;
    }

    private static List<ScalingDecision> decisions(int seconds, Random random) {
        List<ScalingDecision> decisions = new ArrayList<>();
        for (int second = 0; second < seconds; second++) {
            decisions.add(decision(second * 1_000L, (second + 1) * 1_000L, 1 + random.nextInt(4)));
        }
        return decisions;
    }

    /** A random merge that keeps each partition's order and the decisions' order. */
    private static List<Event> interleave(List<List<Event>> perPartition, List<ScalingDecision> decisions,
            Random random) {
        List<List<Event>> sources = new ArrayList<>(perPartition);
        sources.add(decisions.stream().map(decision -> new Event(-1, decision)).toList());
        int[] next = new int[sources.size()];
        List<Event> merged = new ArrayList<>();
        int remaining = sources.stream().mapToInt(List::size).sum();
        while (remaining > 0) {
            int source = random.nextInt(sources.size());
            if (next[source] < sources.get(source).size()) {
                merged.add(sources.get(source).get(next[source]++));
                remaining--;
            }
        }
        return merged;
    }

    private static List<Event> decisionsLast(List<List<Event>> perPartition, List<ScalingDecision> decisions) {
        List<Event> events = new ArrayList<>();
        for (int i = perPartition.size() - 1; i >= 0; i--) {
            events.addAll(perPartition.get(i));
        }
        decisions.forEach(decision -> events.add(new Event(-1, decision)));
        return events;
    }

    private List<Completion> run(List<Event> events) {
        BalancerCore fresh = new BalancerCore(model);
        List<Completion> completions = new ArrayList<>();
        for (Event event : events) {
            if (event.payload() instanceof ChatRequest request) {
                fresh.onRequest(event.partition(), request);
            } else if (event.payload() instanceof Watermark watermark) {
                fresh.onWatermark(watermark);
            } else {
                fresh.onDecision((ScalingDecision) event.payload());
            }
            fresh.drainReady(completions::add);
        }
        return completions;
    }

    private static int countRequests(List<Event> events) {
        return (int) events.stream().filter(event -> event.payload() instanceof ChatRequest).count();
    }
}
