package io.autoscale.chat.launcher;

import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The run's own lines on the console: the configuration, scaling events and status lines with
 * {@code --verbose}, and the report. Logs never come here; they go to the log file.
 */
final class Console {

    static final String RULE = "=".repeat(70);

    private final PrintStream out;
    private final boolean verbose;

    Console(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    void banner() {
        out.println();
        out.println("⚡".repeat(35));
        out.println("          autoscale-chat: auto-scaling chat on Kafka");
        out.println("⚡".repeat(35));
    }

    void configuration(List<String> lines) {
        out.println();
        out.println(RULE);
        out.println("📋 Configuration");
        out.println(RULE);
        lines.forEach(line -> out.println("   " + line));
        out.println(RULE);
        out.println();
    }

    void line(String text) {
        out.println(text);
    }

    void scalingEvent(ScalingDecision decision, String unit) {
        if (!verbose || decision.action() == ScalingAction.NONE) {
            return;
        }
        String direction = decision.action() == ScalingAction.SCALE_UP ? "up" : "down";
        out.printf(Locale.ROOT, "⚠️  %6s  Scaling %s to %d servers (load: %s %s; %s)%n",
                seconds(decision.windowEndMs()), direction, decision.serversAfter(), number(decision.load()), unit,
                decision.reason());
    }

    void status(long timeSeconds, double load, int servers, long requestsSoFar, String unit) {
        if (!verbose) {
            return;
        }
        out.printf(Locale.ROOT, "📊 %6s  Load: %6s %-5s | Servers: %3d | Requests: %,10d%n",
                timeSeconds + "s", number(load), unit, servers, requestsSoFar);
    }

    void report(String renderedReport) {
        out.println(renderedReport);
        out.flush();
    }

    private static String seconds(long timeMs) {
        return timeMs % 1000 == 0 ? timeMs / 1000 + "s" : String.format(Locale.ROOT, "%.3fs", timeMs / 1000.0);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
