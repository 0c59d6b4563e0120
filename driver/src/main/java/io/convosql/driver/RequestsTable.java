package io.convosql.driver;

import io.convosql.core.http.RecentRequests;
import io.convosql.core.http.RequestRecord;
import java.util.List;
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
