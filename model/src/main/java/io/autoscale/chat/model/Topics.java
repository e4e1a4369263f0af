package io.autoscale.chat.model;

import java.util.List;

/**
 * The topic names of one experiment. A prefix puts an experiment in its own namespace, so that
 * several experiments can share one cluster without reading each other's records.
 *
 * @param prefix prepended to every name; empty for the plain names
 */
public record Topics(String prefix) {

    public static final String REQUESTS = "chat.requests";
    public static final String DECISIONS = "scaling.decisions";
    public static final String COMPLETIONS = "chat.completions";
    public static final String CONTROL = "chat.control";
    public static final String DEAD_LETTERS = "chat.dead-letters";
    public static final String WINDOW_PARTIALS = "autoscaler.window-partials";

    public Topics {
        if (prefix == null) {
            prefix = "";
        }
        if (!prefix.isEmpty() && !prefix.matches("[a-zA-Z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "topic prefix may hold only letters, digits, '.', '_' and '-', got '" + prefix + "'");
        }
    }

    public static Topics plain() {
        return new Topics("");
    }

    /** Chat requests, session joins and leaves, and watermarks: written by the producer. */
    public String requests() {
        return prefix + REQUESTS;
    }

    /** One decision per event-time window: written by the autoscaler. */
    public String decisions() {
        return prefix + DECISIONS;
    }

    /** One completion per served request: written by the balancer. */
    public String completions() {
        return prefix + COMPLETIONS;
    }

    /** The end-of-run marker with the number of requests produced: written by the producer. */
    public String control() {
        return prefix + CONTROL;
    }

    /** Records that no service could parse, with headers naming where they came from. */
    public String deadLetters() {
        return prefix + DEAD_LETTERS;
    }

    /**
     * Per-partition window counts on their way to the one task that decides: internal to the
     * autoscaler, one partition, because decisions are made in one place and in window order.
     */
    public String windowPartials() {
        return prefix + WINDOW_PARTIALS;
    }

    /** Prefix for the Kafka Streams application id and the consumer groups of this experiment. */
    public String groupPrefix() {
        return prefix.isEmpty() ? "autoscale-chat" : prefix + "autoscale-chat";
    }

    public List<String> all() {
        return List.of(requests(), decisions(), completions(), control(), deadLetters(), windowPartials());
    }
}
