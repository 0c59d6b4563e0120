package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.DOUBLE;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import java.util.List;

/**
 * {@code insights.altered_parameters}: the parameters each flow_path node changed
 * ({@code flow_path[].context.altered_parameters[]}) and what changed them. Every field but
 * audio_duration is an ID field of the document, searched by term; audio_duration, a number whose
 * text ({@code 3} or {@code 3.0}) no one term matches, is checked locally.
 */
final class AlteredParametersTable extends NodeListTable {
  private static final String INNER = "context.altered_parameters";

  AlteredParametersTable(ScanSettings settings, boolean pushdown) {
    super("altered_parameters", "Parameters the nodes of Insights sessions' flow paths changed, one row"
        + " per node and change; pushes down session_id, session_start_time ranges and every field but"
        + " step_no and audio_duration", INNER, List.of(
            column("alteration_source", VARCHAR, "What changed the value: injected, completed or classified",
                INNER, "alteration_source", false),
            column("name", VARCHAR, "Parameter name", INNER, "name", false),
            column("entity", VARCHAR, "Entity type of the parameter", INNER, "entity", false),
            column("value", VARCHAR, "New value", INNER, "value", false).asJson(),
            column("value_text", VARCHAR, "The caller's words that gave the value", INNER, "value_text", false),
            column("audio_url", VARCHAR, "Recording of the caller giving the value", INNER, "audio_url", false),
            Attribute.of("audio_duration", DOUBLE, "Length of that recording (the document gives no unit); filters stay local",
                "audio_duration", null)),
        settings, pushdown);
  }
}
