package io.autoscale.chat.producer;

/**
 * A record the cluster did not take. The run stops at once: a request silently missing would
 * break the exact accounting that the report relies on.
 */
public class PublishFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
