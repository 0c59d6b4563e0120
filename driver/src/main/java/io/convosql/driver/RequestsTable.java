package io.convosql.driver;

import io.convosql.core.http.RecentRequests;
import io.convosql.core.http.RequestRecord;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code convosql.requests}: the connection's recent API requests, oldest first, from memory. Reading
 * it sends no request (and so adds none to itself).
 */
final class RequestsTable extends AbstractTable implements ScannableTable {
  static final String NAME = "requests";
  /** What the table is, for SQL tools (REMARKS). */
  static final String DESCRIPTION = "This connection's recent API requests (the last requestLogSize),"
      + " in the order they finished; reading it sends no request";
  /** What each column is, for SQL tools (REMARKS). */
  static final Map<String, String> COLUMN_DESCRIPTIONS = Map.of(
      "started_at", "When the request was sent, UTC",
      "api", "PathSim or Insights",
      "http_method", "GET or DELETE",
      "path", "The endpoint path below the API's root",
      "parameters", "The query parameters, decoded, in the order sent; credentials never shown",
      "status", "The final HTTP status; 0 when no answer came",
      "ms", "Milliseconds from sending to the answer, all attempts included",
      "row_count", "Items in the answer's list (data or hits); 1 for one object, 0 for an error",
      "retries", "Attempts beyond the first",
      "cache_hit", "Whether the response cache answered, so no request went out");

  private final RecentRequests requests;

  RequestsTable(RecentRequests requests) {
    this.requests = Objects.requireNonNull(requests, "requests");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder()
        .add("started_at", f.createSqlType(SqlTypeName.TIMESTAMP, 3))
        .add("api", SqlTypeName.VARCHAR)
        .add("http_method", SqlTypeName.VARCHAR)
        .add("path", SqlTypeName.VARCHAR)
        .add("parameters", SqlTypeName.VARCHAR)
        .add("status", SqlTypeName.INTEGER)
        .add("ms", SqlTypeName.BIGINT)
        .add("row_count", SqlTypeName.INTEGER)
        .add("retries", SqlTypeName.INTEGER)
        .add("cache_hit", SqlTypeName.BOOLEAN)
        .build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    List<RequestRecord> records = requests.snapshot();
    return Linq4j.asEnumerable(records).select(r -> new Object[] {
        r.startedAt().toEpochMilli(), r.api(), r.method(), r.path(), r.parameterText(), r.status(),
        r.millis(), r.rows(), r.retries(), r.cacheHit()});
  }
}
