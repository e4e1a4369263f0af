package io.autoscale.chat.producer;

import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.SessionEvent;

/** Receives the events of one second of traffic, in event-time order, sessions first. */
public interface SecondSink {

    void session(SessionEvent session);

    void request(ChatRequest request);
}
