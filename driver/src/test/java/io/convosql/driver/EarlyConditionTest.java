package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A WHERE clause the PathSim API cannot take, on columns a listing has, is checked on each listed
 * session before its detail is asked for: {@code SELECT *} with such a filter sends one detail request
 * per row of the answer, not one per session listed, and its LIMIT reaches the scan. Answers are
 * compared with those of {@code pushdown=false}, which reads every session's detail.
 */
class EarlyConditionTest {
  private static final String WEATHER = "virtual_customer ILIKE '%weather%'";

  private static List<String> sent() {
    return DemoSandbox.get().requests().all().stream().map(RecordedRequest::toString).toList();
  }

  private static List<String> run(Connection c, String sql) throws SQLException {
    DemoSandbox.get().requests().clearWhenQuiet(Duration.ofMillis(200));
    return DriverFixture.rows(c, sql);
  }

  private static Set<String> detailIds(List<String> requests) {
    Set<String> ids = new HashSet<>();
    requests.stream().filter(r -> r.startsWith("GET /sessions/"))
        .forEach(r -> ids.add(r.substring("GET /sessions/".length())));
    return ids;
  }

  @Test
  void onlyTheSessionsTheFilterKeepsHaveTheirDetailsFetched() throws SQLException {
    // no request budget: these are counted exactly below
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true;maxRequestsPerStatement=0");
         Connection all = DriverManager.getConnection("jdbc:convosql:demo=true;pushdown=false;maxRequestsPerStatement=0")) {
      Set<String> weather = new HashSet<>(run(c, "SELECT id FROM pathsim.sessions WHERE " + WEATHER));
      assertThat(weather).hasSizeGreaterThan(100);

      String sql = "SELECT * FROM pathsim.sessions WHERE " + WEATHER + " ORDER BY id";
      List<String> rows = run(c, sql);
      List<String> requests = sent();
      assertThat(detailIds(requests)).isEqualTo(weather);
      assertThat(requests).filteredOn(r -> r.startsWith("GET /sessions/")).hasSize(weather.size());
      assertThat(rows).isEqualTo(run(all, sql));

      // a LIMIT reaches the scan: the first page of the first workspace, and three details
      sql = "SELECT * FROM pathsim.sessions WHERE " + WEATHER + " LIMIT 3";
      rows = run(c, sql);
      requests = sent();
      assertThat(rows).hasSize(3);
      assertThat(requests).hasSize(5);
      assertThat(requests.get(0)).isEqualTo("GET /workspaces");
      assertThat(requests.get(1)).matches("GET /workspaces/[^/]+/sessions\\?limit=100&offset=0");
      assertThat(detailIds(requests)).hasSize(3).isSubsetOf(weather);

      // with the API's own filter, an order, an offset and a condition on two columns
      sql = "SELECT id, started_at, summary FROM pathsim.sessions WHERE test_type = 'Voice'"
          + " AND (virtual_customer LIKE 'National%' OR EXTRACT(HOUR FROM started_at) = 9)"
          + " ORDER BY started_at DESC, id LIMIT 5 OFFSET 2";
      assertThat(run(c, sql)).hasSize(5).isEqualTo(run(all, sql));
    }
  }

  @Test
  void aCountReadsNoDetailAndTheApisTotalsAreNotTakenForIt() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true")) {
      int weather = run(c, "SELECT id FROM pathsim.sessions WHERE " + WEATHER).size();
      assertThat(run(c, "SELECT COUNT(*) FROM pathsim.sessions WHERE " + WEATHER))
          .containsExactly(Integer.toString(weather));
      assertThat(sent()).noneMatch(r -> r.startsWith("GET /sessions/"));
    }
  }

  @Test
  void explainShowsWhatIsCheckedBeforeDetails() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true")) {
      assertThat(String.join("\n", DriverFixture.rows(c, "EXPLAIN PLAN FOR SELECT * FROM pathsim.sessions WHERE "
          + WEATHER + " AND summary LIKE '%hours%' LIMIT 3")))
          // the detail column's condition stays above the scan, with the LIMIT
          .contains("EnumerableLimit(fetch=[3])", "EnumerableCalc(", "_UTF-8'%hours%'",
              "before row requests=[LIKE(LOWER(virtual_customer), _UTF-8'%weather%')]")
          .doesNotContain("fetch=[3], request");
      assertThat(String.join("\n", DriverFixture.rows(c,
          "EXPLAIN PLAN FOR SELECT * FROM pathsim.sessions WHERE " + WEATHER + " LIMIT 3")))
          .contains("before row requests=[LIKE(LOWER(virtual_customer), _UTF-8'%weather%')], fetch=[3]")
          .doesNotContain("EnumerableCalc", "EnumerableLimit");
      // pushdown=false keeps every condition with Calcite
      try (Connection off = DriverManager.getConnection("jdbc:convosql:demo=true;pushdown=false")) {
        assertThat(String.join("\n", DriverFixture.rows(off,
            "EXPLAIN PLAN FOR SELECT * FROM pathsim.sessions WHERE " + WEATHER + " LIMIT 3")))
            .doesNotContain("before row requests");
      }
    }
  }
}
