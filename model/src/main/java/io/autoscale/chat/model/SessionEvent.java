package io.autoscale.chat.model;

/**
 * A user connecting to or leaving the chat front end, as a chat gateway would report it.
 * The autoscaler counts concurrent users from these events, never from a number inside a request.
 *
 * @param user      the user
 * @param timeMs    event time in milliseconds since the start of the experiment
 * @param connected {@code true} when the user joins, {@code false} when the user leaves
 */
public record SessionEvent(String user, long timeMs, boolean connected) implements ChatEvent {
}
