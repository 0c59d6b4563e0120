package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Insights API promises no order without sort_by, and ElasticSearch's replicas order hits that
 * tie each their own way, so a search paged without a total order repeats some sessions and skips
 * others. Against a sandbox whose order varies from request to request as replicas' does, every
 * session of a window of several pages is read once, checked against the sandbox's stored data, and
 * each search asks for a total order.
 */
class InsightsPagingOrderTest {
  private static final String FROM = "2025-07-04T23:59:59.999999";
  private static final String TO = "2025-09-01T12:05:00"; // now, and the clock margin
  private static final String RANGE = " WHERE session_start_time >= TIMESTAMP '2025-07-05 00:00:00'"
      + " AND session_start_time < TIMESTAMP '2025-09-02 00:00:00'";
  private static final String ID_START = "[\"id\",\"session_start_time\"]";
  private static Sandbox sandbox;
  private static InsightsSchema schema;
  private static Connection connection;
  /** The ids of the sandbox's sessions in the range, read from its data. */
  private static List<String> expected;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = Sandbox.builder().seed(13).pathSimSessions(0).insightsSessions(1000).now(TestApi.NOW).start();
    Instant from = Instant.parse("2025-07-05T00:00:00Z");
    Instant to = Instant.parse("2025-09-02T00:00:00Z");
    expected = new ArrayList<>();
    for (JsonNode d : sandbox.insights().data().documents()) {
      Instant start = LocalDateTime.parse(d.get("session_start_time").asText()).toInstant(ZoneOffset.UTC);
      if (!start.isBefore(from) && start.isBefore(to)) {
        expected.add(d.get("id").asText());
      }
    }
    assertThat(expected.size()).as("a window of several pages").isBetween(250, 450);
    schema = new InsightsSchema(HttpUrl.get(sandbox.insightsUrl()), Sandbox.INSIGHTS_KEY,
        TestHttp.settings(Duration.ofSeconds(10)), true, InsightsSchema.DEFAULT_LOOKBACK_DAYS, false,
        TestApi.CLOCK);
    connection = Sql.connect("insights", schema);
    sandbox.insights().setVaryingOrder(true);
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    schema.close();
    sandbox.close();
  }

  private static List<String> rows(String sql) throws SQLException {
    sandbox.requests().clear();
    return Sql.rows(connection, sql);
  }

  private static List<String> requests() {
    return sandbox.requests().of("insights").stream().map(TestApi::line).toList();
  }

  @Test
  void everySessionOfAWindowOfSeveralPagesIsReadOnce() throws SQLException {
    assertThat(rows("SELECT COUNT(*), COUNT(DISTINCT id) FROM insights.sessions" + RANGE))
        .containsExactly(expected.size() + "; " + expected.size());
    assertThat(requests()).containsExactlyInAnyOrderElementsOf(TestApi.pages(FROM, TO, 100,
        "session_start_time:asc,id:asc", null, ID_START, expected.size()));
    List<String> ids = rows("SELECT id FROM insights.sessions" + RANGE);
    assertThat(ids).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aPushedOrderWithTiesEndsInTheId() throws SQLException {
    List<String> rows = rows("SELECT agent_name, id FROM insights.sessions" + RANGE + " ORDER BY agent_name");
    assertThat(requests()).containsExactlyInAnyOrderElementsOf(TestApi.pages(FROM, TO, 100,
        "agent_information.name:asc,id:asc", null,
        "[\"id\",\"session_start_time\",\"agent_information.name\"]", expected.size()));
    assertThat(rows.stream().map(r -> r.split("; ")[1]).toList()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows.stream().map(r -> r.split("; ")[0]).toList()).isSorted();
  }

  @Test
  void explainShowsTheOrderAndACountFromTotalsAsksForNone() throws SQLException {
    assertThat(Sql.explain(connection, "SELECT id FROM insights.sessions" + RANGE)).contains("request=[GET"
        + " /insights/sessions?from_date=" + FROM + "&to_date=" + TO + "&page_number=0&page_size=100"
        + "&sort_by=session_start_time:asc,id:asc&project_fields=" + ID_START + " (next pages:");
    String count = "SELECT COUNT(*) FROM insights.sessions" + RANGE;
    assertThat(rows(count)).containsExactly(Integer.toString(expected.size()));
    assertThat(requests()).singleElement().satisfies(r -> assertThat(r).contains(" page_size=1 ")
        .doesNotContain("sort_by"));
    assertThat(Sql.explain(connection, count)).contains("page_size=1").doesNotContain("sort_by");
  }

  /** A window the service will not page through is read in halves, each in the same total order. */
  @Test
  void theHalvesOfACappedWindowAreEachReadOnce() throws SQLException {
    sandbox.insights().setResultWindow(100, false);
    try {
      assertThat(rows("SELECT COUNT(*), COUNT(DISTINCT id) FROM insights.sessions" + RANGE))
          .containsExactly(expected.size() + "; " + expected.size());
      assertThat(requests()).isNotEmpty().allSatisfy(r -> assertThat(r)
          .contains(" page_number=0 page_size=100 sort_by=session_start_time:asc,id:asc "));
    } finally {
      sandbox.insights().setResultWindow(0, false);
    }
  }
}
