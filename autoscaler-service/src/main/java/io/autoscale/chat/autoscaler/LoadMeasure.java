package io.autoscale.chat.autoscaler;

/** How the autoscaler measures a window's load. */
public enum LoadMeasure {

    /**
     * Users connected at the end of the window, counted from the session joins and leaves a chat
     * gateway publishes. The right measure for chat, where a connected user holds resources.
     */
    USERS("users"),

    /** Requests stamped inside the window divided by its length: requests per second. */
    REQUEST_RATE("req/s");

    private final String unit;

    LoadMeasure(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}
