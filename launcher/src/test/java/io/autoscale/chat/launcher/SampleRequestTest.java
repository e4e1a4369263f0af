package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SampleRequestTest {

    private final SampleRequest sample = new SampleRequest();

    @Test
    void isTheJsonTheProducerWritesForARequestOfDayOne() {
        assertThat(new String(sample.value(0), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"request\",\"id\":1000000,\"user\":null,\"timeMs\":10000000,\"bytes\":210}");
        assertThat(sample.valueBytes()).isEqualTo(73);
        assertThat(sample.recordBytes()).isEqualTo(81);
    }

    @Test
    void everyRecordHasItsOwnIdAndTimeAndTheSameLength() {
        ChatEvent event = Json.fromBytes(sample.value(123_456), ChatEvent.class);

        assertThat(event).isEqualTo(new ChatRequest(1_123_456, null, 10_000_000 + 123_456 * 16L, 210));
        assertThat(sample.value(8_999_999)).hasSize(73);
        assertThat(Json.fromBytes(sample.value(9_000_000), ChatEvent.class))
                .isEqualTo(new ChatRequest(1_000_000, null, 10_000_000 + 54_000_000, 210));
    }

    @Test
    void keysAreTheIdOnEightBytesAsTheProducerWritesThem() {
        assertThat(ByteBuffer.wrap(SampleRequest.key(42)).getLong()).isEqualTo(42);
        assertThat(SampleRequest.key(42)).hasSize(8);
    }
}
