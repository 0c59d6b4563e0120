package io.convosql.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example prints, per virtual customer, what plain queries of the calls, flow paths and tags give
 * when counted, averaged and sorted in Java: tags in alphabetical order, each once, and averages
 * rounded to a tenth.
 */
class AgentCallsByVirtualCustomerTest {
  private static final Timestamp SINCE = Timestamp.valueOf("2025-08-02 00:00:00");
  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = Sandbox.builder().seed(4).pathSimSessions(300).insightsSessions(0)
        .now(Instant.parse("2025-09-01T18:00:00Z")).start();
    connection = DriverManager.getConnection("jdbc:convosql:requestsPerSecond=0;pathsim.url="
        + sandbox.pathSimUrl() + ";pathsim.apiKey=" + Sandbox.PATHSIM_KEY + ";insights.url="
        + sandbox.insightsUrl() + ";insights.apiKey=" + Sandbox.INSIGHTS_KEY);
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    sandbox.close();
  }

  @Test
  void aTagContainingACommaStaysOneTag() {
    String sep = AgentCallsByVirtualCustomer.SEPARATOR;
    assertThat(AgentCallsByVirtualCustomer.sorted("refund, late" + sep + "billing" + sep + "refund, late"))
        .isEqualTo("billing, refund, late");
    assertThat(AgentCallsByVirtualCustomer.sorted("z, a")).isEqualTo("z, a");
    assertThat(AgentCallsByVirtualCustomer.sorted(null)).isNull();
  }

  @Test
  void tagsAreSortedAndAveragesKeepTheirFraction() throws SQLException {
    sandbox.requests().clear();
    Map<String, Set<String>> callsByCustomer = new TreeMap<>();
    for (String[] r : rows("SELECT p.virtual_customer, i.id FROM pathsim.sessions p JOIN insights.sessions i"
        + " ON i.destination = p.target AND i.session_start_time BETWEEN p.started_at"
        + " AND p.started_at + INTERVAL '5' MINUTE WHERE p.test_type = 'Voice' AND p.connected = 'Connected'"
        + " AND p.started_at >= ? AND i.session_start_time >= ?", 2)) {
      callsByCustomer.computeIfAbsent(r[0], k -> new TreeSet<>()).add(r[1]);
    }
    Map<String, Integer> steps = new HashMap<>();
    for (String[] r : rows("SELECT session_id FROM insights.flow_path WHERE session_start_time >= ?", 1)) {
      steps.merge(r[0], 1, Integer::sum);
    }
    Map<String, Set<String>> tags = new HashMap<>();
    for (String[] r : rows("SELECT session_id, tag FROM insights.tags WHERE session_start_time >= ?", 2)) {
      tags.computeIfAbsent(r[0], k -> new TreeSet<>()).add(r[1]);
    }
    List<AgentCallsByVirtualCustomer.Line> expected = new ArrayList<>();
    callsByCustomer.forEach((customer, calls) -> {
      TreeSet<String> customerTags = new TreeSet<>();
      long stepSum = 0;
      int withSteps = 0;
      for (String call : calls) {
        customerTags.addAll(tags.getOrDefault(call, Set.of()));
        if (steps.containsKey(call)) {
          stepSum += steps.get(call);
          withSteps++;
        }
      }
      expected.add(new AgentCallsByVirtualCustomer.Line(customer, calls.size(),
          withSteps == 0 ? null : BigDecimal.valueOf(stepSum).divide(BigDecimal.valueOf(withSteps), 1,
              RoundingMode.HALF_UP), customerTags.isEmpty() ? null : String.join(", ", customerTags)));
    });
    expected.sort((a, b) -> a.calls() != b.calls() ? Long.compare(b.calls(), a.calls())
        : a.virtualCustomer().compareTo(b.virtualCustomer()));

    List<String> plainRequests = requestsPerApi();

    sandbox.requests().clear();
    List<AgentCallsByVirtualCustomer.Line> lines = AgentCallsByVirtualCustomer.lines(connection, SINCE);
    // the calls join runs once: the example asks what the three plain queries ask, no more
    assertThat(requestsPerApi()).isEqualTo(plainRequests)
        .contains("pathsim GET /workspaces: 1", "pathsim GET /workspaces/{id}/sessions: 5");
    assertThat(lines).hasSizeGreaterThan(3).isEqualTo(expected);
    assertThat(lines).anyMatch(l -> l.avgFlowSteps().remainder(BigDecimal.ONE).signum() != 0);
    assertThat(lines).anyMatch(l -> l.tags() != null && l.tags().contains(", "));
  }

  /**
   * How many requests each API got since the log was cleared, and how many per kind: PathSim's
   * paths without query, Insights' {@code project_fields} (one request per 59-day window up to the
   * real clock, so the numbers grow with the date, alike for both sides).
   */
  private static List<String> requestsPerApi() {
    Map<String, Integer> kinds = new TreeMap<>();
    sandbox.requests().lines("pathsim").forEach(r -> kinds.merge(
        "pathsim " + r.replaceAll("\\?.*", "").replaceAll("/[0-9a-f-]{36}/", "/{id}/"), 1, Integer::sum));
    sandbox.requests().lines("insights").forEach(r -> kinds.merge(
        "insights " + r.replaceAll(".*project_fields=(\\[[^]]*]).*", "$1"), 1, Integer::sum));
    return kinds.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
  }

  private static List<String[]> rows(String sql, int columns) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) {
        s.setTimestamp(i, SINCE);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String[] row = new String[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = rs.getString(i + 1);
          }
          out.add(row);
        }
      }
    }
    return out;
  }
}
