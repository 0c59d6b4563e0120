package io.convosql.adapter.pathsim;

import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.json.BadAnswer;
import io.convosql.core.json.JsonFields;
import io.convosql.core.plan.Column;
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
      new Column("id", VARCHAR, "Session identifier (_id); equality or IN fetches those sessions directly"),
      new Column("test_id", VARCHAR, "Test identifier (call_... for voice, test_... for web)"),
      new Column("workspace_id", VARCHAR, "Workspace the session was listed in; equality or IN reads only those workspaces"),
      new Column("started_at", TIMESTAMP, "Start time in UTC, from Time (minute precision; read month first or day first as the answers show); ranges push down as created_from/created_to"),
      new Column("test_type", VARCHAR, "Voice or Web; pushes down as type"),
      new Column("objective", VARCHAR, "Achieved, Not Achieved or --; pushes down as objective"),
      new Column("connected", VARCHAR, "Connected, Failed, System Error or In Progress; pushes down as connected"),
      new Column("virtual_customer", VARCHAR, "Name of the virtual customer (agent) that ran the test; LIKE '%x%' pushes down as search"),
      new Column("target", VARCHAR, "Phone number or URL tested; LIKE '%x%' pushes down as search"),
      new Column("source", VARCHAR, "Campaign or Ad-hoc; pushes down as source"),
      new Column("duration_seconds", INTEGER, "Call duration in seconds, from duration (\"4m 28s\") (detail)"),
      new Column("summary", VARCHAR, "Summary of the conversation (detail)"),
      new Column("call_successful", BOOLEAN, "Whether the call succeeded (detail)"),
      new Column("test_successful", BOOLEAN, "Whether the test succeeded (detail)"),
      new Column("objective_met", BOOLEAN, "Whether the objective was met (detail)"),
      new Column("reached_target_website", BOOLEAN, "Web tests: whether the target website was reached (detail)"),
      new Column("intent_achieved", BOOLEAN, "Web tests: whether the intent was achieved (detail)"),
      new Column("to_number", VARCHAR, "Voice: the number called (detail)"),
      new Column("disconnection_reason", VARCHAR, "Voice: why the call ended (detail)"),
      new Column("user_sentiment", VARCHAR, "Voice: sentiment of the user (detail)"),
      new Column("latency_avg_ms", INTEGER, "Voice: average far-end latency in ms, from far_end_latency_stats (detail)"),
      new Column("latency_min_ms", INTEGER, "Voice: minimum far-end latency in ms, from far_end_latency_stats (detail)"),
      new Column("latency_max_ms", INTEGER, "Voice: maximum far-end latency in ms, from far_end_latency_stats (detail)"),
      new Column("latency_measurements", INTEGER, "Voice: number of valid latency measurements, from far_end_latency_stats (detail)"),
      new Column("target_url", VARCHAR, "Web: URL tested (detail)"),
      new Column("recording_url", VARCHAR, "URL of the recording information (detail)"),
      new Column("transcript", VARCHAR, "Voice: the whole transcript, one 'speaker: text' per line (detail)"));

  private SessionColumns() {}

  /**
   * A row with the list fields of one session (detail columns NULL), from an element of the
   * sessions list's {@code data}. Errors name the session by its id, since the element's place in
   * the list is not known here. Its started_at may be a {@link TimeReading.TableTime} until
   * {@link TimeReading#settle} reads the page.
   */
  static Object[] fromList(JsonNode item, @Nullable String workspaceId, String path) {
    if (!item.isObject()) {
      throw BadAnswer.of(PathSimApi.SPEC.name(), path, "a session in data", item,
          "a session object");
    }
    AnswerPlace anySession = PathSimValues.place(path).owned(" of a session in data");
    String id = JsonFields.requiredText(item, "_id", anySession, "the session id");
    AnswerPlace at =
        anySession.owned(" of session " + BadAnswer.show(item.get("_id")) + " in data");
    Object[] row = new Object[COLUMNS.size()];
    listColumns(row, item, at);
    row[ID] = id;
    row[WORKSPACE_ID] = workspaceId;
    return row;
  }

  /**
   * A row with the list and detail fields of the session {@code GET /sessions/{id}} answered; its
   * started_at may be a {@link TimeReading.TableTime} until {@link TimeReading#settle} reads it.
   */
  static Object[] fromDetail(JsonNode d, String path) {
    AnswerPlace at = detailPlace(d, path);
    Object[] row = new Object[COLUMNS.size()];
    listColumns(row, d, at);
    row[ID] = JsonFields.requiredText(d, "_id", at, "the session id");
    return withDetail(row, d, path);
  }

  private static AnswerPlace detailPlace(JsonNode d, String path) {
    AnswerPlace at = PathSimValues.place(path).in("data");
    JsonFields.requireObject(d, at, "the session object");
    return at;
  }

  private static void listColumns(Object[] row, JsonNode item, AnswerPlace at) {
    row[TEST_ID] = PathSimValues.text(item, "test_id", at);
    // a TableTime until the page is settled (TimeReading), when its date may be read two ways
    row[STARTED_AT] = PathSimValues.sessionTime(item, "Time", at);
    row[TEST_TYPE] = PathSimValues.text(item, "Test Type", at);
    row[OBJECTIVE] = PathSimValues.text(item, "Objective", at);
    row[CONNECTED] = PathSimValues.text(item, "Connected", at);
    row[VIRTUAL_CUSTOMER] = PathSimValues.text(item, "Virtual Customer", at);
    row[TARGET] = PathSimValues.text(item, "Target", at);
    row[SOURCE] = PathSimValues.text(item, "Source", at);
  }

  /**
   * Fills the detail columns of a row from {@code GET /sessions/{id}}. The answer must be an object
   * (a null or other {@code data} is an error, not a row of NULLs) and, when it names its session,
   * the session of the row: another session's details are never merged into this row.
   */
  static Object[] withDetail(Object[] row, JsonNode d, String path) {
    AnswerPlace at = detailPlace(d, path);
    String id = PathSimValues.text(d, "_id", at);
    if (id != null && !id.equals(row[ID])) {
      String asked = BadAnswer.show(JsonNodeFactory.instance.textNode((String) row[ID]));
      throw at.bad("_id", d.get("_id"), asked + ", the session asked for");
    }
    row[10] = PathSimValues.durationSeconds(d, "duration", at);
    row[11] = PathSimValues.text(d, "summary", at);
    row[12] = PathSimValues.bool(d, "call_successful", at);
    row[13] = PathSimValues.bool(d, "test_successful", at);
    row[14] = PathSimValues.bool(d, "objective_met", at);
    row[15] = PathSimValues.bool(d, "reached_target_website", at);
    row[16] = PathSimValues.bool(d, "intent_achieved", at);
    row[17] = PathSimValues.text(d, "to_number", at);
    row[18] = PathSimValues.text(d, "disconnection_reason", at);
    row[19] = PathSimValues.text(d, "user_sentiment", at);
    JsonNode latency = JsonFields.object(d, "far_end_latency_stats", at,
        "an object with average_ms, min_ms, max_ms and valid_measurements");
    if (latency != null) {
      AnswerPlace l = at.in("far_end_latency_stats");
      row[20] = PathSimValues.integer(latency, "average_ms", l);
      row[21] = PathSimValues.integer(latency, "min_ms", l);
      row[22] = PathSimValues.integer(latency, "max_ms", l);
      row[23] = PathSimValues.integer(latency, "valid_measurements", l);
    }
    row[24] = PathSimValues.text(d, "target_url", at);
    row[25] = PathSimValues.text(d, "recording_url", at);
    row[26] = PathSimValues.text(d, "transcript", at);
    return row;
  }

  /** Whether any detail column is among the used columns. */
  /** The columns only a session's detail ({@code GET /sessions/{id}}) has. */
  static java.util.BitSet detailColumns() {
    java.util.BitSet detail = new java.util.BitSet();
    detail.set(FIRST_DETAIL, COLUMNS.size());
    return detail;
  }

  static boolean needsDetail(java.util.BitSet used) {
    return used.nextSetBit(FIRST_DETAIL) >= 0;
  }
}
