package io.convosql.adapter.insights;

import java.sql.SQLException;
import java.time.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class ScratchEquivTest {
  @Test
  void many() throws Exception {
    Db pushed = Db.open(true, 15, false);
    Db local = Db.open(false, 15, false);
    String r = "session_start_time >= TIMESTAMP '2025-08-20 00:00:00'";
    Object[][] qs = {
      {"SELECT id FROM insights.sessions WHERE source = '' AND " + r},
      {"SELECT id FROM insights.sessions WHERE source IS NULL AND " + r},
      {"SELECT id FROM insights.sessions WHERE channel IN ('voice', NULL) AND " + r},
      {"SELECT id FROM insights.sessions WHERE channel NOT IN ('voice', 'http') AND " + r},
      {"SELECT id FROM insights.sessions WHERE channel = ? AND session_start_time >= ?", "voice", LocalDate.of(2025,8,20)},
      {"SELECT id FROM insights.sessions WHERE channel = ? AND session_start_time >= ?", "voice", java.sql.Timestamp.valueOf("2025-08-20 00:00:00")},
      {"SELECT id FROM insights.sessions WHERE channel = ? AND session_start_time >= ?", "voice", Instant.parse("2025-08-20T00:00:00Z")},
      {"SELECT id FROM insights.sessions WHERE status_code = '200' AND " + r},
      {"SELECT id FROM insights.sessions WHERE duration_ms > 30000 AND " + r},
      {"SELECT id FROM insights.sessions WHERE duration_ms = 0 AND " + r},
      {"SELECT id FROM insights.sessions WHERE status_code <> 0 AND " + r},
      {"SELECT session_id, completed FROM insights.parameters WHERE completed = false AND " + r},
      {"SELECT session_id, completed FROM insights.parameters WHERE completed IS NOT TRUE AND " + r},
      {"SELECT session_id, step_no FROM insights.flow_path WHERE \"synchronized\" = false AND " + r},
      {"SELECT session_id, step_no FROM insights.flow_path WHERE request_url = '' AND " + r},
      {"SELECT session_id, step_no FROM insights.flow_path WHERE webhook_url = '' AND " + r},
      {"SELECT session_id, step_no FROM insights.flow_path WHERE user_input = '' AND " + r},
      {"SELECT session_id, step_no FROM insights.flow_path WHERE status_message = '' AND " + r},
      {"SELECT session_id, step_no FROM insights.flow_path WHERE request_headers = '' AND " + r},
      {"SELECT session_id, step_no FROM insights.flow_path WHERE execution_time_ms = 0 AND " + r},
      {"SELECT session_id, tag FROM insights.tags WHERE tag_count = 2 AND " + r},
      {"SELECT session_id, tag FROM insights.tags WHERE tag_count > 1 AND " + r},
      {"SELECT session_id, name FROM insights.parameters WHERE \"value\" = '' AND " + r},
      {"SELECT session_id, name FROM insights.parameters WHERE value_text = '' AND " + r},
      {"SELECT session_id, name FROM insights.execution_parameters WHERE \"value\" = '' AND completed = false AND " + r},
      {"SELECT session_id, name FROM insights.altered_parameters WHERE \"value\" <> '' AND " + r},
      {"SELECT session_id, name FROM insights.altered_parameters WHERE audio_url IS NULL AND " + r},
      {"SELECT session_id, request_id FROM insights.request_ids WHERE request_id IS NOT NULL AND " + r},
      {"SELECT session_id, line_no, text FROM insights.transcript_lines WHERE text = '' AND " + r},
      {"SELECT session_id, line_no FROM insights.transcript_lines WHERE role = 'user' AND text IN ('yes', 'Yes') AND " + r},
      {"SELECT session_id, line_no FROM insights.transcript_lines WHERE speaker = 'user' AND text = 'Yes.' AND " + r},
      {"SELECT id FROM insights.sessions WHERE \"language\" = 'en-US' AND " + r},
      {"SELECT id FROM insights.sessions WHERE \"language\" IN ('en-US','de-DE') AND " + r},
      {"SELECT id FROM insights.sessions WHERE status = 'Ended' AND " + r},
      {"SELECT id FROM insights.sessions WHERE agent_name = 'pizza palace' AND " + r},
      {"SELECT COUNT(*) FROM insights.sessions WHERE channel = 'voice' AND " + r},
      {"SELECT COUNT(*) FROM insights.sessions WHERE session_start_time >= TIMESTAMP '2025-08-20 10:00:00' AND session_start_time <= TIMESTAMP '2025-08-21 10:00:00'"},
      {"SELECT COUNT(*) FROM insights.sessions WHERE session_start_time BETWEEN DATE '2025-08-20' AND DATE '2025-08-21'"},
      {"SELECT id FROM insights.sessions WHERE CAST(session_start_time AS DATE) = DATE '2025-08-21'"},
      {"SELECT id FROM insights.sessions WHERE session_start_time > '2025-08-29' LIMIT 3"},
      {"SELECT id FROM insights.sessions WHERE " + r + " ORDER BY agent_name DESC, id LIMIT 5 OFFSET 3"},
      {"SELECT id FROM insights.sessions WHERE " + r + " ORDER BY duration_ms, id LIMIT 5"},
      {"SELECT id FROM insights.sessions WHERE " + r + " ORDER BY status_code DESC, id LIMIT 5"},
      {"SELECT id FROM insights.sessions WHERE " + r + " ORDER BY audio_url, id LIMIT 5"},
      {"SELECT id FROM insights.sessions WHERE " + r + " ORDER BY agent_voice, id LIMIT 5"},
      {"SELECT id FROM insights.sessions WHERE " + r + " ORDER BY \"language\", id LIMIT 5"},
      {"SELECT id FROM insights.sessions WHERE " + r + " ORDER BY status, id LIMIT 5"},
      {"SELECT id FROM insights.sessions WHERE " + r + " ORDER BY source DESC LIMIT 5"},
    };
    for (Object[] q : qs) {
      String sql = (String) q[0];
      Object[] params = Arrays.copyOfRange(q, 1, q.length);
      try {
        List<String> a = pushed.rows(sql, params);
        List<String> b = local.rows(sql, params);
        boolean ordered = sql.contains("ORDER BY");
        if (!ordered) { a = a.stream().sorted().toList(); b = b.stream().sorted().toList(); }
        System.out.println((a.equals(b) ? "SAME " : "DIFF ") + a.size() + "/" + b.size() + " " + sql + " " + Arrays.toString(params));
        if (!a.equals(b)) System.out.println("   pushed=" + a.subList(0, Math.min(5, a.size())) + " local=" + b.subList(0, Math.min(5, b.size())));
      } catch (SQLException | RuntimeException e) {
        System.out.println("ERR " + sql + " " + e);
      }
    }
  }
}
