package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.plan.Column;
import java.util.Objects;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One column of an Insights table with where its value is read (a dotted path below the session
 * document or below a list element) and the field its filters search.
 *
 * @param read the path of the value, or null for a column the table fills itself
 * @param field the field filters search, or null when they stay local
 * @param json whether an object or a list in a VARCHAR column reads as its JSON text (free-form
 *     payloads) rather than failing the query
 */
record Attribute(Column column, @Nullable String read, @Nullable DocField field, boolean json) {
  Attribute {
    Objects.requireNonNull(column, "column");
  }

  /** A column whose description (its REMARKS in metadata) ends with what its filters send. */
  static Attribute of(String name, SqlTypeName type, String description, @Nullable String read,
      @Nullable DocField field) {
    return new Attribute(new Column(name, type, description + pushdownNote(field)), read, field, false);
  }

  private static String pushdownNote(@Nullable DocField field) {
    if (field == null || !field.term() && !field.match()) {
      return "";
    }
    if (!field.term()) {
      return "; =, IN and matches() push down as match on " + field.path() + " (its words"
          + (field.json() ? ", but not a value written as a JSON object or list" : "") + ")";
    }
    // <> on a list's element is checked locally: must_not would drop a session that also holds
    // other elements, whose rows <> keeps
    return "; =, " + (field.scalar() ? "<>, " : "") + "IN push down (term on " + field.path()
        + (field.json() ? ", but not a value written as a JSON object or list" : "") + ")"
        + (field.match() ? ", matches() as match" : "");
  }

  /** This column, reading an object or a list as its JSON text, which no term finds. */
  Attribute asJson() {
    if (field == null) {
      return new Attribute(column, read, null, true);
    }
    String description = column.description();
    String plain = description.substring(0, description.length() - pushdownNote(field).length());
    DocField json = field.jsonText();
    return new Attribute(new Column(column.name(), column.type(), plain + pushdownNote(json)), read, json, true);
  }

  /** The value of this column in {@code node} (the document or a list element) at {@code place}. */
  @Nullable Object value(JsonNode node, AnswerPlace place) {
    return read == null ? null
        : DocValues.read(DocValues.at(node, read, place), column.type(), json, place, read);
  }
}
