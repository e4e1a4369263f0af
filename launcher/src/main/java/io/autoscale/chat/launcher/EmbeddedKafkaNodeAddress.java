package io.autoscale.chat.launcher;

/**
 * Where one node of an embedded cluster listens: clients on {@code brokerPort}, the controller quorum on
 * {@code controllerPort}, both on 127.0.0.1 only.
 *
 * @param nodeId         the node's id, unique in its cluster
 * @param brokerPort     TCP port of the PLAINTEXT listener
 * @param controllerPort TCP port of the CONTROLLER listener
 */
record EmbeddedKafkaNodeAddress(int nodeId, int brokerPort, int controllerPort) {

    static final String HOST = "127.0.0.1";

    EmbeddedKafkaNodeAddress {
        if (nodeId < 0) {
            throw new IllegalArgumentException("node id must be at least 0, got " + nodeId);
        }
        requirePort("broker port", brokerPort);
        requirePort("controller port", controllerPort);
    }

    String bootstrapServer() {
        return HOST + ":" + brokerPort;
    }

    /** This node's entry in {@code controller.quorum.voters}. */
    String voter() {
        return nodeId + "@" + HOST + ":" + controllerPort;
    }

    private static void requirePort(String name, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be in [1, 65535], got " + port);
        }
    }
}
