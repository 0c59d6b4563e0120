package io.convosql.driver;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code a ILIKE p} as PostgreSQL reads it for any alphabet: {@code LOWER(a) LIKE LOWER(p)}. Calcite's
 * ILIKE folds only ASCII letters (its pattern is a regular expression without Unicode case), so
 * {@code 'Ä' ILIKE 'ä'}, {@code 'É' ILIKE 'é'} and {@code 'ДОМ' ILIKE 'дом'} were false and German,
 * French or Cyrillic searches lost rows. An ILIKE is never sent to an API (no search there is a
 * superset of a case-insensitive match), so nothing that pushed down is lost. An ESCAPE that is a
 * letter with a case is left to Calcite's ILIKE, since lower-casing the pattern would change it.
 */
final class CaseFoldedLike {
  private CaseFoldedLike() {}

  /** Whether the call is an ILIKE or NOT ILIKE. */
  static boolean ilike(SqlCall call) {
    return call.getOperator() == SqlLibraryOperators.ILIKE || call.getOperator() == SqlLibraryOperators.NOT_ILIKE;
  }

  /**
   * The case-folded LIKE for an ILIKE or NOT ILIKE, or the call itself. Only for a connection whose
   * functions hold ILIKE: under {@code fun=standard} it stays the unknown function it is there.
   */
  static SqlNode rewrite(SqlCall call) {
    boolean negated = call.getOperator() == SqlLibraryOperators.NOT_ILIKE;
    if (!ilike(call)) {
      return call;
    }
    if (call.operandCount() == 3 && !(call.operand(2) instanceof SqlCharStringLiteral escape
        && !cased(escape.getValueAs(String.class)))) {
      return call;
    }
    SqlParserPos pos = call.getParserPosition();
    SqlNode[] operands = call.getOperandList().toArray(SqlNode[]::new);
    for (int i = 0; i < 2; i++) {
      // a bare NULL as a VARCHAR, as LOWER(NULL) of a NULL nothing types does not run in LIKE ('a' ILIKE NULL)
      SqlNode o = !org.apache.calcite.sql.SqlUtil.isNullLiteral(operands[i], false) ? operands[i]
          : SqlStdOperatorTable.CAST.createCall(pos, operands[i], new org.apache.calcite.sql.SqlDataTypeSpec(
              new org.apache.calcite.sql.SqlBasicTypeNameSpec(org.apache.calcite.sql.type.SqlTypeName.VARCHAR, pos), pos));
      operands[i] = SqlStdOperatorTable.LOWER.createCall(pos, o);
    }
    return (negated ? SqlStdOperatorTable.NOT_LIKE : SqlStdOperatorTable.LIKE).createCall(pos, operands);
  }

  private static boolean cased(String s) {
    return !s.toLowerCase(java.util.Locale.ROOT).equals(s.toUpperCase(java.util.Locale.ROOT));
  }
}
