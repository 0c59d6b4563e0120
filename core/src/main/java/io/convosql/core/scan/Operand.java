package io.convosql.core.scan;

import java.util.Objects;
import org.apache.calcite.DataContext;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A value in a pushed predicate: a literal known when the query is planned, or a prepared-statement
 * parameter ({@code ?}) known only when it runs. Literal values are already in the column's Java type.
 */
public final class Operand {
  private final @Nullable Object literal;
  private final int parameter;

  private Operand(@Nullable Object literal, int parameter) {
    this.literal = literal;
    this.parameter = parameter;
  }

  public static Operand literal(@Nullable Object value) {
    return new Operand(value, -1);
  }

  public static Operand parameter(int index) {
    return new Operand(null, index);
  }

  public boolean isParameter() {
    return parameter >= 0;
  }

  /**
   * The value for one execution in the column's Java type (a parameter converted as Calcite converts
   * it, see {@link Values#parameter}); null for SQL NULL.
   */
  public @Nullable Object value(DataContext context, Column column) {
    if (!isParameter()) {
      return literal;
    }
    return Values.parameter(context.get("?" + parameter), column);
  }

  /** The value for one execution as the caller gave it, before any coercion. */
  public @Nullable Object rawValue(DataContext context) {
    return isParameter() ? context.get("?" + parameter) : literal;
  }

  /** The literal value; only for operands that are not parameters. */
  public @Nullable Object literalValue() {
    return literal;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Operand
        && ((Operand) o).parameter == parameter
        && Objects.equals(((Operand) o).literal, literal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(literal, parameter);
  }

  /** How EXPLAIN shows the operand: {@code ?0} for a parameter, the value otherwise. */
  @Override
  public String toString() {
    return isParameter() ? "?" + parameter : String.valueOf(literal);
  }
}
