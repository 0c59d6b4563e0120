package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/pushdown.md's two pushdown tables are what the driver does: each row has a query here whose
 * EXPLAIN (which shows the requests a scan will send) must contain the request the row names, and
 * the page's row must name it too. A row added, removed or reworded without a check here fails.
 */
class DocsPushdownTableTest {
  private static final String SINCE_AUGUST = "session_start_time >= TIMESTAMP '2025-08-01 00:00:00'";

  /**
   * A row's check: {@code sql} is explained (its {@code ?} bound to {@code 'Voice'});
   * {@code page} must be in the row's request cell and {@code explain} in the EXPLAIN, or, when
   * {@code explain} is null, the plan must send no request at all.
   */
  private record Check(String sql, String page, String explain) {}

  private static final Map<String, Check> PATHSIM = new LinkedHashMap<>();
  private static final Map<String, Check> INSIGHTS = new LinkedHashMap<>();

  static {
    String sessions = "SELECT id FROM pathsim.sessions WHERE ";
    PATHSIM.put("`workspace_id = x`, `IN (…)`", new Check(sessions + "workspace_id = 'w1'",
        "`GET /workspaces/{id}/sessions`", "request=[GET /workspaces/w1/sessions?"));
    PATHSIM.put("`test_type = 'Voice'\\|'Web'`",
        new Check(sessions + "test_type = 'Web'", "`type=voice\\|web`", "?type=web&"));
    PATHSIM.put("`source = 'Campaign'\\|'Ad-hoc'`",
        new Check(sessions + "source = 'Ad-hoc'", "`source=…`", "?source=Ad-hoc&"));
    PATHSIM.put("`objective = 'Achieved'\\|'Not Achieved'`", new Check(
        sessions + "objective = 'Not Achieved'", "not_achieved", "?objective=not_achieved&"));
    PATHSIM.put("`connected = 'Connected'\\|'Failed'\\|'System Error'\\|'In Progress'`",
        new Check(sessions + "connected = 'Failed'", "`connected=…`", "?connected=failed&"));
    PATHSIM.put("a one-value `IN` list of the above",
        new Check(sessions + "source IN ('Campaign')", "the same parameter", "?source=Campaign&"));
    PATHSIM.put("`virtual_customer`/`target` `LIKE '%x%'` (also `x%`, `%x`; no wildcard inside x)"
        + " or `= 'x'`", new Check(sessions + "target LIKE '%555%'", "`search=x`", "?search=555&"));
    PATHSIM.put("ranges on `started_at` (`>=`, `>`, `<`, `<=`, `=`, `BETWEEN`, folded ranges)",
        new Check(sessions + "started_at BETWEEN TIMESTAMP '2025-08-01 10:00:00'"
            + " AND TIMESTAMP '2025-08-03 10:00:00'", "`created_from`",
            "created_from=2025-07-31&created_to=2025-08-05"));
    PATHSIM.put("ranges on `started_at` against `CURRENT_TIMESTAMP`, `CURRENT_DATE`, `LOCALTIMESTAMP` ±"
        + " day-time intervals (`started_at >= CURRENT_TIMESTAMP - INTERVAL '7' DAY`)",
        new Check(sessions + "started_at >= CURRENT_TIMESTAMP - INTERVAL '7' DAY",
            "computed when the statement runs", "created_from=day(CURRENT_TIMESTAMP - 7 days)-1&"));
    PATHSIM.put("`ORDER BY started_at [DESC]`", new Check(
        "SELECT id FROM pathsim.sessions ORDER BY started_at DESC", "`sort=-created_at`", "sort=-created_at"));
    PATHSIM.put("`COUNT(*)` (or `COUNT(id)`) without `GROUP BY`, filtered only on `workspace_id`,"
        + " `test_type`, `source`", new Check(
        "SELECT COUNT(*) FROM pathsim.sessions WHERE test_type = 'Voice'", "`limit=1` per workspace",
        "sessions?type=voice&limit=1&offset=0, summing pagination.total"));
    PATHSIM.put("`LIMIT n [OFFSET m]`", new Check(sessions + "workspace_id = 'w1' LIMIT 10 OFFSET 5",
        "`limit`", "?limit=10&offset=5"));
    PATHSIM.put("`id = x`, `id IN (…)`",
        new Check(sessions + "id IN ('a', 'b')", "`GET /sessions/{id}`", "GET /sessions/{id} for id in [a, b]"));
    PATHSIM.put("`session_id = x`, `IN (…)` on `transcript_lines`, `steps`, `recordings`", new Check(
        "SELECT text FROM pathsim.transcript_lines WHERE session_id = 'x'", "`GET /sessions/{id}`",
        "request=[GET /sessions/{id} for session_id in [x]]"));
    PATHSIM.put("`WHERE FALSE` (`1 = 0`, contradictions)",
        new Check(sessions + "test_type = 'Voice' AND test_type = 'Web'", "no request", null));
    PATHSIM.put("prepared statement `?` parameters",
        new Check(sessions + "test_type = ?", "pushed the same way as literals", "?type=?0&"));
    PATHSIM.put("columns a query uses (also under `COUNT(*)`, `GROUP BY` and other aggregates)",
        new Check("SELECT COUNT(*) FROM pathsim.sessions WHERE duration_seconds > 60",
            "the detail `GET /sessions/{id}` only when a detail column is used",
            "GET /sessions/{id} per row (detail columns)"));

    String insights = "SELECT id FROM insights.sessions WHERE " + SINCE_AUGUST + " AND ";
    INSIGHTS.put("ranges on `session_start_time`", new Check(
        "SELECT id FROM insights.sessions WHERE " + SINCE_AUGUST, "`from_date`/`to_date`", "?from_date="));
    INSIGHTS.put("equality on a column", new Check(insights + "agent_id = 'a1'",
        "`agent_id` → `agent_information.id`", "{\"must\":[{\"term\":{\"agent_information.id\":\"a1\"}}]}"));
    INSIGHTS.put("`<>`, `NOT IN`", new Check(insights + "channel NOT IN ('voice', 'http')", "`must_not`",
        "{\"must_not\":[{\"term\":{\"channel\":\"http\"}},{\"term\":{\"channel\":\"voice\"}}]}"));
    INSIGHTS.put("`IN (…)`, an OR of equalities", new Check(insights + "(status = 'ended' OR status = 'x')",
        "`should`", "\"should\":[{\"term\":{\"status\":\"ended\"}},{\"term\":{\"status\":\"x\"}}]"));
    INSIGHTS.put("`parameters.name = 'n' AND value = 'v'`", new Check(
        "SELECT session_id FROM insights.parameters WHERE " + SINCE_AUGUST
            + " AND name = 'n' AND \"value\" = 'v'", "`term` on `parameters.n`",
        "{\"term\":{\"parameters.n\":\"v\"}}"));
    INSIGHTS.put("equality on an element column of a list table (`collected_tags.tag`,"
        + " `request_ids.request_id`, `node_tags.tag`, …)", new Check("SELECT session_id FROM insights.collected_tags"
        + " WHERE " + SINCE_AUGUST + " AND tag = 'cat'", "`must` `term` on the list's field",
        "{\"must\":[{\"term\":{\"flow_data.collected_tags.tag\":\"cat\"}}]}"));
    INSIGHTS.put("`\"matches\"(col, 'words')` on a non-ID field; on `transcript_lines.text` only with `role`"
        + " or `speaker` = `'user'`", new Check("SELECT text FROM insights.transcript_lines WHERE " + SINCE_AUGUST
            + " AND role = 'user' AND \"matches\"(text, 'refund')", "`match` (on `transcription.client`",
            "{\"match\":{\"transcription.client\":\"refund\"}}"));
    INSIGHTS.put("ranges on `session_start_time` against `CURRENT_TIMESTAMP`, `CURRENT_DATE`,"
        + " `LOCALTIMESTAMP` ± day-time intervals", new Check(
        "SELECT id FROM insights.sessions WHERE session_start_time >= CURRENT_TIMESTAMP - INTERVAL '7' DAY",
        "computed when the statement runs", "windows of at most 59 days from CURRENT_TIMESTAMP - 7 days to now"));
    INSIGHTS.put("`ORDER BY` session columns", new Check(
        "SELECT id FROM insights.sessions WHERE " + SINCE_AUGUST + " ORDER BY agent_name, duration_ms DESC",
        "`sort_by`", "sort_by=agent_information.name:asc,channel_data.duration:desc,id:asc&"));
    INSIGHTS.put("no `ORDER BY` (or one Calcite applies)", new Check(
        "SELECT id FROM insights.sessions WHERE " + SINCE_AUGUST + " ORDER BY destination",
        "`sort_by=session_start_time:asc,id:asc`", "sort_by=session_start_time:asc,id:asc&"));
    INSIGHTS.put("`COUNT(*)` (or `COUNT(id)`, `COUNT(session_start_time)`) on `sessions` without"
        + " `GROUP BY`, when the hits are exactly the answer", new Check(
        "SELECT COUNT(*) FROM insights.sessions WHERE " + SINCE_AUGUST + " AND status = 'ended'",
        "`page_size=1` per window", "page_number=0&page_size=1&filter_by={\"must\":[{\"term\":{\"status\":\"ended\"}}],\"must_not\":"));
    INSIGHTS.put("output columns", new Check("SELECT agent_name FROM insights.sessions WHERE " + SINCE_AUGUST,
        "`project_fields`", "project_fields=[\"id\",\"session_start_time\",\"agent_information.name\"]"));
    INSIGHTS.put("`LIMIT n [OFFSET m]`", new Check(
        "SELECT id FROM insights.sessions WHERE session_start_time BETWEEN TIMESTAMP '2025-08-01 00:00:00'"
            + " AND TIMESTAMP '2025-08-20 00:00:00' ORDER BY agent_name LIMIT 10 OFFSET 20",
        "`page_size`/`page_number`", "page_number=2&page_size=10"));
    INSIGHTS.put("`id = x` with a one-day bound on `session_start_time`", new Check(
        "SELECT id FROM insights.sessions WHERE id = 'x' AND session_start_time >= TIMESTAMP"
            + " '2025-08-01 00:00:00' AND session_start_time < TIMESTAMP '2025-08-02 00:00:00'",
        "`GET /insights/sessions/{id}/parameters?session_start_time=…`",
        "GET /insights/sessions/{id}/parameters?session_start_time=2025-08-01 for id in [x]"));
    INSIGHTS.put("`id = x`, `id IN (…)` without a one-day bound", new Check(
        "SELECT id FROM insights.sessions WHERE id = 'x'",
        "`GET /insights/sessions/search/{id}` per id", "request=[GET /insights/sessions/search/{id} for id in [x]]"));
    INSIGHTS.put("the same with a lower bound on `session_start_time`", new Check(
        "SELECT id FROM insights.sessions WHERE id IN ('x', 'y') AND " + SINCE_AUGUST,
        "for each id `/search/{id}` answers 404 for, a search per window of the bounds with `filter_by` `term`"
            + " on `id`", "request=[GET /insights/sessions/search/{id} for id in [x, y]; for an id it does not"
            + " find (404), GET /insights/sessions with filter_by on id (as many such ids per search as the URL's 8000 bytes take, at most 100) in "));
    INSIGHTS.put("`WHERE FALSE`", new Check("SELECT id FROM insights.sessions WHERE 1 = 0", "no request", null));
  }

  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    sandbox = OwnSandbox.start(10, 5);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    sandbox.close();
  }

  @Test
  void pathSimTableIsWhatTheDriverSends() throws Exception {
    check("| SQL | PathSim request |", PATHSIM);
  }

  @Test
  void insightsTableIsWhatTheDriverSends() throws Exception {
    check("| SQL on `insights.*` | Insights request |", INSIGHTS);
  }

  private static void check(String header, Map<String, Check> checks) throws Exception {
    Map<String, String> rows = table(header);
    assertThat(rows.keySet()).as("the rows of docs/pushdown.md, each with a check here").containsExactlyElementsOf(checks.keySet());
    for (Map.Entry<String, Check> e : checks.entrySet()) {
      Check check = e.getValue();
      assertThat(rows.get(e.getKey())).as("docs/pushdown.md row " + e.getKey()).contains(check.page());
      String plan = explain(check.sql());
      if (check.explain() == null) {
        assertThat(plan).as(check.sql()).doesNotContain("request=");
      } else {
        assertThat(plan).as(check.sql()).contains(check.explain());
      }
    }
    assertThat(sandbox.requests().all()).as("EXPLAIN sends nothing").isEmpty();
  }

  /** The table under {@code header}: each row's first cell and its second. */
  private static Map<String, String> table(String header) throws IOException {
    List<String> page = Docs.page("pushdown.md");
    int at = page.indexOf(header);
    assertThat(at).as("the table " + header + " of docs/pushdown.md").isPositive();
    Map<String, String> rows = new LinkedHashMap<>();
    for (int i = at + 2; i < page.size() && page.get(i).startsWith("| "); i++) {
      String[] cells = page.get(i).substring(2).split(" (?<!\\\\)\\| ", 2); // "\|" is in a cell
      rows.put(cells[0], cells[1]);
    }
    return rows;
  }

  private static String explain(String sql) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("EXPLAIN PLAN FOR " + sql)) {
      if (sql.contains("?")) {
        s.setString(1, "Voice");
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1));
        }
      }
      return plan.toString();
    }
  }
}
