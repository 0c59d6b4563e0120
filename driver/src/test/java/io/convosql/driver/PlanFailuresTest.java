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

  private static final String PERCENTILE =
      "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CHAR_LENGTH(name)) FROM pathsim.workspaces";

  private static SQLException executed(String sql) {
    SQLException e = OwnSandbox.run(QUIET.connection(), sql).failure();
    assertThat((Object) e).as(sql).isNotNull();
    return e;
  }

  private static SQLException prepared(String sql) {
    try {
      QUIET.connection().prepareStatement(sql).close();
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("should not prepare: " + sql);
  }

  @Test
  void aFunctionCalciteCannotPlanIsNamedIn0A000() {
    // beside functions that run (COUNT, AVG before it in the node), the one that does not is named
    String besideOthers = "SELECT is_active, COUNT(*), AVG(CHAR_LENGTH(name)), PERCENTILE_CONT(0.5)"
        + " WITHIN GROUP (ORDER BY CHAR_LENGTH(name)) FROM pathsim.workspaces GROUP BY is_active";
    for (SQLException e : new SQLException[] {executed(PERCENTILE), prepared(PERCENTILE),
        executed(besideOthers)}) {
      assertThat((Throwable) e).isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessage("convosql cannot run this SQL: PERCENTILE_CONT is not supported here: rewrite the"
              + " query without it (DatabaseMetaData.getFunctions lists the functions SQL can use)")
          .hasRootCauseInstanceOf(RelOptPlanner.CannotPlanException.class);
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
    Connection c = QUIET.connection();
    executed(PERCENTILE);
    assertThat(OwnSandbox.run(c, "SELECT 1").rows()).containsExactly("1");
  }
}
