package io.convosql.core.plan;

import java.util.Objects;

/**
 * A column of an API table that names a row of another table of the same schema (a child row's
 * session, a session's workspace). Declared for SQL tools, which draw relations and suggest joins from
 * it; nothing checks it.
 *
 * @param column the referring column of this table
 * @param table the referred table, in the same schema
 * @param tableColumn the referred table's primary key column
 */
public record ForeignKey(String column, String table, String tableColumn) {
  public ForeignKey {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(tableColumn, "tableColumn");
  }
}
