package io.autoscale.chat.model;

/**
 * A request served by a simulated server.
 *
 * @param requestId      the request's id
 * @param timeMs         the request's event time
 * @param server         index of the server that served it, from 0
 * @param servers        servers in force when it was routed
 * @param waitMs         time spent queued behind the server's backlog
 * @param responseTimeMs wait plus service time
 * @param late           {@code true} when the request reached the balancer after its window had
 *                       already been balanced; it is still served, with the servers in force then
 */
public record Completion(
        long requestId,
        long timeMs,
        int server,
        int servers,
        double waitMs,
        double responseTimeMs,
        boolean late) {
}
