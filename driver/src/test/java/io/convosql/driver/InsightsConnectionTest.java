package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.LinkedCall;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The insights schema through the driver: properties, keys, the lookback warning, matches() and joins. */
class InsightsConnectionTest {
  private static final String INSIGHTS = "insights.url=" + DriverFixture.SANDBOX.insightsUrl()
      + ";insights.apiKey=" + Sandbox.INSIGHTS_KEY;
  private static final Instant FROM = Instant.parse("2025-08-01T00:00:00Z");

  private static long documentsSince(Instant from) {
    long n = 0;
    for (JsonNode d : DriverFixture.SANDBOX.insights().data().documents()) {
      if (!LocalDateTime.parse(d.get("session_start_time").asText()).toInstant(ZoneOffset.UTC).isBefore(from)) {
        n++;
      }
    }
    return n;
  }

  @Test
  void countsSessionsInARange() throws SQLException {
    try (Connection c = DriverFixture.connect(INSIGHTS)) {
      assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM insights.sessions"
          + " WHERE session_start_time >= TIMESTAMP '2025-08-01 00:00:00'"))
          .containsExactly(Long.toString(documentsSince(FROM)));
    }
  }

  @Test
  void queryWithoutALowerBoundWarnsWhichWindowItRead() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true");
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM insights.sessions")) {
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isPositive();
      }
      SQLWarning w = s.getWarnings();
      assertThat((Object) w).isNotNull();
      assertThat(w.getMessage()).contains("no lower bound on session_start_time").contains("lookbackDays=60");
      assertThat(w.getSQLState()).isEqualTo("01000");
      s.clearWarnings();
      assertThat((Object) s.getWarnings()).isNull();
    }
  }

  @Test
  void warningsBelongToTheStatementAndItsLatestExecution() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true");
        PreparedStatement bounded = c.prepareStatement(
            "SELECT COUNT(*) FROM insights.sessions WHERE session_start_time >= TIMESTAMP '2025-01-01 00:00:00'");
        PreparedStatement open = c.prepareStatement("SELECT COUNT(*) FROM insights.tags")) {
      open.executeQuery().close();
      bounded.executeQuery().close();
      assertThat((Object) open.getWarnings()).isNotNull();
      assertThat((Object) bounded.getWarnings()).isNull();
    }
  }

  @Test
  void lookbackDaysIsAProperty() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true;insights.lookbackDays=5");
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM insights.sessions")) {
      s.executeQuery().close();
      assertThat(s.getWarnings().getMessage()).contains("lookbackDays=5");
    }
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:convosql:demo=true;insights.lookbackDays=0"))
        .hasMessageContaining("insights.lookbackDays must be a positive whole number of days");
  }

  @Test
  void wrongKeyIsNamedWithoutShowingIt() throws SQLException {
    String key = "insights-SECRET-42";
    try (Connection c = DriverFixture.connect("insights.url=" + DriverFixture.SANDBOX.insightsUrl(),
        "insights.apiKey=" + key)) {
      assertThatThrownBy(() -> DriverFixture.rows(c, "SELECT id FROM insights.sessions"
          + " WHERE session_start_time >= TIMESTAMP '2025-08-01 00:00:00'"))
          .hasMessageContaining("Insights").hasMessageContaining("insights.apiKey")
          .hasMessageContaining("401")
          .hasStackTraceContaining("Insights")
          .satisfies(e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
              assertThat(String.valueOf(t.getMessage())).doesNotContain(key);
            }
          });
      assertThat(c.getMetaData().getURL()).doesNotContain(key);
    }
  }

  @Test
  void regionMustBeUsOrEu() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:convosql:insights.region=mars"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Bad connection property: insights.region must be us or eu, not 'mars'");
  }

  @Test
  void matchesFunctionIsAvailableAndPushdownDoesNotChangeItsAnswer() throws SQLException {
    String sql = "SELECT COUNT(*) FROM insights.transcript_lines WHERE \"matches\"(text, 'appointment booking')"
        + " AND session_start_time >= TIMESTAMP '2025-08-15 00:00:00'";
    try (Connection pushed = DriverFixture.connect(INSIGHTS);
        Connection plain = DriverFixture.connect(INSIGHTS, "pushdown=false", "maxRequestsPerStatement=0")) {
      java.util.List<String> a = DriverFixture.rows(pushed, sql);
      assertThat(Long.parseLong(a.get(0))).isPositive();
      assertThat(DriverFixture.rows(plain, sql)).isEqualTo(a);
    }
  }

  @Test
  void pathSimCallsJoinTheInsightsSessionsTheyProduced() throws SQLException {
    Instant from = Instant.parse("2025-08-20T00:00:00Z");
    long linked = DriverFixture.data().linkedCalls().stream()
        .map(LinkedCall::startedAt).filter(t -> !t.isBefore(from)).count();
    assertThat(linked).isPositive();
    try (Connection c = DriverFixture.connect(INSIGHTS)) {
      assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.sessions p JOIN insights.sessions i"
          + " ON i.destination = p.target"
          + " AND i.session_start_time BETWEEN p.started_at AND p.started_at + INTERVAL '5' MINUTE"
          + " WHERE p.test_type = 'Voice' AND p.started_at >= TIMESTAMP '2025-08-20 00:00:00'"
          + " AND i.session_start_time >= TIMESTAMP '2025-08-20 00:00:00'"))
          .containsExactly(Long.toString(linked));
    }
  }

  @Test
  void deleteIsRefusedUnlessAllowed() throws SQLException {
    try (Connection c = DriverFixture.connect(INSIGHTS)) {
      DriverFixture.SANDBOX.requests().clear();
      assertThatThrownBy(() -> c.createStatement().executeUpdate("DELETE FROM insights.sessions WHERE id = 'x'"))
          .isInstanceOf(SQLException.class).hasMessage("DELETE FROM insights.sessions is disabled: set the"
              + " connection property insights.allowDelete=true to delete sessions (nothing was sent)")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25006"); // a write refused, as INSERT is
      assertThat(DriverFixture.SANDBOX.requests().of("insights")).isEmpty();
    }
  }
}
