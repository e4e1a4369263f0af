package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.MalformedRecordException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ServingCheckpointTest {

    @Test
    void readsBackWhatItWrote() {
        ServingCheckpoint checkpoint = new ServingCheckpoint(3, 1_234, 9_000, new long[] {9_000, Long.MIN_VALUE},
                new long[] {41, -1}, new int[] {3, 7}, new double[] {9_050.5, 12_000});

        ServingCheckpoint read = ServingCheckpoint.fromBytes(checkpoint.toBytes());

        assertThat(read.routedPartition()).isEqualTo(3);
        assertThat(read.readOffset()).isEqualTo(1_234);
        assertThat(read.servedThroughMs()).isEqualTo(9_000);
        assertThat(read.watermarksMs()).containsExactly(9_000, Long.MIN_VALUE);
        assertThat(read.sourceSeenOffsets()).containsExactly(41, -1);
        assertThat(read.servers()).containsExactly(3, 7);
        assertThat(read.busyUntilMs()).containsExactly(9_050.5, 12_000);
    }

    @Test
    void rejectsATruncatedCheckpoint() {
        byte[] bytes = new ServingCheckpoint(0, 1, 2, new long[] {5}, new long[0], new int[0], new double[0])
                .toBytes();

        assertThatThrownBy(() -> ServingCheckpoint.fromBytes(Arrays.copyOf(bytes, bytes.length - 12)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("checkpoint announces 1 entries of 8 bytes but holds only 4 bytes more");
    }
}
