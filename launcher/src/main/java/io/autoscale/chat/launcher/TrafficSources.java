package io.autoscale.chat.launcher;

import io.autoscale.chat.producer.MessageSize;
import io.autoscale.chat.producer.RampProfile;
import io.autoscale.chat.producer.SyntheticConfig;
import io.autoscale.chat.producer.SyntheticTraffic;
import io.autoscale.chat.producer.TraceReader;
import io.autoscale.chat.producer.TraceSlice;
import io.autoscale.chat.producer.TraceSummary;
import io.autoscale.chat.producer.TraceTraffic;
import io.autoscale.chat.producer.TrafficSource;
import java.nio.file.Path;

/** The traffic source of an experiment: the validated trace, or the synthetic ramp of users. */
final class TrafficSources {

    private TrafficSources() {
    }

    static TrafficSource open(Path trace, TraceSlice slice, TraceSummary traceSummary, RampProfile ramp, long seed,
            long thinkTimeMs) {
        if (trace != null) {
            return new TraceTraffic(TraceReader.open(trace), MessageSize.DEFAULT, seed,
                    Math.toIntExact(traceSummary.seconds()), slice);
        }
        return new SyntheticTraffic(new SyntheticConfig(ramp, seed, thinkTimeMs, MessageSize.DEFAULT));
    }
}
