package io.autoscale.chat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void chatEventsRoundTripWithTheirType() {
        ChatEvent request = new ChatRequest(7, "user-3", 1_500, 120);
        ChatEvent session = new SessionEvent("user-3", 1_000, true);
        ChatEvent watermark = new Watermark(2_000, 1, 3);

        assertThat(Json.fromBytes(Json.toBytes(request), ChatEvent.class)).isEqualTo(request);
        assertThat(Json.fromBytes(Json.toBytes(session), ChatEvent.class)).isEqualTo(session);
        assertThat(Json.fromBytes(Json.toBytes(watermark), ChatEvent.class)).isEqualTo(watermark);
        assertThat(new String(Json.toBytes(request), StandardCharsets.UTF_8)).contains("\"type\":\"request\"");
    }

    @Test
    void decisionsRoundTrip() {
        ScalingDecision decision = new ScalingDecision(4_000, 5_000, 35, 12, 35, 2, 3,
                ScalingAction.SCALE_UP, "load per server 17.5 > 30", 1);

        assertThat(Json.fromBytes(Json.toBytes(decision), ScalingDecision.class)).isEqualTo(decision);
    }

    @Test
    void malformedBytesNameTheProblem() {
        byte[] garbage = "{\"type\":\"request\",\"id\":".getBytes(StandardCharsets.UTF_8);
        byte[] unknownType = "{\"type\":\"teleport\",\"timeMs\":1}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Json.fromBytes(garbage, ChatEvent.class))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> Json.fromBytes(unknownType, ChatEvent.class))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("teleport");
        assertThatThrownBy(() -> Json.fromBytes(null, ChatEvent.class))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("record has no value");
    }

    @Test
    void windowStartIsExactForNegativeTimes() {
        assertThat(EventTime.windowStart(1_999, 1_000)).isEqualTo(1_000);
        assertThat(EventTime.windowStart(2_000, 1_000)).isEqualTo(2_000);
        assertThat(EventTime.windowStart(-1, 1_000)).isEqualTo(-1_000);
    }
}
