package io.convosql.driver;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.TestType;
import java.util.List;
import java.util.Map;

/**
 * The queries {@link FaultToleranceTest} runs with and without faults: every table of both schemas,
 * filters the adapters push and filters they do not, ORDER BY with LIMIT and OFFSET, detail columns
 * (one request per row), aggregates, and joins within and across the two schemas. Every ORDER BY is
 * total, so an ordered answer has exactly one right order. Placeholders in braces stand for ids of
 * the sandbox's data and for date ranges.
 */
final class FaultSuiteQueries {
  private static final List<String> QUERIES = List.of(
      // pathsim.workspaces
      "SELECT id, name, is_active, is_default, created_at FROM pathsim.workspaces ORDER BY name",
      "SELECT COUNT(*) FROM pathsim.workspaces WHERE is_active AND NOT is_default",
      // pathsim.sessions: listings, pushed filters, order, limits, aggregates
      "SELECT id, started_at, test_type FROM pathsim.sessions"
          + " ORDER BY started_at DESC, id LIMIT 25",
      "SELECT COUNT(*), MIN(started_at), MAX(started_at) FROM pathsim.sessions",
      "SELECT workspace_id, COUNT(*) FROM pathsim.sessions GROUP BY workspace_id",
      "SELECT test_type, objective, connected, COUNT(*) FROM pathsim.sessions"
          + " GROUP BY test_type, objective, connected ORDER BY 1, 2, 3",
      "SELECT id, virtual_customer FROM pathsim.sessions WHERE workspace_id = '{busy}'",
      "SELECT id, started_at FROM pathsim.sessions WHERE test_type = 'Voice'"
          + " AND started_at >= TIMESTAMP '2025-08-01 00:00:00' ORDER BY started_at, id",
      "SELECT COUNT(*) FROM pathsim.sessions"
          + " WHERE source = 'Campaign' AND objective = 'Achieved'",
      "SELECT id FROM pathsim.sessions WHERE connected IN ('System Error')"
          + " AND workspace_id = '{busy}' ORDER BY started_at DESC, id LIMIT 10 OFFSET 5",
      "SELECT virtual_customer, COUNT(*) FROM pathsim.sessions"
          + " WHERE virtual_customer LIKE '%Check%' GROUP BY virtual_customer ORDER BY 1",
      "SELECT id, target FROM pathsim.sessions WHERE test_type = 'Web' AND target LIKE 'https%'"
          + " AND started_at BETWEEN TIMESTAMP '2025-07-01 00:00:00'"
          + " AND TIMESTAMP '2025-07-31 23:59:00' ORDER BY id",
      "SELECT id, test_type FROM pathsim.sessions"
          + " WHERE started_at < TIMESTAMP '2025-05-10 00:00:00' AND test_type <> 'Web'"
          + " ORDER BY started_at, id LIMIT 30",
      "SELECT id, duration_seconds, call_successful, objective_met, user_sentiment, summary"
          + " FROM pathsim.sessions WHERE id IN {voice} ORDER BY id",
      "SELECT id, latency_avg_ms, latency_max_ms FROM pathsim.sessions"
          + " WHERE workspace_id = '{busy}' AND test_type = 'Voice'"
          + " ORDER BY started_at DESC, id LIMIT 4",
      "SELECT id, reached_target_website, target_url FROM pathsim.sessions"
          + " WHERE id IN {web} ORDER BY id",
      "SELECT w.name, COUNT(*) FROM pathsim.sessions s JOIN pathsim.workspaces w"
          + " ON w.id = s.workspace_id WHERE s.started_at >= TIMESTAMP '2025-08-15 00:00:00'"
          + " GROUP BY w.name ORDER BY w.name",
      // pathsim child tables
      "SELECT session_id, line_no, speaker, text FROM pathsim.transcript_lines"
          + " WHERE session_id = '{voice0}' ORDER BY line_no",
      "SELECT session_id, speaker, COUNT(*) FROM pathsim.transcript_lines"
          + " WHERE session_id IN {voice} GROUP BY session_id, speaker",
      "SELECT session_id, step_number, action, target, \"value\", status, \"at\""
          + " FROM pathsim.steps WHERE session_id = '{web0}' ORDER BY step_number",
      "SELECT status, COUNT(*) FROM pathsim.steps WHERE session_id IN {web}"
          + " GROUP BY status ORDER BY status",
      "SELECT session_id, file_type, download_url FROM pathsim.recordings"
          + " WHERE session_id IN {voice} ORDER BY session_id",
      "SELECT session_id, OCTET_LENGTH(content) FROM pathsim.recordings"
          + " WHERE session_id IN {web01} ORDER BY session_id",
      // insights.sessions
      "SELECT id, agent_name, duration_ms, status_code FROM insights.sessions"
          + " WHERE {range} ORDER BY session_start_time, id",
      "SELECT COUNT(*), MIN(session_start_time), MAX(session_start_time) FROM insights.sessions"
          + " WHERE {half_year}",
      "SELECT agent_name, COUNT(*), AVG(duration_ms) FROM insights.sessions"
          + " WHERE {range} GROUP BY agent_name ORDER BY agent_name",
      "SELECT id, channel, status FROM insights.sessions WHERE channel = 'voice' AND {range}"
          + " ORDER BY session_start_time DESC, id LIMIT 10",
      "SELECT id, channel FROM insights.sessions WHERE channel <> 'voice' AND {half_year}",
      "SELECT id, agent_name, call_status FROM insights.sessions WHERE id = '{agent0}'",
      "SELECT id, JSON_VALUE(document, '$.session_id'),"
          + " JSON_VALUE(document, '$.agent_information.name')"
          + " FROM insights.sessions WHERE id IN {agents} AND {range}",
      "SELECT agent_name, status FROM insights.sessions"
          + " WHERE agent_name IN ('Pizza Palace', 'Northwind Bank') AND {range}"
          + " ORDER BY session_start_time, id",
      // insights child tables
      "SELECT session_id, line_no, role, text FROM insights.transcript_lines"
          + " WHERE role = 'user' AND {range}"
          + " ORDER BY session_start_time, session_id, line_no LIMIT 40",
      "SELECT COUNT(*) FROM insights.transcript_lines"
          + " WHERE \"matches\"(text, 'refund cancel order') AND {range}",
      "SELECT tag, COUNT(*), SUM(tag_count) FROM insights.tags WHERE {range}"
          + " GROUP BY tag ORDER BY 2 DESC, 1",
      "SELECT session_id, category, tag FROM insights.tags WHERE tag = 'resolved' AND {range}"
          + " ORDER BY session_id, category",
      "SELECT step_no, node_id, type, execution_time_ms FROM insights.flow_path"
          + " WHERE session_id = '{agent1}' AND {range} ORDER BY step_no",
      "SELECT type, COUNT(*), MAX(execution_time_ms) FROM insights.flow_path WHERE {range}"
          + " GROUP BY type",
      "SELECT session_id, name, type, value_text, completed FROM insights.parameters"
          + " WHERE name = 'name' AND {range} ORDER BY session_id",
      "SELECT name, COUNT(*) FROM insights.parameters WHERE completed AND {range}"
          + " GROUP BY name ORDER BY name",
      // across the two schemas
      "SELECT p.id, p.virtual_customer, i.agent_name, i.duration_ms FROM pathsim.sessions p"
          + " JOIN insights.sessions i ON {linked}"
          + " WHERE p.test_type = 'Voice' AND p.started_at >= TIMESTAMP '2025-08-10 00:00:00'"
          + " AND {i.range} ORDER BY p.started_at, p.id, i.id",
      "SELECT p.test_type, COUNT(*), MAX(i.duration_ms) FROM pathsim.sessions p"
          + " JOIN insights.sessions i ON {linked}"
          + " WHERE p.started_at >= TIMESTAMP '2025-08-20 00:00:00' AND {i.range}"
          + " GROUP BY p.test_type",
      "SELECT 'pathsim', COUNT(*) FROM pathsim.sessions WHERE test_type = 'Voice'"
          + " UNION ALL SELECT 'insights', COUNT(*) FROM insights.sessions WHERE {range}",
      "SELECT f.node_id, f.type, p.virtual_customer FROM insights.flow_path f"
          + " JOIN insights.sessions i ON i.id = f.session_id"
          + " JOIN pathsim.sessions p ON {linked}"
          + " WHERE f.session_id = '{agent2}' AND p.test_type = 'Voice'"
          + " AND {f.range} AND {i.range} AND p.started_at >= TIMESTAMP '2025-07-04 00:00:00'"
          + " ORDER BY f.step_no");

