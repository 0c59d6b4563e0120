package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.json.JsonFields;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code insights.request_ids}: the requests of a session, one row per element of
 * {@code request_ids}, whose elements are the ids themselves (text, not objects). They join to
 * {@code insights.flow_path.request_id}.
 */
final class RequestIdsTable extends ElementTable {
  private static final String LIST = "request_ids";

  RequestIdsTable(ScanSettings settings, boolean pushdown) {
    super("request_ids", "Request ids of Insights sessions, one row per session and request; pushes down"
        + " session_id, session_start_time ranges and request_id", LIST, List.of(
            Attribute.of("request_id", VARCHAR, "Request id", null, DocField.element(LIST))),
        settings, pushdown);
  }

  /** An element is the id: text, or a number read as its text; never an object or a list. */
  @Override
  JsonNode checked(JsonNode element, AnswerPlace place) {
    if (element.isContainerNode()
        || element.isFloatingPointNumber() && !Double.isFinite(element.doubleValue())) {
      throw place.badHere(element, "text");
    }
    return element;
  }

  @Override
  @Nullable Object value(int column, JsonNode element, int number, AnswerPlace place) {
    return element.isNull() ? null : JsonFields.scalar(element);
  }
}
