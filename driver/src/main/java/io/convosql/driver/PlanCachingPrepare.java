package io.convosql.driver;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import io.convosql.driver.metadata.PrecompiledMetadataHandlers;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.tools.Program;
import org.apache.calcite.util.CancelFlag;
import org.apache.calcite.util.Holder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's preparation of SQL with the connection's {@link PlanCache} in front, for both ways SQL
 * is prepared ({@code prepareStatement} and {@code Statement.execute*}): a query prepared before on
 * the connection, with the same {@link PlanCache.Key}, gets that plan back at once. Only queries are
 * kept: an EXPLAIN (its text may show dates reckoned from the time it was planned), a DML statement
 * and DDL are prepared every time, and DDL empties the cache, since it may change what a name means.
 * Every preparation refuses writes the tables cannot take (25006) and text literals cast to a type
 * that cannot hold them ({@link LiteralCasts}, 22018). Its clusters take their metadata handlers
 * from classes compiled with the driver ({@link PrecompiledMetadataHandlers}), not from Janino.
 */
final class PlanCachingPrepare extends CalcitePrepareImpl {
  private final Function<CalciteSchema, @Nullable PlanCache> caches;
  private final Predicate<CalciteSchema> postgresqlFunctions;

  /**
   * @param caches the plan cache of the connection with this root schema, or null for none
   * @param postgresqlFunctions whether the connection with this root schema has {@code fun=postgresql}
   */
  PlanCachingPrepare(Function<CalciteSchema, @Nullable PlanCache> caches,
      Predicate<CalciteSchema> postgresqlFunctions) {
    this.caches = caches;
    this.postgresqlFunctions = postgresqlFunctions;
  }

  /**
   * Calcite's preparation, validating with {@link ParameterTypingValidator} and the connection's
   * functions ({@link PostgresqlFunctions} for {@code fun=postgresql}), CURRENT_SCHEMA converted to
   * the connection's schema ({@link SessionFunctions}) and text such as '2025-08-10T00:00:00' cast to
   * TIMESTAMP as its space spelling ({@link IsoTimestamps}), MOD of a DOUBLE ({@link Modulo}),
   * DIFFERENCE of text with no letters ({@link Soundexes}), TRUNC of a number or a time
   * ({@link TruncFunction}), PostgreSQL's LEFT and RIGHT ({@link LeftRight}) and a function of a
   * bare NULL ({@link NullArguments}).
   */
  @Override
  protected CalcitePreparingStmt getPreparingStmt(Context context, Type elementType,
      CalciteCatalogReader catalogReader, RelOptPlanner planner) {
    JavaTypeFactory typeFactory = context.getTypeFactory();
    return new CalcitePreparingStmt(this, context, catalogReader, typeFactory,
        context.getRootSchema(),
        elementType == Object[].class ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM,
        createCluster(planner, new RexBuilder(typeFactory)),
        enableBindable ? BindableConvention.INSTANCE : EnumerableConvention.INSTANCE,
        NullArguments.convertlets(IsoTimestamps.convertlets(Modulo.convertlets(Soundexes.convertlets(
            LeftRight.convertlets(TruncFunction.convertlets(WrittenChecks.convertlets(SessionFunctions.convertlets(
                createConvertletTable(), context.getDefaultSchemaPath()))))))))) {
      @Override
      protected SqlValidator createSqlValidator(Prepare.CatalogReader reader,
          UnaryOperator<SqlValidator.Config> transform) {
        SqlOperatorTable functions = postgresqlFunctions.test(context.getMutableRootSchema())
            ? HabitFunctions.withDefaults()
            : context.config().fun(SqlOperatorTable.class, SqlStdOperatorTable.instance());
        return ParameterTypingValidator.create(context, functions, (CalciteCatalogReader) reader, transform);
      }
    };
  }

