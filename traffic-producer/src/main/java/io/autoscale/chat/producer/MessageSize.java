package io.autoscale.chat.producer;

import java.util.SplittableRandom;

/**
 * Size of a chat message body in bytes: uniform in {@code [minBytes, maxBytes]}, or fixed when
 * both are equal (a fixed size draws nothing from the random stream).
 */
public record MessageSize(int minBytes, int maxBytes) {

    /** Short chat lines: from a greeting to a small paragraph. */
    public static final MessageSize DEFAULT = new MessageSize(20, 400);

    public MessageSize {
        if (minBytes < 0) {
            throw new IllegalArgumentException("--message-bytes minimum must be at least 0 bytes, got " + minBytes);
        }
        if (maxBytes < minBytes) {
            throw new IllegalArgumentException("--message-bytes maximum (" + maxBytes
                    + ") must not be below the minimum (" + minBytes + ")");
        }
    }

    public static MessageSize fixed(int bytes) {
        return new MessageSize(bytes, bytes);
    }

    public boolean isFixed() {
        return minBytes == maxBytes;
    }

    public int sample(SplittableRandom random) {
        return isFixed() ? minBytes : random.nextInt(minBytes, maxBytes + 1);
    }
}
