package io.autoscale.chat.launcher;

import org.testcontainers.DockerClientFactory;

/**
 * Testcontainers' Docker detection in a fresh JVM, as the first test class of a suite meets it: it caches
 * its answer per JVM, so only a new process shows what the first probe prints and how long it takes.
 * {@link BrokerExtensionIT} runs it and reads its console; the answer is the exit code (0 available, 3 not).
 */
public final class DockerProbeRun {

    static final int NO_DOCKER_EXIT_CODE = 3;

    private DockerProbeRun() {
    }

    public static void main(String[] args) {
        LogFile.configure();
        boolean available = DockerClientFactory.instance().isDockerAvailable();
        System.exit(available ? 0 : NO_DOCKER_EXIT_CODE);
    }
}
