package io.convosql.core.scan;

import java.util.Objects;
import org.apache.calcite.DataContext;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A value in a pushed predicate: a literal known when the query is planned, or a value known only
 * when it runs: a prepared-statement parameter ({@code ?}) or an {@link ExecutionTime} such as
 * {@code CURRENT_TIMESTAMP - INTERVAL '7' DAY}. Literal values are already in the column's Java type.
 */
public final class Operand {
  private final @Nullable Object literal;
  private final int parameter;
  private final @Nullable ExecutionTime time;

  private Operand(@Nullable Object literal, int parameter, @Nullable ExecutionTime time) {
    this.literal = literal;
    this.parameter = parameter;
    this.time = time;
  }

  public static Operand literal(@Nullable Object value) {
    return new Operand(value, -1, null);
  }

  public static Operand parameter(int index) {
    return new Operand(null, index, null);
  }

  /** A timestamp computed from the statement's clock when it runs. */
  public static Operand time(ExecutionTime time) {
    return new Operand(null, -1, java.util.Objects.requireNonNull(time, "time"));
  }

  /** Whether the value is known only when the statement runs (a parameter or an execution time). */
  public boolean isParameter() {
    return parameter >= 0 || time != null;
  }

  /**
   * The value for one execution in the column's Java type (a parameter converted as Calcite converts
   * it, see {@link Values#parameter}); null for SQL NULL.
   */
  public @Nullable Object value(DataContext context, Column column) {
    if (time != null) {
      return Values.coerce(time.value(context), column);
    }
    if (!isParameter()) {
      return literal;
    }
    return Values.parameter(context.get("?" + parameter), column);
  }

  /** The value for one execution as the caller gave it, before any coercion. */
  public @Nullable Object rawValue(DataContext context) {
    return time != null ? (Object) time.value(context) : isParameter() ? context.get("?" + parameter) : literal;
  }

  /** The literal value; only for operands that are not parameters. */
  public @Nullable Object literalValue() {
    return literal;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Operand
        && ((Operand) o).parameter == parameter
        && Objects.equals(((Operand) o).literal, literal)
        && Objects.equals(((Operand) o).time, time);
  }

  @Override
  public int hashCode() {
    return Objects.hash(literal, parameter, time);
  }

  /**
   * How EXPLAIN shows the operand: {@code ?0} for a parameter, {@code CURRENT_TIMESTAMP - 7 days}
   * for an execution time, the value otherwise.
   */
  @Override
  public String toString() {
    return time != null ? time.toString() : isParameter() ? "?" + parameter : String.valueOf(literal);
  }
}
