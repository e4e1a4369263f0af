package io.autoscale.chat.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MessageSizeTest {

    @Test
    void aFixedSizeDrawsNothingFromTheStream() {
        SplittableRandom used = new SplittableRandom(1);
        SplittableRandom untouched = new SplittableRandom(1);

        assertThat(MessageSize.fixed(64).sample(used)).isEqualTo(64);
        assertThat(used.nextLong()).isEqualTo(untouched.nextLong());
    }

    @Test
    void aRangeCoversBothEnds() {
        SplittableRandom random = new SplittableRandom(2);
        MessageSize size = new MessageSize(1, 3);
        int[] seen = new int[4];
        for (int i = 0; i < 300; i++) {
            seen[size.sample(random)]++;
        }
        assertThat(seen[0]).isZero();
        assertThat(seen[1]).isPositive();
        assertThat(seen[3]).isPositive();
    }

    @Test
    void rejectsAnInvertedRange() {
        assertThatThrownBy(() -> new MessageSize(10, 5))
                .hasMessage("--message-bytes maximum (5) must not be below the minimum (10)");
    }
}
