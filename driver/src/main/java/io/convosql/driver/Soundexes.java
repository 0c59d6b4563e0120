package io.convosql.driver;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code DIFFERENCE(a, b)} (also {@code {fn DIFFERENCE(a, b)}}) of text with no letter, such as
 * {@code '1'}, whose Soundex code is empty ({@code SOUNDEX('1')} is {@code ''}, as in PostgreSQL): 0
 * beside text with letters and 4 beside text without, as PostgreSQL's fuzzystrmatch counts the four
 * places of two codes where an empty code is four blanks. Calcite's failed when it ran, HY000 "String
 * index out of range: 0". Of two codes with letters it is Calcite's DIFFERENCE, unchanged. Public only
 * for the code Calcite generates.
 */
public final class Soundexes {
  private static final int LENGTH = 4;
  private static final SqlUserDefinedFunction DIFFERENCE = new SqlUserDefinedFunction(
      new SqlIdentifier("DIFFERENCE", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.INTEGER_NULLABLE,
      InferTypes.FIRST_KNOWN, null,
      ScalarFunctionImpl.create(Types.lookupMethod(Soundexes.class, "difference", String.class, String.class)));

  private Soundexes() {}

  /** Calcite's conversion of calls, with DIFFERENCE converted to {@link #difference}. */
  static SqlRexConvertletTable convertlets(SqlRexConvertletTable calcite) {
    return call -> call.getOperator() != SqlLibraryOperators.DIFFERENCE ? calcite.get(call) : (cx, difference) -> {
      RelDataType type = cx.getValidator().getValidatedNodeType(difference);
      List<RexNode> operands = new ArrayList<>();
      for (SqlNode operand : difference.getOperandList()) {
        operands.add(cx.convertExpression(operand));
      }
      return cx.getRexBuilder().makeCall(type, DIFFERENCE, operands);
    };
  }

  /**
   * How alike the Soundex codes of {@code a} and {@code b} are, 0 to 4; null when either is. A code
   * with no letter is four blanks, which match each other and no letter or digit.
   */
  public static @Nullable Integer difference(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return null;
    }
    boolean noCodeA = SqlFunctions.soundex(a).isEmpty();
    boolean noCodeB = SqlFunctions.soundex(b).isEmpty();
    if (noCodeA || noCodeB) {
      return noCodeA && noCodeB ? LENGTH : 0;
    }
    return SqlFunctions.difference(a, b);
  }
}
