package io.autoscale.chat.autoscaler.policy;

import io.autoscale.chat.model.Json;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Provisions for the load one startup delay ahead. A server ordered at the end of a window serves
 * from one startup delay later, so the policy forecasts the load of the window that ends
 * {@code startupDelay + window} from now and provisions for the larger of that forecast and the
 * present need.
 *
 * <p>Two models forecast. A {@linkplain HoltTrend trend model} (Holt's linear smoothing) follows
 * the load's level and slope and extrapolates the slope over the horizon. A {@linkplain SeasonProfile
 * seasonal model}, once the history covers a whole season, takes the change that the last season
 * showed over the horizon and applies it to the present level:
 * {@code profile(t + horizon) + level - profile(t)}, which carries the season's shape while
 * following a day that runs higher or lower than the last.
 *
 * <p>Every forecast is checked when its time comes, and each model keeps its recent error
 * ({@link ForecastError}). The seasonal model decides when it is available and accurate, else the
 * trend model when accurate, else the reactive rule, which provisions for the present load alone:
 * a forecast that has been wrong lately is worse than none. Until a model's error has been
 * measured, it is not trusted either.
 *
 * <p>Scale-up acts at once. Scale-down goes no lower than the highest recommendation of the last
 * stabilization window, so that a forecast dipping for a moment does not send servers away that
 * the next minutes need again.
 *
 * <p>The models learn each window once, in whichever of {@link #propose} or {@link #onDecided}
 * sees it first, so that a window the {@link Scaler} corrects without a proposal is learned too.
 */
public final class PredictivePolicy implements ScalingPolicy {

    public static final String NAME = "predictive";
    public static final String SEASONAL = "seasonal forecast";
    public static final String TREND = "trend forecast";
    public static final String REACTIVE = "reactive";

    private static final long NEVER = Long.MIN_VALUE;

    private final Settings settings;
    private final HoltTrend trend;
    private final SeasonProfile season;
    private final ForecastError trendError;
    private final ForecastError seasonalError;
    private final ForecastLedger ledger = new ForecastLedger();
    private final ScaleDownHold hold;

    private long learnedThroughMs = NEVER;

    private PredictivePolicy(Settings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("the predictive policy needs its settings");
        }
        this.settings = settings;
        this.trend = new HoltTrend(settings.levelSmoothing(), settings.trendSmoothing());
        this.season = new SeasonProfile(settings.seasonBucketMs(), settings.seasonBuckets());
        this.trendError = new ForecastError(settings.errorWindowMs(), settings.targetLoadPerServer());
        this.seasonalError = new ForecastError(settings.errorWindowMs(), settings.targetLoadPerServer());
        this.hold = new ScaleDownHold(settings.scaleDownStabilizationMs());
    }

    public static PredictivePolicy of(Settings settings) {
        return new PredictivePolicy(settings);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Proposal propose(Observation observation) {
        learn(observation);

        long horizonMs = horizonMs(observation);
        double load = observation.load();
        boolean seasonReady = season.ready();
        boolean seasonalAccurate = seasonReady && accurate(seasonalError);
        boolean trendAccurate = accurate(trendError);
        boolean showSeasonal = seasonalAccurate || (!trendAccurate && seasonReady && seasonalError.measured());

        String model = showSeasonal ? SEASONAL : TREND;
        double forecast = showSeasonal ? seasonalForecast(observation, horizonMs) : trend.forecast(horizonMs);
        ForecastError error = showSeasonal ? seasonalError : trendError;
        String branch = seasonalAccurate ? SEASONAL : trendAccurate ? TREND : REACTIVE;

        int needNow = need(load);
        int needAhead = need(forecast);
        String seen = String.format(Locale.ROOT, "load %.1f, %s %.1f at +%s s", load, model, forecast,
                seconds(horizonMs));
        if (branch.equals(REACTIVE)) {
            String why = error.measured()
                    ? String.format(Locale.ROOT, "error %.1f%% > %s%%", error.percent(),
                            plain(settings.maxErrorPercent()))
                    : "error not measured yet";
            return stabilized(observation, needNow, branch, seen + " (" + why + "): need " + needNow + " now");
        }
        String rule = String.format(Locale.ROOT, "%s (error %.0f%%): need %d ahead, %d now", seen, error.percent(),
                needAhead, needNow);
        return stabilized(observation, Math.max(needAhead, needNow), branch, rule);
    }

    private boolean accurate(ForecastError error) {
        return error.measured() && error.percent() <= settings.maxErrorPercent();
    }

    /** A scale-down goes no lower than the highest recommendation of the stabilization window. */
    private Proposal stabilized(Observation observation, int recommendation, String branch, String rule) {
        int bounded = observation.bounds().clamp(recommendation);
        int provisioned = observation.provisioned();
        if (bounded < provisioned) {
            int kept = Math.min(provisioned, Math.max(bounded, hold.highest(observation.nowMs())));
            if (kept > bounded) {
                return Proposal.held(kept, recommendation, branch, rule, "stabilization");
            }
        }
        return Proposal.free(recommendation, branch, rule);
    }

    @Override
    public void onDecided(Observation observation, Proposal proposal, int decided) {
        learn(observation);
        hold.record(observation.nowMs(), observation.bounds().clamp(proposal.recommendation()));
    }

    /**
     * Checks the forecasts due in this window, learns its load, and records the forecasts for the
     * window one horizon ahead. A window already learned is not learned again.
     */
    private void learn(Observation observation) {
        long nowMs = observation.nowMs();
        if (learnedThroughMs != NEVER && nowMs <= learnedThroughMs) {
            return;
        }
        learnedThroughMs = nowMs;
        double load = observation.load();
        if (!Double.isFinite(load)) {
            return;
        }
        long windowMs = observation.windowMs();
        long horizonMs = horizonMs(observation);

        for (ForecastLedger.Due due = ledger.pollDue(nowMs); due != null; due = ledger.pollDue(nowMs)) {
            // A forecast due before this window began belongs to a window never seen: nothing to check.
            boolean dueNow = due.dueMs() > nowMs - windowMs;
            if (dueNow) {
                trendError.check(due.trend(), load, nowMs, windowMs);
                if (due.hasSeasonal()) {
                    seasonalError.check(due.seasonal(), load, nowMs, windowMs);
                }
            }
        }

        trend.learn(nowMs, load, horizonMs);
        boolean wasReady = season.ready();
        season.learn(midpoint(observation), windowMs, load);
        if (wasReady && !season.ready()) {
            // A broken season forecasts nothing until a new one is whole; its old error would mislead.
            seasonalError.reset();
        }

        double seasonal = season.ready() ? seasonalForecast(observation, horizonMs) : ForecastLedger.NO_FORECAST;
        ledger.maybeRecord(nowMs, windowMs, horizonMs, trend.forecast(horizonMs), seasonal);
    }

    /** The last season's change from now to one horizon ahead, applied to the present level. */
    private double seasonalForecast(Observation observation, long horizonMs) {
        long midMs = midpoint(observation);
        double change = season.valueAt(midMs + horizonMs) - season.valueAt(midMs);
        return Math.max(0, trend.level() + change);
    }

    private static long midpoint(Observation observation) {
        return observation.nowMs() - observation.windowMs() / 2;
    }

    /** A server ordered now serves from one startup delay on, through the window that then ends. */
    private static long horizonMs(Observation observation) {
        return observation.startupDelayMs() + observation.windowMs();
    }

    private int need(double load) {
        if (!(load > 0)) {
            return 0;
        }
        double servers = Math.ceil(load / settings.targetLoadPerServer());
        return servers >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) servers;
    }

    @Override
    public byte[] saveState() {
        return Json.toBytes(new State(learnedThroughMs, trend.save(), season.save(), trendError.save(),
                seasonalError.save(), ledger.save(), hold.save()));
    }

    @Override
    public void restoreState(byte[] state) {
        State restored = Json.fromBytes(state, State.class);
        if (restored.trend() == null || restored.season() == null || restored.trendError() == null
                || restored.seasonalError() == null || restored.ledger() == null || restored.hold() == null) {
            throw new IllegalArgumentException("the saved predictive memory is incomplete");
        }
        learnedThroughMs = restored.learnedThroughMs();
        trend.restore(restored.trend());
        season.restore(restored.season());
        trendError.restore(restored.trendError());
        seasonalError.restore(restored.seasonalError());
        ledger.restore(restored.ledger());
        hold.restore(restored.hold());
    }

    @Override
    public String describe() {
        return NAME + ": " + plain(settings.targetLoadPerServer()) + " per server, season "
                + seconds(settings.seasonMs()) + " s in buckets of " + seconds(settings.seasonBucketMs())
                + " s, smoothing " + plain(settings.levelSmoothing()) + " level, " + plain(settings.trendSmoothing())
                + " trend, reactive above " + plain(settings.maxErrorPercent()) + "% error over "
                + seconds(settings.errorWindowMs()) + " s, scale-down stabilization "
                + seconds(settings.scaleDownStabilizationMs()) + " s";
    }

    private static String seconds(long ms) {
        return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private record State(
            long learnedThroughMs,
            HoltTrend.State trend,
            SeasonProfile.State season,
            ForecastError.State trendError,
            ForecastError.State seasonalError,
            ForecastLedger.State ledger,
            ScaleDownHold.State hold) {
    }

    /**
     * How the predictive policy forecasts and decides.
     *
     * @param targetLoadPerServer      load one server should carry
     * @param seasonMs                 the load's period, such as a day
     * @param seasonBucketMs           the season profile's resolution; the season holds a whole number of them
     * @param levelSmoothing           weight of each window's load in the trend model's level, in (0, 1]
     * @param trendSmoothing           weight of each window's slope in the trend model's trend, in (0, 1]
     * @param maxErrorPercent          a model whose recent error is above this hands over, in (0, 100]
     * @param errorWindowMs            time constant of the recent error
     * @param scaleDownStabilizationMs how long a recommendation keeps servers from going below it
     */
    public record Settings(
            double targetLoadPerServer,
            long seasonMs,
            long seasonBucketMs,
            double levelSmoothing,
            double trendSmoothing,
            double maxErrorPercent,
            long errorWindowMs,
            long scaleDownStabilizationMs) {

        /**
         * Most buckets in a season: the profile is saved after every window, and 1440 buckets (a day
         * at 1 minute) already take about 14 KB.
         */
        public static final int MAX_SEASON_BUCKETS = 1440;

        public Settings {
            if (!(targetLoadPerServer > 0) || Double.isInfinite(targetLoadPerServer)) {
                throw new IllegalArgumentException(
                        "--target-load must be > 0 load per server, got " + targetLoadPerServer);
            }
            if (seasonMs <= 0) {
                throw new IllegalArgumentException("--season must be > 0 s, got " + seasonMs / 1000.0);
            }
            if (seasonBucketMs <= 0) {
                throw new IllegalArgumentException("--season-bucket must be > 0 s, got " + seasonBucketMs / 1000.0);
            }
            if (seasonMs % seasonBucketMs != 0) {
                throw new IllegalArgumentException("--season (" + seasonMs / 1000.0
                        + " s) must be a whole number of --season-bucket (" + seasonBucketMs / 1000.0 + " s)");
            }
            long buckets = seasonMs / seasonBucketMs;
            if (buckets < 2 || buckets > MAX_SEASON_BUCKETS) {
                throw new IllegalArgumentException("--season must hold between 2 and " + MAX_SEASON_BUCKETS
                        + " buckets of --season-bucket, got " + buckets);
            }
            if (!(levelSmoothing > 0 && levelSmoothing <= 1)) {
                throw new IllegalArgumentException("--level-smoothing must be > 0 and <= 1, got " + levelSmoothing);
            }
            if (!(trendSmoothing > 0 && trendSmoothing <= 1)) {
                throw new IllegalArgumentException("--trend-smoothing must be > 0 and <= 1, got " + trendSmoothing);
            }
            if (!(maxErrorPercent > 0 && maxErrorPercent <= 100)) {
                throw new IllegalArgumentException(
                        "--max-forecast-error must be > 0 and <= 100 percent, got " + maxErrorPercent);
            }
            if (errorWindowMs <= 0) {
                throw new IllegalArgumentException("--error-window must be > 0 s, got " + errorWindowMs / 1000.0);
            }
            if (scaleDownStabilizationMs < 0) {
                throw new IllegalArgumentException("--scale-down-stabilization must be >= 0 s, got "
                        + scaleDownStabilizationMs / 1000.0);
            }
        }

        /**
         * Settings for a daily pattern, with these defaults and why:
         * <ul>
         * <li>a season of 1 day in 5-minute buckets: chat load follows the hours of the day, and 288
         *     buckets keep the saved profile near 3 KB while following the day closely enough;</li>
         * <li>level smoothing 0.1: the level catches up with a change in about ten windows while
         *     averaging away most of a request rate's noise;</li>
         * <li>trend smoothing 0.02: the slope is averaged over about fifty windows. On a load that rises
         *     and falls within an hour, the forecast one 61-second horizon ahead then leads the load by
         *     that horizon give or take about 12 s; a faster trend follows bends better but overshoots
         *     after a jump by about {@code trendSmoothing * horizon in windows} times the jump;</li>
         * <li>a maximum error of 25%: a forecast off by more than a quarter provisions a quarter too
         *     many or too few servers, and the present load is then the better guide;</li>
         * <li>an error window of 10 minutes: many horizons of a typical startup delay, so that one
         *     burst does not switch models, yet a pattern that breaks hands over within minutes;</li>
         * <li>a scale-down stabilization of 5 minutes: a forecast that dips between two bursts does not
         *     send away the servers the next one needs.</li>
         * </ul>
         */
        public static Settings defaults(double targetLoadPerServer) {
            return new Settings(targetLoadPerServer, 86_400_000, 300_000, 0.1, 0.02, 25, 600_000, 300_000);
        }

        int seasonBuckets() {
            return (int) (seasonMs / seasonBucketMs);
        }
    }
}
