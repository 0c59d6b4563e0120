package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.Sandbox;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An Insights service on ElasticSearch's defaults counts a search's hits only up to 10,000 and
 * refuses to page past them. The sandbox does the same with a smaller window; every session of a
 * busier window is still read (the window is read in halves), checked against the sandbox's own
 * data, with no request past the service's window; a bare total of 10,000 is not taken as the count.
 */
class InsightsResultWindowTest {
  private static final String RANGE = " WHERE " + OwnSandbox.INSIGHTS_RANGE;
  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(0, 1000);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    sandbox.close();
  }

  private static Instant start(ObjectNode d) {
    return LocalDateTime.parse(d.get("session_start_time").asText()).toInstant(ZoneOffset.UTC);
  }

  /** The sandbox's sessions in the range, newest first: the oracle, read from its data. */
  private static List<ObjectNode> inRange() {
    Instant from = Instant.parse("2025-07-05T00:00:00Z");
    Instant to = Instant.parse("2025-09-01T23:59:59Z");
    return sandbox.insights().data().documents().stream()
        .filter(d -> !start(d).isBefore(from) && !start(d).isAfter(to))
        .sorted(Comparator.comparing((ObjectNode d) -> start(d)).reversed()).toList();
  }

  private static List<String> run(String sql) {
    sandbox.requests().clear();
    OwnSandbox.Outcome o = OwnSandbox.run(connection, sql);
    assertThat((Object) o.failure()).as(sql).isNull();
    return o.rows();
  }

  /** The page_number and page_size of each search sent, and its dates. */
  private static List<String> searches() {
    return sandbox.requests().all().stream().map(r -> URLDecoder.decode(r.toString(), StandardCharsets.UTF_8))
        .filter(r -> r.startsWith("GET /insights/sessions?")).toList();
  }

  @Test
  void aWindowWithMoreSessionsThanTheServicePagesIsReadInHalves() {
    sandbox.insights().setResultWindow(100, false);
    try {
      List<ObjectNode> expected = inRange();
      assertThat(expected.size()).isGreaterThan(200); // more than two result windows
      assertThat(run("SELECT COUNT(*), COUNT(DISTINCT id) FROM insights.sessions" + RANGE))
          .containsExactly(expected.size() + "; " + expected.size());
      assertThat(searches()).allSatisfy(r -> assertThat(r).contains("page_number=0&page_size=100"));
      List<String> newestFirst = run("SELECT id FROM insights.sessions" + RANGE
          + " ORDER BY session_start_time DESC, id");
      assertThat(newestFirst).hasSize(expected.size());
      assertThat(newestFirst).containsExactlyInAnyOrderElementsOf(
          expected.stream().map(d -> d.get("id").asText()).toList());
      List<String> times = run("SELECT session_start_time FROM insights.sessions" + RANGE
          + " ORDER BY session_start_time");
      assertThat(times).hasSize(expected.size()).isSorted();
      assertThat(run("SELECT id FROM insights.sessions" + RANGE + " ORDER BY session_start_time DESC"
          + " LIMIT 3")).containsExactlyElementsOf(expected.subList(0, 3).stream()
          .map(d -> d.get("id").asText()).toList());
    } finally {
      sandbox.insights().setResultWindow(0, false);
    }
  }

  @Test
  void anOrderTheHalvesCannotKeepFailsWhenTheServiceRefusesAPageNeverSilently() {
    sandbox.insights().setResultWindow(100, false);
    try {
      SQLException e = OwnSandbox.run(connection, "SELECT id FROM insights.sessions" + RANGE
          + " ORDER BY agent_name").failure();
      assertThat((Object) e).isNotNull();
      assertThat(e.getMessage()).contains("Insights API").contains("HTTP 401")
          .contains("Result window is too large");
    } finally {
      sandbox.insights().setResultWindow(0, false);
    }
  }

  private static final Instant MANY_DAY = Instant.parse("2025-06-10T00:00:00Z");

  /** The sessions of 2025-06-10, after adding 10,050 small ones to that day (once per sandbox). */
  private static synchronized long manyOnOneDay() {
    if (sandbox.insights().data().documents().stream().noneMatch(d -> d.get("id").asText().equals("many-0"))) {
      ObjectNode small = sandbox.insights().data().documents().get(0).deepCopy();
      small.retain("id", "session_start_time", "status", "channel", "account_id", "agent_information");
      for (int i = 0; i < 10_050; i++) { // small documents: a generated one is a few kilobytes
        ObjectNode d = small.deepCopy();
        d.put("id", "many-" + i).put("session_start_time",
            LocalDateTime.ofInstant(MANY_DAY.plusMillis(i * 8_000L), ZoneOffset.UTC).toString());
        sandbox.insights().data().add(d);
      }
    }
    long onThatDay = sandbox.insights().data().documents().stream()
        .filter(d -> !start(d).isBefore(MANY_DAY) && start(d).isBefore(MANY_DAY.plusSeconds(86_400))).count();
    assertThat(onThatDay).isGreaterThan(10_000);
    return onThatDay;
  }

  private static final String MANY_DAY_RANGE = " WHERE session_start_time >= TIMESTAMP '2025-06-10 00:00:00'"
      + " AND session_start_time < TIMESTAMP '2025-06-11 00:00:00'";

  /**
   * A service that counts every hit ({@code track_total_hits: true}) keeps ElasticSearch's default
   * result window all the same: an exact total over 10,000 is read in halves too. Before, the scan paged
   * on and failed at the 101st page with the service's refusal.
   */
  @Test
  void anExactTotalOverTenThousandIsReadInHalvesToo() {
    long onThatDay = manyOnOneDay();
    sandbox.insights().setResultWindowWithExactTotal(10_000);
    try {
      assertThat(run("SELECT COUNT(DISTINCT id), COUNT(*) FROM insights.sessions" + MANY_DAY_RANGE))
          .containsExactly(onThatDay + "; " + onThatDay);
      assertThat(searches()).isNotEmpty().noneMatch(r -> r.contains("page_number=100&"));
      List<String> times = run("SELECT session_start_time FROM insights.sessions" + MANY_DAY_RANGE
          + " ORDER BY session_start_time DESC");
      assertThat(times).hasSize((int) onThatDay).isSortedAccordingTo(Comparator.reverseOrder());
      // a total under the cap is read as it is, and COUNT(*) alone is that total: one request
      assertThat(run("SELECT COUNT(*) FROM insights.sessions" + MANY_DAY_RANGE))
          .containsExactly(Long.toString(onThatDay));
      assertThat(searches()).hasSize(1);
    } finally {
      sandbox.insights().setResultWindow(0, false);
    }
  }

  @Test
  void aBareTotalOfTenThousandIsNotTakenAsTheCount() {
    long onThatDay = manyOnOneDay();
    sandbox.insights().setResultWindow(10_000, true);
    try {
      assertThat(run("SELECT COUNT(*) FROM insights.sessions" + MANY_DAY_RANGE))
          .containsExactly(Long.toString(onThatDay));
      assertThat(searches()).noneMatch(r -> r.contains("page_number=100&"));
    } finally {
      sandbox.insights().setResultWindow(0, false);
    }
  }
}
