package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.ScalingDecision;
import io.autoscale.chat.model.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The routing and serving stages wired together without Kafka: whatever the partitions, the
 * instances of each stage, the interleaving and the handovers of partitions between instances,
 * every request gets the same completion (DESIGN.md invariant 3).
 */
class TwoStageDeterminismTest {

    private static final int SECONDS = 30;
    private final ServerModel model = new ServerModel(20, 40);
    private final List<TimedRequest> requests = requests(new Random(3));
    private final List<ScalingDecision> decisions = decisions(new Random(5));

    @Test
    void sameCompletionsWhateverThePartitionsAndInstances() {
        List<Completion> reference = run(new Layout(1, 1, 1, 1, false, false), 1);

        assertThat(reference).hasSize(requests.size());
        assertThat(reference).extracting(Completion::late).containsOnly(false);
        assertThat(reference).extracting(Completion::waitMs).anyMatch(waitMs -> waitMs > 0);
        assertThat(run(new Layout(6, 6, 1, 1, false, false), 2)).isEqualTo(reference);
        assertThat(run(new Layout(6, 6, 2, 2, false, false), 3)).isEqualTo(reference);
        assertThat(run(new Layout(1, 4, 2, 2, false, false), 4)).isEqualTo(reference);
        assertThat(run(new Layout(6, 3, 2, 1, false, false), 5)).isEqualTo(reference);
    }

    @Test
    void sameCompletionsWhenPartitionsMoveBetweenInstancesMidRun() {
        List<Completion> reference = run(new Layout(1, 1, 1, 1, false, false), 1);

        assertThat(run(new Layout(6, 6, 2, 2, true, false), 7)).isEqualTo(reference);
        assertThat(run(new Layout(6, 6, 2, 2, false, true), 8)).isEqualTo(reference);
        assertThat(run(new Layout(6, 2, 2, 2, true, true), 9)).isEqualTo(reference);
    }

    /**
     * @param sources          partitions of the requests topic
     * @param routedPartitions partitions of the routed topic
     * @param routers          routing instances, each reading a subset of the sources
     * @param servers          serving instances, each serving a subset of the routed partitions
     * @param moveSource       source partition 0 moves to another routing instance mid-run
     * @param moveRouted       every routed partition is taken over from its checkpoint mid-run
     */
    private record Layout(int sources, int routedPartitions, int routers, int servers, boolean moveSource,
            boolean moveRouted) {
    }

    private List<Completion> run(Layout layout, long seed) {
        Random random = new Random(seed);
        List<List<ChatEvent>> sources = split(layout.sources(), random);
        List<List<Object>> routed = new ArrayList<>();
        for (int r = 0; r < layout.routedPartitions(); r++) {
            routed.add(new ArrayList<>());
        }
        RoutedSink sink = sinkInto(routed);

        Router[] routers = new Router[layout.routers()];
        int[] decisionCursor = new int[layout.routers()];
        int[] owner = new int[layout.sources()];
        int[] sourceCursor = new int[layout.sources()];
        for (int i = 0; i < routers.length; i++) {
            routers[i] = new Router();
        }
        for (int p = 0; p < owner.length; p++) {
            owner[p] = p % routers.length;
        }
        ServingPartition[] serving = new ServingPartition[layout.routedPartitions()];
        int[] routedCursor = new int[layout.routedPartitions()];
        for (int r = 0; r < serving.length; r++) {
            serving[r] = new ServingPartition(r, model);
        }

        Map<Long, Completion> completions = new TreeMap<>();
        java.util.function.Consumer<Completion> out = completion -> {
            Completion first = completions.putIfAbsent(completion.requestId(), completion);
            assertThat(first == null || first.equals(completion)).as("copy of %s", first).isTrue();
        };

        int steps = 0;
        boolean moved = false;
        while (true) {
            List<Runnable> actions = new ArrayList<>();
            for (int i = 0; i < routers.length; i++) {
                int instance = i;
                if (decisionCursor[i] < decisions.size()) {
                    actions.add(() -> routers[instance].onDecision(decisions.get(decisionCursor[instance]++)));
                }
            }
            for (int p = 0; p < sources.size(); p++) {
                int partition = p;
                if (sourceCursor[p] < sources.get(p).size()) {
                    actions.add(() -> feed(routers[owner[partition]], partition, sourceCursor[partition]++,
                            sources.get(partition)));
                }
            }
            for (int r = 0; r < serving.length; r++) {
                int partition = r;
                if (routedCursor[r] < routed.get(r).size()) {
                    actions.add(() -> serve(serving[partition], routedCursor[partition]++,
                            routed.get(partition), out));
                }
            }
            if (actions.isEmpty()) {
                break;
            }
            actions.get(random.nextInt(actions.size())).run();
            for (Router router : routers) {
                router.drain(sink);
            }

            steps++;
            if (!moved && steps == requests.size()) {
                moved = true;
                if (layout.moveSource()) {
                    int from = owner[0];
                    long oldest = routers[from].oldestPendingOffset(0);
                    routers[from].forget(0);
                    owner[0] = (from + 1) % routers.length;
                    sourceCursor[0] = oldest == BufferedOffsets.NONE ? sourceCursor[0] : (int) oldest;
                }
                if (layout.moveRouted()) {
                    for (int r = 0; r < serving.length; r++) {
                        ServingCheckpoint checkpoint = serving[r].checkpoint(routedCursor[r]);
                        long oldest = serving[r].oldestPendingOffset();
                        serving[r] = new ServingPartition(ServingCheckpoint.fromBytes(checkpoint.toBytes()), model);
                        routedCursor[r] = oldest == ServingPartition.NONE ? routedCursor[r] : (int) oldest;
                    }
                }
            }
        }
        return new ArrayList<>(completions.values());
    }

