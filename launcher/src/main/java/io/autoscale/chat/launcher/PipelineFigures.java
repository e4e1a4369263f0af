package io.autoscale.chat.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscale.chat.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What one run of the whole pipeline achieved, from its JSON report.
 *
 * @param requestsProduced   requests the producer sent
 * @param requests           requests the metrics service accounted for
 * @param wallSeconds        the run's wall time as its report measures it: from the start of the
 *                           metrics service to the last request accounted for
 * @param durationSeconds    event time the run covered
 * @param commandWallSeconds wall time of the whole command, start-up of the services included
 */
record PipelineFigures(long requestsProduced, long requests, double wallSeconds, double durationSeconds,
        double commandWallSeconds) {

    static PipelineFigures fromReport(Path report, double commandWallSeconds) {
        try {
            JsonNode json = Json.mapper().readTree(report.toFile());
            return new PipelineFigures(json.get("requestsProduced").asLong(), json.get("totalRequests").asLong(),
                    json.get("wallSeconds").asDouble(), json.get("durationSeconds").asDouble(), commandWallSeconds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's report " + report, e);
        }
    }

    /** Requests accounted for per second of the run's wall time: end to end, all services at once. */
    double requestsPerSecond() {
        return requests / wallSeconds;
    }

    /** Seconds of event time replayed per second of wall time. */
    double compression() {
        return durationSeconds / wallSeconds;
    }
}
