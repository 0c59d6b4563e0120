package io.convosql.driver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Types a {@code ?} that only text can fill VARCHAR, and one that only counts or places INTEGER,
 * where Calcite infers no type or a wrong one: {@code UPPER(?)} prepared only as
 * {@code UPPER(CAST(? AS VARCHAR))}, and {@code SUBSTRING(name, ?)}, {@code LPAD(name, ?)},
 * {@code ROUND(x, ?)} and {@code TIMESTAMPADD(DAY, ?, t)} took the type of the operand beside the
 * {@code ?} and failed ("Cannot apply ..."). The function's own check of its operands decides: each
 * such {@code ?} is tried as text, numbers, a truth value and times, coercing none. It is text when
 * every combination the function takes has text there; INTEGER when every one has a number there and
 * either only an integer fits or the number counts or places within something that is no number (the
 * call's type is the same, and no number, whichever number it is), so that {@code ABS(?)} and
 * {@code SQRT(?)}, whose result a fraction would change, still ask for a CAST. Calls are looked at
 * innermost first, so that {@code UPPER(?) = 'AB'} and {@code UPPER(?) || ?} see UPPER's type. A type
 * the operands beside the {@code ?} give ({@link ParameterTypingValidator}) is kept when the function
 * takes it, so nothing that prepared before is typed otherwise; it is given here, innermost first, so
 * that in {@code name || ? || ?} the outer call sees the inner one's type.
 */
final class TextParameters {
  /** The types tried; binary strings are not, so that a function of text or bytes takes text. */
  private static final List<SqlTypeName> TRIED = List.of(SqlTypeName.VARCHAR, SqlTypeName.INTEGER,
      SqlTypeName.DECIMAL, SqlTypeName.DOUBLE, SqlTypeName.BOOLEAN, SqlTypeName.DATE,
      SqlTypeName.TIME, SqlTypeName.TIMESTAMP);
  /** Where text and the integer are in {@link #TRIED}, and the numbers. */
  private static final int TEXT = 0;
  private static final int INTEGER = 1;
  private static final Set<Integer> NUMBERS = Set.of(1, 2, 3);
  /** The most untyped {@code ?} operands of one call tried together (8^3 checks at most). */
  private static final int MOST = 3;

  private final SqlValidatorImpl validator;
  /** The type the other operands give a call's {@code ?}s, as the validator would give it, or null. */
  private final BiFunction<SqlValidatorScope, SqlCall, @Nullable RelDataType> siblings;
  /** The calls looked at already: what they could say does not change before they are validated. */
  private final Set<SqlCall> seen = Collections.newSetFromMap(new IdentityHashMap<>());

  TextParameters(SqlValidatorImpl validator,
      BiFunction<SqlValidatorScope, SqlCall, @Nullable RelDataType> siblings) {
    this.validator = validator;
    this.siblings = siblings;
  }

  /** Types the text-only {@code ?}s of the calls in {@code node}, innermost first, not in sub-queries. */
  void typeWithin(SqlValidatorScope scope, SqlNode node) {
    if (node instanceof SqlNodeList list) {
      list.forEach(n -> typeWithin(scope, n));
    } else if (node instanceof SqlCall call && !node.isA(SqlKind.QUERY) && seen.add(call)) {
      for (SqlNode operand : call.getOperandList()) {
        if (operand != null) {
          typeWithin(scope, operand);
        }
      }
      type(scope, call);
    }
  }

  private void type(SqlValidatorScope scope, SqlCall call) {
    SqlOperator operator = call.getOperator();
    if (operator.getOperandTypeInference() != null && operator.getOperandTypeInference() != InferTypes.RETURN_TYPE
        || operator instanceof SqlUnresolvedFunction
        || call.getKind() == SqlKind.CASE) {
      // the operator types its operands, or there is nothing to ask yet; one that gives them the call's
      // own type (CONCAT) gives none in a select list, and the text it takes is what it would give
      return;
    }
    List<SqlDynamicParam> untyped = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) {
      if (operand instanceof SqlDynamicParam p && validator.getValidatedNodeTypeIfKnown(p) == null) {
        untyped.add(p);
      }
    }
    if (untyped.isEmpty() || untyped.size() > MOST || call.getOperandList().stream()
        .anyMatch(o -> o != null && !(o instanceof SqlDynamicParam) && hasUntyped(o))) {
      return; // nothing to type, or an operand's type is not known yet, nor what the call takes
    }
    SqlCall checked = operator instanceof SqlJdbcFunctionCall jdbc ? lookupCall(jdbc) : call;
    if (checked == null || !countFits(checked)) {
      return;
    }
    RelDataType beside = siblings.apply(scope, call);
    RelDataTypeFactory types = validator.getTypeFactory();
    if (beside != null && takes(scope, checked, untyped, Collections.nCopies(untyped.size(), beside))) {
      // typed as before, from the operands beside it, but now: the call around this one asks for
      // its type before the validator would come to this call ({@code name || ? || ?})
      RelDataType nullable = types.createTypeWithNullability(beside, true);
      untyped.forEach(p -> validator.setValidatedNodeType(p, nullable));
      return;
    }
    List<RelDataType> tried = TRIED.stream()
        .map(t -> types.createTypeWithNullability(types.createSqlType(t), true)).toList();
    // each combination of tried types the call takes, with the type it then has (null: none known)
    Map<List<Integer>, @Nullable RelDataType> taken = new HashMap<>();
    int combinations = (int) Math.pow(tried.size(), untyped.size());
    for (int c = 0; c < combinations; c++) {
      List<Integer> choice = new ArrayList<>();
      for (int i = 0, rest = c; i < untyped.size(); i++, rest /= tried.size()) {
        choice.add(rest % tried.size());
      }
      Outcome outcome = check(scope, checked, untyped, choice.stream().map(tried::get).toList());
      if (outcome.taken()) {
        taken.put(choice, outcome.type());
      }
    }
    for (int i = 0; !taken.isEmpty() && i < untyped.size(); i++) {
      int at = i;
      Set<Integer> fits = taken.keySet().stream().map(choice -> choice.get(at)).collect(Collectors.toSet());
      if (fits.equals(Set.of(TEXT))) {
        validator.setValidatedNodeType(untyped.get(i), tried.get(TEXT));
      } else if (NUMBERS.containsAll(fits)
          && (fits.equals(Set.of(INTEGER)) || countsIn(taken, at))) {
        validator.setValidatedNodeType(untyped.get(i), tried.get(INTEGER));
      }
    }
  }

  /**
   * Whether the {@code ?} at {@code at} counts or places within something that is no number, as
   * SUBSTRING's and LPAD's number does: every number the call takes there gives it the same type,
   * which is no number. A number that makes the call's own, {@code ABS(?)}, {@code SQRT(?)}, is not.
   */
  private static boolean countsIn(Map<List<Integer>, @Nullable RelDataType> taken, int at) {
    for (Map.Entry<List<Integer>, @Nullable RelDataType> e : taken.entrySet()) {
      List<Integer> asInteger = new ArrayList<>(e.getKey());
      asInteger.set(at, INTEGER);
      RelDataType type = e.getValue();
      if (type == null || SqlTypeUtil.isNumeric(type) || !taken.containsKey(asInteger)
          || !type.equals(taken.get(asInteger))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a call takes its operands, and the type it then has (null when that is not known). */
  private record Outcome(boolean taken, @Nullable RelDataType type) {}

  /** Whether the call's operands check with its {@code ?}s of these types coercing none, and its type. */
  private Outcome check(SqlValidatorScope scope, SqlCall call, List<SqlDynamicParam> params,
      List<RelDataType> types) {
    for (int i = 0; i < params.size(); i++) {
      validator.setValidatedNodeType(params.get(i), types.get(i));
    }
    try {
      if (!takes(scope, call)) {
        return new Outcome(false, null);
      }
      try {
        return new Outcome(true, call.getOperator().inferReturnType(new SqlCallBinding(validator, scope, call)));
      } catch (RuntimeException noType) {
        return new Outcome(true, null);
      }
    } finally {
      params.forEach(validator::removeValidatedNodeType);
    }
  }

  /** Whether the call's operands check with its {@code ?}s of these types, coercing none of them. */
  private boolean takes(SqlValidatorScope scope, SqlCall call, List<SqlDynamicParam> params,
      List<RelDataType> types) {
    return check(scope, call, params, types).taken();
  }

  /** Whether the call's operands check with the types they have now, coercing none of them. */
  private boolean takes(SqlValidatorScope scope, SqlCall call) {
    try {
      return call.getOperator().checkOperandTypes(new SqlCallBinding(validator, scope, call) {
        @Override
        public boolean isTypeCoercionEnabled() {
          return false;
        }
      }, false);
    } catch (RuntimeException notTaken) { // an operand's own error, reported when it is validated
      return false;
    }
  }

  private static boolean countFits(SqlCall call) {
    try {
      return call.getOperator().getOperandCountRange().isValidCount(call.operandCount());
    } catch (RuntimeException noRange) {
      return false;
    }
  }

  /** The call a JDBC escape function stands for ({@code {fn UCASE(?)}} is UPPER), on the same operands. */
  private static @Nullable SqlCall lookupCall(SqlJdbcFunctionCall jdbc) {
    try {
      return jdbc.getLookupCall();
    } catch (RuntimeException notAJdbcFunction) {
      return null;
    }
  }

  private boolean hasUntyped(SqlNode node) {
    if (node instanceof SqlDynamicParam) {
      return validator.getValidatedNodeTypeIfKnown(node) == null;
    }
    if (node instanceof SqlNodeList list) {
      return list.stream().anyMatch(n -> n != null && hasUntyped(n));
    }
    return node instanceof SqlCall call && !node.isA(SqlKind.QUERY)
        && call.getOperandList().stream().anyMatch(n -> n != null && hasUntyped(n));
  }
}
