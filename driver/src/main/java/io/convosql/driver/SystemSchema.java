package io.convosql.driver;

import io.convosql.core.http.RecentRequests;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The {@code convosql} schema: the connection's own state as tables. {@code requests} holds the
 * connection's recent API requests.
 */
final class SystemSchema extends AbstractSchema {
  /** The schema's name in the connection's root schema. */
  static final String NAME = "convosql";

  private final RecentRequests requests;

  SystemSchema(RecentRequests requests) {
    this.requests = Objects.requireNonNull(requests, "requests");
  }

  /** The log behind {@code convosql.requests}, for the shell's progress. */
  RecentRequests requests() {
    return requests;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return Map.of(RequestsTable.NAME, new RequestsTable(requests));
  }
}
