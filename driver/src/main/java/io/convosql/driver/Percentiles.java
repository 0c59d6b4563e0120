package io.convosql.driver;

import static org.apache.calcite.util.Static.RESOURCE;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.util.Optionality;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's percentiles: {@code PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x [DESC])} (a double,
 * interpolated linearly), {@code PERCENTILE_DISC(f) WITHIN GROUP (…)} (a value of x) and
 * {@code MEDIAN(x)} (Oracle's, Snowflake's and DuckDB's, {@code PERCENTILE_CONT(0.5)}), grouped or
 * not, NULLs left out, NULL for a group without values. Calcite parses and validates the standard
 * form but has no way to run it (0A000 "PERCENTILE_CONT is not supported here"), and takes the
 * fraction only as a literal. Before validation each call becomes one of two aggregate functions of
 * Calcite's user-defined kind, {@code PERCENTILE_CONT(x, f, descending)}, whose values
 * {@link PercentileAccumulators} keeps and reads off; the fraction may then be a {@code ?}, a
 * DOUBLE. A fraction outside [0, 1] fails with 22003 and PostgreSQL's message: a literal while the
 * statement is prepared, a bound one when it runs.
 */
final class Percentiles {
  /** {@code PERCENTILE_CONT(x, f, descending)}: a DOUBLE, as PostgreSQL's (which takes double precision). */
  static final SqlUserDefinedAggFunction CONT = new Percentile("PERCENTILE_CONT", null,
      SqlTypeFamily.NUMERIC, ReturnTypes.explicit(SqlTypeName.DOUBLE).andThen(SqlTypeTransforms.FORCE_NULLABLE),
      PercentileAccumulators.Cont.class);
  /** {@code PERCENTILE_DISC(x, f, descending)}: a value of x, so of its type. */
  static final SqlUserDefinedAggFunction DISC = new Percentile("PERCENTILE_DISC", null, null,
      ReturnTypes.ARG0.andThen(SqlTypeTransforms.FORCE_NULLABLE), PercentileAccumulators.Disc.class);
  /** PERCENTILE_CONT as {@code MEDIAN(x)} calls it, whose errors name MEDIAN. */
  private static final SqlUserDefinedAggFunction MEDIAN = new Percentile("PERCENTILE_CONT", "MEDIAN",
      SqlTypeFamily.NUMERIC, ReturnTypes.explicit(SqlTypeName.DOUBLE).andThen(SqlTypeTransforms.FORCE_NULLABLE),
      PercentileAccumulators.Cont.class);

  private Percentiles() {}

  /**
   * {@code PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x)} or {@code PERCENTILE_DISC} as the aggregate
   * function here, when f is a number, a {@code ?} or a cast of one; the call itself otherwise, for
   * Calcite to refuse as before (a second ORDER BY key, a column as the fraction).
   */
  static SqlNode rewrite(SqlCall call) {
    if (call.getKind() != SqlKind.WITHIN_GROUP || !(call.operand(0) instanceof SqlCall percentile)
        || percentile.operandCount() != 1 || !(call.operand(1) instanceof SqlNodeList order)
        || order.size() != 1) {
      return call;
    }
    SqlOperator function = percentile.getOperator() == SqlStdOperatorTable.PERCENTILE_CONT ? CONT
        : percentile.getOperator() == SqlStdOperatorTable.PERCENTILE_DISC ? DISC : null;
    SqlNode fraction = percentile.operand(0);
    if (function == null || !constant(fraction)) {
      return call;
    }
    BigDecimal value = literal(fraction);
    if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0)) {
      throw PercentileAccumulators.outOfRange(PercentileAccumulators.shown(value));
    }
    SqlNode key = order.get(0);
    boolean descending = false;
    while (key.getKind() == SqlKind.DESCENDING || key.getKind() == SqlKind.NULLS_FIRST
        || key.getKind() == SqlKind.NULLS_LAST) { // NULLs are left out: where they sort is moot
      descending |= key.getKind() == SqlKind.DESCENDING;
      key = ((SqlCall) key).operand(0);
    }
    return function.createCall(call.getParserPosition(), key, fraction,
        SqlLiteral.createBoolean(descending, call.getParserPosition()));
  }

  /**
   * {@code MEDIAN(x)}: {@code PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x)}; {@code MEDIAN(DISTINCT x)}
   * (DuckDB's, Snowflake's) that of the distinct values, its DISTINCT kept.
   */
  static SqlCall median(SqlCall call) {
    SqlParserPos pos = call.getParserPosition();
    return MEDIAN.createCall(call.getFunctionQuantifier(), pos, call.operand(0),
        SqlLiteral.createExactNumeric("0.5", pos), SqlLiteral.createBoolean(false, pos));
  }

  /** A number, a {@code ?}, or a sign or cast of one. */
  private static boolean constant(SqlNode node) {
    if (node instanceof SqlNumericLiteral || node instanceof SqlDynamicParam) {
      return true;
    }
    return (node.getKind() == SqlKind.MINUS_PREFIX || node.getKind() == SqlKind.PLUS_PREFIX
        || node.getKind() == SqlKind.CAST) && constant(((SqlCall) node).operand(0));
  }

  /** The value of a number written as a literal, with its sign; null for anything else. */
  private static @Nullable BigDecimal literal(SqlNode node) {
    if (node instanceof SqlNumericLiteral n) {
      return n.getValueAs(BigDecimal.class);
    }
    if (node.getKind() == SqlKind.MINUS_PREFIX || node.getKind() == SqlKind.PLUS_PREFIX) {
      BigDecimal inner = literal(((SqlCall) node).operand(0));
      return inner == null || node.getKind() == SqlKind.PLUS_PREFIX ? inner : inner.negate();
    }
    return null;
  }

  /**
   * One of the two percentiles as an aggregate function Calcite runs ({@link AggregateFunctionImpl}
   * over an accumulator class). It is in no operator table: the rewrite names it, so validation
   * checks its operands itself rather than looking it up by name.
   */
  private static final class Percentile extends SqlUserDefinedAggFunction {
    /**
     * The families PERCENTILE_DISC takes, as PostgreSQL's does: numbers, dates, times, timestamps and
     * both kinds of interval (Calcite's own check, which lists no interval, refused those).
     */
    private static final Set<SqlTypeFamily> ORDERED = EnumSet.of(
        SqlTypeFamily.NUMERIC, SqlTypeFamily.DATE, SqlTypeFamily.TIME, SqlTypeFamily.TIMESTAMP,
        SqlTypeFamily.INTERVAL_DAY_TIME, SqlTypeFamily.INTERVAL_YEAR_MONTH);
    /** The family the values must be of; null for any that orders (numbers, times, intervals). */
    private final @Nullable SqlTypeFamily values;
    /** The function as the SQL wrote it when not this one ({@code MEDIAN}), for its errors. */
    private final @Nullable String written;

    Percentile(String name, @Nullable String written, @Nullable SqlTypeFamily values,
        SqlReturnTypeInference returns,
        Class<?> accumulator) {
      super(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, returns,
          (binding, returnType, operandTypes) -> { // a ? as the fraction is a DOUBLE
            RelDataTypeFactory types = binding.getTypeFactory();
            for (int i = 0; i < operandTypes.length; i++) {
              operandTypes[i] = i == 1
                  ? types.createTypeWithNullability(types.createSqlType(SqlTypeName.DOUBLE), true)
                  : binding.getValidator().getUnknownType();
            }
          },
          null, AggregateFunctionImpl.create(accumulator), false, false, Optionality.FORBIDDEN);
      this.values = values;
      this.written = written;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.of(3);
    }

    /**
     * Values PostgreSQL's function takes, and a number for the fraction. A value of another type fails
     * naming the function as written and what it takes: Calcite's words ("Only NUMERIC types are
     * supported"), right for PERCENTILE_CONT, were wrong for PERCENTILE_DISC, and named
     * PERCENTILE_CONT's ORDER BY for MEDIAN.
     */
    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      RelDataType type = binding.getOperandType(0);
      SqlTypeFamily family = type.getSqlTypeName().getFamily();
      boolean ordered = values != null ? family == values : ORDERED.contains(family);
      if (!ordered) {
        if (written != null) {
          throw WrittenChecks.cannotApply(binding.getValidator(), binding.operand(0), written,
              "'" + written + "(<" + type + ">)'", "'" + written + "(<NUMERIC>)'");
        }
        if (values != null) { // PERCENTILE_CONT: Calcite's words are right
          throw binding.getValidator().newValidationError(binding.operand(0),
              RESOURCE.unsupportedTypeInOrderBy(type.getSqlTypeName().getName(), getName()));
        }
        throw WrittenChecks.cannotApply(binding.getValidator(), binding.operand(0), getName(),
            "'" + getName() + "(<" + binding.getOperandType(1) + ">) WITHIN GROUP (ORDER BY <" + type
                + ">)'", "'" + getName() + "(<NUMERIC>) WITHIN GROUP (ORDER BY <NUMERIC, DATE, TIME,"
                + " TIMESTAMP or INTERVAL>)'");
      }
      if (binding.getOperandType(1).getSqlTypeName().getFamily() != SqlTypeFamily.NUMERIC) {
        throw binding.getValidator().newValidationError(binding.operand(1),
            RESOURCE.argumentMustBeNumericLiteralInRange(getName(), 0, 1));
      }
      return true;
    }

    /** The operands' types and the result's, without looking the function up by name as Calcite's does. */
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      SqlValidatorScope operandScope = scope.getOperandScope(call);
      for (SqlNode operand : call.getOperandList()) {
        validator.deriveType(operandScope, operand);
      }
      return validateOperands(validator, operandScope, call);
    }
  }
}
