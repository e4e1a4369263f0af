package io.autoscale.chat.balancer;

/**
 * A request on its way from the routing stage to the server that serves it.
 *
 * @param id              the request's id
 * @param timeMs          its event time
 * @param server          the server it goes to, {@code floorMod(id, servers)}
 * @param servers         servers in force at its event time
 * @param sourcePartition the requests-topic partition it was read from
 * @param sourceOffset    its offset there: a request routed twice (after a rebalance of the routing
 *                        stage) carries the same source position, which is how serving drops the copy
 */
record RoutedRequest(long id, long timeMs, int server, int servers, int sourcePartition, long sourceOffset) {
}
