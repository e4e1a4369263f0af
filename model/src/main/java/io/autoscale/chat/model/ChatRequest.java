package io.autoscale.chat.model;

/**
 * One chat message sent by a user.
 *
 * @param id     unique, dense sequence number assigned by the producer in event-time order
 * @param user   the sending user, or {@code null} for trace replays, which carry only counts
 * @param timeMs event time in milliseconds since the start of the experiment
 * @param bytes  size of the message body, so that records have a realistic size on the wire
 */
public record ChatRequest(long id, String user, long timeMs, int bytes) implements ChatEvent {
}
