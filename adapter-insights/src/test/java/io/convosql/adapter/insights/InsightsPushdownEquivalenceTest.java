package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every pushdown keeps the answer: each query gives the same rows with pushdown on and with it off
 * (where Calcite filters, sorts and limits the whole lookback window itself), and pushdown sends fewer
 * requests. The queries stay inside the lookback window (15 days here, to keep the whole reads short),
 * the only rows a scan without pushdown reads.
 */
class InsightsPushdownEquivalenceTest {
  private static Db pushed;
  private static Db local;
  private static String agent;
  private static String session;
  private static String voice;

  @BeforeAll
  static void open() throws SQLException {
    pushed = Db.open(true, 15, false);
    local = Db.open(false, 15, false);
    Instant since = Instant.parse("2025-08-20T00:00:00Z");
    agent = Docs.text(Docs.oneSince(since, d -> true), "agent_information.id");
    session = Docs.oneSince(since, d -> d.path("params_list").size() > 0).get("id").asText();
    voice = Docs.text(Docs.oneSince(since, d -> Docs.text(d, "agent_information.voice") != null),
        "agent_information.voice");
  }

  @AfterAll
  static void close() throws SQLException {
    pushed.close();
    local.close();
  }

  private static List<String> queries() {
    String recent = "session_start_time >= TIMESTAMP '2025-08-20 00:00:00'";
    return List.of(
        "SELECT id, agent_name, duration_ms, status_code FROM insights.sessions WHERE agent_id = '" + agent + "'",
        "SELECT id FROM insights.sessions WHERE channel IN ('whatsapp', 'http') AND \"language\" <> 'en-US'",
        "SELECT id, agent_voice FROM insights.sessions WHERE agent_voice <> '" + voice + "' AND " + recent,
        "SELECT id FROM insights.sessions WHERE channel NOT IN ('voice') AND call_status = 'ended' AND " + recent,
        "SELECT id, duration_ms FROM insights.sessions WHERE status_code = 200 AND " + recent
            + " ORDER BY duration_ms DESC, id LIMIT 20",
        "SELECT id FROM insights.sessions ORDER BY session_start_time DESC LIMIT 10 OFFSET 25",
        "SELECT id FROM insights.sessions WHERE " + recent + " ORDER BY session_start_time LIMIT 7 OFFSET 13",
        "SELECT id, duration_ms FROM insights.sessions ORDER BY duration_ms NULLS FIRST, id LIMIT 5",
        "SELECT channel, COUNT(*), MAX(duration_ms) FROM insights.sessions GROUP BY channel ORDER BY channel",
        "SELECT id, JSON_VALUE(document, '$.request_ids[0]') FROM insights.sessions WHERE id = '" + session + "'",
        "SELECT session_id, line_no FROM insights.transcript_lines WHERE \"matches\"(text, 'refund order')"
            + " AND role = 'user' AND " + recent,
        "SELECT session_id, tag, tag_count FROM insights.tags WHERE tag IN ('complaint', 'resolved') AND " + recent,
        "SELECT session_id, name, \"value\" FROM insights.parameters WHERE name = 'pizza_size' AND \"value\" = 'large'",
        "SELECT session_id, step_no FROM insights.flow_path WHERE type = 'webhook' AND response_code = 200 AND "
            + recent,
        "SELECT s.agent_name, COUNT(*) FROM insights.sessions s JOIN insights.tags t ON s.id = t.session_id"
            + " WHERE t.tag = 'complaint' GROUP BY s.agent_name ORDER BY s.agent_name",
        "SELECT id FROM insights.sessions WHERE session_start_time < TIMESTAMP '2025-08-25 00:00:00'"
            + " AND session_start_time >= TIMESTAMP '2025-08-20 00:00:00' AND agent_voice IS NULL",
        "SELECT session_id, collect_no, category FROM insights.collected_tags WHERE tag IN ('invalid', 'resolved')"
            + " AND " + recent,
        "SELECT session_id FROM insights.collected_tags WHERE tag IN ('invalid', 'resolved', 'complaint') AND "
            + recent + " GROUP BY session_id HAVING COUNT(DISTINCT tag) = 3",
        "SELECT session_id, collect_no, type, value_text FROM insights.collected_parameters WHERE name = 'pizza_size'"
            + " AND \"value\" = 'large' AND completed",
        "SELECT r.session_id, r.request_id, f.step_no FROM insights.request_ids r JOIN insights.flow_path f"
            + " ON f.session_id = r.session_id AND f.request_id = r.request_id WHERE f.type = 'webhook' AND r."
            + recent + " AND f." + recent,
        "SELECT t.session_id, t.step_no, f.node_id FROM insights.node_tags t JOIN insights.flow_path f"
            + " ON f.session_id = t.session_id AND f.step_no = t.step_no WHERE t.tag = 'invalid' AND t." + recent
            + " AND f." + recent,
        "SELECT session_id, step_no, \"value\" FROM insights.execution_parameters WHERE name = 'pizza_size'"
            + " AND type = '@size' AND value_text <> '' AND " + recent,
        "SELECT session_id, name, audio_url FROM insights.parameters WHERE audio_url IS NOT NULL AND " + recent,
        "SELECT session_id, step_no, webhook_url FROM insights.flow_path WHERE webhook_url LIKE 'https://%' AND "
            + recent);
  }

  @Test
  void everyQueryGivesTheSameAnswerWithAndWithoutPushdown() throws SQLException {
    int pushedTotal = 0;
    int localTotal = 0;
    for (String sql : queries()) {
      List<String> withPushdown = pushed.rows(sql);
      int pushedRequests = TestApi.requests().size();
      List<String> withoutPushdown = local.rows(sql);
      int localRequests = TestApi.requests().size();
      boolean ordered = sql.contains("ORDER BY");
      assertThat(ordered ? withPushdown : withPushdown.stream().sorted().toList()).as(sql)
          .isNotEmpty().isEqualTo(ordered ? withoutPushdown : withoutPushdown.stream().sorted().toList());
      assertThat(pushedRequests).as(sql).isLessThanOrEqualTo(localRequests);
      pushedTotal += pushedRequests;
      localTotal += localRequests;
    }
    assertThat(pushedTotal).isLessThan(localTotal);
  }
}
