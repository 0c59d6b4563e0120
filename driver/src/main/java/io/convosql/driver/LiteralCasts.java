package io.convosql.driver;

import java.util.List;
import org.apache.calcite.DataContexts;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutable;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Fails a query while it is planned when it casts a text literal to a type that cannot hold it, as
 * {@code is_active = 'yes'} casts 'yes' to BOOLEAN: 22018, or 22007 (the SQL standard's invalid
 * datetime format, as a bound parameter gets) when the type is a date or time. Calcite would compile the cast into a
 * constant of its generated class, whose initialization then failed at every execution, the first
 * with an ExceptionInInitializerError and every later one of the cached plan with a
 * NoClassDefFoundError. Each such cast is evaluated here, by Calcite's own code for it.
 */
final class LiteralCasts {
  private LiteralCasts() {}

  /** Throws {@link SqlStateException} (22018, 22007) for the first literal cast in the plan that fails. */
  static void check(RelNode root) {
    new RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, @Nullable RelNode parent) {
        RexBuilder rexBuilder = node.getCluster().getRexBuilder();
        node.accept(new RexShuttle() {
          @Override
          public RexNode visitCall(RexCall call) {
            if (isTextLiteralCast(call)) {
              evaluate(rexBuilder, call);
            }
            return super.visitCall(call);
          }
        });
        super.visit(node, ordinal, parent);
      }
    }.go(root);
  }

  private static boolean isTextLiteralCast(RexCall call) {
    return call.getKind() == SqlKind.CAST && call.getOperands().get(0) instanceof RexLiteral literal
        && SqlTypeUtil.inCharFamily(literal.getType()) && !SqlTypeUtil.inCharFamily(call.getType())
        && call.getType().getSqlTypeName() != SqlTypeName.ANY;
  }

  private static void evaluate(RexBuilder rexBuilder, RexCall cast) {
    Throwable failure;
    try {
      RexExecutable executable = RexExecutorImpl.getExecutable(rexBuilder, List.of(cast),
          rexBuilder.getTypeFactory().builder().build());
      executable.setDataContext(DataContexts.EMPTY);
      executable.execute();
      return;
    } catch (RuntimeException | ExceptionInInitializerError e) {
      failure = e;
    }
    while (failure.getCause() != null && failure.getCause() != failure) {
      failure = failure.getCause();
    }
    String text = ((RexLiteral) cast.getOperands().get(0)).getValueAs(String.class);
    throw notA(String.valueOf(text), cast.getType().getSqlTypeName(), failure);
  }

  /**
   * The failure of text that cannot be read as a {@code type}, naming the text and why, with a hint:
   * 22007 for a date or time, 22018 otherwise.
   */
  static SqlStateException notA(String text, SqlTypeName type, Throwable failure) {
    String aType = IndefiniteArticle.a(type.toString());
    return new SqlStateException("'" + text + "' is not " + aType + " (" + failure.getMessage()
        + "): compare with " + aType + " value" + example(type),
        SqlTypeName.DATETIME_TYPES.contains(type) ? "22007" : "22018");
  }

  private static String example(SqlTypeName type) {
    return switch (type) {
      case BOOLEAN -> ", TRUE or FALSE";
      case TIMESTAMP -> " such as TIMESTAMP '2025-08-01 10:15:00'";
      case DATE -> " such as DATE '2025-08-01'";
      case TIME -> " such as TIME '10:15:00', which has no time zone";
      default -> SqlTypeName.NUMERIC_TYPES.contains(type) ? " such as 42" : "";
    };
  }
}
