package io.convosql.core.plan;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Sarg;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads one conjunct of a Calcite filter as a {@link Term}: comparisons with a literal or parameter on
 * either side (or a timestamp known at execution, {@link ExecutionTime}, or a field of a correlation
 * variable, the outer rows of a batch nested-loop join), SEARCH calls carrying a Sarg (IN lists, NOT IN, ranges, BETWEEN), ORs of equalities on
 * one column (IN lists of parameters), IS [NOT] NULL, LIKE, bare boolean columns and boolean functions
 * of a column. Anything else is not a term and stays with Calcite.
 */
final class RexTerms {
  private final List<Column> columns;
  private final int[] projection;

  /**
   * @param columns the table's columns
   * @param projection for each field of the scan's output, the table column it holds
   */
  RexTerms(List<Column> columns, int[] projection) {
    this.columns = columns;
    this.projection = projection;
  }

  @Nullable Term toTerm(RexNode node) {
    try {
      return translate(node);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return null; // a value the column type cannot hold exactly: leave the conjunct to Calcite
    }
  }

  private @Nullable Term translate(RexNode node) {
    if (node instanceof RexInputRef) {
      int c = column(node);
      return c >= 0 && columns.get(c).type() == SqlTypeName.BOOLEAN
          ? new Term.Compare(c, Term.Op.EQ, Operand.literal(true)) : null;
    }
    if (!(node instanceof RexCall)) {
      return null;
    }
    RexCall call = (RexCall) node;
    List<RexNode> ops = call.getOperands();
    switch (call.getKind()) {
      case EQUALS:
        return compare(Term.Op.EQ, ops);
      case NOT_EQUALS:
        return compare(Term.Op.NE, ops);
      case LESS_THAN:
        return compare(Term.Op.LT, ops);
      case LESS_THAN_OR_EQUAL:
        return compare(Term.Op.LE, ops);
      case GREATER_THAN:
        return compare(Term.Op.GT, ops);
      case GREATER_THAN_OR_EQUAL:
        return compare(Term.Op.GE, ops);
      case IS_NULL:
      case IS_NOT_NULL: {
        int c = column(ops.get(0));
        return c < 0 ? null : new Term.IsNull(c, call.getKind() == SqlKind.IS_NOT_NULL);
      }
      case NOT: {
        int c = column(ops.get(0));
        return c >= 0 && columns.get(c).type() == SqlTypeName.BOOLEAN
            ? new Term.Compare(c, Term.Op.EQ, Operand.literal(false)) : null;
      }
      case SEARCH:
        return search(ops);
      case OR:
        return orOfEqualities(call);
      case LIKE:
        return like(call);
      default:
        return function(call);
    }
  }

  private @Nullable Term compare(Term.Op op, List<RexNode> ops) {
    int c = column(ops.get(0));
    Operand value = operand(ops.get(1), c);
    if (c < 0 || value == null) {
      c = column(ops.get(1));
      value = operand(ops.get(0), c);
      op = op.flip();
    }
    if (c < 0 || value == null) {
      return null;
    }
    if (!value.isParameter() && value.literalValue() == null) {
      return null; // comparing with NULL literal: Calcite folds it; never push it
    }
    return new Term.Compare(c, op, value);
  }

  private @Nullable Term search(List<RexNode> ops) {
    int c = column(ops.get(0));
    if (c < 0 || !(ops.get(1) instanceof RexLiteral)) {
      return null;
    }
    Sarg<?> sarg = ((RexLiteral) ops.get(1)).getValueAs(Sarg.class);
    if (sarg == null) {
      return null;
    }
    boolean orNull = sarg.nullAs == RexUnknownAs.TRUE;
    Column col = columns.get(c);
    if (orNull && (sarg.isPoints() || sarg.isComplementedPoints())) {
      return null; // "x IN (...) OR x IS NULL" is left to Calcite
    }
    if (sarg.isPoints()) {
      return new Term.InList(c, points(sarg.rangeSet.asRanges(), col), false);
    }
    if (sarg.isComplementedPoints()) {
      return new Term.InList(c, points(sarg.rangeSet.complement().asRanges(), col), true);
    }
    List<Term.Interval> intervals = new ArrayList<>();
    for (Range<?> r : sarg.rangeSet.asRanges()) {
      intervals.add(new Term.Interval(
          r.hasLowerBound() ? Values.coerce(r.lowerEndpoint(), col) : null,
          r.hasLowerBound() && r.lowerBoundType() == BoundType.CLOSED,
          r.hasUpperBound() ? Values.coerce(r.upperEndpoint(), col) : null,
          r.hasUpperBound() && r.upperBoundType() == BoundType.CLOSED));
    }
    return new Term.Ranges(c, intervals, orNull);
  }

