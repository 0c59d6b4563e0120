package io.convosql.driver;

import static org.apache.calcite.util.Static.RESOURCE;

import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.Resources;
import org.apache.calcite.runtime.Resources.BaseMessage;
import org.apache.calcite.runtime.Resources.ExInst;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorException;
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
  private static final Messages MESSAGES = Resources.create(Messages.class);

  private WrittenChecks() {}

  /** A validation error whose message is {@code text} as it is, where Calcite has no words for it. */
  static CalciteContextException error(SqlValidator validator, SqlNode at, String text) {
    return validator.newValidationError(at, MESSAGES.plain(text));
  }

  /** Messages of this driver's, in the form Calcite's validation errors take. */
  interface Messages {
    @BaseMessage("{0}")
    ExInst<SqlValidatorException> plain(String text);
  }

  /**
   * {@code UNIX_TIMESTAMP(t)}'s t, which is a DATE or a TIMESTAMP; a TIMESTAMP floored to its second,
   * so that EXTRACT(EPOCH) of it is whole seconds rounded down, before 1970 too, as MySQL's and
   * PostgreSQL's {@code floor(extract(epoch from t))} ({@code '1969-12-31 23:59:58.5'} is -2, where EXTRACT
   * alone truncates toward zero, -1).
   */
  static SqlCall unixTimestamp(SqlNode t, SqlParserPos pos) {
    return new Check("UNIX_TIMESTAMP", true, type -> type.getSqlTypeName() == SqlTypeName.NULL
        || type.getSqlTypeName().getFamily() == SqlTypeFamily.DATE
        || type.getSqlTypeName().getFamily() == SqlTypeFamily.TIMESTAMP,
        InferTypes.RETURN_TYPE, given -> "'UNIX_TIMESTAMP(" + given + ")'",
        "'UNIX_TIMESTAMP()', 'UNIX_TIMESTAMP(<DATE>)', 'UNIX_TIMESTAMP(<TIMESTAMP>)' (text is read as a"
            + " TIMESTAMP)").createCall(pos, t);
  }

  /** The condition of MySQL's {@code IF(c, a, b)} or SQL Server's {@code IIF}, a BOOLEAN. */
  static SqlCall condition(String name, SqlNode c, SqlParserPos pos) {
    return new Check(name, false, type -> type.getSqlTypeName() == SqlTypeName.NULL
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

  /**
   * {@code DIFFERENCE(a, b)} (also {@code {fn DIFFERENCE(a, b)}}) of anything but text fails: Calcite
   * took numbers as the text of their digits, which have no Soundex code, and failed when it ran with
   * HY000 "String index out of range: 0". Checked before the call's type is derived, where Calcite
   * casts them to text.
   */
  static void difference(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    String name = call.getOperator().getName().replaceAll("^\\{fn (.*)}$", "$1");
    if (!name.equalsIgnoreCase("DIFFERENCE") || call.operand(0) instanceof SqlDynamicParam
        || call.operand(1) instanceof SqlDynamicParam) {
      return; // a ? is text, as the function's other argument
    }
    SqlValidatorScope operands = scope.getOperandScope(call);
    RelDataType a = validator.deriveType(operands, call.operand(0));
    RelDataType b = validator.deriveType(operands, call.operand(1));
    if (!(text(a) && text(b))) {
      throw cannotApply(validator, call, name, "'" + name + "(<" + a + ">, <" + b + ">)'",
          "'" + name + "(<CHARACTER>, <CHARACTER>)'");
    }
  }

  private static boolean text(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.NULL
        || type.getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER;
  }

  /** Calcite's conversion of calls, with each check converted to the argument it checks. */
  static SqlRexConvertletTable convertlets(SqlRexConvertletTable calcite) {
    return call -> !(call.getOperator() instanceof Check check) ? calcite.get(call) : (cx, checked) -> {
      RexNode x = cx.convertExpression(checked.operand(0));
      return !check.floorsTimestamps || x.getType().getSqlTypeName() != SqlTypeName.TIMESTAMP ? x
          : cx.getRexBuilder().makeCall(x.getType(), SqlStdOperatorTable.FLOOR,
              List.of(x, cx.getRexBuilder().makeFlag(TimeUnitRange.SECOND)));
    };
  }

  /**
   * A check of one argument, which is of its type when it passes (a TIMESTAMP floored to its second
   * when {@code floorsTimestamps}).
   */
  private static final class Check extends SqlFunction {
    private final boolean floorsTimestamps;
    private final Predicate<RelDataType> accepts;
    private final java.util.function.Function<String, String> given;
    private final String takes;

    Check(String name, boolean floorsTimestamps, Predicate<RelDataType> accepts,
        SqlOperandTypeInference infer,
        java.util.function.Function<String, String> given, String takes) {
      super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, infer, null, SqlFunctionCategory.SYSTEM);
      this.floorsTimestamps = floorsTimestamps;
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
