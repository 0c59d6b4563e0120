package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.Test;

/**
 * Warm queries reuse compiled code: the driver turns on Calcite's cache of compiled classes, and
 * queries that differ only in literals (pushed to the API or not) generate the same Java code, since
 * the scans pass their request descriptions through the stash, so they share one compiled class.
 * Every query here is planned (planCacheSize=0): the same SQL text again would otherwise reuse its
 * whole plan ({@link PlanCacheTest}) and generate no code at all.
 */
class PlanReuseTest {
  @Test
  void theDriverTurnsOnCalcitesCacheOfCompiledClasses() throws SQLException {
    try (Connection c = DriverFixture.connect("requestsPerSecond=0")) {
      assertThat(c.isValid(1)).isTrue();
    }
    assertThat(CalciteSystemProperty.BINDABLE_CACHE_MAX_SIZE.value()).isEqualTo(500);
  }

  @Test
  void queriesThatDifferOnlyInLiteralsGenerateTheSameCode() throws SQLException {
    String ws = DriverFixture.data().sessions().get(0).workspaceId();
    String other = DriverFixture.data().sessions().stream().map(s -> s.workspaceId())
        .filter(w -> !w.equals(ws)).findFirst().orElseThrow();
    assertSameCode(
        "SELECT id, test_type FROM pathsim.sessions WHERE workspace_id = '" + ws
            + "' AND test_type = 'Voice' ORDER BY started_at DESC LIMIT 5",
        "SELECT id, test_type FROM pathsim.sessions WHERE workspace_id = '" + other
            + "' AND test_type = 'Web' ORDER BY started_at DESC LIMIT 7");
  }

  @Test
  void literalsCalciteEvaluatesItselfAreCompiledInUnlessTheyAreParameters() throws SQLException {
    String like = "SELECT name FROM pathsim.workspaces WHERE name LIKE ";
    assertThat(code(like + "'A%'", like + "'B%'")).doesNotHaveDuplicates();
    List<String> code = new ArrayList<>();
    try (Connection c = DriverFixture.connect("requestsPerSecond=0", "planCacheSize=0");
         Hook.Closeable hook = Hook.JAVA_PLAN.addThread((Consumer<Object>) s -> code.add(s.toString()))) {
      DriverFixture.rows(c, like + "?", "A%");
      DriverFixture.rows(c, like + "?", "B%");
    }
    assertThat(code).hasSize(2);
    assertThat(code.get(1)).isEqualTo(code.get(0));
  }

  private static void assertSameCode(String first, String second) throws SQLException {
    List<String> code = code(first, second);
    assertThat(code.get(1)).isEqualTo(code.get(0));
  }

  /** The Java code generated for each query. */
  private static List<String> code(String... queries) throws SQLException {
    List<String> code = new ArrayList<>();
    try (Connection c = DriverFixture.connect("requestsPerSecond=0", "planCacheSize=0");
         Hook.Closeable hook = Hook.JAVA_PLAN.addThread((Consumer<Object>) s -> code.add(s.toString()))) {
      for (String q : queries) {
        DriverFixture.rows(c, q);
      }
    }
    assertThat(code).hasSize(queries.length);
    return code;
  }
}
