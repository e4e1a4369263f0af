package io.autoscale.chat.producer;

import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.SessionEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Simulated users who join and leave to follow a {@link RampProfile} and write messages with
 * exponentially distributed think times.
 *
 * <p>Every user draws from a random stream of its own, derived from the seed and its number, so
 * a user's messages do not depend on how many other users there are or in which order the
 * simulation visits them: the output is a function of the configuration alone.
 */
public final class SyntheticTraffic implements TrafficSource {

    private static final long MS_PER_SECOND = 1000;

    private static final Comparator<SimulatedUser> BY_NEXT_MESSAGE =
            Comparator.comparingLong((SimulatedUser user) -> user.nextMessageMs)
                    .thenComparingInt(user -> user.number);

    private final SyntheticConfig config;
    private final RampProfile profile;
    /** Connected users in the order they joined, so that the last to join is the first to leave. */
    private final List<SimulatedUser> connected = new ArrayList<>();
    /** Pending messages; users who left stay in here until their next message is due, then drop out. */
    private final PriorityQueue<SimulatedUser> dueMessages = new PriorityQueue<>(BY_NEXT_MESSAGE);

    private int nextSecond;
    private int nextUserNumber = 1;
    private long nextRequestId;

    public SyntheticTraffic(SyntheticConfig config) {
        this.config = config;
        this.profile = config.profile();
    }

    @Override
    public int durationSeconds() {
        return profile.durationSeconds();
    }

    @Override
    public boolean nextSecond(SecondSink sink) {
        if (nextSecond >= profile.durationSeconds()) {
            return false;
        }
        int second = nextSecond++;
        long startMs = second * MS_PER_SECOND;

        adjustSessions(profile.usersAt(second), startMs, sink);
        emitRequestsBefore(startMs + MS_PER_SECOND, sink);
        return true;
    }

    @Override
    public int connectedUsers() {
        return connected.size();
    }

    @Override
    public String describe() {
        return "synthetic ramp durationSeconds=" + profile.durationSeconds() + " baseUsers=" + profile.baseUsers()
                + " peakUsers=" + profile.peakUsers() + " thinkTimeMs=" + config.thinkTimeMs()
                + " seed=" + config.seed();
    }

    private void adjustSessions(int targetUsers, long timeMs, SecondSink sink) {
        while (connected.size() < targetUsers) {
            SimulatedUser user = new SimulatedUser(nextUserNumber++, config.seed());
            user.scheduleNext(timeMs, config.thinkTimeMs());
            connected.add(user);
            dueMessages.add(user);
            sink.session(new SessionEvent(user.name, timeMs, true));
        }
        while (connected.size() > targetUsers) {
            SimulatedUser user = connected.remove(connected.size() - 1);
            user.connected = false;
            sink.session(new SessionEvent(user.name, timeMs, false));
        }
    }

    private void emitRequestsBefore(long endMs, SecondSink sink) {
        while (!dueMessages.isEmpty() && dueMessages.peek().nextMessageMs < endMs) {
            SimulatedUser user = dueMessages.poll();
            if (!user.connected) {
                continue;
            }
            int bytes = config.messageSize().sample(user.random);
            sink.request(new ChatRequest(nextRequestId++, user.name, user.nextMessageMs, bytes));

            user.scheduleNext(user.nextMessageExactMs, config.thinkTimeMs());
            dueMessages.add(user);
        }
    }

    /** A user's state between two messages. */
    private static final class SimulatedUser {

        final int number;
        final String name;
        final SplittableRandom random;
        boolean connected = true;
        /** Kept unrounded so that think times add up without drift. */
        double nextMessageExactMs;
        long nextMessageMs;

        SimulatedUser(int number, long seed) {
            this.number = number;
            this.name = "user-" + number;
            this.random = new SplittableRandom(streamSeed(seed, number));
        }

        void scheduleNext(double fromMs, double meanThinkTimeMs) {
            // 1 - nextDouble() lies in (0, 1], so the logarithm is finite.
            double thinkMs = -meanThinkTimeMs * Math.log(1.0 - random.nextDouble());
            nextMessageExactMs = fromMs + thinkMs;
            nextMessageMs = (long) Math.floor(nextMessageExactMs);
        }
    }

    /**
     * Seed of one user's stream. SplittableRandom seeds that differ by its internal increment give
     * shifted copies of one sequence, so the pair is scrambled first (the SplitMix64 finalizer).
     */
    static long streamSeed(long seed, int userNumber) {
        long z = seed * 0x9E3779B97F4A7C15L + userNumber;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
