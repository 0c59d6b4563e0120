package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.util.Holder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code session_start_time >= CURRENT_TIMESTAMP - INTERVAL '7' DAY} is a window computed when the
 * statement runs: no lookback, no warning, and with COUNT(*) one request for the total.
 */
class InsightsExecutionTimeTest {
  private static final String PROJECT = "[\"id\",\"session_start_time\"]";
  private static InsightsSchema schema;
  private static Connection connection;
  private static final List<String> WARNINGS = new ArrayList<>();

  @BeforeAll
  static void open() throws SQLException {
    schema = new InsightsSchema(HttpUrl.get(TestApi.sandbox().insightsUrl()), Sandbox.INSIGHTS_KEY,
        TestHttp.settings(Duration.ofSeconds(10)), true, InsightsSchema.DEFAULT_LOOKBACK_DAYS, false,
        TestApi.CLOCK);
    schema.setWarningListener((context, warning) -> WARNINGS.add(warning.getMessage()));
    Properties p = new Properties();
    p.setProperty("lex", "MYSQL_ANSI");
    p.setProperty("defaultNullCollation", "LAST");
    p.setProperty("timeZone", "UTC");
    connection = DriverManager.getConnection("jdbc:calcite:", p);
    connection.unwrap(CalciteConnection.class).getRootSchema().add("insights", schema);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    schema.close();
  }

  /** The rows of a query run with the statement's clock at the tests' "now". */
  private static List<String> rows(String sql) throws SQLException {
    Consumer<Holder<Long>> clock = h -> h.set(TestApi.NOW.toEpochMilli());
    try (Hook.Closeable ignored = Hook.CURRENT_TIME.addThread(clock)) {
      TestApi.clear();
      WARNINGS.clear();
      return Sql.rows(connection, sql);
    }
  }

  @Test
  void theLastSevenDaysAreCountedByOneRequest() throws SQLException {
    Instant weekAgo = TestApi.NOW.minus(Duration.ofDays(7));
    int expected = Docs.between(weekAgo, TestApi.NOW, d -> true).size();
    String from = "2025-08-25T11:59:59.999999";
    String to = "2025-09-01T12:05:00"; // now, and the clock margin
    assertThat(rows("SELECT COUNT(*) FROM insights.sessions"
        + " WHERE session_start_time >= CURRENT_TIMESTAMP - INTERVAL '7' DAY")).containsExactly(Integer.toString(expected));
    assertThat(TestApi.requests()).containsExactly(TestApi.search(from, to, 0, 1, null,
        "{\"must_not\":[{\"term\":{\"session_start_time\":\"" + from + "\"}},{\"term\":{\"session_start_time\":\""
            + to + "\"}}]}", PROJECT));
    assertThat(WARNINGS).isEmpty();
  }

  @Test
  void theNewestOfTheLastDaysAreOnePage() throws SQLException {
    List<JsonNode> docs = new ArrayList<>(Docs.between(TestApi.NOW.minus(Duration.ofDays(3)), TestApi.NOW, d -> true));
    docs.sort(Comparator.comparing(Docs::start).reversed());
    assertThat(rows("SELECT id FROM insights.sessions WHERE session_start_time >= CURRENT_DATE - INTERVAL '2' DAY"
        + " ORDER BY session_start_time DESC LIMIT 4")).isEqualTo(Docs.ids(docs.subList(0, 4)));
    assertThat(TestApi.requests()).containsExactly(TestApi.search("2025-08-29T23:59:59.999999",
        "2025-09-01T12:05:00", 0, 4, "session_start_time:desc,id:asc", null, PROJECT));
    assertThat(WARNINGS).isEmpty();
  }
}
