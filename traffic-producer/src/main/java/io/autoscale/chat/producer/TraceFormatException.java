package io.autoscale.chat.producer;

import java.nio.file.Path;

/** A trace file that is missing, unreadable or not a list of per-second request counts. */
public class TraceFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public TraceFormatException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public TraceFormatException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
