package io.autoscale.chat.producer;

/**
 * How fast event time runs against wall time: 1.0 is real time, 20 is twenty times faster, and
 * {@link #max()} sends as fast as the cluster takes the records, with no pacing at all.
 */
public final class Speed {

    private static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);
    private static final Speed REAL_TIME = new Speed(1.0);

    private final double factor;

    private Speed(double factor) {
        this.factor = factor;
    }

    public static Speed of(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(
                    "--speed must be a positive finite multiple of real time or 'max', got " + factor);
        }
        return new Speed(factor);
    }

    public static Speed realTime() {
        return REAL_TIME;
    }

    public static Speed max() {
        return MAX;
    }

    /** Reads {@code max} or a positive number such as {@code 20} or {@code 0.5}. */
    public static Speed parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equalsIgnoreCase("max")) {
            return MAX;
        }
        double factor;
        try {
            factor = Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            factor = Double.NaN;
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("--speed must be a positive number or 'max', got '" + text + "'");
        }
        return new Speed(factor);
    }

    public boolean isMax() {
        return this == MAX;
    }

    /** Event-time milliseconds per wall-time millisecond; infinite for {@link #max()}. */
    public double factor() {
        return factor;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Speed speed && Double.compare(speed.factor, factor) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(factor);
    }

    @Override
    public String toString() {
        if (isMax()) {
            return "max";
        }
        return factor == Math.rint(factor) ? (long) factor + "x" : factor + "x";
    }
}
