package io.convosql.driver;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code MOD(x, y)} of any numbers, as MySQL's takes a DOUBLE and PostgreSQL's a numeric: Calcite's
 * takes whole numbers and decimals only, so {@code MOD(audio_duration, ?)} failed to prepare (42000
 * "Cannot apply 'MOD'"), and {@code MOD(audio_duration, 2)} cast the DOUBLE to a DECIMAL(19, 15),
 * which holds no more than four digits before the point. Here, when either operand is a DOUBLE, REAL
 * or FLOAT the remainder is a DOUBLE with the sign of {@code x} (Java's {@code %}, C's fmod), and a
 * zero {@code y} fails with 22012 as for whole numbers; of whole numbers and decimals it is Calcite's
 * MOD, unchanged. {@code x % y} is this MOD too. Public only for the code Calcite generates.
 */
public final class Modulo {
  /** MOD in the connection's functions, in place of Calcite's. */
  static final SqlFunction MOD = new SqlFunction("MOD", SqlKind.MOD, Modulo::returnType,
      InferTypes.FIRST_KNOWN, OperandTypes.NUMERIC_NUMERIC, SqlFunctionCategory.NUMERIC) {
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      typeParameter(validator, scope, call);
      return super.deriveType(validator, scope, call);
    }
  };

  /** The remainder of two DOUBLEs, which the plan calls for a MOD of an approximate number. */
  private static final SqlUserDefinedFunction APPROXIMATE = new SqlUserDefinedFunction(
      new SqlIdentifier("MOD", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.DOUBLE_NULLABLE,
      InferTypes.FIRST_KNOWN, null, new Remainder());

  private Modulo() {}

  /**
   * Types a {@code ?} operand as the other operand, before the call's type is derived: in a condition,
   * {@code MOD(audio_duration, ?) <> 0}, the comparison asks for the call's type before any operand
   * has inferred the {@code ?}'s ("Cannot apply 'MOD' to arguments of type 'MOD(<DOUBLE>, <UNKNOWN>)'").
   */
  private static void typeParameter(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    if (call.operandCount() != 2) {
      return;
    }
    for (int i = 0; i < 2; i++) {
      SqlNode other = call.operand(1 - i);
      if (call.operand(i) instanceof SqlDynamicParam p && validator.getValidatedNodeTypeIfKnown(p) == null
          && other != null && !(other instanceof SqlDynamicParam)) {
        RelDataType type = validator.deriveType(scope, other);
        if (SqlTypeUtil.isNumeric(type)) {
          validator.setValidatedNodeType(p, validator.getTypeFactory().createTypeWithNullability(type, true));
        }
      }
    }
  }

  /**
   * A DOUBLE when either operand is approximate; an INTEGER (always NULL) when both are a bare NULL,
   * {@code MOD(NULL, NULL)}, as PostgreSQL's is NULL: Calcite typed it NULL and could not run it
   * (0A000 "MOD is not supported here"); else the type of Calcite's MOD.
   */
  private static @Nullable RelDataType returnType(SqlOperatorBinding binding) {
    RelDataType x = binding.getOperandType(0);
    RelDataType y = binding.getOperandType(1);
    RelDataTypeFactory types = binding.getTypeFactory();
    if (x.getSqlTypeName() == SqlTypeName.NULL && y.getSqlTypeName() == SqlTypeName.NULL) {
      return types.createTypeWithNullability(types.createSqlType(SqlTypeName.INTEGER), true);
    }
    if (!SqlTypeUtil.isApproximateNumeric(x) && !SqlTypeUtil.isApproximateNumeric(y)) {
      return ReturnTypes.NULLABLE_MOD.inferReturnType(binding);
    }
    return types.createTypeWithNullability(types.createSqlType(SqlTypeName.DOUBLE),
        x.isNullable() || y.isNullable());
  }

  /** The functions of {@code table} with this MOD in place of Calcite's. */
  static SqlOperatorTable replacing(SqlOperatorTable table) {
    return ReplacedOperator.in(table, SqlStdOperatorTable.MOD, MOD);
  }

  /**
   * {@code x % y} as this MOD, so that a DOUBLE operand gives the DOUBLE remainder as {@code MOD(x, y)}
   * does: Calcite's {@code %} made {@code audio_duration % 2} a DECIMAL(19, 15), which overflowed (22003)
   * past four digits before the point, and refused {@code audio_duration % ?}. Any other call as it is.
   */
  static SqlCall percent(SqlCall call) {
    return call.getOperator() != SqlStdOperatorTable.PERCENT_REMAINDER ? call
        : MOD.createCall(call.getParserPosition(), call.getOperandList().toArray(new SqlNode[0]));
  }

  /** {@code {fn MOD(x, y)}}, which Calcite reads as its own MOD, as this one. */
  static SqlCall escaped(SqlCall call) {
    return MOD.createCall(call.getParserPosition(), call.getOperandList().toArray(new SqlNode[0]));
  }

  /**
   * Calcite's conversion of calls, with this MOD converted to Calcite's of whole numbers and
   * decimals, and to the remainder of DOUBLEs otherwise.
   */
  static SqlRexConvertletTable convertlets(SqlRexConvertletTable calcite) {
    return call -> call.getOperator() != MOD ? calcite.get(call) : (cx, mod) -> {
      RexBuilder rex = cx.getRexBuilder();
      RelDataType type = cx.getValidator().getValidatedNodeType(mod);
      List<RexNode> operands = new ArrayList<>();
      for (SqlNode operand : mod.getOperandList()) {
        operands.add(cx.convertExpression(operand));
      }
      if (operands.stream().allMatch(o -> o.getType().getSqlTypeName() == SqlTypeName.NULL)) {
        return rex.makeNullLiteral(type); // MOD(NULL, NULL)
      }
      if (!SqlTypeUtil.isApproximateNumeric(type)) {
        return rex.makeCall(type, SqlStdOperatorTable.MOD, operands);
      }
      RelDataTypeFactory types = rex.getTypeFactory();
      operands.replaceAll(o -> rex.makeCast(types.createTypeWithNullability(
          types.createSqlType(SqlTypeName.DOUBLE), o.getType().isNullable()), o));
      return rex.makeCall(type, APPROXIMATE, operands);
    };
  }

  /**
   * {@code x % y} of two DOUBLEs: the remainder with the sign of {@code x}, as MySQL's MOD and C's
   * fmod give it; a zero {@code y} fails as a division by zero (22012) rather than giving NaN.
   */
  public static double remainder(double x, double y) {
    if (y == 0) {
      throw new ArithmeticException("Division by zero: MOD(" + x + ", 0)");
    }
    return x % y;
  }

  /** The remainder as a function Calcite's code generation implements. */
  private static final class Remainder implements ScalarFunction, ImplementableFunction {
    @Override
    public List<FunctionParameter> getParameters() {
      return List.of(parameter(0, "x"), parameter(1, "y"));
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE), true);
    }

    @Override
    public CallImplementor getImplementor() {
      return RexImpTable.createImplementor((translator, call, operands) ->
          Expressions.call(Modulo.class, "remainder", operands), NullPolicy.STRICT, false);
    }

    private static FunctionParameter parameter(int ordinal, String name) {
      return new FunctionParameter() {
        @Override
        public int getOrdinal() {
          return ordinal;
        }

        @Override
        public String getName() {
          return name;
        }

        @Override
        public RelDataType getType(RelDataTypeFactory typeFactory) {
          return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE), true);
        }

        @Override
        public boolean isOptional() {
          return false;
        }
      };
    }
  }
}
