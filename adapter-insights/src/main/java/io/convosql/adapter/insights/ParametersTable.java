package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.json.AnswerPlace;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code insights.parameters}: the last value of each parameter a session collected (from
 * {@code params_list}). {@code name = 'n' AND value = 'v'} searches the document's shortcut field
 * {@code parameters.n}.
 */
final class ParametersTable extends ElementTable {
  private static final String LIST = "params_list";
  private static final int NAME = 2;
  private static final int TYPE = 3;
  private static final int VALUE = 4;

  ParametersTable(ScanSettings settings, boolean pushdown) {
    super("parameters", "Parameters collected by Insights sessions, one row per session and parameter;"
        + " pushes down session_id, session_start_time ranges, name, value (name and value together"
        + " as parameters.<name>), value_text, completed, audio_url and matches() on value_text; type is checked"
        + " locally", LIST, List.of(
            column("name", VARCHAR, "Parameter name", LIST, "name", false),
            EntityType.column(),
            column("value", VARCHAR, "Last value set", LIST, "value", false).asJson(),
            column("value_text", VARCHAR, "The caller's words that gave the value", LIST, "value_text", true),
            column("completed", BOOLEAN, "Whether the parameter was completed", LIST, "completed", false),
            column("audio_url", VARCHAR, "Recording of the caller giving the value", LIST, "audio_url",
                false)),
        settings, pushdown);
  }

  @Override
  @Nullable DocField field(int column, Map<Integer, Object> pins) {
    if (column == VALUE && pins.containsKey(NAME)) {
      return DocField.element("parameters." + pins.get(NAME)).jsonText();
    }
    if (column == NAME && pins.containsKey(NAME) && pins.containsKey(VALUE)
        && SearchPlan.plainText(pins.get(VALUE))) {
      return DocField.IMPLIED; // parameters.<name> = value carries the name
    }
    if (column == TYPE) {
      // The document's answers name it params_list.type, its model entity: a term on either could
      // find nothing on a service of the other shape, so the filter stays local.
      return null;
    }
    return super.field(column, pins);
  }

  /** The entity type is {@code type} in answers and {@code entity} in the document's model. */
  @Override
  @Nullable Object value(int column, JsonNode element, int number, AnswerPlace place) {
    return column == TYPE ? EntityType.read(element, place) : super.value(column, element, number, place);
  }
}
