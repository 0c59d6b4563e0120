package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ORDER BY ... LIMIT n (n at most a page) over several windows sends at most one request per window. */
class InsightsTopNTest {
  private static final String SINCE = " WHERE session_start_time >= TIMESTAMP '2025-03-06 00:00:00'";
  private static Db db;

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  @Test
  void anOrderOnAnotherColumnReadsOnePagePerWindow() throws SQLException {
    List<JsonNode> docs = new ArrayList<>(Docs.between(Instant.parse("2025-03-06T00:00:00Z"), TestApi.NOW,
        d -> d.path("channel_data").path("duration").isNumber()));
    docs.sort(Comparator.<JsonNode>comparingLong(d -> d.path("channel_data").path("duration").asLong()).reversed()
        .thenComparing(d -> d.get("id").asText()));
    List<String> expected = docs.subList(0, 20).stream()
        .map(d -> d.get("id").asText() + "; " + d.path("channel_data").path("duration").asText()).toList();
    assertThat(db.rows("SELECT id, duration_ms FROM insights.sessions" + SINCE
        + " ORDER BY duration_ms DESC, id LIMIT 20")).isEqualTo(expected);
    assertThat(TestApi.recorded()).hasSize(4) // 179.5 days: four windows of at most 59 days
        .allSatisfy(r -> assertThat(r.param("page_size")).isEqualTo("20"))
        .allSatisfy(r -> assertThat(r.param("page_number")).isEqualTo("0"))
        .extracting(r -> r.param("from_date")).doesNotHaveDuplicates();
  }

  @Test
  void theOldestReadsOnlyTheFirstWindowWhenItHasEnough() throws SQLException {
    List<JsonNode> docs = new ArrayList<>(Docs.between(Instant.parse("2025-03-06T00:00:00Z"), TestApi.NOW, d -> true));
    docs.sort(Comparator.comparing(Docs::start));
    assertThat(db.rows("SELECT id FROM insights.sessions" + SINCE + " ORDER BY session_start_time LIMIT 20"))
        .isEqualTo(Docs.ids(docs.subList(0, 20)));
    assertThat(TestApi.recorded()).singleElement()
        .satisfies(r -> assertThat(r.param("from_date")).isEqualTo("2025-03-05T23:59:59.999999"));
  }
}
