package io.autoscale.chat.autoscaler.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far the servers may move within a sliding period of event time, counted from the servers
 * provisioned at the start of that period: {@code 4/15s} allows 4 servers more (or fewer) per
 * 15 s, {@code 100%/15s} allows doubling (or, on the way down, removing all) per 15 s.
 *
 * @param kind     whether {@code value} counts servers or a percentage of the servers
 * @param value    servers or percent per period, greater than zero
 * @param periodMs the sliding period, in event time
 */
public record RateLimit(Kind kind, double value, long periodMs) {

    /** What a rate limit's value counts. */
    public enum Kind {
        /** A number of servers. */
        SERVERS,
        /** A percentage of the servers provisioned at the start of the period. */
        PERCENT
    }

    /**
     * Which rate limit wins when there are several: {@link #MAX} the one that allows the most
     * change, {@link #MIN} the one that allows the least, {@link #DISABLED} no change at all in
     * that direction.
     */
    public enum Select {
        MAX, MIN, DISABLED;

        /** Reads {@code max}, {@code min} or {@code disabled} in any case; {@code option} names the option. */
        public static Select parse(String option, String text) {
            String trimmed = text == null ? "" : text.trim();
            for (Select select : values()) {
                if (select.name().equalsIgnoreCase(trimmed)) {
                    return select;
                }
            }
            throw new IllegalArgumentException(option + " must be max, min or disabled, got '" + text + "'");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RateLimit {
        if (kind == null) {
            throw new IllegalArgumentException("a rate limit needs a kind, servers or percent");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a rate limit must allow more than 0 per period, got " + value);
        }
        if (kind == Kind.SERVERS && value != Math.rint(value)) {
            throw new IllegalArgumentException("a rate limit in servers must be a whole number, got " + value);
        }
        if (periodMs < 1) {
            throw new IllegalArgumentException("a rate limit's period must be at least 1 ms, got " + periodMs);
        }
    }

    public static RateLimit servers(int servers, long periodMs) {
        return new RateLimit(Kind.SERVERS, servers, periodMs);
    }

    public static RateLimit percent(double percent, long periodMs) {
        return new RateLimit(Kind.PERCENT, percent, periodMs);
    }

    /**
     * Reads one limit written as {@code <servers>/<period>} or {@code <percent>%/<period>}, where the
     * period is a number of seconds with an optional unit {@code s} or {@code m}: {@code 4/15s},
     * {@code 100%/15s}, {@code 2/60}, {@code 1/1m}. {@code option} names the option in errors.
     */
    public static RateLimit parse(String option, String text) {
        String trimmed = text == null ? "" : text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            throw bad(option, text, "expected <servers>/<period> or <percent>%/<period>");
        }
        String amount = trimmed.substring(0, slash).trim();
        Kind kind = amount.endsWith("%") ? Kind.PERCENT : Kind.SERVERS;
        if (kind == Kind.PERCENT) {
            amount = amount.substring(0, amount.length() - 1).trim();
        }

        double value = number(amount);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw bad(option, text, "the amount must be a number greater than 0");
        }
        if (kind == Kind.SERVERS && value != Math.rint(value)) {
            throw bad(option, text, "a number of servers must be whole");
        }
        long periodMs = periodMs(trimmed.substring(slash + 1).trim());
        if (periodMs < 1) {
            throw bad(option, text, "the period must be a positive number of seconds, such as 15s or 1m");
        }
        return new RateLimit(kind, value, periodMs);
    }

    /** Reads a comma-separated list of limits, such as {@code 4/15s,100%/15s}. */
    public static List<RateLimit> parseList(String option, String text) {
        List<RateLimit> limits = new ArrayList<>();
        for (String piece : (text == null ? "" : text).split(",", -1)) {
            limits.add(parse(option, piece));
        }
        return List.copyOf(limits);
    }

    /** The most servers this limit allows after scaling up from {@code periodStart} servers. */
    int upLimit(int periodStart) {
        return kind == Kind.SERVERS ? periodStart + (int) value
                : (int) Math.ceil(periodStart * (1 + value / 100) - 1e-9);
    }

    /** The fewest servers this limit allows after scaling down from {@code periodStart} servers. */
    int downLimit(int periodStart) {
        int limit = kind == Kind.SERVERS ? periodStart - (int) value
                : (int) Math.floor(periodStart * (1 - value / 100) + 1e-9);
        return Math.max(0, limit);
    }

    /** The limit as {@link #parse} reads it, e.g. {@code 100%/15s}. */
    @Override
    public String toString() {
        String period = periodMs % 1000 == 0 ? periodMs / 1000 + "s" : periodMs / 1000.0 + "s";
        return ThresholdPolicy.plain(value) + (kind == Kind.PERCENT ? "%" : "") + "/" + period;
    }

    private static double number(String text) {
        if (text.isEmpty() || !text.matches("[0-9.]+")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long periodMs(String text) {
        long unitMs = 1000;
        String digits = text;
        if (text.endsWith("m")) {
            unitMs = 60_000;
            digits = text.substring(0, text.length() - 1);
        } else if (text.endsWith("s")) {
            digits = text.substring(0, text.length() - 1);
        }
        double amount = number(digits.trim());
        return Double.isFinite(amount) ? Math.round(amount * unitMs) : -1;
    }

    private static IllegalArgumentException bad(String option, String text, String why) {
        return new IllegalArgumentException(option + ": bad rate limit '" + text + "': " + why
                + " (e.g. 4/15s or 100%/15s)");
    }
}
