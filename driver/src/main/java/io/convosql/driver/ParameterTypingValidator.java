package io.convosql.driver;

import static org.apache.calcite.util.Static.RESOURCE;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Deque;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalciteSqlValidator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.runtime.Resources;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlInternalOperators;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.checkerframework.checker.nullness.qual.PolyNull;

/**
 * Calcite's validator, configured as Calcite configures it for a connection, that also types a
 * {@code ?} from the other operands of the call it stands in where the operator itself infers
 * nothing: {@code COALESCE(?, name)}, {@code name || ?}, {@code CASE ... THEN ? ELSE name END} in a
 * select list get the type of {@code name}; a {@code ?} only text can fill, {@code UPPER(?)}, is
 * VARCHAR ({@link TextParameters}); a {@code ?} beside an interval is a time ({@link TimeParameters}). A {@code ?} with nothing to take a type from stays an error
 * (write {@code CAST(? AS type)}). Its "not found" errors say which names were likely meant
 * ({@link NameSuggestions}); PostgreSQL's {@code now()} and {@code date_trunc} become the standard
 * calls they mean ({@link PostgresqlCalls}); {@code DAYNAME} of a time fails here ({@link PeriodNames}).
 */
final class ParameterTypingValidator extends CalciteSqlValidator {
  /** The SELECTs being validated, innermost first: where a column name was looked for. */
  private final Deque<SqlSelect> selects = new ArrayDeque<>();
  /** Whether the connection's functions hold ILIKE (not under {@code fun=standard}); null: not yet looked. */
  private @Nullable Boolean ilike;
  /** Types a {@code ?} only text can fill, such as UPPER's, where nothing else types it. */
  private final TextParameters text = new TextParameters(this,
      (scope, call) -> siblingType(scope, call.getOperandList()));
  /** Types a {@code ?} beside an interval, or of TIMESTAMPADD and TIMESTAMPDIFF, as a time. */
  private final TimeParameters times = new TimeParameters(this);
  /** The calls of a function that are NULL whatever the row ({@link NullArguments}). */
  private final Set<SqlNode> nullCalls = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The statement being validated, and the operands of its set operations, found when first asked. */
  private @Nullable SqlNode top;
  private @Nullable Set<SqlNode> branches;

  private ParameterTypingValidator(SqlOperatorTable operators, CalciteCatalogReader catalogReader,
      JavaTypeFactory typeFactory, Config config) {
    super(operators, catalogReader, typeFactory, config);
  }

  /**
   * The validator for a statement prepared on the connection of {@code context}, whose functions
   * ({@code fun}) are {@code functions}, found by a name in any case ({@link AnyCaseFunctions}).
   */
  static ParameterTypingValidator create(CalcitePrepare.Context context, SqlOperatorTable functions,
      CalciteCatalogReader catalogReader, UnaryOperator<Config> transform) {
    CalciteConnectionConfig connection = context.config();
    SqlOperatorTable operators = SqlOperatorTables.chain(AnyCaseFunctions.of(Modulo.replacing(functions)),
        AnyCaseFunctions.of(catalogReader));
    Config config = transform.apply(Config.DEFAULT
        .withLenientOperatorLookup(connection.lenientOperatorLookup())
        .withConformance(connection.conformance())
        .withDefaultNullCollation(connection.defaultNullCollation())
        .withIdentifierExpansion(true));
    return new ParameterTypingValidator(operators, catalogReader, context.getTypeFactory(), config);
  }

