package io.autoscale.chat.autoscaler.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of step scaling: from a breach of {@code lowerBound} on (load per server beyond the
 * threshold), the servers change by {@code adjustment}, until the next step's lower bound.
 *
 * @param lowerBound breach from which this step applies, in load per server, at least 0
 * @param adjustment how the servers change
 */
public record Step(double lowerBound, Adjustment adjustment) {

    public Step {
        if (!(lowerBound >= 0) || Double.isInfinite(lowerBound)) {
            throw new IllegalArgumentException("a step's lower bound must be >= 0 load per server, got " + lowerBound);
        }
        if (adjustment == null) {
            throw new IllegalArgumentException("a step needs an adjustment");
        }
    }

    /**
     * Reads steps written as {@code <lower bound>:<adjustment>} separated by commas, such as
     * {@code 0:+1,10:+2,25:+50%} or {@code 0:-1,5:=2}; see {@link Adjustment#parse}. The steps must
     * be in ascending order of their lower bounds, the first one 0. {@code option} names the option
     * in errors.
     */
    public static List<Step> parseList(String option, String text) {
        List<Step> steps = new ArrayList<>();
        for (String piece : (text == null ? "" : text).split(",", -1)) {
            steps.add(parse(option, piece.trim()));
        }
        return checkList(option, steps);
    }

    private static Step parse(String option, String piece) {
        int colon = piece.indexOf(':');
        if (colon < 0) {
            throw bad(option, piece, "expected <lower bound>:<adjustment>, such as 10:+2");
        }
        String bound = piece.substring(0, colon).trim();
        double lowerBound = bound.matches("[0-9]+(\\.[0-9]+)?") ? Double.parseDouble(bound) : Double.NaN;
        if (Double.isNaN(lowerBound)) {
            throw bad(option, piece, "the lower bound must be a number >= 0");
        }
        Adjustment adjustment;
        try {
            adjustment = Adjustment.parse(piece.substring(colon + 1).trim());
        } catch (IllegalArgumentException e) {
            throw bad(option, piece, e.getMessage());
        }
        if (adjustment == null) {
            throw bad(option, piece, "the adjustment must be +N or -N servers, +P% or -P%, or =N");
        }
        return new Step(lowerBound, adjustment);
    }

    /** {@code steps} if they ascend strictly from a lower bound of 0, as an unmodifiable list. */
    static List<Step> checkList(String option, List<Step> steps) {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException(option + " needs at least one step, such as 0:+1");
        }
        List<Step> copy = List.copyOf(steps);
        if (copy.get(0).lowerBound() != 0) {
            throw new IllegalArgumentException(option + ": the first step must start at 0, got " + copy.get(0));
        }
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).lowerBound() <= copy.get(i - 1).lowerBound()) {
                throw new IllegalArgumentException(option + ": lower bounds must ascend, got " + copy.get(i - 1)
                        + " before " + copy.get(i));
            }
        }
        return copy;
    }

    /** The step that applies to {@code breach}: the one with the largest lower bound at or below it. */
    static Step at(List<Step> steps, double breach) {
        Step chosen = steps.get(0);
        for (Step step : steps) {
            if (step.lowerBound() <= breach) {
                chosen = step;
            }
        }
        return chosen;
    }

    /** The step as {@link #parseList} reads it, e.g. {@code 10:+2}. */
    @Override
    public String toString() {
        return ThresholdPolicy.plain(lowerBound) + ":" + adjustment;
    }

    private static IllegalArgumentException bad(String option, String piece, String why) {
        return new IllegalArgumentException(option + ": bad step '" + piece + "': " + why);
    }

    /**
     * How a step changes the servers.
     *
     * @param kind  a change by a number of servers, a change by a percentage, or an exact number
     * @param value servers to add (negative: remove), percent to add (negative: remove), or the
     *              exact servers
     */
    public record Adjustment(Kind kind, double value) {

        /** What an adjustment's value means. */
        public enum Kind {
            /** Add (or remove) this many servers: {@code +2}, {@code -1}. */
            CHANGE,
            /** Add (or remove) this percentage of the servers: {@code +50%}, {@code -25%}. */
            PERCENT,
            /** Provision exactly this many servers: {@code =6}. */
            EXACT
        }

        public Adjustment {
            if (kind == null) {
                throw new IllegalArgumentException("an adjustment needs a kind: change, percent or exact");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("an adjustment must be a finite number, got " + value);
            }
            if (kind != Kind.PERCENT && value != Math.rint(value)) {
                throw new IllegalArgumentException("an adjustment in servers must be whole, got " + value);
            }
            if (kind == Kind.EXACT && value < 0) {
                throw new IllegalArgumentException("an exact adjustment must be >= 0 servers, got " + value);
            }
            if (kind != Kind.EXACT && value == 0) {
                throw new IllegalArgumentException("an adjustment must change something: +0 or 0% never scales");
            }
            if (kind == Kind.PERCENT && value < -100) {
                throw new IllegalArgumentException("a percent adjustment cannot remove more than 100%, got " + value);
            }
        }

        public static Adjustment change(int servers) {
            return new Adjustment(Kind.CHANGE, servers);
        }

        public static Adjustment percent(double percent) {
            return new Adjustment(Kind.PERCENT, percent);
        }

        public static Adjustment exact(int servers) {
            return new Adjustment(Kind.EXACT, servers);
        }

        /**
         * Reads {@code +N}, {@code -N}, {@code +P%}, {@code -P%} or {@code =N}; {@code null} when the
         * text has none of these forms.
         *
         * @throws IllegalArgumentException when it has one of them but a value out of range
         */
        static Adjustment parse(String text) {
            if (!text.matches("[+=-][0-9]+(\\.[0-9]+)?%?") || text.startsWith("=") && text.endsWith("%")) {
                return null;
            }
            boolean percent = text.endsWith("%");
            double magnitude = Double.parseDouble(text.substring(1, text.length() - (percent ? 1 : 0)));
            double value = text.startsWith("-") ? -magnitude : magnitude;
            return new Adjustment(percent ? Kind.PERCENT : text.startsWith("=") ? Kind.EXACT : Kind.CHANGE, value);
        }

        /**
         * The servers after this adjustment to {@code servers}, never below 0. A percentage rounds
         * toward zero but moves at least one server, so that a small fleet still scales.
         */
        public int applyTo(int servers) {
            long after = switch (kind) {
                case CHANGE -> servers + (long) value;
                case EXACT -> (long) value;
                case PERCENT -> servers + percentChange(servers);
            };
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, after));
        }

        private long percentChange(int servers) {
            long change = (long) (servers * value / 100);
            if (change == 0 && value != 0) {
                change = value > 0 ? 1 : -1;
            }
            return change;
        }

        /** True when this adjustment can add servers. */
        boolean adds() {
            return kind != Kind.EXACT && value > 0;
        }

        /** True when this adjustment can remove servers. */
        boolean removes() {
            return kind != Kind.EXACT && value < 0;
        }

        /** The adjustment as {@link Step#parseList} reads it, e.g. {@code +50%}. */
        @Override
        public String toString() {
            String number = ThresholdPolicy.plain(Math.abs(value));
            return switch (kind) {
                case CHANGE -> (value < 0 ? "-" : "+") + number;
                case PERCENT -> (value < 0 ? "-" : "+") + number + "%";
                case EXACT -> "=" + number;
            };
        }
    }
}