  private FaultSuiteQueries() {}

  static List<String> of(Sandbox sandbox) {
    String busy = OwnSandbox.busiestWorkspace(sandbox);
    List<String> voice = OwnSandbox.latestIds(sandbox, busy, TestType.VOICE, 3);
    List<String> web = OwnSandbox.latestIds(sandbox, busy, TestType.WEB, 3);
    List<String> agents = OwnSandbox.insightsIds(sandbox, 7, 3);
    String range = OwnSandbox.INSIGHTS_RANGE;
    Map<String, String> values = Map.ofEntries(
        Map.entry("{busy}", busy),
        Map.entry("{voice}", OwnSandbox.inList(voice)),
        Map.entry("{voice0}", voice.get(0)),
        Map.entry("{web}", OwnSandbox.inList(web)),
        Map.entry("{web0}", web.get(0)),
        Map.entry("{web01}", OwnSandbox.inList(web.subList(0, 2))),
        Map.entry("{agents}", OwnSandbox.inList(agents)),
        Map.entry("{agent0}", agents.get(0)),
        Map.entry("{agent1}", agents.get(1)),
        Map.entry("{agent2}", agents.get(2)),
        Map.entry("{range}", range),
        Map.entry("{i.range}", range.replace("session_start_time", "i.session_start_time")),
        Map.entry("{f.range}", range.replace("session_start_time", "f.session_start_time")),
        Map.entry("{half_year}", "session_start_time >= TIMESTAMP '2025-03-01 00:00:00'"
            + " AND session_start_time < TIMESTAMP '2025-09-02 00:00:00'"),
        // a PathSim voice call and the agent session it produced (see docs/tables.md's example)
        Map.entry("{linked}", "i.destination = p.target AND i.session_start_time"
            + " BETWEEN p.started_at AND p.started_at + INTERVAL '5' MINUTE"));
    return QUERIES.stream().map(q -> {
      String sql = q;
      for (Map.Entry<String, String> e : values.entrySet()) {
        sql = sql.replace(e.getKey(), e.getValue());
      }
      if (sql.contains("{")) {
        throw new IllegalStateException("a placeholder is left in " + sql);
      }
      return sql;
    }).toList();
  }
}
