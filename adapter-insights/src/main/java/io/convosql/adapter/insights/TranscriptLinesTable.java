package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.plan.Column;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code insights.transcript_lines}: what was said in a session, one row per turn of
 * {@code transcription}. Each turn is keyed by its speaker: {@code user} for the caller, the agent's
 * id for the agent. {@code matches(text, ...)} is pushed only for the caller's turns (role or speaker
 * pinned to {@code user}), as a match on {@code transcription.client}, the one transcript field the
 * Insights document defines; for agent turns or no pin it stays local.
 */
final class TranscriptLinesTable extends ElementTable {
  private static final String LIST = "transcription";
  private static final String USER = "user";
  /** The document's field for the caller's turns: {@code {"match": {"transcription.client": ...}}}. */
  private static final DocField CLIENT_TURNS = DocField.matchOnly(LIST + ".client");
  private static final int SPEAKER = 3;
  private static final int ROLE = 4;
  private static final int TEXT = 5;

  TranscriptLinesTable(ScanSettings settings, boolean pushdown) {
    super("transcript_lines", "Lines of Insights session transcripts, one row per turn; pushes down"
        + " session_id, session_start_time ranges and matches(text, ...) on the caller's turns (role or"
        + " speaker = 'user')",
        LIST, List.of(
            Attribute.of("line_no", INTEGER, "Line number in the transcript, from 1", null, null),
            Attribute.of("speaker", VARCHAR, "Who spoke: user, or the agent's id", null, null),
            Attribute.of("role", VARCHAR, "user or agent", null, null),
            new Attribute(new Column("text", VARCHAR, "What was said; =, IN and matches() push down on"
                + " the caller's turns only (match on transcription.client when role or speaker = 'user')"),
                null, CLIENT_TURNS, false)),
        settings, pushdown);
  }

  @Override
  @Nullable DocField field(int column, Map<Integer, Object> pins) {
    if (column != TEXT) {
      return super.field(column, pins);
    }
    // The document defines no field for the agent's turns (keyed by the agent's id) nor for all turns
    // together: a match there could find nothing on the service, so it stays local.
    return USER.equals(pins.get(SPEAKER)) || USER.equals(pins.get(ROLE)) ? CLIENT_TURNS : null;
  }

  @Override
  int addRows(JsonNode turn, int before, List<Object[]> rows, @Nullable String id,
      @Nullable Object start, BoundScan scan, AnswerPlace place) {
    int n = before;
    Iterator<Map.Entry<String, JsonNode>> said = turn.fields();
    while (said.hasNext()) {
      Map.Entry<String, JsonNode> e = said.next();
      Object[] row = newRow(id, start);
      row[START + 1] = ++n;
      row[SPEAKER] = e.getKey();
      row[ROLE] = USER.equals(e.getKey()) ? USER : "agent";
      row[TEXT] = DocValues.read(e.getValue(), VARCHAR, false, place, e.getKey());
      rows.add(row);
    }
    return n;
  }

  /** Each row is one of its session's, numbered: the two identify it. */
  @Override
  public List<String> primaryKey() {
    return List.of("session_id", "line_no");
  }
}
