package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.json.AnswerPlace;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code insights.collected_parameters}: every value a session collected for a parameter, in order,
 * one row per element of {@code flow_data.collected_parameters}; a parameter collected twice is two
 * rows (insights.parameters keeps the last value). Name and audio_url are ID fields (term); value and
 * value_text are not, so equalities on them are sent as match on their words.
 */
final class CollectedParametersTable extends ElementTable {
  private static final String LIST = "flow_data.collected_parameters";
  private static final int COLLECT_NO = 2;
  private static final int TYPE = 4;

  CollectedParametersTable(ScanSettings settings, boolean pushdown) {
    super("collected_parameters", "Parameter values as Insights sessions collected them, one row per"
        + " collection, duplicates kept; pushes down session_id, session_start_time ranges, name,"
        + " completed, audio_url, and value and value_text as match on their words; type is checked"
        + " locally", LIST, List.of(
            Attribute.of("collect_no", INTEGER, "Place of the collection in the session, from 1", null, null),
            column("name", VARCHAR, "Parameter name", LIST, "name", false),
            EntityType.column(),
            column("value", VARCHAR, "Value collected", LIST, "value", true).asJson(),
            column("value_text", VARCHAR, "The caller's words that gave the value", LIST, "value_text", true),
            column("completed", BOOLEAN, "Whether the parameter was completed", LIST, "completed", false),
            column("audio_url", VARCHAR, "Recording of the caller giving the value", LIST, "audio_url",
                false)),
        settings, pushdown);
  }

  @Override
  @Nullable Object value(int column, JsonNode element, int number, AnswerPlace place) {
    if (column == COLLECT_NO) {
      return number;
    }
    return column == TYPE ? EntityType.read(element, place) : super.value(column, element, number, place);
  }

  /** Each row is one of its session's, numbered: the two identify it. */
  @Override
  public List<String> primaryKey() {
    return List.of("session_id", "collect_no");
  }
}
