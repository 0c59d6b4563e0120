package io.convosql.driver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the code Calcite generates for {@link Percentiles} calls: each group's values are kept, then
 * sorted, and the percentile read off as PostgreSQL defines it. Calcite calls {@code add} only for
 * rows whose value and fraction are both not NULL, and gives NULL for a group with no such row
 * without calling {@code result}. Public only for that generated code.
 */
public final class PercentileAccumulators {
  private PercentileAccumulators() {}

  /** One group's values so far, the fraction asked for and the direction of the ORDER BY. */
  public static final class State {
    final List<Object> values = new ArrayList<>();
    double fraction;
    boolean descending;

    /** The values in the order of the ORDER BY. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Object> sorted() {
      Comparator<Object> ascending = (a, b) -> ((Comparable) a).compareTo(b);
      values.sort(descending ? ascending.reversed() : ascending);
      return values;
    }
  }

  /** {@code PERCENTILE_CONT}: interpolated linearly between the two values around the fraction. */
  public static final class Cont {
    private Cont() {}

    public static State init() {
      return new State();
    }

    public static State add(State state, Object value, Object fraction, boolean descending) {
      state.values.add(((Number) value).doubleValue()); // PostgreSQL's takes double precision
      return remember(state, fraction, descending);
    }

    /**
     * PostgreSQL's rule: of the n values in order, the one at (zero-based) position f * (n - 1) when
     * that is whole, else the line between the two around it.
     */
    public static Double result(State state) {
      List<Object> values = state.sorted();
      double at = state.fraction * (values.size() - 1);
      int below = (int) Math.floor(at);
      int above = (int) Math.ceil(at);
      double first = (Double) values.get(below);
      if (below == above) {
        return first;
      }
      double second = (Double) values.get(above);
      return first + (at - below) * (second - first);
    }
  }

  /** {@code PERCENTILE_DISC}: the first value whose cumulative distribution reaches the fraction. */
  public static final class Disc {
    private Disc() {}

    public static State init() {
      return new State();
    }

    public static State add(State state, Object value, Object fraction, boolean descending) {
      state.values.add(value);
      return remember(state, fraction, descending);
    }

    /**
     * The value at (one-based) position ceil(f * n) of the n in order, the first of the values
     * whose share of the group at or before it (their cumulative distribution) is at least f; the
     * first value for f = 0.
     */
    public static Object result(State state) {
      List<Object> values = state.sorted();
      int position = (int) Math.ceil(state.fraction * values.size());
      return values.get(Math.max(position, 1) - 1);
    }
  }

  private static State remember(State state, Object fraction, boolean descending) {
    double f = ((Number) fraction).doubleValue();
    if (!(f >= 0 && f <= 1)) { // NaN too, as in PostgreSQL
      throw outOfRange(fraction instanceof Double || fraction instanceof Float ? shown(f)
          : shown(new BigDecimal(fraction.toString())));
    }
    state.fraction = f;
    state.descending = descending;
    return state;
  }

  /** PostgreSQL's error for a fraction outside [0, 1], with what to write. */
  static SqlStateException outOfRange(String fraction) {
    return new SqlStateException("percentile value " + fraction + " is not between 0 and 1: write"
        + " the percentile as a fraction, 0.95 for the 95th", "22003");
  }

  /** A fraction as written: 1.5, 2, -0.1. */
  static String shown(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  private static String shown(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? String.valueOf(value)
        : shown(BigDecimal.valueOf(value));
  }
}
