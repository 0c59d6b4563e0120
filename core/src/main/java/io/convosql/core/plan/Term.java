package io.convosql.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.DataContext;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One conjunct of a WHERE clause in a form an adapter can translate into API parameters: a comparison,
 * an IN list, a union of ranges, an IS [NOT] NULL test, a LIKE pattern or a function call on a column.
 * Columns are indexes into the table's full row. Comparisons, IN lists, ranges and null tests are
 * {@linkplain #evaluable() evaluable}: the scan checks them on every row the API returns, so the answer
 * stays exact whatever the API does with the parameters.
 */
public sealed interface Term
    permits Term.Compare, Term.InList, Term.Ranges, Term.IsNull, Term.Like, Term.Call {

  /** The table column the term constrains. */
  int column();

  /** Whether {@link #test} can decide the term on a row; LIKE and function calls cannot. */
  default boolean evaluable() {
    return true;
  }

  /**
   * Replaces parameters with their values for one execution. Returns null when no row can satisfy
   * the term (for example {@code x = NULL}), so the scan can answer without a request.
   */
  @Nullable Term bind(DataContext context, Column column);

  /**
   * The term as EXPLAIN shows it, its column still {@code $n}: as {@link #toString}, but a literal
   * on a TIMESTAMP column is the timestamp typed ({@code 2025-01-01 00:00:00}), not its epoch
   * milliseconds.
   */
  default String describe(Column col) {
    return toString();
  }

  /** Whether a row (the table's full row) satisfies this bound term under SQL semantics. */
  default boolean test(Object[] row) {
    throw new UnsupportedOperationException("term is not evaluable: " + this);
  }

  /** Comparison operators of {@link Compare}. */
  enum Op {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    public final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The operator with its operands swapped: {@code 5 < x} is {@code x > 5}. */
    public Op flip() {
      switch (this) {
        case LT: return GT;
        case LE: return GE;
        case GT: return LT;
        case GE: return LE;
        default: return this;
      }
    }

    boolean holds(int comparison) {
      switch (this) {
        case EQ: return comparison == 0;
        case NE: return comparison != 0;
        case LT: return comparison < 0;
        case LE: return comparison <= 0;
        case GT: return comparison > 0;
        default: return comparison >= 0;
      }
    }
  }

  /** {@code column op value}. */
  record Compare(int column, Op op, Operand value) implements Term {
    @Override
    public @Nullable Term bind(DataContext context, Column col) {
      Object v = value.value(context, col);
      return v == null ? null : new Compare(column, op, Operand.literal(v));
    }

    @Override
    public boolean test(Object[] row) {
      Object cell = row[column];
      return cell != null && op.holds(compare(cell, value.literalValue()));
    }

    @Override
    public String toString() {
      return "$" + column + " " + op.symbol + " " + value;
    }

    @Override
    public String describe(Column col) {
      return "$" + column + " " + op.symbol + " " + Values.shown(value, col);
    }
  }

  /** {@code column [NOT] IN (values)}. */
  record InList(int column, List<Operand> values, boolean negated) implements Term {
    public InList {
      values = List.copyOf(values);
    }

    @Override
    public @Nullable Term bind(DataContext context, Column col) {
      List<Operand> bound = new ArrayList<>();
      for (Operand o : values) {
        Object v = o.value(context, col);
        if (v == null) {
          if (negated) {
            return null; // x NOT IN (..., NULL) is never true
          }
          continue; // x IN (..., NULL) is true only through the other values
        }
        bound.add(Operand.literal(v));
      }
      return bound.isEmpty() && !negated ? null : new InList(column, bound, negated);
    }

    @Override
    public boolean test(Object[] row) {
      Object cell = row[column];
      if (cell == null) {
        return false;
      }
      for (Operand o : values) {
        if (compare(cell, o.literalValue()) == 0) {
          return !negated;
        }
      }
      return negated;
    }

    @Override
    public String toString() {
      String list = Operand.describe(values);
      return "$" + column + (negated ? " NOT IN " : " IN ") + "(" + list.substring(1, list.length() - 1) + ")";
    }

    @Override
    public String describe(Column col) {
      String list = Operand.describe(values.stream().map(v -> v.isParameter() ? v : Values.shown(v, col)).toList());
      return "$" + column + (negated ? " NOT IN " : " IN ") + "(" + list.substring(1, list.length() - 1) + ")";
    }
  }

  /**
   * {@code column} within any of the intervals (from BETWEEN and folded ranges); a NULL satisfies it
   * only when {@code orNull}, which Calcite folds from {@code x < b OR x IS NULL} (the first
   * partition of a Spark partitioned read).
   */
  record Ranges(int column, List<Interval> intervals, boolean orNull) implements Term {
    public Ranges {
      intervals = List.copyOf(intervals);
    }

    /** The intervals, NULL excluded. */
    public Ranges(int column, List<Interval> intervals) {
      this(column, intervals, false);
    }

    @Override
    public Term bind(DataContext context, Column col) {
      return this;
    }

    @Override
    public boolean test(Object[] row) {
      Object cell = row[column];
      if (cell == null) {
        return orNull;
      }
      for (Interval i : intervals) {
        if (i.contains(cell)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return "$" + column + " IN " + intervals + (orNull ? " OR NULL" : "");
    }

    @Override
    public String describe(Column col) {
      return "$" + column + " IN " + intervals.stream().map(i -> i.describe(col)).toList()
          + (orNull ? " OR NULL" : "");
    }
  }

  /** An interval with optional bounds; bounds are literals in the column's Java type. */
  record Interval(@Nullable Object lower, boolean lowerClosed, @Nullable Object upper,
      boolean upperClosed) {
    boolean contains(Object v) {
      if (lower != null) {
        int c = compare(v, lower);
        if (c < 0 || c == 0 && !lowerClosed) {
          return false;
        }
      }
      if (upper != null) {
        int c = compare(v, upper);
        return c < 0 || c == 0 && upperClosed;
      }
      return true;
    }

    @Override
    public String toString() {
      return (lower == null ? "(-inf" : (lowerClosed ? "[" : "(") + lower) + ".."
          + (upper == null ? "+inf)" : upper + (upperClosed ? "]" : ")"));
    }

    /** As {@link #toString}, with the bounds as {@link Values#shown} shows them. */
    String describe(Column col) {
      return (lower == null ? "(-inf" : (lowerClosed ? "[" : "(") + Values.shown(lower, col)) + ".."
          + (upper == null ? "+inf)" : Values.shown(upper, col) + (upperClosed ? "]" : ")"));
    }
  }

  /** {@code column IS [NOT] NULL}. */
  record IsNull(int column, boolean negated) implements Term {
    @Override
    public Term bind(DataContext context, Column col) {
      return this;
    }

    @Override
    public boolean test(Object[] row) {
      return (row[column] == null) != negated;
    }

    @Override
    public String toString() {
      return "$" + column + (negated ? " IS NOT NULL" : " IS NULL");
    }
  }

  /** {@code column LIKE pattern [ESCAPE escape]}; never pushed exactly, so not evaluable here. */
  record Like(int column, String pattern, @Nullable String escape) implements Term {
    @Override
    public boolean evaluable() {
      return false;
    }

    @Override
    public Term bind(DataContext context, Column col) {
      return this;
    }

    @Override
    public String toString() {
      return "$" + column + " LIKE '" + pattern + "'";
    }
  }

  /** A boolean function applied to a column and literal arguments, such as {@code matches(text, 'x')}. */
  record Call(String function, int column, List<Operand> arguments) implements Term {
    public Call {
      Objects.requireNonNull(function, "function");
      arguments = List.copyOf(arguments);
    }

    @Override
    public boolean evaluable() {
      return false;
    }

    @Override
    public @Nullable Term bind(DataContext context, Column col) {
      List<Operand> bound = new ArrayList<>();
      for (Operand o : arguments) {
        Object v = o.rawValue(context);
        if (v == null) {
          return null;
        }
        bound.add(Operand.literal(v.toString()));
      }
      return new Call(function, column, bound);
    }

    @Override
    public String toString() {
      return function + "($" + column + ", " + arguments + ")";
    }
  }

  /**
   * The values an equality or IN term pins its column to (literals, or operands for parameters not
   * yet bound); null for any other term.
   */
  static @Nullable List<Object> equalities(Term t) {
    List<Operand> operands;
    if (t instanceof Compare && ((Compare) t).op() == Op.EQ) {
      operands = List.of(((Compare) t).value());
    } else if (t instanceof InList && !((InList) t).negated()) {
      operands = ((InList) t).values();
    } else {
      return null;
    }
    List<Object> out = new ArrayList<>();
    operands.forEach(o -> out.add(o.isParameter() ? o : o.literalValue()));
    return out;
  }

  /** Compares two non-null values of the same column type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, @Nullable Object b) {
    return ((Comparable) a).compareTo(Objects.requireNonNull(b, "b"));
  }
}
