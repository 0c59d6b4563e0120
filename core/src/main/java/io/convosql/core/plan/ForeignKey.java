package io.convosql.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * Columns of an API table that name a row of another table of the same schema (a child row's
 * session, a session's workspace, a node's list element's node). Declared for SQL tools, which draw
 * relations and suggest joins from it; nothing checks it.
 *
 * @param columns the referring columns of this table, in the order of the referred key
 * @param table the referred table, in the same schema
 * @param tableColumns the referred table's primary key columns
 */
public record ForeignKey(List<String> columns, String table, List<String> tableColumns) {
  public ForeignKey {
    columns = List.copyOf(columns);
    Objects.requireNonNull(table, "table");
    tableColumns = List.copyOf(tableColumns);
    if (columns.isEmpty() || columns.size() != tableColumns.size()) {
      throw new IllegalArgumentException("a key of " + columns + " cannot refer to " + tableColumns);
    }
  }

  /** A key of one column. */
  public ForeignKey(String column, String table, String tableColumn) {
    this(List.of(column), table, List.of(tableColumn));
  }
}