  /**
   * The count of arguments of a JDBC escape function checked ({@link EscapeArity}) before Calcite's
   * rewrites, which build the call it stands for from them, then JDBC's {@code {fn LOCATE}} as the
   * plain LOCATE ({@link FunctionSynonyms}), PostgreSQL's {@code now()} and {@code date_trunc}
   * ({@link PostgresqlCalls}), an escape of a bare NULL as its plain call ({@link NullArguments}), a
   * bare NULL where a time must be as a TIMESTAMP ({@link TimeNulls}),
   * ILIKE for every alphabet ({@link CaseFoldedLike}) and
   * {@code PERCENTILE_CONT(f) WITHIN GROUP} ({@link Percentiles}).
   */
  @Override
  protected @PolyNull SqlNode performUnconditionalRewrites(@PolyNull SqlNode node, boolean underFrom) {
    if (node instanceof SqlCall escape) {
      EscapeArity.check(this, escape);
    }
    boolean dayOfWeek = PostgresqlCalls.dayOfWeek(node); // as written: DAYOFWEEK becomes one too
    SqlNode rewritten = super.performUnconditionalRewrites(node, underFrom);
    if (!(rewritten instanceof SqlCall call)) {
      return rewritten;
    }
    if (dayOfWeek && PostgresqlCalls.dayOfWeek(call)) {
      return PostgresqlCalls.sundayZero(TimeNulls.rewrite(call));
    }
    SqlNode standard = PostgresqlCalls.rewrite(TimeNulls.rewrite(PeriodNames.rewrite(
        FunctionSynonyms.positionFrom(Modulo.percent(NullArguments.escaped(FunctionSynonyms.escaped(call)))))));
    if (standard instanceof SqlCall withinGroup && withinGroup.getKind() == SqlKind.WITHIN_GROUP) {
      return Percentiles.rewrite(withinGroup);
    }
    return standard instanceof SqlCall again && CaseFoldedLike.ilike(again) && hasIlike()
        ? CaseFoldedLike.rewrite(again) : standard;
  }

  private boolean hasIlike() {
    if (ilike == null) {
      ilike = getOperatorTable().getOperatorList().contains(SqlLibraryOperators.ILIKE);
    }
    return ilike;
  }

  /**
   * Calcite's type, after the checks Calcite leaves to code generation: DAYNAME of a time, a time
   * truncated to a week ({@link PeriodNames}); DIFFERENCE of numbers before Calcite makes them text
   * ({@link WrittenChecks#difference}); a number or text function of a bare NULL typed as
   * PostgreSQL types it ({@link NullArguments}).
   */
  @Override
  public RelDataType deriveType(SqlValidatorScope scope, SqlNode expr) {
    if (expr instanceof SqlCall call && call.operandCount() == 2) {
      WrittenChecks.difference(this, scope, call);
    }
    boolean bareNull = NullArguments.hasBareNull(expr); // before Calcite casts it to a type
    RelDataType type = super.deriveType(scope, expr);
    RelDataType alwaysNull = bareNull ? NullArguments.type(typeFactory, expr, type) : null;
    if (alwaysNull != null) {
      nullCalls.add(expr);
      setValidatedNodeType(expr, alwaysNull);
      type = alwaysNull;
    }
    if (expr instanceof SqlCall call && (call.operandCount() == 1 || call.operandCount() == 2)
        && call.operand(0) != null) {
      RelDataType operand = getValidatedNodeTypeIfKnown(call.operand(0));
      if (operand != null && call.operandCount() == 1) {
        PeriodNames.check(this, call, operand);
      } else if (operand != null) {
        PeriodNames.checkTruncation(call, operand);
      }
    }
    return type;
  }

  /** Whether {@code call} is a function call that is NULL whatever the row ({@link NullArguments}). */
  boolean alwaysNull(SqlNode call) {
    return nullCalls.contains(call);
  }

  /**
   * Calcite's row type, with a column that can only be NULL typed as text ({@link TextNulls}); not in
   * a branch of a UNION, INTERSECT or EXCEPT, where it takes the other branches' type as a bare NULL
   * does (text there would turn {@code SELECT COALESCE(NULL, NULL) UNION ALL SELECT 1} into text).
   */
  @Override
  protected RelDataType validateSelectList(SqlNodeList items, SqlSelect select, RelDataType targetRowType) {
    RelDataType row = super.validateSelectList(items, select, targetRowType);
    return setOperationBranch(select) ? row : TextNulls.type(this, select, row, nullCalls::add);
  }

  @Override
  public SqlNode validate(SqlNode topNode) {
    top = topNode;
    branches = null;
    return super.validate(topNode);
  }

  /** Whether {@code select} is an operand of a set operation of the statement being validated. */
  private boolean setOperationBranch(SqlSelect select) {
    if (branches == null) {
      branches = TextNulls.setOperationBranches(top);
    }
    return branches.contains(select);
  }

  @Override
  protected void validateSelect(SqlSelect select, RelDataType targetRowType) {
    selects.push(select);
    try {
      super.validateSelect(select, targetRowType);
    } finally {
      selects.pop();
    }
  }

