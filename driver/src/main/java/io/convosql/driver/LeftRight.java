package io.convosql.driver;

import java.math.BigDecimal;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;

/**
 * PostgreSQL's {@code LEFT(s, n)} and {@code RIGHT(s, n)} in the default functions: for a negative n,
 * all but the last (first) |n| characters, {@code LEFT('Hello', -2)} is {@code 'Hel'} and
 * {@code RIGHT('Hello', -2)} {@code 'llo'} ({@code ''} when |n| is the length or more). Calcite's gave
 * {@code ''} for every negative n, as MySQL does, a wrong answer for what PostgreSQL users write to drop
 * a suffix. Typed, checked and run otherwise as Calcite's (its LEFT of the count n, or of the length plus
 * n); other values of {@code fun} keep Calcite's, and JDBC's {@code {fn LEFT(s, n)}} too.
 */
final class LeftRight {
  static final SqlFunction LEFT = SqlBasicFunction.create("LEFT", ReturnTypes.ARG0_NULLABLE_VARYING,
      OperandTypes.CBSTRING_INTEGER, SqlFunctionCategory.STRING);
  static final SqlFunction RIGHT = SqlBasicFunction.create("RIGHT", ReturnTypes.ARG0_NULLABLE_VARYING,
      OperandTypes.CBSTRING_INTEGER, SqlFunctionCategory.STRING);

  private LeftRight() {}

  /** The functions of {@code table} with these LEFT and RIGHT in place of Calcite's. */
  static SqlOperatorTable replacing(SqlOperatorTable table) {
    return ReplacedOperator.in(ReplacedOperator.in(table, SqlLibraryOperators.LEFT, LEFT),
        SqlLibraryOperators.RIGHT, RIGHT);
  }

  /** Calcite's conversion of calls, with these converted to Calcite's of a count never below 0 but as n is. */
  static SqlRexConvertletTable convertlets(SqlRexConvertletTable calcite) {
    return call -> call.getOperator() == LEFT || call.getOperator() == RIGHT ? LeftRight::convert : calcite.get(call);
  }

  /** {@code LEFT(s, CASE WHEN n < 0 THEN CHAR_LENGTH(s) + n ELSE n END)}, and so RIGHT. */
  private static RexNode convert(SqlRexContext cx, SqlCall call) {
    RexBuilder rex = cx.getRexBuilder();
    RexNode s = cx.convertExpression(call.operand(0));
    RexNode n = cx.convertExpression(call.operand(1));
    RexNode length = rex.makeCall(SqlTypeUtil.isBinary(s.getType()) ? SqlStdOperatorTable.OCTET_LENGTH
        : SqlStdOperatorTable.CHAR_LENGTH, s);
    RexNode rest = rex.makeCast(n.getType(), rex.makeCall(SqlStdOperatorTable.PLUS, length, n), true, false);
    RexNode count = rex.makeCall(SqlStdOperatorTable.CASE,
        rex.makeCall(SqlStdOperatorTable.LESS_THAN, n, rex.makeExactLiteral(BigDecimal.ZERO, n.getType())),
        rest, n);
    return rex.makeCall(cx.getValidator().getValidatedNodeType(call),
        call.getOperator() == LEFT ? SqlLibraryOperators.LEFT : SqlLibraryOperators.RIGHT, java.util.List.of(s, count));
  }
}
