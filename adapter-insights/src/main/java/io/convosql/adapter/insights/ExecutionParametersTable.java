package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.json.AnswerPlace;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code insights.execution_parameters}: the parameters as each flow_path node saw them when it ran
 * ({@code flow_path[].context.execution_parameters[]}), the session's parameters at that step, set or
 * not. Name and audio_url are ID fields (term); value and value_text are not, so equalities on them
 * are sent as match on their words.
 */
final class ExecutionParametersTable extends NodeListTable {
  private static final String INNER = "context.execution_parameters";
  private static final int TYPE = 4;

  ExecutionParametersTable(ScanSettings settings, boolean pushdown) {
    super("execution_parameters", "Parameters as the nodes of Insights sessions' flow paths ran with"
        + " them, one row per node and parameter; pushes down session_id, session_start_time ranges,"
        + " name, completed, audio_url, and value and value_text as match on their words; type is"
        + " checked locally", INNER, List.of(
            column("name", VARCHAR, "Parameter name", INNER, "name", false),
            EntityType.column(),
            column("value", VARCHAR, "Value when the node ran (empty until collected)", INNER, "value", true)
                .asJson(),
            column("value_text", VARCHAR, "The caller's words that gave the value", INNER, "value_text", true),
            column("completed", BOOLEAN, "Whether the parameter was completed when the node ran", INNER,
                "completed", false),
            column("audio_url", VARCHAR, "Recording of the caller giving the value", INNER, "audio_url",
                false)),
        settings, pushdown);
  }

  @Override
  @Nullable Object value(int column, JsonNode element, int number, AnswerPlace place) {
    return column == TYPE ? EntityType.read(element, place) : super.value(column, element, number, place);
  }
}