  /**
   * Calcite's planner; on the warm-up's thread with the warm-up's cancel flag, so that a user's first
   * statement stops the warm-up's planning at its next step ({@link Warmup#cancelFlag}).
   */
  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.@Nullable Context externalContext, @Nullable RelOptCostFactory costFactory) {
    AtomicBoolean cancel = Warmup.cancelFlag();
    if (cancel != null && externalContext == null) {
      externalContext = Contexts.of(prepareContext.config(), new CancelFlag(cancel));
    }
    return super.createPlanner(prepareContext, externalContext, costFactory);
  }

  /**
   * Calcite's parser, given the statement without its closing semicolon ({@link TrailingSemicolon})
   * and with JDBC's escapes ({@link JdbcEscapes}), PostgreSQL's interval literals
   * ({@link PostgresqlIntervals}) and Unicode escape literals ({@link UnicodeLiterals}) made standard.
   */
  @Override
  protected SqlParser createParser(String sql, SqlParser.Config parserConfig) {
    return super.createParser(
        UnicodeLiterals.rewrite(
            PostgresqlIntervals.rewrite(JdbcEscapes.rewrite(TrailingSemicolon.strip(sql)))),
        parserConfig);
  }

  /** Calcite's cluster, with the driver's compiled metadata handlers instead of Janino's. */
  @Override
  protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
    RelOptCluster cluster = super.createCluster(planner, rexBuilder);
    cluster.setMetadataQuerySupplier(PrecompiledMetadataHandlers.querySupplier());
    return cluster;
  }

  @Override
  public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType,
      long maxRowCount) {
    Warmup.userPreparing(); // the warm-up stops taking CPU from a user's statements
    // a view's definition, or a query given as a tree rather than text, is never looked up
    PlanCache cache = query.sql == null || context.getObjectPath() != null
        ? null : caches.apply(context.getMutableRootSchema());
    PlanCache.Key key = cache == null ? null
        : new PlanCache.Key(query.sql, maxRowCount, context.getDefaultSchemaPath(), elementType);
    CalciteSignature<T> cached = key == null ? null : cache.get(key);
    if (cached != null) {
      return cached;
    }
    List<SqlKind> kinds = new ArrayList<>(1); // the statement's own parse tree comes first
    CalciteSignature<T> prepared;
    try (Hook.Closeable watch = Hook.PARSE_TREE.addThread((Consumer<Object[]>) tree -> {
          SqlKind kind = ((SqlNode) tree[1]).getKind();
          if (kinds.isEmpty()) {
            refuseWrites(kind);
          }
          kinds.add(kind);
        });
        Hook.Closeable casts = Hook.CONVERTED.addThread((Consumer<RelNode>) LiteralCasts::check);
        Hook.Closeable cancelled = cancelBeforeCompiling(Warmup.cancelFlag())) {
      prepared = prepareLimited(context, query, elementType, maxRowCount);
    } catch (RelOptPlanner.CannotPlanException e) {
      if (!kinds.isEmpty() && kinds.get(0) == SqlKind.DELETE) {
        throw readOnly("DELETE");
      }
      throw e;
    }
    SqlKind kind = kinds.isEmpty() ? SqlKind.OTHER : kinds.get(0);
    if (key == null) {
      return prepared;
    }
    if (kind.belongsTo(SqlKind.DDL)) {
      cache.clear();
    } else if (kind.belongsTo(SqlKind.QUERY)) {
      cache.put(key, prepared);
    }
    return prepared;
  }

  /**
   * On the warm-up's thread: gives its preparation up before Janino compiles the plan's code once
   * {@code cancel} is set (a planning the flag did not stop in time); elsewhere nothing.
   */
  private static Hook.Closeable cancelBeforeCompiling(@Nullable AtomicBoolean cancel) {
    if (cancel == null) {
      return Hook.Closeable.EMPTY;
    }
    return Hook.JAVA_PLAN.addThread((Consumer<Object>) code -> {
      if (cancel.get()) {
        throw new CancellationException("the warm-up gave way to a user's statement");
      }
    });
  }

  private static void refuseWrites(SqlKind kind) {
    if (kind == SqlKind.INSERT || kind == SqlKind.UPDATE || kind == SqlKind.MERGE) {
      throw readOnly(kind.sql);
    }
  }

  private static SqlStateException readOnly(String statement) {
    return new SqlStateException(ReadOnlyStatements.message(statement), "25006");
  }

  /**
   * Prepares with checked arithmetic and the statement's {@code setMaxRows} planned as a LIMIT on the
   * query ({@link MaxRowsProgram}), so that the scans fetch no more than a LIMIT would have them fetch.
   */
  private <T> CalciteSignature<T> prepareLimited(Context context, Query<T> query, Type elementType,
      long maxRowCount) {
    try (Hook.Closeable program = Hook.PROGRAM.addThread(
        (Consumer<Holder<@Nullable Program>>) h -> h.set(MaxRowsProgram.of(maxRowCount)))) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
  }
}
