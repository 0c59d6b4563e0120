package io.convosql.core.plan;

import java.math.BigDecimal;
import org.apache.calcite.DataContext;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A timestamp known only when the statement runs: {@code CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP}
 * or {@code CURRENT_DATE} plus or minus day-time intervals, such as
 * {@code CURRENT_TIMESTAMP - INTERVAL '7' DAY}. It is computed from the statement's own clock (the
 * values Calcite gives these functions in the same execution) the way Calcite's generated code
 * computes it, so a bound pushed with it selects exactly the rows Calcite's filter would.
 *
 * @param base the function the value starts from
 * @param offsetMillis the intervals added (negative for subtracted ones)
 */
public record ExecutionTime(Base base, long offsetMillis) {
  private static final long DAY = 86_400_000L;

  /** The functions a value can start from. */
  public enum Base {
    CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_DATE
  }

  /** The value, UTC wall-clock epoch milliseconds as Calcite holds a TIMESTAMP, for one execution. */
  public long value(DataContext context) {
    switch (base) {
      case LOCALTIMESTAMP:
        return (Long) DataContext.Variable.LOCAL_TIMESTAMP.get(context) + offsetMillis;
      case CURRENT_DATE:
        long now = (Long) DataContext.Variable.CURRENT_TIMESTAMP.get(context);
        return Math.floorDiv(now, DAY) * DAY + offsetMillis;
      default:
        return (Long) DataContext.Variable.CURRENT_TIMESTAMP.get(context) + offsetMillis;
    }
  }

  /**
   * The value were the statement run at {@code nowMillis} (UTC epoch milliseconds), for a plan's
   * estimates: LOCALTIMESTAMP taken as UTC, which moves it by the session's offset at most.
   */
  public long valueAt(long nowMillis) {
    return (base == Base.CURRENT_DATE ? Math.floorDiv(nowMillis, DAY) * DAY : nowMillis) + offsetMillis;
  }

  /**
   * The expression as a timestamp known at execution, or null when it is not one of the forms
   * above (month intervals, a sub-day interval on a DATE, a cast that could truncate: left to
   * Calcite).
   */
  static @Nullable ExecutionTime of(RexNode node) {
    Parsed p = parse(node);
    return p == null || p.date ? null : new ExecutionTime(p.base, p.offset);
  }

  private record Parsed(Base base, long offset, boolean date) {}

  private static @Nullable Parsed parse(RexNode node) {
    if (!(node instanceof RexCall)) {
      return null;
    }
    RexCall call = (RexCall) node;
    if (call.getOperator() == SqlStdOperatorTable.CURRENT_TIMESTAMP) {
      return new Parsed(Base.CURRENT_TIMESTAMP, 0, false);
    }
    if (call.getOperator() == SqlStdOperatorTable.LOCALTIMESTAMP) {
      return new Parsed(Base.LOCALTIMESTAMP, 0, false);
    }
    if (call.getOperator() == SqlStdOperatorTable.CURRENT_DATE) {
      return new Parsed(Base.CURRENT_DATE, 0, true);
    }
    if (call.getKind() == SqlKind.CAST) {
      Parsed inner = parse(call.getOperands().get(0));
      boolean toTimestamp = call.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP
          && call.getType().getPrecision() >= 3; // a narrower precision could truncate milliseconds
      return inner == null || !toTimestamp ? null : new Parsed(inner.base, inner.offset, false);
    }
    if (call.getKind() == SqlKind.MINUS || call.getKind() == SqlKind.PLUS) {
      RexNode left = call.getOperands().get(0);
      RexNode right = call.getOperands().get(1);
      Long interval = interval(right);
      if (interval == null && call.getKind() == SqlKind.PLUS) {
        interval = interval(left); // INTERVAL '1' DAY + CURRENT_DATE
        left = right;
      }
      Parsed inner = interval == null ? null : parse(left);
      if (inner == null || inner.date && interval % DAY != 0) {
        return null;
      }
      long signed = call.getKind() == SqlKind.MINUS ? -interval : interval;
      return new Parsed(inner.base, Math.addExact(inner.offset, signed), inner.date);
    }
    return null;
  }

  /** The milliseconds of a day-time interval literal, or null. */
  private static @Nullable Long interval(RexNode node) {
    if (!(node instanceof RexLiteral)
        || node.getType().getSqlTypeName().getFamily() != SqlTypeFamily.INTERVAL_DAY_TIME) {
      return null;
    }
    BigDecimal ms = ((RexLiteral) node).getValueAs(BigDecimal.class);
    return ms == null ? null : ms.longValueExact();
  }

  /** How EXPLAIN shows it: {@code CURRENT_TIMESTAMP - 7 days}. */
  @Override
  public String toString() {
    if (offsetMillis == 0) {
      return base.name();
    }
    long abs = Math.abs(offsetMillis);
    String amount = abs % DAY == 0 ? abs / DAY + (abs == DAY ? " day" : " days") : abs + " ms";
    return base.name() + (offsetMillis < 0 ? " - " : " + ") + amount;
  }
}
