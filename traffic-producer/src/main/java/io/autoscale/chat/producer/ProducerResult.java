package io.autoscale.chat.producer;

/**
 * What one run of the producer sent.
 *
 * @param requestsProduced requests sent and acknowledged, as announced in the run's end marker
 * @param sessionEvents    session joins and leaves sent
 * @param seconds          seconds of event time sent
 * @param endTimeMs        event time at which the run ends: {@code seconds * 1000}
 * @param wallTimeMs       wall time the run took
 * @param stoppedEarly     {@code true} when the run was asked to stop before its source ran out
 */
public record ProducerResult(
        long requestsProduced,
        long sessionEvents,
        long seconds,
        long endTimeMs,
        long wallTimeMs,
        boolean stoppedEarly) {

    /** Requests per second of wall time; the figure that shows whether the cluster kept up. */
    public double requestsPerWallSecond() {
        return wallTimeMs == 0 ? 0 : requestsProduced * 1000.0 / wallTimeMs;
    }
}
