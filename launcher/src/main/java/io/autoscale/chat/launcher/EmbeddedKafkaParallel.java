package io.autoscale.chat.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs one step on every node at once, each on its own thread, and waits for all of them. */
final class EmbeddedKafkaParallel {

    private EmbeddedKafkaParallel() {
    }

    /**
     * @throws TimeoutException when a node has not finished within {@code timeout}
     * @throws RuntimeException  the first failure of a node, as the node threw it
     */
    static void run(String action, List<EmbeddedKafkaNode> nodes, Consumer<EmbeddedKafkaNode> step, Duration timeout)
            throws InterruptedException, TimeoutException {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(nodes.size(), task -> {
            Thread thread = new Thread(task, "embedded-kafka-" + action + "-" + threadNumber.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> steps = new ArrayList<>();
            for (EmbeddedKafkaNode node : nodes) {
                steps.add(CompletableFuture.runAsync(() -> step.accept(node), executor));
            }
            awaitAll(action, steps, timeout);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void awaitAll(String action, List<CompletableFuture<Void>> steps, Duration timeout)
            throws InterruptedException, TimeoutException {
        try {
            CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("the nodes did not " + action + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            // The node's own exception names the cause (a port taken, a folder not writable); the wrapper does not.
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
