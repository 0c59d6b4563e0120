package io.convosql.driver;

import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.Test;

/**
 * The connection keeps its prepared queries ({@code planCacheSize}): the same SQL text, sent again
 * through {@code prepareStatement} or {@code Statement.executeQuery}, is not parsed and planned again,
 * unless something the plan depends on differs (the row limit, the default schema) or the statement
 * is an EXPLAIN. Plans are counted by Calcite's parse hook, which runs once per preparation.
 */
class PlanCacheTest {
  private static final String WORKSPACES = "SELECT name FROM pathsim.workspaces ORDER BY name";

  /** The SQL texts Calcite parsed while {@code work} ran, in order. */
  private static List<String> parsed(SqlWork work) throws SQLException {
    List<String> sql = new ArrayList<>();
    try (Hook.Closeable hook = Hook.PARSE_TREE.addThread(
        (Consumer<Object[]>) tree -> sql.add((String) tree[0]))) {
      work.run();
    }
    return sql;
  }

  /** Statements run on a connection. */
  interface SqlWork {
    void run() throws SQLException;
  }

  private static List<String> executeQuery(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  @Test
  void theSameSqlIsPlannedOnceWhicheverWayItIsSent() throws SQLException {
    String other = "SELECT name FROM pathsim.workspaces WHERE name <> 'x' ORDER BY name";
    try (Connection c = DriverFixture.connect("requestsPerSecond=0")) {
      List<List<String>> answers = new ArrayList<>();
      List<String> plans = parsed(() -> {
        answers.add(rows(c, WORKSPACES));
        answers.add(executeQuery(c, WORKSPACES));
        answers.add(rows(c, WORKSPACES));
        answers.add(rows(c, other));
        answers.add(rows(c, other));
      });
      assertThat(plans).containsExactly(WORKSPACES, other);
      assertThat(answers.get(0)).isNotEmpty();
      assertThat(answers).containsOnly(answers.get(0));
    }
  }

  @Test
  void zeroTurnsTheCacheOff() throws SQLException {
    try (Connection c = DriverFixture.connect("requestsPerSecond=0", "planCacheSize=0")) {
      List<String> plans = parsed(() -> {
        rows(c, WORKSPACES);
        executeQuery(c, WORKSPACES);
        rows(c, WORKSPACES);
      });
      assertThat(plans).containsExactly(WORKSPACES, WORKSPACES, WORKSPACES);
    }
  }

  @Test
  void theCacheIsBoundedByItsSize() throws SQLException {
    String first = WORKSPACES;
    String second = "SELECT id FROM pathsim.workspaces ORDER BY id";
    try (Connection c = DriverFixture.connect("requestsPerSecond=0", "planCacheSize=1")) {
      List<String> plans = parsed(() -> {
        rows(c, first);
        rows(c, second);
        rows(c, first);
      });
      assertThat(plans).containsExactly(first, second, first);
    }
  }

  @Test
  void aBadSizeIsRefusedWhenConnecting() {
    for (String bad : List.of("-1", "many", "1.5")) {
      assertThat(DriverFixture.connectFailure(DriverFixture.url("planCacheSize=" + bad)))
          .hasMessage("Connection property planCacheSize must be 0 (no plan cache) or a positive whole"
              + " number of queries, not '" + bad + "'");
    }
  }

  @Test
  void maxRowsIsPartOfThePlan() throws SQLException {
    try (Connection c = DriverFixture.connect("requestsPerSecond=0")) {
      List<String> all = rows(c, WORKSPACES);
      assertThat(all.size()).isGreaterThan(2);
      List<List<String>> limited = new ArrayList<>();
      List<String> plans = parsed(() -> {
        for (int max : new int[] {2, 2, 0}) {
          try (Statement s = c.createStatement()) {
            s.setMaxRows(max);
            try (ResultSet rs = s.executeQuery(WORKSPACES)) {
              List<String> out = new ArrayList<>();
              while (rs.next()) {
                out.add(rs.getString(1));
              }
              limited.add(out);
            }
          }
        }
      });
      assertThat(limited).containsExactly(all.subList(0, 2), all.subList(0, 2), all);
      // planned once more, for maxRows 2; no limit (0) is the plan prepareStatement left
      assertThat(plans).containsExactly(WORKSPACES);
    }
  }

  @Test
  void theDefaultSchemaIsPartOfThePlan() throws SQLException {
    String unqualified = "SELECT COUNT(*) FROM workspaces";
    try (Connection c = DriverFixture.connect("requestsPerSecond=0")) {
      int workspaces = rows(c, WORKSPACES).size();
      c.setSchema("pathsim");
      assertThat(rows(c, unqualified)).containsExactly(Integer.toString(workspaces));
      c.setSchema("convosql"); // has no table workspaces: the pathsim plan must not answer
      assertThat(DriverFixture.fullText(DriverFixture.queryFailure(c, unqualified)))
          .contains("Object 'workspaces' not found");
      c.setSchema("pathsim");
      assertThat(parsed(() -> rows(c, unqualified))).isEmpty();
    }
  }

  @Test
  void explainIsPlannedEachTime() throws SQLException {
    String explain = "EXPLAIN PLAN FOR SELECT id FROM pathsim.sessions WHERE test_type = 'Voice' LIMIT 5";
    try (Connection c = DriverFixture.connect("requestsPerSecond=0")) {
      List<List<String>> plans = new ArrayList<>();
      assertThat(parsed(() -> {
        plans.add(rows(c, explain));
        plans.add(executeQuery(c, explain));
      })).containsExactly(explain, explain);
      assertThat(String.join("\n", plans.get(0))).contains("type=voice", "limit=5");
      assertThat(plans.get(1)).isEqualTo(plans.get(0));
    }
  }

  @Test
  void closingTheConnectionDropsItsPlans() throws SQLException {
    ConvoSqlDriver driver = new ConvoSqlDriver();
    try (Connection c = driver.connect(DriverFixture.url("requestsPerSecond=0"), new Properties());
         Connection off = driver.connect(DriverFixture.url("planCacheSize=0"), new Properties())) {
      rows(c, WORKSPACES);
      assertThat(driver.planCaches()).isEqualTo(1);
    }
    assertThat(driver.planCaches()).isZero();
  }

  @Test
  void sqlCannotChangeWhatANameMeans() throws SQLException {
    // Why a connection's plans stay right until it closes: its schemas are fixed when it opens and
    // SQL has no DDL to change them; only setSchema changes how a name resolves, and it is in the key.
    try (Connection c = DriverFixture.connect("requestsPerSecond=0")) {
      for (String ddl : List.of("CREATE VIEW pathsim.w AS SELECT 1", "DROP TABLE pathsim.workspaces",
          "CREATE SCHEMA s")) {
        java.sql.SQLException refused = (java.sql.SQLException) DriverFixture.queryFailure(c, ddl);
        assertThat(refused.getSQLState()).isEqualTo("25006"); // refused before Calcite parses it
        assertThat(refused.getMessage()).contains("is not supported: convosql only reads");
      }
    }
  }

  @Test
  void aQueryThatFailsToPrepareIsNotKept() throws SQLException {
    String wrong = "SELECT nope FROM pathsim.workspaces";
    try (Connection c = DriverFixture.connect("requestsPerSecond=0")) {
      assertThat(parsed(() -> {
        for (int i = 0; i < 2; i++) {
          assertThat(DriverFixture.fullText(DriverFixture.queryFailure(c, wrong)))
              .contains("Column 'nope' not found");
        }
      })).containsExactly(wrong, wrong);
    }
  }
}
