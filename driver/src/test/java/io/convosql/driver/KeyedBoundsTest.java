package io.convosql.driver;

import static io.convosql.driver.DriverFixture.SANDBOX;
import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A join of Insights tables on the session id carries a bound on one side's session_start_time to
 * the other's: the other side reads the same windows instead of the default lookback, where a range
 * older than the lookback joined nothing but a warning. Answers are checked against the sandbox's
 * documents, read here without the driver.
 */
class KeyedBoundsTest {
  /** Older than the 60-day lookback before the fixture's "now" (2025-09-01): three windows. */
  private static final Instant FROM = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-07-01T00:00:00Z");
  private static final String RANGE = " s.session_start_time >= TIMESTAMP '2025-03-01 00:00:00'"
      + " AND s.session_start_time < TIMESTAMP '2025-07-01 00:00:00'";
  private static Connection c;

  @BeforeAll
  static void connect() throws SQLException {
    c = DriverFixture.connect("insights.url=" + SANDBOX.insightsUrl(), "insights.apiKey=" + Sandbox.INSIGHTS_KEY);
  }

  @AfterAll
  static void close() throws SQLException {
    c.close();
  }

  private static Instant start(JsonNode d) {
    String t = d.get("session_start_time").asText();
    return Instant.parse(t.endsWith("Z") ? t : t + "Z");
  }

  private static boolean in(JsonNode d, Instant from, Instant to) {
    return !start(d).isBefore(from) && start(d).isBefore(to);
  }

  /** Each (session id, tag) of the documents in the range, as the tags table lists them. */
  private static List<String> tagRows(Instant from, Instant to) {
    return SANDBOX.insights().data().documents().stream().filter(d -> in(d, from, to))
        .flatMap(d -> java.util.stream.StreamSupport.stream(d.path("tags_list").spliterator(), false)
            .map(t -> d.get("id").asText() + "; " + t.get("tag").asText()))
        .sorted().collect(Collectors.toList());
  }

  /** The windows (from_date, to_date) the Insights requests of a statement asked for. */
  private static Set<String> windows(List<RecordedRequest> sent) {
    return sent.stream().map(r -> r.param("from_date") + " " + r.param("to_date"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aBoundOnTheSessionsReachesTheirTagsAndReadsOnlyTheirWindows() throws SQLException {
    List<String> expected = tagRows(FROM, TO);
    assertThat(expected).as("tags of sessions in the range").hasSizeGreaterThan(2);
    SANDBOX.requests().clear();
    rows(c, "SELECT COUNT(*) FROM insights.sessions s WHERE" + RANGE);
    Set<String> sessionWindows = windows(SANDBOX.requests().of("insights"));
    assertThat(sessionWindows).hasSize(3);

    String sql = "SELECT s.id, t.tag FROM insights.sessions s JOIN insights.tags t ON t.session_id = s.id"
        + " WHERE" + RANGE + " ORDER BY 1, 2";
    SANDBOX.requests().clear();
    try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
      List<String> got = new java.util.ArrayList<>();
      while (rs.next()) {
        got.add(rs.getString(1) + "; " + rs.getString(2));
      }
      assertThat(got).isEqualTo(expected);
      assertThat((Object) p.getWarnings()).as("no lookback warning").isNull();
    }
    List<RecordedRequest> sent = SANDBOX.requests().of("insights");
    assertThat(windows(sent)).isEqualTo(sessionWindows);
  }

  @Test
  void aBoundOnTheTagsReachesTheirSessionsTheOtherWay() throws SQLException {
    List<String> expected = tagRows(FROM, TO);
    String sql = "SELECT s.id, t.tag FROM insights.tags t JOIN insights.sessions s ON s.id = t.session_id"
        + " WHERE" + RANGE.replace("s.session_start_time", "t.session_start_time") + " ORDER BY 1, 2";
    assertThat(rows(c, sql)).isEqualTo(expected);
  }

  /**
   * A LEFT JOIN keeps the sessions without tags; a bound that holds only inside the tags' subquery
   * is not carried to the sessions, whose rows outside it stay, NULL-extended.
   */
  @Test
  void aPreservedSideKeepsItsRowsOutsideTheOtherSidesBound() throws SQLException {
    Instant narrowFrom = Instant.parse("2025-05-01T00:00:00Z");
    long expected = SANDBOX.insights().data().documents().stream().filter(d -> in(d, FROM, TO))
        .mapToLong(d -> in(d, narrowFrom, TO) && d.path("tags_list").size() > 0 ? d.path("tags_list").size() : 1)
        .sum();
    long outside = SANDBOX.insights().data().documents().stream()
        .filter(d -> in(d, FROM, TO) && !in(d, narrowFrom, TO)).count();
    assertThat(outside).as("sessions of the range outside the tags' bound").isPositive();
    String sql = "SELECT s.id, t.tag FROM insights.sessions s LEFT JOIN (SELECT * FROM insights.tags"
        + " WHERE session_start_time >= TIMESTAMP '2025-05-01 00:00:00') t ON t.session_id = s.id WHERE" + RANGE;
    assertThat(rows(c, sql)).hasSize((int) expected);
    String count = "SELECT COUNT(*) FROM insights.sessions s LEFT JOIN insights.tags t ON t.session_id = s.id"
        + " WHERE" + RANGE;
    long all = SANDBOX.insights().data().documents().stream().filter(d -> in(d, FROM, TO))
        .mapToLong(d -> Math.max(1, d.path("tags_list").size())).sum();
    assertThat(rows(c, count)).containsExactly(Long.toString(all));
  }

  /** Three tables: the bound on the sessions reaches both joined tables, as if written on each. */
  @Test
  void aBoundReachesEveryTableOfAChainOfJoins() throws SQLException {
    String from = "FROM insights.sessions s JOIN insights.tags t ON t.session_id = s.id"
        + " JOIN insights.transcript_lines l ON l.session_id = t.session_id WHERE" + RANGE;
    String everywhere = from + " AND" + RANGE.replace("s.session_start_time", "t.session_start_time")
        + " AND" + RANGE.replace("s.session_start_time", "l.session_start_time");
    List<String> expected = rows(c, "SELECT COUNT(*) " + everywhere);
    assertThat(Long.parseLong(expected.get(0))).as("rows of the three tables in the range").isPositive();
    try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) " + from); ResultSet rs = p.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(expected.get(0));
      assertThat((Object) p.getWarnings()).as("no lookback warning").isNull();
    }
  }
}
