package io.convosql.driver;

import static org.apache.calcite.util.Static.RESOURCE;

import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;

/**
 * The type checks of functions that are rewritten before validation into others ({@link FunctionSynonyms},
 * {@link Percentiles}), so that a wrong argument fails with 42000 naming the function as the SQL wrote
 * it and what it takes, not the function it became: {@code UNIX_TIMESTAMP(123)} failed with "Cannot
 * apply 'EXTRACT' to arguments of type 'EXTRACT(&lt;INTERVAL EPOCH&gt; FROM &lt;INTEGER&gt;)'", and
 * {@code IF(1, 'a', 'b')} with "Expected a boolean type". A check wraps the argument it checks in the
 * rewritten call; it is the argument itself once validated ({@link #convertlets}).
 */
final class WrittenChecks {
  private WrittenChecks() {}

  /** {@code UNIX_TIMESTAMP(t)}'s t, which is a DATE or a TIMESTAMP. */
  static SqlCall unixTimestamp(SqlNode t, SqlParserPos pos) {
    return new Check("UNIX_TIMESTAMP", type -> type.getSqlTypeName() == SqlTypeName.NULL
        || type.getSqlTypeName().getFamily() == SqlTypeFamily.DATE
        || type.getSqlTypeName().getFamily() == SqlTypeFamily.TIMESTAMP,
        InferTypes.RETURN_TYPE, given -> "'UNIX_TIMESTAMP(" + given + ")'",
        "'UNIX_TIMESTAMP()', 'UNIX_TIMESTAMP(<DATE>)', 'UNIX_TIMESTAMP(<TIMESTAMP>)' (text is read as a"
            + " TIMESTAMP)").createCall(pos, t);
  }

  /** The condition of MySQL's {@code IF(c, a, b)} or SQL Server's {@code IIF}, a BOOLEAN. */
  static SqlCall condition(String name, SqlNode c, SqlParserPos pos) {
    return new Check(name, type -> type.getSqlTypeName() == SqlTypeName.NULL
        || type.getSqlTypeName().getFamily() == SqlTypeFamily.BOOLEAN,
        InferTypes.BOOLEAN, given -> "'" + name + "(" + given + ", …, …)'",
        "'" + name + "(<BOOLEAN>, <ANY>, <ANY>)': the first argument is a condition, such as x > 0")
        .createCall(pos, c);
  }

  /**
   * The 42000 error that {@code name} cannot take arguments of the types {@code given} shows (quoted,
   * as {@code 'F(<INTEGER>)'}); {@code takes} says what it takes.
   */
  static CalciteContextException cannotApply(SqlValidator validator, SqlNode at, String name,
      String given, String takes) {
    return validator.newValidationError(at, RESOURCE.canNotApplyOp2Type(name, given, takes));
  }

  /** Calcite's conversion of calls, with each check converted to the argument it checks. */
  static SqlRexConvertletTable convertlets(SqlRexConvertletTable calcite) {
    return call -> call.getOperator() instanceof Check
        ? (cx, check) -> cx.convertExpression(check.operand(0)) : calcite.get(call);
  }

  /** A check of one argument, which is of its type when it passes. */
  private static final class Check extends SqlFunction {
    private final Predicate<RelDataType> accepts;
    private final java.util.function.Function<String, String> given;
    private final String takes;

    Check(String name, Predicate<RelDataType> accepts, SqlOperandTypeInference infer,
        java.util.function.Function<String, String> given, String takes) {
      super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, infer, null, SqlFunctionCategory.SYSTEM);
      this.accepts = accepts;
      this.given = given;
      this.takes = takes;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.of(1);
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      RelDataType type = binding.getOperandType(0);
      if (!accepts.test(type)) {
        throw cannotApply(binding.getValidator(), binding.getCall(), getName(),
            given.apply("<" + type + ">"), takes);
      }
      return true;
    }

    /** The argument's type, without looking the check up by name (it is in no operator table). */
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      SqlValidatorScope operandScope = scope.getOperandScope(call);
      for (SqlNode operand : call.getOperandList()) {
        validator.deriveType(operandScope, operand);
      }
      return validateOperands(validator, operandScope, call);
    }

    @Override
    public List<String> getParamNames() {
      return List.of("x");
    }
  }
}
