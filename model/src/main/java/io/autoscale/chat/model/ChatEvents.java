package io.autoscale.chat.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads chat events off the requests topic with Jackson's streaming parser. Every service reads
 * every request, so this is the hottest parse of a run: a field-by-field read is several times
 * cheaper than data binding with polymorphic types, and accepts exactly the JSON that
 * {@link Json#toBytes} writes (fields in any order, unknown fields ignored).
 */
public final class ChatEvents {

    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    private ChatEvents() {
    }

    /**
     * Parses one value of the requests topic.
     *
     * @throws MalformedRecordException when it is not a chat event
     */
    public static ChatEvent parse(byte[] value) {
        if (value == null) {
            throw new MalformedRecordException("record has no value");
        }
        try (JsonParser parser = FACTORY.createParser(value)) {
            return read(parser);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            int newline = message.indexOf('\n');
            throw new MalformedRecordException(newline < 0 ? message : message.substring(0, newline), e);
        }
    }

    private static ChatEvent read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedRecordException("a chat event must be a JSON object");
        }
        Fields fields = new Fields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            fields.set(name, token, parser);
        }
        return fields.toEvent();
    }

    /** The fields of any chat event type; which ones must be present depends on the type. */
    private static final class Fields {
        private String type;
        private String user;
        private Long id;
        private Long timeMs;
        private Integer bytes;
        private Boolean connected;
        private Integer partition;
        private Integer partitions;

        void set(String name, JsonToken token, JsonParser parser) throws IOException {
            switch (name) {
                case "type" -> type = text(name, token, parser);
                case "user" -> user = token == JsonToken.VALUE_NULL ? null : text(name, token, parser);
                case "id" -> id = number(name, token, parser);
                case "timeMs" -> timeMs = number(name, token, parser);
                case "bytes" -> bytes = Math.toIntExact(number(name, token, parser));
                case "partition" -> partition = Math.toIntExact(number(name, token, parser));
                case "partitions" -> partitions = Math.toIntExact(number(name, token, parser));
                case "connected" -> {
                    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                        throw new MalformedRecordException("field 'connected' must be true or false");
                    }
                    connected = token == JsonToken.VALUE_TRUE;
                }
                default -> parser.skipChildren();
            }
        }

        ChatEvent toEvent() {
            if (type == null) {
                throw new MalformedRecordException("missing field 'type'");
            }
            return switch (type) {
                case "request" -> new ChatRequest(required("id", id), user, required("timeMs", timeMs),
                        bytes == null ? 0 : bytes);
                case "session" -> new SessionEvent(user, required("timeMs", timeMs), required("connected", connected));
                case "watermark" -> new Watermark(required("timeMs", timeMs), required("partition", partition),
                        required("partitions", partitions));
                default -> throw new MalformedRecordException("unknown chat event type '" + type + "'");
            };
        }

        private static <T> T required(String name, T value) {
            if (value == null) {
                throw new MalformedRecordException("missing field '" + name + "'");
            }
            return value;
        }

        private static String text(String name, JsonToken token, JsonParser parser) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                throw new MalformedRecordException("field '" + name + "' must be a string");
            }
            return parser.getText();
        }

        private static long number(String name, JsonToken token, JsonParser parser) throws IOException {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw new MalformedRecordException("field '" + name + "' must be an integer");
            }
            return parser.getLongValue();
        }
    }
}
