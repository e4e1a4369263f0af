package io.autoscale.chat.autoscaler;

/**
 * What one partition saw in one window, sent to the task that decides once every partition has
 * reported the window.
 *
 * @param windowStartMs start of the window, inclusive
 * @param windowEndMs   end of the window, exclusive
 * @param partition     the requests partition that saw it
 * @param partitions    how many partitions report each window
 * @param requests      requests stamped inside the window
 * @param userDelta     joins minus leaves stamped inside the window
 * @param lateRequests  requests that reached this partition's task after their window was reported
 */
public record WindowPartial(
        long windowStartMs,
        long windowEndMs,
        int partition,
        int partitions,
        long requests,
        long userDelta,
        long lateRequests) {
}
