package io.convosql.core.plan;

import java.util.Objects;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One column of an API table: its SQL name, type and a one-line description that becomes the
 * column's remarks in metadata.
 */
public record Column(String name, SqlTypeName type, String description) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
  }

  /** The Java class of this column's values inside Calcite (timestamps are epoch milliseconds). */
  public Class<?> javaClass() {
    switch (type) {
      case VARCHAR:
        return String.class;
      case INTEGER:
        return Integer.class;
      case BIGINT:
      case TIMESTAMP:
        return Long.class;
      case BOOLEAN:
        return Boolean.class;
      case DOUBLE:
        return Double.class;
      case VARBINARY:
        return org.apache.calcite.avatica.util.ByteString.class;
      default:
        throw new IllegalArgumentException("unsupported column type " + type);
    }
  }
}
