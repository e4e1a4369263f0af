package io.autoscale.chat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatEventsTest {

    @Test
    void readsWhatJsonWritesForEveryEventType() {
        List<ChatEvent> events = List.of(
                new ChatRequest(123_456_789_012L, "user-7", 5_333, 120),
                new ChatRequest(0, null, 0, 0),
                new SessionEvent("user-7", 1_000, true),
                new SessionEvent("user-8", 2_000, false),
                new Watermark(3_000, 2, 6));

        for (ChatEvent event : events) {
            byte[] bytes = Json.toBytes(event);
            assertThat(ChatEvents.parse(bytes)).isEqualTo(event).isEqualTo(Json.fromBytes(bytes, ChatEvent.class));
        }
    }

    @Test
    void acceptsFieldsInAnyOrderAndIgnoresUnknownOnes() {
        ChatEvent event = ChatEvents.parse(utf8(
                "{\"timeMs\":7,\"extra\":{\"a\":[1,2]},\"id\":3,\"type\":\"request\",\"user\":\"u\",\"bytes\":9}"));

        assertThat(event).isEqualTo(new ChatRequest(3, "u", 7, 9));
    }

    @Test
    void rejectsWhatIsNotAChatEventWithAReason() {
        assertThatThrownBy(() -> ChatEvents.parse(utf8("not json"))).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> ChatEvents.parse(utf8("[1]")))
                .hasMessage("a chat event must be a JSON object");
        assertThatThrownBy(() -> ChatEvents.parse(utf8("{\"type\":\"teleport\",\"timeMs\":1}")))
                .hasMessage("unknown chat event type 'teleport'");
        assertThatThrownBy(() -> ChatEvents.parse(utf8("{\"type\":\"request\",\"timeMs\":1}")))
                .hasMessage("missing field 'id'");
        assertThatThrownBy(() -> ChatEvents.parse(utf8("{\"type\":\"watermark\",\"timeMs\":\"soon\"}")))
                .hasMessage("field 'timeMs' must be an integer");
        assertThatThrownBy(() -> ChatEvents.parse(utf8("{\"timeMs\":1}"))).hasMessage("missing field 'type'");
        assertThatThrownBy(() -> ChatEvents.parse(null)).hasMessage("record has no value");
        assertThatThrownBy(() -> ChatEvents.parse(utf8("{\"type\":\"request\",\"id\":1,\"timeMs\":1")))
                .isInstanceOf(MalformedRecordException.class);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
