package io.autoscale.chat.balancer;

import io.autoscale.chat.model.ScalingDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * The decisions known, in window order, so that a request stamped {@code t} finds the servers in
 * force at {@code t}. Old decisions are pruned; a bounded number is kept behind the served time
 * for late requests.
 */
final class DecisionTimeline {

    static final long NONE = Long.MIN_VALUE;

    private final int retainedBehind;
    private final List<ScalingDecision> decisions = new ArrayList<>();
    private int head;
    private int cursor;

    DecisionTimeline(int retainedBehind) {
        this.retainedBehind = retainedBehind;
    }

    /**
     * Appends a decision. One for a window already known (a decision read again after a restart)
     * is ignored.
     *
     * @return {@code false} when it was already known
     * @throws IllegalArgumentException when the decision cannot route anything
     */
    boolean add(ScalingDecision decision) {
        if (decision.serversBefore() < 1) {
            throw new IllegalArgumentException("decision serversBefore must be at least 1, got "
                    + decision.serversBefore() + " for window " + decision.windowStartMs());
        }
        if (decision.windowEndMs() <= decision.windowStartMs()) {
            throw new IllegalArgumentException("decision window must end after it starts, got ["
                    + decision.windowStartMs() + ", " + decision.windowEndMs() + ")");
        }
        if (decision.windowStartMs() < decidedUntilMs()) {
            return false;
        }
        decisions.add(decision);
        return true;
    }

    /** End of the last window decided, or {@link #NONE} before the first decision. */
    long decidedUntilMs() {
        return decisions.size() > head ? decisions.get(decisions.size() - 1).windowEndMs() : NONE;
    }

    boolean isEmpty() {
        return decisions.size() == head;
    }

    /**
     * The decision in force at {@code timeMs}: the last one starting at or before it. A time before
     * every retained decision gets the earliest one, so that no request waits for a decision that
     * will never come.
     */
    ScalingDecision covering(long timeMs) {
        if (startOf(cursor) <= timeMs && (cursor + 1 == decisions.size() || timeMs < startOf(cursor + 1))) {
            return decisions.get(cursor);
        }
        int low = head;
        int high = decisions.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (startOf(middle) <= timeMs) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        cursor = low;
        return decisions.get(low);
    }

    /** The decision of the latest window. */
    ScalingDecision latest() {
        return decisions.get(decisions.size() - 1);
    }

    /** Drops decisions that ended at or before {@code servedThroughMs}, except the last {@code retainedBehind}. */
    void prune(long servedThroughMs) {
        int behind = head;
        while (behind < decisions.size() && decisions.get(behind).windowEndMs() <= servedThroughMs) {
            behind++;
        }
        int firstKept = Math.max(head, behind - retainedBehind);
        if (firstKept == head) {
            return;
        }
        head = firstKept;
        // Compact only once the dropped prefix is large, so pruning costs O(1) per decision.
        if (head > 1024 && head > decisions.size() / 2) {
            decisions.subList(0, head).clear();
            cursor = Math.max(0, cursor - head);
            head = 0;
        }
        cursor = Math.max(cursor, head);
    }

    int retained() {
        return decisions.size() - head;
    }

    private long startOf(int index) {
        return index < head || index >= decisions.size() ? Long.MAX_VALUE : decisions.get(index).windowStartMs();
    }
}
