package io.convosql.adapter.insights;

import io.convosql.core.exec.WarningListener;
import io.convosql.core.plan.SpellingMiss;
import io.convosql.core.plan.Term;
import java.sql.SQLWarning;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.DataContext;

/**
 * What every scan of one schema shares: the API, the clock that pins "now" when a scan starts, the
 * lookback window read when a query gives no lower bound on session_start_time, and where the warning
 * about that window goes.
 */
final class ScanSettings {
  private static final long DAY = 86_400_000L;

  final InsightsApi api;
  final Clock clock;
  final int lookbackDays;
  private volatile WarningListener warnings = WarningListener.NONE;
  private volatile long nowStepMillis;
  private volatile boolean idTermsIgnored;

  ScanSettings(InsightsApi api, Clock clock, int lookbackDays) {
    this.api = Objects.requireNonNull(api, "api");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (lookbackDays < 1) {
      throw new IllegalArgumentException("lookbackDays must be at least 1, not " + lookbackDays);
    }
    this.lookbackDays = lookbackDays;
  }

  /**
   * With the response cache on, "now" is read in steps of its lifetime, so that a query without an
   * upper bound on session_start_time asks the same to_date for a while and can be answered from the
   * cache; it then misses at most the sessions of the last lifetime, as a cached answer would. 0 reads
   * "now" to the millisecond.
   */
  void setNowStep(long millis) {
    this.nowStepMillis = millis;
  }

  /** "Now" for a scan starting: in steps when the cache is on, unless the scan wants fresh answers. */
  long now(boolean fresh) {
    long now = clock.millis();
    long step = nowStepMillis;
    return fresh || step <= 0 ? now : now - Math.floorMod(now, step);
  }

  /**
   * Whether a search of a window for ids ({@link IdWindows}) has shown that the service does not narrow
   * by a {@code should} list of ids (a service on ElasticSearch may read it as optional): its first page
   * counted more sessions than ids were asked. Then no scan of this schema searches ids in windows where
   * a get per id can find them.
   */
  boolean idTermsIgnored() {
    return idTermsIgnored;
  }

  /** Remembers that the service does not narrow a search by a {@code should} list of ids. */
  void idTermsIgnoredSeen() {
    idTermsIgnored = true;
  }

  void setWarnings(WarningListener listener) {
    this.warnings = Objects.requireNonNull(listener, "listener");
  }

  /**
   * How far past this machine's "now" a scan still reads: the service's clock may run ahead of ours,
   * and a session it stamped a minute "in the future" is still one the query asks for (PathSim's
   * scans keep the same margin).
   */
  static final long CLOCK_MARGIN_MILLIS = 5 * 60_000L;

  /**
   * The span a scan reads: the query's bounds, cut at {@code now} plus {@link #CLOCK_MARGIN_MILLIS}
   * (no session starts later), and without a lower bound the {@link #lookbackDays} before the upper
   * one or {@code now}, whichever is earlier. Bounds must be known.
   */
  Window range(SearchPlan plan, long now) {
    long cut = now + CLOCK_MARGIN_MILLIS;
    long to = plan.upper == null ? cut : Math.min((Long) plan.upper, cut);
    long from = plan.lower == null ? Math.min(to, now) - lookbackDays * DAY : (Long) plan.lower;
    return new Window(from, to);
  }

  /**
   * Tells the statement of each value compared with a column of documented values that is one of
   * them spelt otherwise ({@code status = 'Ended'}), which SQL compares as written ({@link SpellingMiss}).
   */
  void warnSpelling(DataContext context, InsightsTable table, List<Term> terms) {
    SpellingMiss.among("insights." + table.name(), terms, table.columns(), table.documentedValues(),
        Map.of()).forEach(miss -> warnings.warn(context, miss.warning()));
  }

  /** Tells the statement that only the lookback window was read. */
  void warnLookback(DataContext context, String table, Window range) {
    warnings.warn(context, new SQLWarning("insights." + table + ": the query has no lower bound on"
        + " session_start_time, so only sessions from " + IsoTimes.sql(range.from()) + " to "
        + IsoTimes.sql(range.to()) + " UTC were read (lookbackDays=" + lookbackDays + "); add a condition"
        + " such as session_start_time >= TIMESTAMP '...' to read further back", "01000"));
  }
}
