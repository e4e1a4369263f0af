package io.autoscale.chat.launcher;

import io.autoscale.chat.autoscaler.LoadMeasure;
import picocli.CommandLine.Option;

/** `--load-measure`, for the autoscaler and the metrics service, which must agree on it. */
final class LoadMeasureOptions {

    @Option(names = "--load-measure", paramLabel = "MEASURE", defaultValue = "users",
            description = "What the load is, one of: ${COMPLETION-CANDIDATES}: concurrent users (synthetic "
                    + "ramp) or requests per second (traces: the producer's --trace experiments need "
                    + "'requests') (default: ${DEFAULT-VALUE}).")
    LoadMeasureOption loadMeasure;

    LoadMeasure measure() {
        return loadMeasure.measure();
    }
}
