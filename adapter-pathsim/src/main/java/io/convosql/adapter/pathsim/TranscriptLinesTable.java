package io.convosql.adapter.pathsim;

import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.http.Futures;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.json.JsonFields;
import io.convosql.core.plan.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code pathsim.transcript_lines}: one row per line of a session's transcript. The speaker is what
 * stands before the first {@code ": "} of the line; a line without one has no speaker.
 */
final class TranscriptLinesTable extends SessionChildTable {
  TranscriptLinesTable(PathSimApi api, boolean pushdown) {
    super(api, pushdown, "transcript_lines", "Lines of PathSim session transcripts; session_id = x or IN"
        + " reads only those sessions", "/sessions/{id}", List.of(
            new Column("session_id", VARCHAR, "Session the line belongs to; = or IN reads only those sessions"),
            new Column("line_no", INTEGER, "Line number in the transcript, from 1"),
            new Column("speaker", VARCHAR, "Who spoke (the text before the first ': '), e.g. user or agent"),
            new Column("text", VARCHAR, "What was said")));
  }

  @Override
  List<Object[]> expand(String sessionId, BoundScan scan) {
    return rows(sessionId, api.session(sessionId, scan.announced()));
  }

  @Override
  boolean expandsInFlight() {
    return true;
  }

  @Override
  CompletableFuture<List<Object[]>> expandAsync(String sessionId, BoundScan scan) {
    return Futures.map(api.sessionAsync(sessionId, scan.announced()), detail -> rows(sessionId, detail));
  }

  /** The rows of a session's detail (none when it is null: no such session). */
  private static List<Object[]> rows(String sessionId, @Nullable JsonNode detail) {
    String transcript = null;
    if (detail != null) {
      AnswerPlace at = PathSimValues.place("/sessions/" + sessionId).in("data");
      JsonFields.requireObject(detail, at, "the session object");
      transcript = PathSimValues.text(detail, "transcript", at);
    }
    List<Object[]> rows = new ArrayList<>();
    if (transcript == null || transcript.isBlank()) {
      return rows;
    }
    int lineNo = 0;
    for (String line : transcript.split("\\r?\\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(": ");
      String speaker = colon < 0 ? null : line.substring(0, colon).strip();
      String text = colon < 0 ? line.strip() : line.substring(colon + 2).strip();
      rows.add(new Object[] {sessionId, ++lineNo, speaker, text});
    }
    return rows;
  }

  /** Each row is one of its session's, numbered: the two identify it. */
  @Override
  public List<String> primaryKey() {
    return List.of("session_id", "line_no");
  }
}
