package io.autoscale.chat.metrics;

import io.autoscale.chat.model.ScalingDecision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the servers taken out by scale-downs cost while they drain their backlogs.
 *
 * <p>The balancer routes a window's requests over servers {@code 0 .. serversBefore - 1}, so a
 * scale-down takes the highest indexes out: when a window has fewer servers serving than the one
 * before it, servers {@code [serving, servingBefore)} receive no request from its start on. Each
 * keeps serving its backlog and is paid until it is empty, that is until the latest finish (event
 * time plus response time) of the requests it received since it was last added. A server added
 * again later is a new one: the drain of the old one and the cost of the new one both count.
 *
 * <p>Decisions and completions come from different topics, so a completion may arrive before or
 * after the decision of its window, and the total does not depend on which. A completion whose
 * window is decided is credited at once to the spell of service that covers its time; one ahead of
 * the decisions waits, merged per server and millisecond, until its window is decided. Memory is
 * one entry per server and time it was added, plus the completions ahead of the decisions, which
 * the decisions' lag bounds and not the run's length.
 */
final class DrainTails {

    /** One server's time of service, from the window that added it to the one that took it out. */
    private static final class Spell {

        private long endMs = Long.MAX_VALUE;
        private double lastFinishMs = Double.NEGATIVE_INFINITY;
        private boolean costed;

        double tailMs() {
            return costed ? Math.max(0, lastFinishMs - endMs) : 0;
        }
    }

    private final List<TreeMap<Long, Spell>> spellsByServer = new ArrayList<>();
    private final Map<Integer, TreeMap<Long, Double>> aheadByServer = new HashMap<>();
    private int serving = -1;
    private long decidedThroughMs = Long.MIN_VALUE;

    /**
     * Takes one window's decision, in window order.
     *
     * @param counted whether the window counts in the report: the drains that start with it cost only then
     */
    void onDecision(ScalingDecision decision, boolean counted) {
        int next = decision.serversBefore();
        long atMs = decision.windowStartMs();
        if (serving < 0) {
            // The balancer routes a request stamped before the first decision with that decision's servers.
            openSpells(0, next, Long.MIN_VALUE);
        } else if (next < serving) {
            closeSpells(next, serving, atMs, counted);
        } else if (next > serving) {
            openSpells(serving, next, atMs);
        }
        serving = next;
        decidedThroughMs = decision.windowEndMs();
        creditWaitingCompletions();
    }

    /**
     * Takes one served request.
     *
     * @param server   index of the server that served it
     * @param timeMs   its event time
     * @param finishMs event time at which the server finished it
     */
    void onCompletion(int server, long timeMs, double finishMs) {
        if (timeMs >= decidedThroughMs) {
            aheadByServer.computeIfAbsent(server, index -> new TreeMap<>()).merge(timeMs, finishMs, Math::max);
        } else {
            credit(server, timeMs, finishMs);
        }
    }

    /**
     * Server-milliseconds the drains of counted scale-downs cost after the servers were taken out,
     * summed in server and time order so that the total is the same whatever the arrival order.
     */
    double tailMs() {
        double total = 0;
        for (TreeMap<Long, Spell> spells : spellsByServer) {
            for (Spell spell : spells.values()) {
                total += spell.tailMs();
            }
        }
        return total;
    }

    /** Completions held until the decision of their window arrives, merged per server and millisecond. */
    int waitingCompletions() {
        return aheadByServer.values().stream().mapToInt(TreeMap::size).sum();
    }

    private void openSpells(int from, int to, long atMs) {
        while (spellsByServer.size() < to) {
            spellsByServer.add(new TreeMap<>());
        }
        for (int server = from; server < to; server++) {
            spellsByServer.get(server).put(atMs, new Spell());
        }
    }

    private void closeSpells(int from, int to, long atMs, boolean counted) {
        for (int server = from; server < to; server++) {
            Spell spell = spellsByServer.get(server).lastEntry().getValue();
            spell.endMs = atMs;
            spell.costed = counted;
        }
    }

    private void credit(int server, long timeMs, double finishMs) {
        if (server >= spellsByServer.size()) {
            return;
        }
        Map.Entry<Long, Spell> entry = spellsByServer.get(server).floorEntry(timeMs);
        // No spell covers a request the balancer routed to a server that was not serving at its time.
        if (entry == null || timeMs >= entry.getValue().endMs) {
            return;
        }
        Spell spell = entry.getValue();
        spell.lastFinishMs = Math.max(spell.lastFinishMs, finishMs);
    }

    private void creditWaitingCompletions() {
        Iterator<Map.Entry<Integer, TreeMap<Long, Double>>> servers = aheadByServer.entrySet().iterator();
        while (servers.hasNext()) {
            Map.Entry<Integer, TreeMap<Long, Double>> server = servers.next();
            SortedMap<Long, Double> decided = server.getValue().headMap(decidedThroughMs);
            decided.forEach((timeMs, finishMs) -> credit(server.getKey(), timeMs, finishMs));
            decided.clear();
            if (server.getValue().isEmpty()) {
                servers.remove();
            }
        }
    }
}
