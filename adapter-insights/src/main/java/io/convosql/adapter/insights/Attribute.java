package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.scan.Column;
import java.util.Objects;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One column of an Insights table with where its value is read (a dotted path below the session
 * document or below a list element) and the field its filters search.
 *
 * @param read the path of the value, or null for a column the table fills itself
 * @param field the field filters search, or null when they stay local
 */
record Attribute(Column column, @Nullable String read, @Nullable DocField field) {
  Attribute {
    Objects.requireNonNull(column, "column");
  }

  static Attribute of(String name, SqlTypeName type, String description, @Nullable String read,
      @Nullable DocField field) {
    return new Attribute(new Column(name, type, description), read, field);
  }

  /** The value of this column in {@code node} (the document or a list element). */
  @Nullable Object value(JsonNode node, String fieldForErrors) {
    return read == null ? null : DocValues.read(DocValues.at(node, read), column.type(), fieldForErrors);
  }
}
