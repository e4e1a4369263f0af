package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BufferedOffsetsTest {

    private final BufferedOffsets offsets = new BufferedOffsets();

    @Test
    void oldestIsTheFirstOffsetNotRemoved() {
        offsets.add(0, 10);
        offsets.add(0, 11);
        offsets.add(2, 5);

        offsets.remove(0, 10);

        assertThat(offsets.oldest(0)).isEqualTo(11);
        assertThat(offsets.oldest(1)).isEqualTo(BufferedOffsets.NONE);
        assertThat(offsets.oldest(2)).isEqualTo(5);
    }

    @Test
    void anOffsetServedOutOfOrderIsSkippedOnceTheOlderOneIsServed() {
        offsets.add(0, 10);
        offsets.add(0, 11);
        offsets.add(0, 12);

        offsets.remove(0, 11);
        assertThat(offsets.oldest(0)).isEqualTo(10);

        offsets.remove(0, 10);
        assertThat(offsets.oldest(0)).isEqualTo(12);

        offsets.remove(0, 12);
        assertThat(offsets.oldest(0)).isEqualTo(BufferedOffsets.NONE);
    }

    @Test
    void holdsMoreOffsetsThanItsInitialCapacityAcrossWrapping() {
        for (long offset = 0; offset < 10; offset++) {
            offsets.add(0, offset);
        }
        for (long offset = 0; offset < 8; offset++) {
            offsets.remove(0, offset);
        }
        for (long offset = 10; offset < 100; offset++) {
            offsets.add(0, offset);
        }
        for (long offset = 8; offset < 99; offset++) {
            offsets.remove(0, offset);
        }

        assertThat(offsets.oldest(0)).isEqualTo(99);
    }
}
