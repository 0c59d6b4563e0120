package io.convosql.driver;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code SOUNDEX(s)} and {@code DIFFERENCE(a, b)} (also in JDBC's escape) as PostgreSQL's
 * fuzzystrmatch computes them: only the ASCII letters A to Z count, anything else (digits, spaces,
 * accented letters) is passed over, so {@code SOUNDEX('Renée')} is {@code R500}, and text with no
 * such letter has the empty code ({@code SOUNDEX('é')} is {@code ''}). DIFFERENCE counts the four
 * places where two codes agree, an empty code being four blanks (0 beside a code with letters, 4
 * beside another empty one). Calcite's failed on any other letter, HY000 "The character is not
 * mapped: É", and on text with no letter, HY000 "String index out of range: 0". Public only for the
 * code Calcite generates.
 */
public final class Soundexes {
  private static final int LENGTH = 4;
  /** The digit of each letter A to Z; 0 for those that get none (vowels, H, W, Y). */
  private static final String DIGITS = "01230120022455012623010202";
  private static final SqlUserDefinedFunction DIFFERENCE = function("DIFFERENCE", "difference",
      ReturnTypes.INTEGER_NULLABLE, String.class, String.class);
  private static final SqlUserDefinedFunction SOUNDEX = function("SOUNDEX", "soundex",
      ReturnTypes.explicit(org.apache.calcite.sql.type.SqlTypeName.VARCHAR, LENGTH)
          .andThen(org.apache.calcite.sql.type.SqlTypeTransforms.TO_NULLABLE), String.class);

  private Soundexes() {}

  private static SqlUserDefinedFunction function(String name, String method,
      org.apache.calcite.sql.type.SqlReturnTypeInference type, Class<?>... parameters) {
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        type, InferTypes.FIRST_KNOWN, null,
        ScalarFunctionImpl.create(Types.lookupMethod(Soundexes.class, method, parameters)));
  }

  /** Calcite's conversion of calls, with SOUNDEX and DIFFERENCE converted to these. */
  static SqlRexConvertletTable convertlets(SqlRexConvertletTable calcite) {
    return call -> {
      SqlOperator op = call.getOperator();
      SqlUserDefinedFunction ours = op == SqlLibraryOperators.DIFFERENCE ? DIFFERENCE
          : op == SqlLibraryOperators.SOUNDEX ? SOUNDEX : null;
      return ours == null ? calcite.get(call) : (cx, c) -> convert(cx.getValidator().getValidatedNodeType(c),
          ours, c, cx::convertExpression, cx.getRexBuilder());
    };
  }

  private static RexNode convert(RelDataType type, SqlOperator ours, SqlCall call,
      java.util.function.Function<SqlNode, RexNode> convert, org.apache.calcite.rex.RexBuilder rex) {
    List<RexNode> operands = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) {
      operands.add(convert.apply(operand));
    }
    return rex.makeCall(type, ours, operands);
  }

  /** The Soundex code of {@code s}, as PostgreSQL's: '' when it has no letter A to Z; null when it is. */
  public static @Nullable String soundex(@Nullable String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && !letter(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return "";
    }
    StringBuilder code = new StringBuilder(LENGTH).append(Character.toUpperCase(s.charAt(i++)));
    for (; i < s.length() && code.length() < LENGTH; i++) {
      // as fuzzystrmatch: a letter counts when its digit differs from the character before it
      // (a vowel, H, W and Y are '0', which separates two letters of one digit, and any other
      // character is itself), and only a digit other than '0' is written
      char c = s.charAt(i);
      if (letter(c) && digit(c) != code(s.charAt(i - 1))) {
        char d = digit(c);
        if (d != '0') {
          code.append(d);
        }
      }
    }
    while (code.length() < LENGTH) {
      code.append('0');
    }
    return code.toString();
  }

  /** An ASCII letter, the only characters PostgreSQL's Soundex reads. */
  private static boolean letter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  /** A letter's digit; any other character stands for itself. */
  private static char code(char c) {
    return letter(c) ? digit(c) : c;
  }

  private static char digit(char letter) {
    return DIGITS.charAt(Character.toUpperCase(letter) - 'A');
  }

  /**
   * How alike the Soundex codes of {@code a} and {@code b} are, 0 to 4, the places where they agree;
   * null when either is. A code with no letter is four blanks, which match each other and no letter
   * or digit.
   */
  public static @Nullable Integer difference(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return null;
    }
    String x = soundex(a);
    String y = soundex(b);
    int same = 0;
    for (int i = 0; i < LENGTH; i++) {
      if ((i < x.length() ? x.charAt(i) : ' ') == (i < y.length() ? y.charAt(i) : ' ')) {
        same++;
      }
    }
    return same;
  }
}
