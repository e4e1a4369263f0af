package io.autoscale.chat.producer;

import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.SessionEvent;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event a source delivers, with the second it came in. */
final class RecordingSink implements SecondSink {

    record Delivered(int second, ChatEvent event) {
    }

    final List<Delivered> events = new ArrayList<>();
    private int second;

    /** Drains the whole source; returns the number of seconds it delivered. */
    static RecordingSink drain(TrafficSource source) {
        RecordingSink sink = new RecordingSink();
        while (source.nextSecond(sink)) {
            sink.second++;
        }
        return sink;
    }

    int seconds() {
        return second;
    }

    @Override
    public void session(SessionEvent session) {
        events.add(new Delivered(second, session));
    }

    @Override
    public void request(ChatRequest request) {
        events.add(new Delivered(second, request));
    }

    List<ChatRequest> requests() {
        return events.stream().map(Delivered::event)
                .filter(ChatRequest.class::isInstance).map(ChatRequest.class::cast).toList();
    }

    List<SessionEvent> sessions() {
        return events.stream().map(Delivered::event)
                .filter(SessionEvent.class::isInstance).map(SessionEvent.class::cast).toList();
    }
}
