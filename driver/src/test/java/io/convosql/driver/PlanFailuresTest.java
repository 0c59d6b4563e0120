package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.apache.calcite.plan.RelOptPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SQL that validates but that Calcite cannot plan or implement fails with 0A000 in one line naming
 * the function, on both ways SQL is prepared; the planner's dump of kilobytes stays in the cause.
 */
class PlanFailuresTest {
  @RegisterExtension
  static final NoRequestSandbox QUIET = new NoRequestSandbox(4, 2);

  /** BigQuery's PERCENTILE_CONT(x, f) OVER (), which Calcite validates under fun=bigquery but cannot plan. */
  private static final String WINDOW_PERCENTILE =
      "SELECT PERCENTILE_CONT(CHAR_LENGTH(name), 0.5) OVER () FROM pathsim.workspaces";

  private static SQLException executed(Connection c, String sql) {
    SQLException e = OwnSandbox.run(c, sql).failure();
    assertThat((Object) e).as(sql).isNotNull();
    return e;
  }

  private static SQLException prepared(Connection c, String sql) {
    try {
      c.prepareStatement(sql).close();
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("should not prepare: " + sql);
  }

  /**
   * The planner's report names the node it could not convert; beside functions that run (COUNT, AVG
   * before it in the node), the one that does not is named. (The standard PERCENTILE_CONT WITHIN
   * GROUP, the example this used to run, now runs: {@link PercentilesTest}.)
   */
  @Test
  void aFunctionCalciteCannotPlanIsNamedIn0A000() {
    RelOptPlanner.CannotPlanException planner = new RelOptPlanner.CannotPlanException("There are not"
        + " enough rules to produce a node with desired properties: convention=ENUMERABLE, sort=[].\n"
        + "Missing conversion is LogicalAggregate[convention: NONE -> ENUMERABLE]\n"
        + "There is 1 empty subset: rel#25:RelSubset#2.ENUMERABLE.[], the relevant part of the original"
        + " plan is as follows\n"
        + "21:LogicalAggregate(group=[{0}], EXPR$1=[COUNT()], EXPR$2=[AVG($1)], EXPR$3=[MYSTERY_AGG($1)])\n"
        + "  19:LogicalProject(subset=[rel#20:RelSubset#1.NONE.[]], is_active=[$2], $f1=[CHAR_LENGTH($1)])\n");
    SQLException e = PlanFailures.of(new RuntimeException("Error while preparing", planner));
    assertThat((Throwable) e).isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessage("convosql cannot run this SQL: MYSTERY_AGG is not supported here: rewrite the"
            + " query without it (DatabaseMetaData.getFunctions lists the functions SQL can use)")
        .hasRootCauseInstanceOf(RelOptPlanner.CannotPlanException.class);
    assertThat(e.getSQLState()).isEqualTo("0A000");
  }

  @Test
  void sqlCalciteCannotPlanIs0A000OnBothWaysOfPreparing() throws SQLException {
    Connection bigquery = QUIET.connect("fun=bigquery");
    for (SQLException e : new SQLException[] {executed(bigquery, WINDOW_PERCENTILE),
        prepared(bigquery, WINDOW_PERCENTILE)}) {
      assertThat((Throwable) e).isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessage("convosql cannot run this SQL: Calcite found no way to compute it: rewrite the"
              + " query without it (DatabaseMetaData.getFunctions lists the functions SQL can use)")
          .cause().isNotNull(); // the planner's own report
      assertThat(e.getSQLState()).isEqualTo("0A000");
    }
  }

  /**
   * Under {@code fun=standard}: the default functions run CURRENT_SCHEMA ({@link SessionFunctions}),
   * Calcite's own cannot.
   */
  @Test
  void aFunctionCalciteCannotImplementIsNamedIn0A000() throws SQLException {
    SQLException[] failures;
    try (Connection standard = DriverFixture.connect("fun=standard")) {
      SQLException prepared = null;
      try {
        standard.prepareStatement("SELECT CURRENT_SCHEMA").close();
      } catch (SQLException e) {
        prepared = e;
      }
      failures = new SQLException[] {OwnSandbox.run(standard, "SELECT CURRENT_SCHEMA").failure(), prepared};
    }
    for (SQLException e : failures) {
      assertThat((Object) e).isNotNull();
      assertThat((Throwable) e).isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessage("convosql cannot run this SQL: CURRENT_SCHEMA is not supported here: rewrite the"
              + " query without it (DatabaseMetaData.getFunctions lists the functions SQL can use)");
      assertThat(e.getSQLState()).isEqualTo("0A000");
      assertThat(rootMessage(e)).startsWith("Unable to implement EnumerableCalc");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Test
  void aConnectionStillRunsSqlAfterward() throws SQLException {
    Connection c = QUIET.connect("fun=bigquery");
    executed(c, WINDOW_PERCENTILE);
    assertThat(OwnSandbox.run(c, "SELECT 1").rows()).containsExactly("1");
  }
}
