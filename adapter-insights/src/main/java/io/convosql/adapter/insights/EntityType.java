package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.json.AnswerPlace;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@code type} column of the parameter tables: the document's answers name a parameter's entity
 * type {@code type}, its model {@code entity}. A term on either name could find nothing on a service
 * of the other shape, so filters on it stay local, and the value falls back to {@code entity}.
 */
final class EntityType {
  private EntityType() {}

  /** The column: read from {@code type} (or {@code entity}), filters local. */
  static Attribute column() {
    return Attribute.of("type", VARCHAR, "Entity type, e.g. sys.names (type in answers, entity in the"
        + " document's model); filters stay local", "type", null);
  }

  /** The entity type of a parameter element: its {@code type}, else its {@code entity}. */
  static @Nullable Object read(JsonNode element, AnswerPlace place) {
    return element.hasNonNull("type")
        ? DocValues.read(element.path("type"), VARCHAR, false, place, "type")
        : DocValues.read(element.path("entity"), VARCHAR, false, place, "entity");
  }
}
