package io.autoscale.chat.producer;

/** Hears about a run once per second of event time, after the second's watermarks are sent. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (second, requestsSoFar, connectedUsers) -> { };

    /**
     * @param second         the second just completed, from 0
     * @param requestsSoFar  requests sent up to the end of that second
     * @param connectedUsers users connected during that second; 0 for a trace
     */
    void onSecond(long second, long requestsSoFar, int connectedUsers);
}
