package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.json.JsonFields;
import io.convosql.core.plan.ForeignKey;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table with one row per element of one list in the session document ({@code tags_list},
 * {@code flow_path}, {@code params_list}, {@code transcription}, {@code flow_data.collected_tags},
 * ...), led by the session's id and start time. Searches fetch only that list; filters on element
 * fields find the sessions that hold a matching element, and every row is then checked.
 */
abstract class ElementTable extends InsightsTable {
  private final String list;

  ElementTable(String name, String description, String list, List<Attribute> elementColumns,
      ScanSettings settings, boolean pushdown) {
    super(name, description, withSession(elementColumns), settings, pushdown);
    this.list = Objects.requireNonNull(list, "list");
  }

  @Override
  public List<ForeignKey> foreignKeys() {
    return List.of(new ForeignKey("session_id", "sessions", "id"));
  }

  private static List<Attribute> withSession(List<Attribute> elementColumns) {
    List<Attribute> all = new ArrayList<>();
    all.add(Attribute.of("session_id", VARCHAR, "Session the row belongs to", null, DocField.id("id")));
    all.add(Attribute.of("session_start_time", TIMESTAMP, "When the session started (UTC); ranges push"
        + " down as from_date/to_date", null, null));
    all.addAll(elementColumns);
    return all;
  }

  /** A column read from an element; its filters search {@code <list>.<path>} with the given kind. */
  static Attribute column(String name, org.apache.calcite.sql.type.SqlTypeName type, String description,
      String list, String path, boolean text) {
    return Attribute.of(name, type, description, path,
        text ? DocField.matchOnly(list + "." + path) : DocField.element(list + "." + path));
  }

  @Override
  @Nullable List<String> subtrees(BitSet used) {
    return List.of(list);
  }

  @Override
  List<Object[]> rows(JsonNode doc, BoundScan scan, AnswerPlace place) {
    AnswerPlace at = session(doc, place);
    String id = JsonFields.text(doc, "id", at);
    Object start = DocValues.read(doc.path("session_start_time"), TIMESTAMP, false, at,
        "session_start_time");
    List<Object[]> rows = new ArrayList<>();
    JsonNode elements = list(doc, list, at);
    int index = 0;
    for (int i = 0; elements != null && i < elements.size(); i++) {
      AnswerPlace element = at.at(list, i);
      index = addRows(checked(elements.get(i), element), index, rows, id, start, scan, element);
    }
    return rows;
  }

  /** The list at a dotted path below {@code node}; null when it (or an object on the way) is absent. */
  static @Nullable JsonNode list(JsonNode node, String path, AnswerPlace place) {
    JsonNode v = DocValues.at(node, path, place);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw place.bad(path, v, "a list");
    }
    return v;
  }

  /** An element of the list, as this table reads them: an object unless the table says otherwise. */
  JsonNode checked(JsonNode element, AnswerPlace place) {
    return JsonFields.requireObject(element, place, "an object");
  }

  /**
   * Adds the rows of one element (ordinary tables: one) and returns how many rows the session has so
   * far, for tables that number them.
   */
  int addRows(JsonNode element, int before, List<Object[]> rows, @Nullable String id,
      @Nullable Object start, BoundScan scan, AnswerPlace place) {
    Object[] row = newRow(id, start);
    for (int c = START + 1; c < columns().size(); c++) {
      // unused values stay unread
      row[c] = scan.uses(c) ? value(c, element, before + 1, place) : null;
    }
    rows.add(row);
    return before + 1;
  }

  Object[] newRow(@Nullable String id, @Nullable Object start) {
    Object[] row = new Object[columns().size()];
    row[ID] = id;
    row[START] = start;
    return row;
  }

  /**
   * The value of a column in an element at {@code place}; {@code number} is the row's place in the
   * session, from 1.
   */
  @Nullable Object value(int column, JsonNode element, int number, AnswerPlace place) {
    return attribute(column).value(element, place);
  }
}