  /**
   * Types the {@code ?}s of ORDER BY as those of the select list are, which Calcite never did there:
   * {@code ORDER BY POSITION(? IN name)} failed ("Cannot apply 'POSITION' to arguments of type
   * 'POSITION(<UNKNOWN> IN <VARCHAR>)'"), {@code ORDER BY name = ? DESC} with no message (HY000).
   */
  @Override
  protected void validateOrderList(SqlSelect select) {
    SqlNodeList orders = select.getOrderList();
    SqlValidatorScope scope = orders == null ? null : getOrderScope(select);
    if (orders != null && scope != null) {
      for (SqlNode item : orders) {
        while (item instanceof SqlCall c && (c.getKind() == SqlKind.DESCENDING
            || c.getKind() == SqlKind.NULLS_FIRST || c.getKind() == SqlKind.NULLS_LAST)) {
          item = c.operand(0);
        }
        inferUnknownTypes(unknownType, scope, item);
      }
    }
    super.validateOrderList(select);
  }

  @Override
  public CalciteContextException newValidationError(SqlNode node,
      Resources.ExInst<SqlValidatorException> e) {
    CalciteContextException error = super.newValidationError(node, e);
    Throwable cause = error.getCause();
    String message = cause == null ? null : cause.getMessage();
    String hint;
    try {
      hint = message == null ? null : NameSuggestions.hint(message,
          ((CalciteCatalogReader) getCatalogReader()).getRootSchema(), this,
          selects.isEmpty() ? null : getSelectScope(selects.peek()));
    } catch (RuntimeException notToBeMadeWorse) { // a hint must never replace the error itself
      hint = null;
    }
    if (hint == null) {
      return error;
    }
    String context = String.valueOf(error.getMessage());
    context = context.substring(0, context.length() - (": " + message).length());
    CalciteContextException better = new CalciteContextException(context,
        new SqlValidatorException(message + hint, null));
    better.setPosition(error.getPosLine(), error.getPosColumn(), error.getEndPosLine(),
        error.getEndPosColumn());
    return better;
  }

  @Override
  protected void inferUnknownTypes(RelDataType inferredType, SqlValidatorScope scope, SqlNode node) {
    if (node instanceof SqlDynamicParam && inferredType.equals(unknownType)
        && getValidatedNodeTypeIfKnown(node) != null) {
      return; // typed already, from its siblings or as text
    }
    if (times.typed(node)) {
      return; // a time, whatever the interval beside it would make it
    }
    if ((node.getKind() == SqlKind.IS_NULL || node.getKind() == SqlKind.IS_NOT_NULL)
        && ((SqlCall) node).operand(0) instanceof SqlDynamicParam p && getValidatedNodeTypeIfKnown(p) != null) {
      // IS NULL takes any type, and would replace the ?'s with its guess, VARCHAR: in COALESCE(?,
      // started_at), CASE WHEN ? IS NOT NULL THEN ? ELSE started_at END, the ? is a TIMESTAMP
      return;
    }
    times.typeWithin(scopes.getOrDefault(node, scope), node);
    text.typeWithin(scopes.getOrDefault(node, scope), node);
    if ((node.getKind() == SqlKind.IN || node.getKind() == SqlKind.NOT_IN) && node instanceof SqlCall in
        && in.operand(0) instanceof SqlDynamicParam p && getValidatedNodeTypeIfKnown(p) == null
        && in.operand(1) instanceof SqlNodeList list) {
      typeBeforeIn(scope, p, list);
    } else if (node instanceof SqlCase c) {
      List<@Nullable SqlNode> results = new ArrayList<>();
      for (SqlNode then : c.getThenOperands()) {
        // COALESCE(?, name) arrives as CASE WHEN ? IS NOT NULL THEN CAST_NOT_NULL(?) ELSE name END
        results.add(then instanceof SqlCall cast
            && cast.getOperator() == SqlInternalOperators.CAST_NOT_NULL ? cast.operand(0) : then);
      }
      results.add(c.getElseOperand());
      typeFromSiblings(scope, results);
      sameAsResult(c, results);
    } else if (node instanceof SqlCall call && !node.isA(SqlKind.QUERY)
        && node.getKind() != SqlKind.AS && infersNothing(call, inferredType)) {
      typeFromSiblings(scope, call.getOperandList());
    }
    super.inferUnknownTypes(inferredType, scope, node);
  }

