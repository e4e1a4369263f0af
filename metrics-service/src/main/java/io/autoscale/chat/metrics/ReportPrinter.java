package io.autoscale.chat.metrics;

import io.autoscale.chat.model.ScalingAction;
import java.util.List;
import java.util.Locale;

/** Renders a report for the console, in the shape of the original demo's summary. */
public final class ReportPrinter {

    static final String RULE = "=".repeat(70);

    /** A long trace can oscillate for hours; past this many, the JSON report holds the rest. */
    static final int MAX_EVENTS_LISTED = 50;

    private ReportPrinter() {
    }

    public static String render(Report report) {
        StringBuilder out = new StringBuilder();
        metrics(out, report);
        out.append('\n');
        scalingEvents(out, report.scalingEvents(), report.loadUnit());
        return out.toString();
    }

    private static void metrics(StringBuilder out, Report report) {
        String unit = report.loadUnit();
        out.append('\n').append(RULE).append('\n');
        out.append("📊 Auto-Scaling System Metrics\n");
        out.append(RULE).append('\n');
        line(out, "Total requests processed: %,d (of %,d produced)", report.totalRequests(), report.requestsProduced());
        line(out, "Total duration: %.2fs simulated (%.2fs wall)", report.durationSeconds(), report.wallSeconds());
        line(out, "Average throughput: %.2f req/s (%.2f req/s wall)", report.throughputPerSecond(),
                report.wallThroughputPerSecond());
        line(out, "Peak load: %s %s", number(report.peakLoad()), unit);
        line(out, "Peak servers: %d", report.peakServers());
        line(out, "Scaling events: %d", report.scalingEvents().size());
        line(out, "Average load: %.1f %s", report.averageLoad(), unit);
        if (String.format(Locale.ROOT, "%.1f", report.averageServers())
                .equals(String.format(Locale.ROOT, "%.1f", report.averageProvisioned()))) {
            line(out, "Average servers: %.1f", report.averageServers());
        } else {
            // Servers still starting cost without serving: both figures matter then.
            line(out, "Average servers: %.1f serving, %.1f provisioned", report.averageServers(),
                    report.averageProvisioned());
        }
        line(out, "Average response time: %.1f ms (p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms)",
                report.averageResponseTimeMs(), report.p50ResponseTimeMs(), report.p95ResponseTimeMs(),
                report.p99ResponseTimeMs(), report.maxResponseTimeMs());
        provisioning(out, report);
        line(out, "Late requests: %,d", report.lateRequests());
        if (report.duplicateCompletions() > 0) {
            line(out, "Duplicate completions ignored: %,d", report.duplicateCompletions());
        }
        if (report.deadLetters() > 0) {
            line(out, "Dead letters (unparseable records skipped): %,d", report.deadLetters());
        }
        out.append(RULE).append('\n');
    }

    private static void provisioning(StringBuilder out, Report report) {
        line(out, "Provisioning:");
        line(out, "   Cost: %,.3f server-hours (%,.1f server-seconds)", report.serverHours(), report.serverSeconds());
        line(out, "   SLO violations: %,d over %s ms (%.2f%% of requests; p99.9 %.1f ms)", report.sloViolations(),
                number(report.sloMs()), report.sloViolationPercent(), report.p999ResponseTimeMs());
        line(out, "   Under-provisioning: accuracy %.1f%%, timeshare %.1f%%", report.underProvisioningAccuracy(),
                report.underProvisioningTimeshare());
        line(out, "   Over-provisioning: accuracy %.1f%%, timeshare %.1f%%", report.overProvisioningAccuracy(),
                report.overProvisioningTimeshare());
        line(out, "   Instability: %.1f%% of steps, jitter %.1f changes/h, scaling actions %,d", report.instability(),
                report.jitterPerHour(), report.scalingActions());
    }

    private static void scalingEvents(StringBuilder out, List<ScalingEvent> events, String unit) {
        out.append("🔄 Scaling Events:\n");
        if (events.isEmpty()) {
            out.append("   none\n");
            return;
        }
        int listed = Math.min(events.size(), MAX_EVENTS_LISTED);
        for (int i = 0; i < listed; i++) {
            ScalingEvent event = events.get(i);
            String emoji = event.action() == ScalingAction.SCALE_UP ? "📈" : "📉";
            line(out, "%d. %s %s: %d servers (load: %s %s, at %s)", i + 1, emoji, event.action(),
                    event.toServers(), number(event.load()), unit, seconds(event.time()));
        }
        if (events.size() > listed) {
            line(out, "... and %d more (all are in the JSON report)", events.size() - listed);
        }
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append("   ").append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** Whole numbers without a fraction, as the demo prints loads; others to one decimal. */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String seconds(double timeSeconds) {
        return timeSeconds == Math.rint(timeSeconds)
                ? (long) timeSeconds + "s"
                : String.format(Locale.ROOT, "%.3fs", timeSeconds);
    }
}
