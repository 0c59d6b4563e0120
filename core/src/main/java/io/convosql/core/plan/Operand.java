package io.convosql.core.plan;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.DataContext;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A value in a pushed predicate: a literal known when the query is planned, or a value known only
 * when it runs: a prepared-statement parameter ({@code ?}), an {@link ExecutionTime} such as
 * {@code CURRENT_TIMESTAMP - INTERVAL '7' DAY}, or a field of a correlation variable (the outer
 * rows of a batch nested-loop join, {@code $cor0.id}). Literal values are already in the column's
 * Java type.
 */
public final class Operand {
  private final @Nullable Object literal;
  private final int parameter;
  private final @Nullable ExecutionTime time;
  private final @Nullable String correlation;

  private Operand(@Nullable Object literal, int parameter, @Nullable ExecutionTime time,
      @Nullable String correlation) {
    this.literal = literal;
    this.parameter = parameter;
    this.time = time;
    this.correlation = correlation;
  }

  public static Operand literal(@Nullable Object value) {
    return new Operand(value, -1, null, null);
  }

  public static Operand parameter(int index) {
    return new Operand(null, index, null, null);
  }

  /** A timestamp computed from the statement's clock when it runs. */
  public static Operand time(ExecutionTime time) {
    return new Operand(null, -1, java.util.Objects.requireNonNull(time, "time"), null);
  }

  /**
   * A field of a correlation variable, such as {@code $cor0.id}: its value comes with each execution
   * of the scan (see {@link #correlationKey}).
   *
   * @param variable the correlation variable's name, {@code $cor0}
   * @param field the field's index in the variable's row
   */
  public static Operand correlation(String variable, int field) {
    return new Operand(null, -1, null, Objects.requireNonNull(variable, "variable") + "." + field);
  }

  /**
   * For a correlation field, the name its value is found under in the scan's {@link DataContext}
   * ({@code $cor0.3}); null for other operands.
   */
  public @Nullable String correlationKey() {
    return correlation;
  }

  /**
   * Whether the value is known only when the statement runs (a parameter, an execution time or a
   * correlation field).
   */
  public boolean isParameter() {
    return parameter >= 0 || time != null || correlation != null;
  }

  /**
   * The value for one execution in the column's Java type (a parameter converted as Calcite converts
   * it, see {@link Values#parameter}); null for SQL NULL.
   */
  public @Nullable Object value(DataContext context, Column column) {
    if (time != null) {
      return Values.coerce(time.value(context), column);
    }
    if (correlation != null) {
      return Values.coerce(context.get(correlation), column);
    }
    if (!isParameter()) {
      return literal;
    }
    return Values.parameter(context.get("?" + parameter), column);
  }

  /** The value for one execution as the caller gave it, before any coercion. */
  public @Nullable Object rawValue(DataContext context) {
    if (correlation != null) {
      return context.get(correlation);
    }
    return time != null ? (Object) time.value(context) : isParameter() ? context.get("?" + parameter) : literal;
  }

  /**
   * For a plan's estimates, the value of an execution time were the statement run at
   * {@code nowMillis} ({@link ExecutionTime#valueAt}), or null for another operand.
   */
  public @Nullable Long timeAt(long nowMillis) {
    return time == null ? null : time.valueAt(nowMillis);
  }

  /** The literal value; only for operands that are not parameters. */
  public @Nullable Object literalValue() {
    return literal;
  }

  /**
   * A list of values for EXPLAIN: as {@code [a, b]}, except a batch of correlation fields, which is
   * shown by its ends and size: {@code [$cor0.0 … $cor99.0 (a batch of 100 outer keys)]}.
   */
  public static String describe(java.util.Collection<?> values) {
    boolean batch = values.size() > 2 && values.stream()
        .allMatch(v -> v instanceof Operand && ((Operand) v).correlation != null);
    if (!batch) {
      return values.toString();
    }
    List<?> list = List.copyOf(values);
    return "[" + list.get(0) + " … " + list.get(list.size() - 1) + " (a batch of " + list.size()
        + " outer keys)]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Operand
        && ((Operand) o).parameter == parameter
        && Objects.equals(((Operand) o).literal, literal)
        && Objects.equals(((Operand) o).time, time)
        && Objects.equals(((Operand) o).correlation, correlation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(literal, parameter, time, correlation);
  }

  /**
   * How EXPLAIN shows the operand: {@code ?0} for a parameter, {@code CURRENT_TIMESTAMP - 7 days}
   * for an execution time, {@code $cor0.3} for a correlation field, the value otherwise.
   */
  @Override
  public String toString() {
    if (correlation != null) {
      return correlation;
    }
    return time != null ? time.toString() : isParameter() ? "?" + parameter : String.valueOf(literal);
  }
}