  /**
   * The copy COALESCE's rewrite makes of a {@code ?}, in {@code WHEN ? IS NOT NULL}, typed as the
   * {@code ?} it copies: IS NOT NULL would make it VARCHAR, and the parameter's type is that of its
   * first copy ({@link #getParameterRowType}), so a time bound to {@code COALESCE(?, started_at)}
   * was read as text (22000, "String given, Long needed").
   */
  private void sameAsResult(SqlCase c, List<@Nullable SqlNode> results) {
    for (SqlNode when : c.getWhenOperands()) {
      if (when.getKind() == SqlKind.IS_NOT_NULL && ((SqlCall) when).operand(0) instanceof SqlDynamicParam p
          && getValidatedNodeTypeIfKnown(p) == null) {
        for (SqlNode r : results) {
          RelDataType type = r instanceof SqlDynamicParam q && q.getIndex() == p.getIndex()
              ? getValidatedNodeTypeIfKnown(q) : null;
          if (type != null) {
            setValidatedNodeType(p, type);
            break;
          }
        }
      }
    }
  }

  /**
   * The {@code ?} of {@code ? IN (a, b)} typed as the first of the values that has a type: Calcite
   * would ask the list itself for one, and failed with no message (HY000). With only {@code ?}s in
   * the list nothing gives it a type, the error of {@code SELECT ?}.
   */
  private void typeBeforeIn(SqlValidatorScope scope, SqlDynamicParam param, SqlNodeList list) {
    List<@Nullable SqlNode> operands = new ArrayList<>();
    operands.add(param);
    operands.addAll(list);
    typeFromSiblings(scope, operands);
    if (getValidatedNodeTypeIfKnown(param) == null) {
      throw newValidationError(param, RESOURCE.dynamicParamIllegal());
    }
  }

  /**
   * One type per {@code ?} of the SQL, by its position: a rewrite may copy a parameter (COALESCE
   * names its first operands twice), and Calcite would count the copy as one more parameter.
   */
  @Override
  public RelDataType getParameterRowType(SqlNode query) {
    SortedMap<Integer, RelDataType> types = new TreeMap<>();
    query.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlDynamicParam param) {
        types.putIfAbsent(param.getIndex(), getValidatedNodeType(param));
        return param;
      }
    });
    List<String> names = new ArrayList<>();
    types.keySet().forEach(i -> names.add("?" + i));
    return typeFactory.createStructType(new ArrayList<>(types.values()), names);
  }

  /**
   * Whether the operator gives its operands no type here: it has no inference, or it would pass on
   * the call's own type (COALESCE, NULLIF), which a select list does not know.
   */
  private boolean infersNothing(SqlCall call, RelDataType inferredType) {
    SqlOperandTypeInference inference = call.getOperator().getOperandTypeInference();
    return inference == null
        || inference == InferTypes.RETURN_TYPE && inferredType.equals(unknownType);
  }

  /** Gives each untyped {@code ?} among the operands the type of the first operand that has one. */
  private void typeFromSiblings(SqlValidatorScope scope, List<@Nullable SqlNode> operands) {
    RelDataType known = siblingType(scope, operands);
    if (known == null) {
      return;
    }
    for (SqlNode o : operands) {
      if (o instanceof SqlDynamicParam && getValidatedNodeTypeIfKnown(o) == null) {
        super.inferUnknownTypes(known, scope, o);
      }
    }
  }

  /**
   * The type of the first operand that has one, for the {@code ?}s among them (text of any length for
   * a literal's {@code CHAR(n)}); null when there is no {@code ?} or no such operand.
   */
  private @Nullable RelDataType siblingType(SqlValidatorScope scope, List<@Nullable SqlNode> operands) {
    if (operands.stream().noneMatch(o -> o instanceof SqlDynamicParam)) {
      return null;
    }
    RelDataType known = null;
    for (SqlNode o : operands) {
      if (known == null && o != null && !(o instanceof SqlDynamicParam)
          && !SqlUtil.isNullLiteral(o, false) && !(o instanceof SqlNodeList)) {
        try {
          known = deriveType(scope, o);
        } catch (CalciteException e) {
          return null; // the operand's own error is reported when the call is validated
        }
      }
    }
    if (known == null || known.equals(unknownType)) {
      return null;
    }
    if (known.getSqlTypeName() == SqlTypeName.CHAR) {
      // a literal's CHAR(n) would pad a shorter bound text ('b' beside 'abcd' read 'b   ') and make
      // a longer one no CHAR(n): the ? is text of any length
      known = typeFactory.createTypeWithNullability(typeFactory.createTypeWithCharsetAndCollation(
          typeFactory.createSqlType(SqlTypeName.VARCHAR), known.getCharset(), known.getCollation()),
          known.isNullable());
    }
    return known;
  }
}
