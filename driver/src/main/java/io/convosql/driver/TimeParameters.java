package io.convosql.driver;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Types a {@code ?} that a time stands in: an operand of {@code +} beside an interval, the left of
 * {@code -} an interval, the time of TIMESTAMPADD and both times of TIMESTAMPDIFF (and of their
 * {@code {fn ...}} forms) are TIMESTAMP(3), as the tables' times are; TIMESTAMPADD's count, and a
 * {@code ?} that multiplies or divides an interval ({@code ? * INTERVAL '1' DAY}), is INTEGER. Calcite
 * gives such a {@code ?} the type of the first operand it knows, the interval (or TIMESTAMPADD's
 * unit), so {@code started_at < ? + INTERVAL '1' DAY} failed to prepare with "Cannot apply '<' to
 * arguments of type '<TIMESTAMP(3)> < <INTERVAL DAY>'". Where the sum or difference is compared with a
 * TIME ({@code ? + INTERVAL '1' HOUR > TIME '10:00:00'}, or {@code CURRENT_TIME}), the {@code ?} is a
 * TIME: as a TIMESTAMP it could not be compared, and the user had to write {@code CAST(? AS TIME)}.
 */
final class TimeParameters {
  private final SqlValidatorImpl validator;
  /** The {@code ?}s typed here, whose type the operator's own inference must not replace. */
  private final Set<SqlNode> typed = Collections.newSetFromMap(new IdentityHashMap<>());

  TimeParameters(SqlValidatorImpl validator) {
    this.validator = validator;
  }

  /** Whether this node is a {@code ?} typed here. */
  boolean typed(SqlNode node) {
    return typed.contains(node);
  }

  /**
   * Types the {@code ?}s of the calls in {@code node} that a time or a count stands in, before any
   * is validated ({@code ? + INTERVAL '1' DAY > started_at} derives the sum's type first), not in
   * sub-queries.
   */
  void typeWithin(SqlValidatorScope scope, SqlNode node) {
    typeWithin(scope, node, false);
  }

  /**
   * As {@link #typeWithin(SqlValidatorScope, SqlNode)}, where {@code timeOfDay} says that the node is
   * compared with a TIME ({@code ? + INTERVAL '1' HOUR > TIME '10:00:00'}), or is an operand of such
   * a sum or difference: the time a {@code ?} stands in there is a TIME, not a TIMESTAMP.
   */
  private void typeWithin(SqlValidatorScope scope, SqlNode node, boolean timeOfDay) {
    if (node instanceof SqlNodeList list) {
      list.forEach(n -> typeWithin(scope, n, false));
    } else if (node instanceof SqlCall call && !node.isA(SqlKind.QUERY)) {
      boolean arithmetic = call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS;
      boolean comparedWithTime = (call.isA(SqlKind.BINARY_COMPARISON) || call.getKind() == SqlKind.BETWEEN)
          && call.getOperandList().stream().anyMatch(o -> timeOfDay(scope, o));
      for (SqlNode operand : call.getOperandList()) {
        if (operand != null) {
          typeWithin(scope, operand, comparedWithTime || arithmetic && timeOfDay);
        }
      }
      type(scope, call, timeOfDay ? SqlTypeName.TIME : SqlTypeName.TIMESTAMP);
    }
  }

  /** Whether the operand, which holds no {@code ?}, is a time of day. */
  private boolean timeOfDay(SqlValidatorScope scope, @Nullable SqlNode operand) {
    if (operand == null || hasParameter(operand)) {
      return false;
    }
    try {
      SqlTypeName type = validator.deriveType(scope, operand).getSqlTypeName();
      return type == SqlTypeName.TIME || type == SqlTypeName.TIME_WITH_LOCAL_TIME_ZONE;
    } catch (CalciteException e) {
      return false; // the operand's own error is reported when the call is validated
    }
  }

  private static boolean hasParameter(SqlNode node) {
    return node instanceof SqlDynamicParam || node instanceof SqlNodeList list
        && list.stream().anyMatch(n -> n != null && hasParameter(n))
        || node instanceof SqlCall c && (node.isA(SqlKind.QUERY)
            || c.getOperandList().stream().anyMatch(o -> o != null && hasParameter(o)));
  }

  /** Types the call's {@code ?}s; one that a time stands in as {@code time}. */
  private void type(SqlValidatorScope scope, SqlCall call, SqlTypeName time) {
    if (call.getOperator() instanceof SqlJdbcFunctionCall jdbc) {
      // {fn TIMESTAMPADD(SQL_TSI_DAY, n, t)} stands for TIMESTAMPADD on the same operands
      SqlCall standard;
      try {
        standard = jdbc.getLookupCall();
      } catch (RuntimeException notAJdbcFunction) { // reported as Calcite reports it
        return;
      }
      call = standard;
    }
    switch (call.getKind()) {
      case PLUS -> {
        if (call.operandCount() == 2 && interval(scope, call.operand(1))) {
          set(call.operand(0), time);
        }
        if (call.operandCount() == 2 && interval(scope, call.operand(0))) {
          set(call.operand(1), time);
        }
      }
      case MINUS -> {
        if (call.operandCount() == 2 && interval(scope, call.operand(1))) {
          set(call.operand(0), time);
        }
      }
      case TIMES -> {
        if (call.operandCount() == 2 && interval(scope, call.operand(1))) {
          set(call.operand(0), SqlTypeName.INTEGER);
        }
        if (call.operandCount() == 2 && interval(scope, call.operand(0))) {
          set(call.operand(1), SqlTypeName.INTEGER);
        }
      }
      case DIVIDE -> {
        if (call.operandCount() == 2 && interval(scope, call.operand(0))) {
          set(call.operand(1), SqlTypeName.INTEGER);
        }
      }
      case TIMESTAMP_ADD -> {
        if (call.operandCount() == 3) {
          set(call.operand(1), SqlTypeName.INTEGER);
          set(call.operand(2), SqlTypeName.TIMESTAMP);
        }
      }
      case TIMESTAMP_DIFF -> {
        if (call.operandCount() == 3) {
          set(call.operand(1), SqlTypeName.TIMESTAMP);
          set(call.operand(2), SqlTypeName.TIMESTAMP);
        }
      }
      default -> { }
    }
  }

  private boolean interval(SqlValidatorScope scope, SqlNode operand) {
    if (operand == null || operand instanceof SqlDynamicParam) {
      return false;
    }
    try {
      return SqlTypeUtil.isInterval(validator.deriveType(scope, operand));
    } catch (CalciteException e) {
      return false; // the operand's own error is reported when the call is validated
    }
  }

  private void set(SqlNode operand, SqlTypeName name) {
    if (operand instanceof SqlDynamicParam p && validator.getValidatedNodeTypeIfKnown(p) == null) {
      RelDataTypeFactory types = validator.getTypeFactory();
      RelDataType type = name == SqlTypeName.TIMESTAMP ? types.createSqlType(name, 3)
          : types.createSqlType(name);
      validator.setValidatedNodeType(p, types.createTypeWithNullability(type, true));
      typed.add(p);
    }
  }
}
