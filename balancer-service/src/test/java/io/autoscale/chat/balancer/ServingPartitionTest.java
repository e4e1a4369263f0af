package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.Watermark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServingPartitionTest {

    private final ServerModel model = new ServerModel(10, 50);
    private final ServingPartition partition = new ServingPartition(0, model);
    private final List<Completion> out = new ArrayList<>();
    private long nextOffset;

    @Test
    void servesNothingUntilEverySourcePartitionsWatermarkHasPassed() {
        request(routed(0, 100, 0, 1, 0, 0));
        watermark(new Watermark(1_000, 0, 2));

        assertThat(out).isEmpty();
        assertThat(partition.pendingCount()).isEqualTo(1);

        watermark(new Watermark(1_000, 1, 2));

        assertThat(out).extracting(Completion::requestId).containsExactly(0L);
        assertThat(partition.servedThroughMs()).isEqualTo(1_000);
    }

    @Test
    void servesInTimeThenIdOrderWhateverTheArrivalOrder() {
        request(routed(3, 300, 0, 1, 1, 0));
        request(routed(2, 100, 0, 1, 0, 0));
        request(routed(1, 100, 0, 1, 1, 1));
        request(routed(0, 50, 0, 1, 2, 0));
        for (int source = 0; source < 3; source++) {
            watermark(new Watermark(1_000, source, 3));
        }

        assertThat(out).extracting(Completion::requestId).containsExactly(0L, 1L, 2L, 3L);
        assertThat(out).extracting(Completion::waitMs).containsExactly(0.0, 50.0, 150.0, 50.0);
        assertThat(out).extracting(Completion::responseTimeMs).containsExactly(50.0, 100.0, 200.0, 100.0);
    }

    @Test
    void eachServerHasItsOwnBacklog() {
        request(routed(0, 0, 0, 2, 0, 0));
        request(routed(1, 0, 1, 2, 0, 1));
        request(routed(2, 0, 0, 2, 0, 2));
        watermark(new Watermark(1_000, 0, 1));

        assertThat(out).extracting(Completion::waitMs).containsExactly(0.0, 0.0, 100.0);
        assertThat(out).extracting(Completion::server).containsExactly(0, 1, 0);
        assertThat(out).extracting(Completion::servers).containsOnly(2);
    }

    @Test
    void aRequestBelowTheServedTimeIsServedAtOnceAndMarkedLate() {
        watermark(new Watermark(2_000, 0, 1));

        request(routed(5, 500, 1, 2, 0, 7));

        assertThat(out).singleElement().isEqualTo(new Completion(5, 500, 1, 2, 0.0, 50.0, true));
        assertThat(partition.lateCount()).isEqualTo(1);
    }

    @Test
    void dropsARequestRoutedTwice() {
        request(routed(0, 100, 0, 1, 0, 4));
        watermark(new Watermark(1_000, 0, 1));

        request(routed(0, 100, 0, 1, 0, 4));
        request(routed(1, 900, 0, 1, 0, 5));

        assertThat(out).extracting(Completion::requestId).containsExactly(0L, 1L);
        assertThat(out).extracting(Completion::late).containsExactly(false, true);
        assertThat(partition.duplicateCount()).isEqualTo(1);
    }

    @Test
    void tracksTheOldestPendingOffset() {
        request(routed(1, 1_500, 0, 1, 0, 0));
        request(routed(0, 100, 0, 1, 1, 0));

        assertThat(partition.oldestPendingOffset()).isZero();

        watermark(new Watermark(1_000, 0, 2));
        watermark(new Watermark(1_000, 1, 2));

        assertThat(partition.oldestPendingOffset()).isZero();
        assertThat(out).extracting(Completion::requestId).containsExactly(0L);
    }

    @Test
    void aCheckpointRestoresBacklogsAndReplaysOnlyWhatWasPending() {
        request(routed(0, 0, 0, 1, 0, 0));
        request(routed(1, 0, 0, 1, 0, 1));
        watermark(new Watermark(500, 0, 1));
        long committed = nextOffset;
        request(routed(2, 600, 0, 1, 0, 2));
        ServingCheckpoint checkpoint = partition.checkpoint(nextOffset);
        assertThat(partition.oldestPendingOffset()).isEqualTo(committed);

        ServingPartition restored = new ServingPartition(ServingCheckpoint.fromBytes(checkpoint.toBytes()), model);
        List<Completion> again = new ArrayList<>();
        restored.onRequest(committed, routed(2, 600, 0, 1, 0, 2), again::add);
        restored.onRequest(nextOffset, routed(2, 600, 0, 1, 0, 2), again::add);
        restored.onRequest(nextOffset + 1, routed(3, 600, 0, 1, 0, 3), again::add);
        restored.onWatermark(new Watermark(1_000, 0, 1), again::add);
        nextOffset++;
        request(routed(3, 600, 0, 1, 0, 3));
        watermark(new Watermark(1_000, 0, 1));

        assertThat(again).extracting(Completion::requestId).containsExactly(2L, 3L);
        assertThat(again).isEqualTo(out.subList(2, 4));
        assertThat(again.get(1).waitMs()).isEqualTo(100.0);
        assertThat(restored.duplicateCount()).isEqualTo(1);
    }

    private void request(RoutedRequest request) {
        partition.onRequest(nextOffset++, request, out::add);
    }

    private void watermark(Watermark watermark) {
        nextOffset++;
        partition.onWatermark(watermark, out::add);
    }

    private static RoutedRequest routed(long id, long timeMs, int server, int servers, int source, long offset) {
        return new RoutedRequest(id, timeMs, server, servers, source, offset);
    }
}
