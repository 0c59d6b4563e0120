package io.convosql.adapter.pathsim;

import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
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

/** {@code pathsim.steps}: the steps of web tests, from each session's detail. */
final class StepsTable extends SessionChildTable {
  StepsTable(PathSimApi api, boolean pushdown) {
    super(api, pushdown, "steps", "Steps of PathSim web tests; session_id = x or IN reads only those sessions",
        "/sessions/{id}", List.of(
            new Column("session_id", VARCHAR, "Session the step belongs to; = or IN reads only those sessions"),
            new Column("step_number", INTEGER, "Step number as the API gives it"),
            new Column("action", VARCHAR, "What the step did: navigate, click, type, ..."),
            new Column("target", VARCHAR, "What the step acted on"),
            new Column("value", VARCHAR, "The step's value or outcome"),
            new Column("status", VARCHAR, "completed, failed, ..."),
            new Column("at", TIMESTAMP, "When the step ran (UTC), from the epoch-millisecond timestamp")));
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
    List<Object[]> rows = new ArrayList<>();
    if (detail == null) {
      return rows;
    }
    AnswerPlace at = PathSimValues.place("/sessions/" + sessionId).in("data");
    JsonFields.requireObject(detail, at, "the session object");
    JsonNode steps = JsonFields.array(detail, "steps", at, "a list of steps");
    for (int i = 0; steps != null && i < steps.size(); i++) {
      AnswerPlace s = at.at("steps", i);
      JsonNode step = JsonFields.requireObject(steps.get(i), s, "a step object");
      rows.add(new Object[] {
          sessionId,
          PathSimValues.integer(step, "step_number", s),
          PathSimValues.text(step, "action", s),
          PathSimValues.text(step, "target", s),
          PathSimValues.text(step, "value", s),
          PathSimValues.text(step, "status", s),
          PathSimValues.epochMillis(step, "timestamp", s)});
    }
    return rows;
  }
}
