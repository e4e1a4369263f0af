package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;
import io.autoscale.chat.model.Watermark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router();
    private final List<Object> out = new ArrayList<>();
    private final RoutedSink sink = new RoutedSink() {
        @Override
        public void request(RoutedRequest request) {
            out.add(request);
        }

        @Override
        public void watermark(Watermark watermark) {
            out.add(watermark);
        }
    };

    @Test
    void sendsRequestIdModuloTheServersInForceAtItsTime() {
        router.onDecision(decision(0, 1_000, 3));
        router.onDecision(decision(1_000, 2_000, 2));
        for (int id = 0; id < 5; id++) {
            router.onRequest(0, id, request(id, id < 3 ? 100 : 1_500));
        }

        router.drain(sink);

        assertThat(out).extracting(r -> ((RoutedRequest) r).server()).containsExactly(0, 1, 2, 1, 0);
        assertThat(out).extracting(r -> ((RoutedRequest) r).servers()).containsExactly(3, 3, 3, 2, 2);
        assertThat(out.get(4)).isEqualTo(new RoutedRequest(4, 1_500, 0, 2, 0, 4));
    }

    @Test
    void holdsAWatermarkBehindTheRequestsBeforeItOnItsPartition() {
        router.onDecision(decision(0, 1_000, 2));
        router.onRequest(0, 10, request(0, 900));
        router.onRequest(0, 11, request(1, 1_200));
        router.onWatermark(0, 12, new Watermark(2_000, 0, 2));
        router.onWatermark(1, 3, new Watermark(2_000, 1, 2));

        router.drain(sink);

        assertThat(out).containsExactlyInAnyOrder(new RoutedRequest(0, 900, 0, 2, 0, 10),
                new Watermark(2_000, 1, 2));
        assertThat(router.oldestPendingOffset(0)).isEqualTo(11);
        assertThat(router.oldestPendingOffset(1)).isEqualTo(BufferedOffsets.NONE);
        assertThat(router.pendingCount()).isEqualTo(2);

        out.clear();
        router.onDecision(decision(1_000, 2_000, 3));
        router.drain(sink);

        assertThat(out).containsExactly(new RoutedRequest(1, 1_200, 1, 3, 0, 11), new Watermark(2_000, 0, 2));
        assertThat(router.pendingCount()).isZero();
    }

    @Test
    void routesNothingBeforeTheFirstDecision() {
        router.onRequest(0, 0, request(0, 100));

        assertThat(router.drain(sink)).isZero();
        assertThat(router.oldestPendingOffset(0)).isZero();
    }

    @Test
    void aRequestBeforeEveryDecisionUsesTheEarliest() {
        router.onDecision(decision(1_000, 2_000, 4));
        router.onRequest(0, 0, request(7, 500));

        router.drain(sink);

        assertThat(out).containsExactly(new RoutedRequest(7, 500, 3, 4, 0, 0));
    }

    @Test
    void forgetsAPartitionItGaveUp() {
        router.onRequest(2, 5, request(0, 100));
        router.onRequest(2, 6, request(1, 100));

        router.forget(2);

        assertThat(router.pendingCount()).isZero();
        assertThat(router.oldestPendingOffset(2)).isEqualTo(BufferedOffsets.NONE);
    }

    @Test
    void rejectsAWatermarkForAPartitionOutsideTheTopic() {
        assertThatThrownBy(() -> router.onWatermark(0, 0, new Watermark(1_000, 3, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("watermark partition must be in [0, partitions), got partition=3 partitions=3");
    }

    private static ChatRequest request(long id, long timeMs) {
        return new ChatRequest(id, null, timeMs, 100);
    }

    static ScalingDecision decision(long startMs, long endMs, int servers) {
        return new ScalingDecision(startMs, endMs, 0, 0, 0, servers, servers, ScalingAction.NONE, "test", 0);
    }
}
