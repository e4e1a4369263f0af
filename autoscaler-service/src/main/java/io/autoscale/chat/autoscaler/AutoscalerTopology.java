package io.autoscale.chat.autoscaler;

import io.autoscale.chat.model.JsonSerde;
import io.autoscale.chat.model.Topics;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The autoscaler's topology, in two stages:
 *
 * <pre>
 * requests (P partitions) -> window-partials (one task per partition, counts per window)
 *     -> window-partials topic (1 partition) -> decider (one task, one decision per window)
 *     -> scaling.decisions
 * </pre>
 *
 * Counting runs in parallel over the partitions; deciding needs every partition's view of a window,
 * so it happens in one place. Only one small record per partition per window crosses to the
 * decider, never one per request.
 */
public final class AutoscalerTopology {

    static final String REQUESTS_SOURCE = "requests-source";
    static final String PARTIALS_PROCESSOR = "window-partials";
    static final String PARTIALS_SINK = "window-partials-sink";
    static final String PARTIALS_SOURCE = "window-partials-source";
    static final String DECIDER = "decider";
    static final String DECISIONS_SINK = "decisions-sink";
    static final String DEAD_LETTERS_SINK = "dead-letters-sink";

    private AutoscalerTopology() {
    }

    /**
     * Builds the topology.
     *
     * @param deadLetters counts the records skipped as malformed
     */
    public static Topology build(AutoscalerConfig config, Topics topics, AtomicLong deadLetters) {
        StreamsDeadLetters skipper = new StreamsDeadLetters(deadLetters);
        ByteArrayDeserializer bytesIn = new ByteArrayDeserializer();
        ByteArraySerializer bytesOut = new ByteArraySerializer();
        Topology topology = new Topology();

        topology.addSource(REQUESTS_SOURCE, bytesIn, bytesIn, topics.requests());
        topology.addProcessor(PARTIALS_PROCESSOR,
                () -> new WindowPartialsProcessor(config.windowMs(), skipper), REQUESTS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(WindowPartialsProcessor.COUNTS_STORE),
                        Serdes.Long(), WindowCounts.serde()).withCachingEnabled(),
                PARTIALS_PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(WindowPartialsProcessor.PROGRESS_STORE),
                        Serdes.String(), JsonSerde.of(PartitionProgress.class)).withCachingEnabled(),
                PARTIALS_PROCESSOR);
        topology.addSink(PARTIALS_SINK, topics.windowPartials(), bytesOut, bytesOut, PARTIALS_PROCESSOR);

        topology.addSource(PARTIALS_SOURCE, bytesIn, bytesIn, topics.windowPartials());
        topology.addProcessor(DECIDER, () -> new DecisionProcessor(config, skipper), PARTIALS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(DecisionProcessor.PENDING_STORE),
                        Serdes.Long(), JsonSerde.of(PendingWindow.class)).withCachingEnabled(),
                DECIDER);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(DecisionProcessor.STATE_STORE),
                        Serdes.String(), JsonSerde.of(DeciderState.class)).withCachingEnabled(),
                DECIDER);
        topology.addSink(DECISIONS_SINK, topics.decisions(), bytesOut, bytesOut, DECIDER);

        topology.addSink(DEAD_LETTERS_SINK, topics.deadLetters(), bytesOut, bytesOut, PARTIALS_PROCESSOR, DECIDER);
        return topology;
    }
}
