package io.convosql.adapter.pathsim;

import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.scan.BoundScan;
import io.convosql.core.scan.Column;
import java.util.ArrayList;
import java.util.List;

/** {@code pathsim.steps}: the steps of web tests, from each session's detail. */
final class StepsTable extends SessionChildTable {
  StepsTable(PathSimApi api, boolean pushdown) {
    super(api, pushdown, "steps", "Steps of PathSim web tests; session_id = x or IN reads only those sessions",
        "/sessions/{id}", List.of(
            new Column("session_id", VARCHAR, "Session the step belongs to"),
            new Column("step_number", INTEGER, "Step number as the API gives it"),
            new Column("action", VARCHAR, "What the step did: navigate, click, type, ..."),
            new Column("target", VARCHAR, "What the step acted on"),
            new Column("value", VARCHAR, "The step's value or outcome"),
            new Column("status", VARCHAR, "completed, failed, ..."),
            new Column("at", TIMESTAMP, "When the step ran (UTC)")));
  }

  @Override
  List<Object[]> expand(String sessionId, BoundScan scan) {
    JsonNode detail = api.session(sessionId, scan);
    List<Object[]> rows = new ArrayList<>();
    if (detail == null || !detail.path("steps").isArray()) {
      return rows;
    }
    String path = "/sessions/" + sessionId + " steps";
    for (JsonNode step : detail.get("steps")) {
      rows.add(new Object[] {
          sessionId,
          PathSimValues.integer(step, "step_number", path),
          PathSimValues.text(step, "action"),
          PathSimValues.text(step, "target"),
          PathSimValues.text(step, "value"),
          PathSimValues.text(step, "status"),
          PathSimValues.epochMillis(step, "timestamp", path)});
    }
    return rows;
  }
}
