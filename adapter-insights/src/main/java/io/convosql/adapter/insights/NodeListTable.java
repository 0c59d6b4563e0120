package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.plan.ForeignKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table with one row per element of a list inside each {@code flow_path} node ({@code tags},
 * {@code context.execution_parameters}, {@code context.altered_parameters}), with the node's
 * {@code step_no} as {@code insights.flow_path} numbers it, so that the two join on session_id and
 * step_no. Searches fetch the whole {@code flow_path}: a projection of the inner list alone would
 * leave out the nodes where it is empty (the API, like ElasticSearch, drops what a projection leaves
 * empty) and so renumber the steps.
 */
abstract class NodeListTable extends ElementTable {
  static final String FLOW_PATH = "flow_path";
  static final int STEP_NO = START + 1;
  private final String inner;

  /**
   * @param inner the list's path below a node, e.g. {@code context.execution_parameters}
   * @param elementColumns the columns after step_no, read from the inner list's elements
   */
  NodeListTable(String name, String description, String inner, List<Attribute> elementColumns,
      ScanSettings settings, boolean pushdown) {
    super(name, description, FLOW_PATH, withStep(elementColumns), settings, pushdown);
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  /** The session, and the node of {@code insights.flow_path} whose list the row is an element of. */
  @Override
  public List<ForeignKey> foreignKeys() {
    List<ForeignKey> keys = new ArrayList<>(super.foreignKeys());
    keys.add(new ForeignKey(List.of("session_id", "step_no"), FLOW_PATH, List.of("session_id", "step_no")));
    return keys;
  }

  private static List<Attribute> withStep(List<Attribute> elementColumns) {
    List<Attribute> all = new ArrayList<>();
    all.add(Attribute.of("step_no", INTEGER, "Step number of the node in the session, from 1, as in"
        + " flow_path.step_no", null, null));
    all.addAll(elementColumns);
    return all;
  }

  /** A column read from the inner list's elements; its filters search {@code flow_path.<inner>.<path>}. */
  static Attribute column(String name, org.apache.calcite.sql.type.SqlTypeName type, String description,
      String inner, String path, boolean text) {
    return ElementTable.column(name, type, description, FLOW_PATH + "." + inner, path, text);
  }

  /** Adds a row per element of the node's inner list; {@code before} counts the nodes so far. */
  @Override
  int addRows(JsonNode node, int before, List<Object[]> rows, @Nullable String id,
      @Nullable Object start, BoundScan scan, AnswerPlace place) {
    int step = before + 1;
    JsonNode elements = list(node, inner, place);
    for (int j = 0; elements != null && j < elements.size(); j++) {
      AnswerPlace at = place.at(inner, j);
      JsonNode element = checked(elements.get(j), at);
      Object[] row = newRow(id, start);
      row[STEP_NO] = step;
      for (int c = STEP_NO + 1; c < columns().size(); c++) {
        row[c] = scan.uses(c) ? value(c, element, step, at) : null; // unused values stay unread
      }
      rows.add(row);
    }
    return step;
  }
}
