package io.autoscale.chat.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a chat front end publishes on the requests topic: chat requests, session joins and leaves,
 * and watermarks that carry the producer's progress in event time.
 *
 * <p>Every event has an event time in milliseconds since the start of the experiment. Services
 * compute everything from these times; the wall clock only paces the producer.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ChatRequest.class, name = "request"),
    @JsonSubTypes.Type(value = SessionEvent.class, name = "session"),
    @JsonSubTypes.Type(value = Watermark.class, name = "watermark")
})
public sealed interface ChatEvent permits ChatRequest, SessionEvent, Watermark {

    /** Event time in milliseconds since the start of the experiment. */
    long timeMs();
}