  private static List<Operand> points(java.util.Set<? extends Range<?>> ranges, Column col) {
    List<Operand> values = new ArrayList<>();
    for (Range<?> r : ranges) {
      values.add(Operand.literal(Values.coerce(r.lowerEndpoint(), col)));
    }
    return values;
  }

  /** {@code x = ?0 OR x = ?1 OR x = 'a'}: an IN list, the form Calcite leaves parameters in. */
  private @Nullable Term orOfEqualities(RexCall or) {
    int column = -1;
    List<Operand> values = new ArrayList<>();
    for (RexNode disjunct : RexUtil.flattenOr(or.getOperands())) {
      Term t = translate(disjunct);
      if (t instanceof Term.Compare && ((Term.Compare) t).op() == Term.Op.EQ) {
        values.add(((Term.Compare) t).value());
      } else if (t instanceof Term.InList && !((Term.InList) t).negated()) {
        values.addAll(((Term.InList) t).values());
      } else {
        return null;
      }
      if (column >= 0 && column != t.column()) {
        return null;
      }
      column = t.column();
    }
    return column < 0 ? null : new Term.InList(column, values, false);
  }

  private @Nullable Term like(RexCall call) {
    List<RexNode> ops = call.getOperands();
    int c = column(ops.get(0));
    if (call.getOperator() instanceof SqlLikeOperator like && !like.isCaseSensitive()) {
      return null; // ILIKE: an API search may match case, so its answer is no superset to filter
    }
    if (c < 0 || !(ops.get(1) instanceof RexLiteral)) {
      return null;
    }
    String pattern = ((RexLiteral) ops.get(1)).getValueAs(String.class);
    String escape = ops.size() > 2 && ops.get(2) instanceof RexLiteral
        ? ((RexLiteral) ops.get(2)).getValueAs(String.class) : null;
    if (pattern == null || ops.size() > 2 && escape == null) {
      return null;
    }
    return new Term.Like(c, pattern, escape);
  }

  /** A user-defined boolean function whose first argument is a column and the rest are values. */
  private @Nullable Term function(RexCall call) {
    if (call.getKind() != SqlKind.OTHER_FUNCTION || call.getOperands().isEmpty()) {
      return null;
    }
    int c = column(call.getOperands().get(0));
    if (c < 0) {
      return null;
    }
    List<Operand> args = new ArrayList<>();
    for (RexNode arg : call.getOperands().subList(1, call.getOperands().size())) {
      if (arg instanceof RexDynamicParam) {
        args.add(Operand.parameter(((RexDynamicParam) arg).getIndex()));
      } else if (arg instanceof RexLiteral) {
        String s = ((RexLiteral) arg).getValueAs(String.class);
        if (s == null) {
          return null;
        }
        args.add(Operand.literal(s));
      } else {
        return null;
      }
    }
    return new Term.Call(call.getOperator().getName().toLowerCase(java.util.Locale.ROOT), c, args);
  }

  /**
   * Whether a correlation field holds values of the column's type, so that its values (read from the
   * outer rows when the scan runs) compare with the column's as Calcite compares them.
   */
  private static boolean sameType(RexNode node, Column column) {
    return node.getType().getSqlTypeName() == column.type();
  }

  /** The table column a scan field reference stands for, or -1. */
  private int column(RexNode node) {
    RexNode n = node;
    if (n instanceof RexInputRef) {
      return projection[((RexInputRef) n).getIndex()];
    }
    return -1;
  }

  private @Nullable Operand operand(RexNode node, int column) {
    if (column < 0) {
      return null;
    }
    if (node instanceof RexDynamicParam) {
      return Operand.parameter(((RexDynamicParam) node).getIndex());
    }
    if (node instanceof RexFieldAccess
        && ((RexFieldAccess) node).getReferenceExpr() instanceof RexCorrelVariable
        && sameType(node, columns.get(column))) {
      RexFieldAccess access = (RexFieldAccess) node;
      return Operand.correlation(((RexCorrelVariable) access.getReferenceExpr()).getName(),
          access.getField().getIndex());
    }
    if (node instanceof RexCall) {
      ExecutionTime time = columns.get(column).type() == SqlTypeName.TIMESTAMP ? ExecutionTime.of(node) : null;
      return time == null ? null : Operand.time(time);
    }
    if (node instanceof RexLiteral) {
      RexLiteral lit = (RexLiteral) node;
      Object raw = lit.getValue();
      if (raw == null) {
        return Operand.literal(null);
      }
      Column col = columns.get(column);
      Object v = col.type() == SqlTypeName.TIMESTAMP && lit.getTypeName() == SqlTypeName.TIMESTAMP
          ? lit.getValueAs(Long.class)
          : Values.coerce(raw, col);
      return Operand.literal(v);
    }
    return null;
  }
}
