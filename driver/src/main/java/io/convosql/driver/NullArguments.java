package io.convosql.driver;

import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A number or text function of a bare NULL, {@code ABS(NULL)}, {@code ROUND(NULL, NULL)},
 * {@code UPPER(NULL)}, is NULL, of the type PostgreSQL gives it: PostgreSQL reads an untyped NULL as
 * the preferred type of what the function takes, so a number function's is a DOUBLE
 * ({@code abs(NULL)} is a double precision there) and a text function's a VARCHAR. Calcite typed such
 * a call as its NULL argument, type NULL, or cast the NULLs to a type the function cannot run on, and
 * then failed: ABS, ROUND, SIGN and TRUNCATE with 0A000 ("ABS is not supported here"), as did
 * {@code ROUND(x, NULL)}, SUBSTR with
 * HY000 ("Cannot create literal for type 'NULL'"), {@code {fn ROUND(NULL, NULL)}} with 42000; UPPER,
 * TRIM or FLOOR ran, as a column of type NULL. Only functions that give NULL for a NULL argument:
 * COALESCE, NULLIF, NVL, IFNULL, GREATEST, LEAST, CASE, the CONCATs and RAND keep Calcite's type and
 * answer (a select list's column of them that can only be NULL is text, {@link TextNulls}).
 */
final class NullArguments {
  /** Functions that may give something other than NULL for a NULL argument, or pass one on. */
  private static final Set<SqlKind> NOT_STRICT = Set.of(SqlKind.COALESCE, SqlKind.NULLIF, SqlKind.NVL,
      SqlKind.NVL2, SqlKind.GREATEST, SqlKind.LEAST, SqlKind.CASE, SqlKind.DECODE, SqlKind.IF);

  /** PostgreSQL's text functions that read a NULL argument as a value (FORMAT's '%s' as ''). */
  private static final Set<String> NOT_STRICT_NAMES = Set.of("ARRAY_TO_STRING", "FORMAT", "FORMAT_NUMBER");

  private NullArguments() {}

  /**
   * Whether {@code operator} is a number or text function that gives NULL whenever an argument is
   * NULL: not one of {@link #NOT_STRICT} or {@link #NOT_STRICT_NAMES}, not a CONCAT (PostgreSQL's
   * leaves NULLs out), not RAND, not an aggregate (COUNT(NULL) is 0).
   */
  private static boolean strict(SqlOperator operator) {
    return operator instanceof SqlFunction f && !(f instanceof SqlAggFunction)
        && (f.getFunctionType() == SqlFunctionCategory.NUMERIC
            || f.getFunctionType() == SqlFunctionCategory.STRING)
        && !NOT_STRICT.contains(f.getKind()) && f.isDeterministic()
        && !NOT_STRICT_NAMES.contains(f.getName().toUpperCase(Locale.ROOT))
        && !f.getName().toUpperCase(Locale.ROOT).startsWith("CONCAT");
  }

  /**
   * Whether {@code expr} is a call with a bare NULL argument, as written: not a typed NULL such as
   * {@code CAST(NULL AS VARCHAR)}, which Calcite runs, nor one Calcite cast to a type it chose.
   */
  static boolean hasBareNull(SqlNode expr) {
    return expr instanceof SqlCall call && call.getOperandList().stream().anyMatch(NullArguments::bareNull);
  }

  private static boolean bareNull(@Nullable SqlNode operand) {
    return operand != null && SqlUtil.isNullLiteral(operand, false);
  }

  /**
   * JDBC's {@code {fn f(…)}} with a bare NULL argument as the plain call it stands for, when that is
   * a {@link #strict} function, so that it is typed as the plain call is ({@link #type}): Calcite's
   * escape checked its arguments after casting the NULLs, and refused {@code {fn ROUND(NULL, NULL)}}
   * (42000 "Cannot apply 'ROUND' to arguments of type 'ROUND(&lt;DECIMAL(19, 9)&gt;, …)'"). Any other
   * call as it is.
   */
  static SqlCall escaped(SqlCall call) {
    if (!(call.getOperator() instanceof SqlJdbcFunctionCall jdbc)
        || call.getOperandList().stream().noneMatch(NullArguments::bareNull)) {
      return call;
    }
    SqlCall plain;
    try {
      plain = jdbc.getLookupCall();
    } catch (RuntimeException noPlainCall) {
      return call;
    }
    return strict(plain.getOperator())
        ? plain.getOperator().createCall(call.getParserPosition(), plain.getOperandList()) : call;
  }

  /**
   * The type of {@code expr}, whose type Calcite derived as {@code calcite}, when it is a
   * {@link #strict} function with a NULL argument (bare as written, {@link #hasBareNull}, which
   * Calcite may since have cast to a type of its choice), so NULL whatever the row:
   * Calcite's type, nullable; a nullable DOUBLE for a number function and a nullable VARCHAR for a
   * text function where Calcite typed it NULL, as its bare NULL argument. Null for any other
   * expression.
   */
  static @Nullable RelDataType type(RelDataTypeFactory types, SqlNode expr, RelDataType calcite) {
    if (!(expr instanceof SqlCall call) || !strict(call.getOperator())
        || call.getOperandList().stream().noneMatch(o -> o != null && SqlUtil.isNullLiteral(o, true))) {
      return null;
    }
    if (calcite.getSqlTypeName() != SqlTypeName.NULL) {
      return types.createTypeWithNullability(calcite, true);
    }
    return postgresqlType(types, call);
  }

  /** A nullable DOUBLE for a number function, a nullable VARCHAR for a text function. */
  private static RelDataType postgresqlType(RelDataTypeFactory types, SqlCall call) {
    RelDataType type = ((SqlFunction) call.getOperator()).getFunctionType() == SqlFunctionCategory.NUMERIC
        ? types.createSqlType(SqlTypeName.DOUBLE)
        : types.createTypeWithCharsetAndCollation(types.createSqlType(SqlTypeName.VARCHAR),
            types.getDefaultCharset(), SqlCollation.IMPLICIT);
    return types.createTypeWithNullability(type, true);
  }

  /**
   * {@code converted}, or a typed NULL (of its type, or PostgreSQL's where that is NULL) where it is
   * a call of a bare NULL that the validator never saw as such: a call a rewrite made, as ILIKE's {@code LOWER(NULL)} in
   * {@code 'a' ILIKE NULL}, which could not run (0A000 "LOWER is not supported here").
   */
  private static org.apache.calcite.rex.RexNode orTypedNull(org.apache.calcite.rex.RexBuilder rex, SqlCall call,
      org.apache.calcite.rex.RexNode converted) {
    if (!hasBareNull(call)) {
      return converted;
    }
    return typedNull(rex, converted.getType().getSqlTypeName() == SqlTypeName.NULL
        ? postgresqlType(rex.getTypeFactory(), call)
        : rex.getTypeFactory().createTypeWithNullability(converted.getType(), true));
  }

  /**
   * Calcite's conversion of calls, with a call the validator typed as always NULL ({@link #type}, and
   * a select list's call of type NULL typed as text, {@link TextNulls}) converted to a NULL of its
   * type, which needs no implementation of the function.
   */
  static SqlRexConvertletTable convertlets(SqlRexConvertletTable calcite) {
    return call -> {
      SqlRexConvertlet convertlet = calcite.get(call);
      boolean strict = strict(call.getOperator());
      return convertlet == null ? null : (cx, c) ->
          cx.getValidator() instanceof ParameterTypingValidator v && v.alwaysNull(c)
              ? typedNull(cx.getRexBuilder(), cx.getValidator().getValidatedNodeType(c))
              : strict ? orTypedNull(cx.getRexBuilder(), c, convertlet.convertCall(cx, c))
              : convertlet.convertCall(cx, c);
    };
  }

  /**
   * A NULL of {@code type} as a cast, which runs wherever a value may: a bare NULL literal where
   * LIKE reads its pattern ({@code 'a' ILIKE NULL}, so {@code 'a' LIKE LOWER(NULL)}) failed to
   * prepare (HY000).
   */
  private static org.apache.calcite.rex.RexNode typedNull(org.apache.calcite.rex.RexBuilder rex, RelDataType type) {
    return rex.makeAbstractCast(type, rex.makeNullLiteral(type), false);
  }
}
