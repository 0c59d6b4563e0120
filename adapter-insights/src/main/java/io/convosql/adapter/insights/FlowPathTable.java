package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.json.AnswerPlace;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code insights.flow_path}: the nodes a session executed, one row per step, in order. */
final class FlowPathTable extends ElementTable {
  private static final String LIST = "flow_path";
  private static final int STEP_NO = 2;

  FlowPathTable(ScanSettings settings, boolean pushdown) {
    super("flow_path", "Steps of Insights sessions' flow paths, one row per executed node; pushes down"
        + " session_id, session_start_time ranges, every step field but step_no, and matches() on"
        + " user_input and status_message", LIST, List.of(
            Attribute.of("step_no", INTEGER, "Step number in the session, from 1", null, null),
            column("node_id", VARCHAR, "Internal node id", LIST, "node_id", false),
            column("type", VARCHAR, "Node type, e.g. speak, webhook", LIST, "type", false),
            column("request_id", VARCHAR, "Request id of the node", LIST, "request_id", false),
            column("execution_time_ms", BIGINT, "Execution time in milliseconds", LIST, "execution_time",
                false),
            column("synchronized", BOOLEAN, "Whether the node ran synchronously", LIST, "synchronized",
                false),
            column("request_verb", VARCHAR, "HTTP verb of the node's request", LIST, "request.verb", false),
            column("request_url", VARCHAR, "URL of the node's request", LIST, "request.url", false),
            column("request_headers", VARCHAR, "Headers of the node's request", LIST, "request.headers",
                false).asJson(),
            column("request_payload", VARCHAR, "Payload of the node's request", LIST, "request.payload",
                false).asJson(),
            column("response_code", INTEGER, "HTTP status of the response", LIST, "response.code", false),
            column("response_payload", VARCHAR, "Payload of the response", LIST, "response.payload",
                false).asJson(),
            column("user_input", VARCHAR, "What the caller said at this node", LIST, "context.user_input",
                true),
            column("status_code", INTEGER, "Status code of the node's execution", LIST,
                "context.status.code", false),
            column("status_message", VARCHAR, "Status message of the node's execution", LIST,
                "context.status.message", true).asJson(),
            column("webhook_url", VARCHAR, "The URL the node sent a webhook request to; '' (not NULL)"
                + " when it sent none, as the document writes it", LIST,
                "context.url", false)), settings, pushdown);
  }

  @Override
  @Nullable Object value(int column, JsonNode element, int number, AnswerPlace place) {
    return column == STEP_NO ? (Object) number : super.value(column, element, number, place);
  }

  /** Each row is one of its session's, numbered: the two identify it. */
  @Override
  public List<String> primaryKey() {
    return List.of("session_id", "step_no");
  }
}