    private static void feed(Router router, int partition, int offset, List<ChatEvent> events) {
        ChatEvent event = events.get(offset);
        if (event instanceof ChatRequest request) {
            router.onRequest(partition, offset, request);
        } else {
            router.onWatermark(partition, offset, (Watermark) event);
        }
    }

    private static void serve(ServingPartition partition, int offset, List<Object> records,
            java.util.function.Consumer<Completion> out) {
        Object record = records.get(offset);
        if (record instanceof RoutedRequest request) {
            partition.onRequest(offset, request, out);
        } else {
            partition.onWatermark((Watermark) record, out);
        }
    }

    private static RoutedSink sinkInto(List<List<Object>> routed) {
        return new RoutedSink() {
            @Override
            public void request(RoutedRequest request) {
                routed.get(RoutedRecords.partitionOf(request.server(), routed.size())).add(request);
            }

            @Override
            public void watermark(Watermark watermark) {
                routed.forEach(records -> records.add(watermark));
            }
        };
    }

    private List<List<ChatEvent>> split(int partitions, Random random) {
        List<List<ChatEvent>> sources = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            sources.add(new ArrayList<>());
        }
        int next = 0;
        for (int second = 0; second < SECONDS; second++) {
            while (next < requests.size() && requests.get(next).second() == second) {
                sources.get(random.nextInt(partitions)).add(requests.get(next++).request());
            }
            for (int p = 0; p < partitions; p++) {
                sources.get(p).add(new Watermark((second + 1) * 1_000L, p, partitions));
            }
        }
        return sources;
    }

    private record TimedRequest(int second, ChatRequest request) {
    }

    /** Dense ids in time order; bursts above the servers' capacity so that backlogs form. */
    private static List<TimedRequest> requests(Random random) {
        List<TimedRequest> requests = new ArrayList<>();
        long id = 0;
        for (int second = 0; second < SECONDS; second++) {
            long[] times = random.longs(random.nextInt(120), second * 1_000L, (second + 1) * 1_000L).sorted()
                    .toArray();
            for (long timeMs : times) {
                requests.add(new TimedRequest(second, new ChatRequest(id++, null, timeMs, 100)));
            }
        }
        return requests;
    }

    private static List<ScalingDecision> decisions(Random random) {
        List<ScalingDecision> decisions = new ArrayList<>();
        for (int second = 0; second < SECONDS; second++) {
            decisions.add(RouterTest.decision(second * 1_000L, (second + 1) * 1_000L, 1 + random.nextInt(5)));
        }
        return decisions;
    }
}
