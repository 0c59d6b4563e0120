package io.convosql.adapter.pathsim;

import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.scan.Column;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The columns of {@code pathsim.sessions} and how a row is read from the API: the first ten come from
 * the sessions list (Test History format), the rest from {@code GET /sessions/{id}} and are fetched
 * only when a query uses them.
 */
final class SessionColumns {
  static final int ID = 0;
  static final int TEST_ID = 1;
  static final int WORKSPACE_ID = 2;
  static final int STARTED_AT = 3;
  static final int TEST_TYPE = 4;
  static final int OBJECTIVE = 5;
  static final int CONNECTED = 6;
  static final int VIRTUAL_CUSTOMER = 7;
  static final int TARGET = 8;
  static final int SOURCE = 9;
  /** Columns from here on come from the detail endpoint. */
  static final int FIRST_DETAIL = 10;

  static final List<Column> COLUMNS = List.of(
      new Column("id", VARCHAR, "Session identifier (_id); equality fetches the session directly"),
      new Column("test_id", VARCHAR, "Test identifier (call_... for voice, test_... for web)"),
      new Column("workspace_id", VARCHAR, "Workspace of the session; equality or IN reads only those workspaces"),
      new Column("started_at", TIMESTAMP, "Start time in UTC (minute precision); ranges push down as created_from/created_to"),
      new Column("test_type", VARCHAR, "Voice or Web; pushes down as type"),
      new Column("objective", VARCHAR, "Achieved, Not Achieved or --; pushes down as objective"),
      new Column("connected", VARCHAR, "Connected, Failed, System Error or In Progress; pushes down as connected"),
      new Column("virtual_customer", VARCHAR, "Name of the virtual customer (agent) that ran the test; LIKE '%x%' pushes down as search"),
      new Column("target", VARCHAR, "Phone number or URL tested; LIKE '%x%' pushes down as search"),
      new Column("source", VARCHAR, "Campaign or Ad-hoc; pushes down as source"),
      new Column("duration_seconds", INTEGER, "Call duration in seconds (detail)"),
      new Column("summary", VARCHAR, "Summary of the conversation (detail)"),
      new Column("call_successful", BOOLEAN, "Whether the call succeeded (detail)"),
      new Column("test_successful", BOOLEAN, "Whether the test succeeded (detail)"),
      new Column("objective_met", BOOLEAN, "Whether the objective was met (detail)"),
      new Column("reached_target_website", BOOLEAN, "Web tests: whether the target website was reached (detail)"),
      new Column("intent_achieved", BOOLEAN, "Web tests: whether the intent was achieved (detail)"),
      new Column("to_number", VARCHAR, "Voice: the number called (detail)"),
      new Column("disconnection_reason", VARCHAR, "Voice: why the call ended (detail)"),
      new Column("user_sentiment", VARCHAR, "Voice: sentiment of the user (detail)"),
      new Column("latency_avg_ms", INTEGER, "Voice: average far-end latency in ms (detail)"),
      new Column("latency_min_ms", INTEGER, "Voice: minimum far-end latency in ms (detail)"),
      new Column("latency_max_ms", INTEGER, "Voice: maximum far-end latency in ms (detail)"),
      new Column("latency_measurements", INTEGER, "Voice: number of valid latency measurements (detail)"),
      new Column("target_url", VARCHAR, "Web: URL tested (detail)"),
      new Column("recording_url", VARCHAR, "URL of the recording information (detail)"),
      new Column("transcript", VARCHAR, "Voice: the whole transcript, one 'speaker: text' per line (detail)"));

  private SessionColumns() {}

  /** A row with the list fields of one session (detail columns NULL). */
  static Object[] fromList(JsonNode item, @Nullable String workspaceId, String path) {
    Object[] row = new Object[COLUMNS.size()];
    row[ID] = PathSimValues.text(item, "_id");
    row[TEST_ID] = PathSimValues.text(item, "test_id");
    row[WORKSPACE_ID] = workspaceId;
    row[STARTED_AT] = PathSimValues.time(item, "Time", path);
    row[TEST_TYPE] = PathSimValues.text(item, "Test Type");
    row[OBJECTIVE] = PathSimValues.text(item, "Objective");
    row[CONNECTED] = PathSimValues.text(item, "Connected");
    row[VIRTUAL_CUSTOMER] = PathSimValues.text(item, "Virtual Customer");
    row[TARGET] = PathSimValues.text(item, "Target");
    row[SOURCE] = PathSimValues.text(item, "Source");
    if (row[ID] == null) {
      throw PathSimApi.dataError(path, "_id", "is missing from a session");
    }
    return row;
  }

  /** Fills the detail columns of a row from {@code GET /sessions/{id}}. */
  static Object[] withDetail(Object[] row, JsonNode d, String path) {
    row[10] = PathSimValues.durationSeconds(d, "duration", path);
    row[11] = PathSimValues.text(d, "summary");
    row[12] = PathSimValues.bool(d, "call_successful", path);
    row[13] = PathSimValues.bool(d, "test_successful", path);
    row[14] = PathSimValues.bool(d, "objective_met", path);
    row[15] = PathSimValues.bool(d, "reached_target_website", path);
    row[16] = PathSimValues.bool(d, "intent_achieved", path);
    row[17] = PathSimValues.text(d, "to_number");
    row[18] = PathSimValues.text(d, "disconnection_reason");
    row[19] = PathSimValues.text(d, "user_sentiment");
    JsonNode latency = d.path("far_end_latency_stats");
    if (latency.isObject()) {
      String p = path + " far_end_latency_stats";
      row[20] = PathSimValues.integer(latency, "average_ms", p);
      row[21] = PathSimValues.integer(latency, "min_ms", p);
      row[22] = PathSimValues.integer(latency, "max_ms", p);
      row[23] = PathSimValues.integer(latency, "valid_measurements", p);
    }
    row[24] = PathSimValues.text(d, "target_url");
    row[25] = PathSimValues.text(d, "recording_url");
    row[26] = PathSimValues.text(d, "transcript");
    return row;
  }

  /** Whether any detail column is among the used columns. */
  static boolean needsDetail(java.util.BitSet used) {
    return used.nextSetBit(FIRST_DETAIL) >= 0;
  }
}
