package io.autoscale.chat.autoscaler;

import io.autoscale.chat.autoscaler.policy.Fleet;
import io.autoscale.chat.autoscaler.policy.Outcome;
import io.autoscale.chat.autoscaler.policy.Scaler;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.MalformedRecordException;
import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one task that decides. It merges the partitions' reports of each window and, once every
 * partition has reported it, decides the window, in window order, exactly once.
 */
final class DecisionProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    static final String PENDING_STORE = "pending-windows";
    static final String STATE_STORE = "decider-state";

    private static final Logger LOG = LoggerFactory.getLogger(DecisionProcessor.class);
    private static final String STATE_KEY = "state";
    private static final byte[] DECISION_KEY = "decision".getBytes(StandardCharsets.UTF_8);

    private final AutoscalerConfig config;
    private final StreamsDeadLetters deadLetters;
    private final Scaler scaler;
    private boolean policyRestored;

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Long, PendingWindow> pending;
    private KeyValueStore<String, DeciderState> stateStore;

    DecisionProcessor(AutoscalerConfig config, StreamsDeadLetters deadLetters) {
        this.config = config;
        this.deadLetters = deadLetters;
        this.scaler = config.newScaler();
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.pending = context.getStateStore(PENDING_STORE);
        this.stateStore = context.getStateStore(STATE_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        WindowPartial partial;
        try {
            partial = Json.fromBytes(record.value(), WindowPartial.class);
        } catch (MalformedRecordException e) {
            deadLetters.skip(context, record, e.getMessage());
            return;
        }

        DeciderState state = state();
        if (partial.windowStartMs() < state.decidedThroughMs()) {
            LOG.debug("Ignoring a report of window {} already decided", partial.windowStartMs());
            return;
        }
        PendingWindow window = pending.get(partial.windowStartMs());
        pending.put(partial.windowStartMs(), window == null ? PendingWindow.of(partial) : window.merge(partial));

        maybeDecide(state, record.timestamp());
    }

    /** Decisions carry the Kafka timestamp of the report that completed them, never event time. */
    private void maybeDecide(DeciderState initial, long recordTimestamp) {
        DeciderState state = initial;
        PendingWindow next = pending.get(state.decidedThroughMs());
        while (next != null && next.complete()) {
            pending.delete(next.windowStartMs());
            state = decide(next, state, recordTimestamp);
            next = pending.get(state.decidedThroughMs());
        }
        if (state != initial) {
            stateStore.put(STATE_KEY, new DeciderState(state.fleet(), scaler.policy().saveState(),
                    state.connectedUsers(), state.decidedThroughMs()));
        }
    }

    private DeciderState decide(PendingWindow window, DeciderState state, long recordTimestamp) {
        long connectedUsers = Math.max(0, state.connectedUsers() + window.userDelta());
        double load = switch (config.loadMeasure()) {
            case USERS -> connectedUsers;
            case REQUEST_RATE -> window.requests() * 1000.0 / (window.windowEndMs() - window.windowStartMs());
        };

        Fleet fleet = state.fleet();
        Outcome outcome = scaler.decide(load, fleet, window.windowStartMs(), window.windowEndMs());
        boolean acted = outcome.action() != ScalingAction.NONE;

        ScalingDecision decision = new ScalingDecision(window.windowStartMs(), window.windowEndMs(), load,
                window.requests(), connectedUsers, fleet.servingAt(window.windowStartMs()), outcome.servers(),
                outcome.action(), outcome.reason(), window.lateRequests(), fleet.provisioned(),
                scaler.policy().name(), outcome.branch(), outcome.rule(), outcome.recommendation(), outcome.heldBy());
        context.forward(new Record<>(DECISION_KEY, Json.toBytes(decision), recordTimestamp),
                AutoscalerTopology.DECISIONS_SINK);

        if (acted) {
            LOG.info("Decided {} to {} servers at {} ms: load={} reason={}", outcome.action(), outcome.servers(),
                    window.windowEndMs(), load, outcome.reason());
        } else {
            LOG.debug("Window {} decided: load={} servers={} reason={}", window.windowStartMs(), load,
                    outcome.servers(), outcome.reason());
        }
        return new DeciderState(outcome.fleet(), null, connectedUsers, window.windowEndMs());
    }

    /** The stored state; the first call also gives the policy back the memory stored with it. */
    private DeciderState state() {
        DeciderState state = stateStore.get(STATE_KEY);
        if (state == null) {
            return new DeciderState(scaler.initialFleet(), null, 0, 0);
        }
        if (!policyRestored && state.policyState() != null) {
            scaler.policy().restoreState(state.policyState());
        }
        policyRestored = true;
        return state;
    }
}
