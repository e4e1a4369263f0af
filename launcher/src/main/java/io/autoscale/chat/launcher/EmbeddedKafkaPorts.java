package io.autoscale.chat.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on 127.0.0.1, chosen by the operating system at runtime. */
final class EmbeddedKafkaPorts {

    private EmbeddedKafkaPorts() {
    }

    /**
     * Holds every socket open until all are bound, so the ports returned are distinct. Another process may
     * still take one between this call and the broker's bind; the cluster retries a start that fails to bind.
     */
    static List<Integer> free(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find " + count + " free ports on 127.0.0.1", e);
        } finally {
            sockets.forEach(EmbeddedKafkaPorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The port was only probed; a socket that fails to close changes nothing for the caller.
        }
    }
}
