package io.convosql.driver;

import java.util.List;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * ISO 8601 text ({@code '2025-08-10T00:00:00'}) that becomes a TIMESTAMP or DATE at run time, where
 * {@link IsoTimestamps} cannot see it while the SQL is converted: text from a subquery
 * ({@code started_at >= (SELECT '2025-08-10T00:00:00')}), a column, or an expression
 * ({@code CAST(TRIM(t) AS TIMESTAMP)}). Calcite's cast took the text before the T for a date and failed
 * (HY000 "Invalid DATE value"). Each such cast of text is given the text in the space spelling first,
 * read as {@link IsoTimestamps} reads a literal; text that is no time fails with 22007 naming it, as a
 * literal does. A literal or a {@code ?} is left as it is (the literal's cast was spaced already; a
 * parameter's text is read by {@link ParameterBinding}). Public only for the code Calcite generates.
 */
public final class IsoTextCasts {
  private static final SqlUserDefinedFunction TIMESTAMP_TEXT = function("ISO_TIMESTAMP_TEXT", "timestampText");
  private static final SqlUserDefinedFunction DATE_TEXT = function("ISO_DATE_TEXT", "dateText");

  private IsoTextCasts() {}

  private static SqlUserDefinedFunction function(String name, String method) {
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        ReturnTypes.ARG0, InferTypes.FIRST_KNOWN, null,
        ScalarFunctionImpl.create(Types.lookupMethod(IsoTextCasts.class, method, String.class)));
  }

  /** {@code rel} with each cast of text that is no literal nor parameter to TIMESTAMP or DATE spaced. */
  static RelNode spaced(RelNode rel) {
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        RexBuilder rex = visited.getCluster().getRexBuilder();
        RelHomogeneousShuttle rels = this;
        return visited.accept(new RexShuttle() {
          @Override
          public RexNode visitSubQuery(RexSubQuery subQuery) {
            RexSubQuery inner = (RexSubQuery) super.visitSubQuery(subQuery);
            RelNode rel = inner.rel.accept(rels);
            return rel == inner.rel ? inner : inner.clone(rel);
          }

          @Override
          public RexNode visitCall(RexCall call) {
            RexCall visited = (RexCall) super.visitCall(call);
            SqlUserDefinedFunction text = textFunction(visited);
            if (text == null) {
              return visited;
            }
            RexNode operand = rex.makeCall(text, visited.getOperands().get(0));
            return visited.clone(visited.getType(), List.of(operand));
          }
        });
      }
    });
  }

  private static @Nullable SqlUserDefinedFunction textFunction(RexCall call) {
    if (call.getKind() != SqlKind.CAST || call.getOperands().size() != 1) {
      return null;
    }
    RexNode operand = call.getOperands().get(0);
    if (!SqlTypeUtil.inCharFamily(operand.getType()) || operand instanceof RexLiteral
        || operand instanceof RexDynamicParam
        || operand instanceof RexCall c && (c.getOperator() == TIMESTAMP_TEXT || c.getOperator() == DATE_TEXT)) {
      return null;
    }
    SqlTypeName type = call.getType().getSqlTypeName();
    return type == SqlTypeName.TIMESTAMP ? TIMESTAMP_TEXT : type == SqlTypeName.DATE ? DATE_TEXT : null;
  }

  /**
   * {@code text} as a TIMESTAMP's cast reads it: ISO 8601's spelling spaced
   * ({@link IsoTimestamps#spacedText}), other text as it is; 22007 naming text that is no timestamp.
   */
  public static @Nullable String timestampText(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String spaced = IsoTimestamps.spacedText(text);
    String read = spaced == null ? text : spaced;
    try {
      DateTimeUtils.timestampStringToUnixDate(read);
    } catch (RuntimeException e) {
      throw LiteralCasts.notA(text, SqlTypeName.TIMESTAMP, e);
    }
    return read;
  }

  /**
   * {@code text} as a DATE's cast reads it: a time of day on a day is its day
   * ({@link IsoTimestamps#dayText}), other text as it is; 22007 naming text that is no date.
   */
  public static @Nullable String dateText(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String day = IsoTimestamps.dayText(text);
    String read = day == null ? text : day;
    try {
      DateTimeUtils.dateStringToUnixDate(read);
    } catch (RuntimeException e) {
      throw LiteralCasts.notA(text, SqlTypeName.DATE, e);
    }
    return read;
  }
}
