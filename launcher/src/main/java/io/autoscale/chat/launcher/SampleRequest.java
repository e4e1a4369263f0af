package io.autoscale.chat.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Records shaped like the producer's trace requests, for the raw Kafka benchmark: the same JSON
 * (a request of day one, seven-digit id, eight-digit event time) and the same 8-byte id key.
 *
 * <p>Every record differs in its id and time digits, as real requests do: identical values would
 * compress far better under lz4 than the pipeline's records and flatter the raw figures. The
 * digits are written into a copy of one template, so the benchmark measures Kafka, not Jackson.
 */
final class SampleRequest {

    private static final long ID_BASE = 1_000_000;
    private static final long ID_SPAN = 9_000_000;
    private static final long TIME_BASE_MS = 10_000_000;
    private static final long TIME_SPAN_MS = 90_000_000;
    /** Mean gap between two requests of a day of the week trace (86,400 s over 5.5 million). */
    private static final long TIME_STEP_MS = 16;
    private static final int ID_DIGITS = 7;
    private static final int TIME_DIGITS = 8;
    /** A typical message body size: the middle of the producer's default 20 to 400 bytes. */
    private static final int BODY_BYTES = 210;

    private final byte[] template;
    private final int idOffset;
    private final int timeOffset;

    SampleRequest() {
        template = json(new ChatRequest(ID_BASE, null, TIME_BASE_MS, BODY_BYTES));
        idOffset = offsetAfter("\"id\":");
        timeOffset = offsetAfter("\"timeMs\":");
    }

    /** The JSON the producer writes for a request, as it appears on {@code chat.requests}. */
    static byte[] json(ChatRequest request) {
        try {
            return Json.mapper().writerFor(ChatEvent.class).writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a ChatRequest as JSON", e);
        }
    }

    /** Bytes of one record: key and value. */
    int recordBytes() {
        return Long.BYTES + template.length;
    }

    int valueBytes() {
        return template.length;
    }

    /** The value of record {@code index}, from 0: always {@link #valueBytes()} long. */
    byte[] value(long index) {
        byte[] value = template.clone();
        writeDigits(value, idOffset, ID_DIGITS, ID_BASE + Math.floorMod(index, ID_SPAN));
        writeDigits(value, timeOffset, TIME_DIGITS, TIME_BASE_MS + Math.floorMod(index * TIME_STEP_MS, TIME_SPAN_MS));
        return value;
    }

    /** The key the producer gives a trace request: its id, as 8 bytes. */
    static byte[] key(long index) {
        return ByteBuffer.allocate(Long.BYTES).putLong(index).array();
    }

    private int offsetAfter(String field) {
        byte[] name = field.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int start = 0; start <= template.length - name.length; start++) {
            for (int i = 0; i < name.length; i++) {
                if (template[start + i] != name[i]) {
                    continue outer;
                }
            }
            return start + name.length;
        }
        throw new IllegalStateException("the request JSON has no " + field + " field: "
                + new String(template, StandardCharsets.UTF_8));
    }

    private static void writeDigits(byte[] value, int offset, int digits, long number) {
        long rest = number;
        for (int i = digits - 1; i >= 0; i--) {
            value[offset + i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
