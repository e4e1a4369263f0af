package io.autoscale.chat.producer;

/**
 * Concurrent users for each second of a synthetic experiment: a ramp from {@code baseUsers} to
 * {@code peakUsers} over the first 30% of the run, the peak held until 70%, and a ramp back down
 * that reaches {@code baseUsers} in the last second.
 *
 * <p>The stage boundaries are whole seconds, {@code round(0.3 * D)} and {@code round(0.7 * D)},
 * computed in integers so that no duration lands on a rounding accident. Each ramp takes exactly
 * its stage's seconds, so no value is skipped or repeated where two stages meet.
 *
 * @param durationSeconds length of the experiment in seconds, at least 1
 * @param baseUsers       users connected at the start and at the end, at least 0
 * @param peakUsers       users connected during the plateau, at least {@code baseUsers}
 */
public record RampProfile(int durationSeconds, int baseUsers, int peakUsers) {

    public RampProfile {
        if (durationSeconds <= 0) {
            throw new IllegalArgumentException(
                    "--duration must be a positive number of seconds, got " + durationSeconds);
        }
        if (baseUsers < 0) {
            throw new IllegalArgumentException("--base-rate must be at least 0 users, got " + baseUsers);
        }
        if (baseUsers > peakUsers) {
            throw new IllegalArgumentException(
                    "--base-rate (" + baseUsers + ") must not exceed --peak-rate (" + peakUsers + ")");
        }
    }

    /** First second of the plateau: {@code round(0.3 * D)}, half up. */
    public int rampUpEndSecond() {
        return (int) ((3L * durationSeconds + 5) / 10);
    }

    /** First second of the ramp down: {@code round(0.7 * D)}, half up. */
    public int rampDownStartSecond() {
        return (int) ((7L * durationSeconds + 5) / 10);
    }

    /** Users connected during second {@code second}, for 0 &lt;= second &lt; duration. */
    public int usersAt(int second) {
        if (second < 0 || second >= durationSeconds) {
            throw new IllegalArgumentException("second must be in [0, " + durationSeconds + "), got " + second);
        }
        long span = (long) peakUsers - baseUsers;
        int upEnd = rampUpEndSecond();
        int downStart = rampDownStartSecond();

        // Both divisions are safe: second < upEnd implies upEnd > 0, and second >= downStart
        // implies durationSeconds > downStart.
        if (second < upEnd) {
            return (int) (baseUsers + span * second / upEnd);
        }
        if (second < downStart) {
            return peakUsers;
        }
        return (int) (peakUsers - span * (second - downStart + 1) / (durationSeconds - downStart));
    }

    /** Users for every second of the experiment, in order. */
    public int[] usersPerSecond() {
        int[] users = new int[durationSeconds];
        for (int second = 0; second < durationSeconds; second++) {
            users[second] = usersAt(second);
        }
        return users;
    }
}
